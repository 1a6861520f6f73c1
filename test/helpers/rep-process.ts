// The test's side of a rep PC process (test/helpers/rep-client-process.ts): sends commands, collects answers,
// pushed events and status changes.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { PushedEvent } from '../../core/api/contract';
import { root } from '../e2e/hub-harness';
import { stopChild, waitFor } from './lan-hub';

export interface ChildError {
  readonly code: string;
  readonly reason: string;
  readonly message: string;
}

export type ChildAnswer = { ok: true; value: unknown } | { ok: false; error: ChildError };

export interface RepProcess {
  readonly events: PushedEvent[];
  readonly statuses: { state: string }[];
  request(op: string, args?: Record<string, unknown>): Promise<ChildAnswer>;
  /** The call's value, or throws with the refusal's reason. */
  call<T = unknown>(name: string, input: unknown): Promise<T>;
  waitForEvent(
    what: string,
    match: (event: PushedEvent) => boolean,
    timeoutMs?: number,
  ): Promise<PushedEvent>;
  output(): string;
  stop(): Promise<void>;
}

export async function startRepProcess(): Promise<RepProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'test', 'helpers', 'rep-client-process.ts')],
    { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const pending = new Map<number, (answer: ChildAnswer) => void>();
  const events: PushedEvent[] = [];
  const statuses: { state: string }[] = [];
  let nextId = 1;
  let isReady = false;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const message = JSON.parse(line) as Record<string, unknown>;
    if (message['type'] === 'ready') isReady = true;
    else if (message['type'] === 'event') events.push(message['event'] as PushedEvent);
    else if (message['type'] === 'status') statuses.push(message['status'] as { state: string });
    else pending.get(message['id'] as number)?.(message as unknown as ChildAnswer);
  });
  await waitFor(
    'the rep process to start',
    () => {
      if (child.exitCode !== null) throw new Error(`The rep process exited:\n${stderr}`);
      return isReady;
    },
    60_000,
  );
  const request = (op: string, args: Record<string, unknown> = {}) =>
    new Promise<ChildAnswer>((resolve, reject) => {
      if (child.exitCode !== null) reject(new Error(`The rep process exited:\n${stderr}`));
      const id = nextId++;
      pending.set(id, (answer) => {
        pending.delete(id);
        resolve(answer);
      });
      child.stdin!.write(`${JSON.stringify({ id, op, ...args })}\n`);
    });
  return {
    events,
    statuses,
    request,
    async call<T>(name: string, input: unknown): Promise<T> {
      const answer = await request('call', { name, input });
      if (!answer.ok) throw Object.assign(new Error(answer.error.message), answer.error);
      return answer.value as T;
    },
    waitForEvent(what, match, timeoutMs = 10_000) {
      return waitFor(what, () => events.find(match), timeoutMs);
    },
    output: () => stderr,
    async stop() {
      await stopChild(child);
    },
  };
}
