// A rep PC as its own process, for LAN tests: the real rep client (core/lan/rep-client.ts) driven by JSON lines on
// stdin ({id, op, ...}); it answers {id, ok, value | error} and reports pushed events and status changes as
// {type: 'event' | 'status', ...} lines on stdout.
import { createInterface } from 'node:readline';
import { ApiError } from '../../core/api/errors';
import type { CallName } from '../../core/api/contract';
import { createFileDeviceStore } from '../../core/lan/device-store';
import { connectRepClient, type RepClient } from '../../core/lan/rep-client';
import { pairWithHub } from '../../core/lan/rep-pairing';

type Command =
  | { id: number; op: 'pair'; hubUrl: string; code: string; deviceName: string; storePath: string }
  | { id: number; op: 'connect'; storePath: string }
  | { id: number; op: 'call'; name: CallName; input: unknown }
  | { id: number; op: 'status' }
  | { id: number; op: 'exit' };

let rep: RepClient | null = null;

function send(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function errorOf(error: unknown) {
  if (error instanceof ApiError) return { code: error.code, reason: error.reason, message: error.message };
  return { code: 'internal', reason: 'child.crash', message: String(error) };
}

async function run(command: Command): Promise<unknown> {
  switch (command.op) {
    case 'pair': {
      const paired = await pairWithHub({
        hubUrl: command.hubUrl,
        code: command.code,
        deviceName: command.deviceName,
        store: createFileDeviceStore(command.storePath),
      });
      return { deviceId: paired.device.deviceId, actor: paired.actor };
    }
    case 'connect': {
      rep?.close();
      rep = await connectRepClient(createFileDeviceStore(command.storePath));
      rep.onStatus((status) => send({ type: 'status', status }));
      rep.client.subscribe((event) => send({ type: 'event', event }));
      return { actor: rep.actor(), status: rep.status() };
    }
    case 'call': {
      if (!rep) throw new Error('connect first');
      return rep.client.call(command.name, command.input as never);
    }
    case 'status':
      return rep?.status() ?? null;
    case 'exit':
      rep?.close();
      setImmediate(() => process.exit(0));
      return null;
  }
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line) as Command;
  run(command).then(
    (value) => send({ id: command.id, ok: true, value: value ?? null }),
    (error: unknown) => send({ id: command.id, ok: false, error: errorOf(error) }),
  );
});
send({ type: 'ready' });
