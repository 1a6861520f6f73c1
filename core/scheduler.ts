// The SLA scheduler: ticks at start-up (catching up after downtime or sleep) and every minute, and soon after
// new assignments so reps hear about them at once. Each tick is the `sla.runDue` call.
import type { CallResult } from './api/contract';
import type { TickSummary } from './api/sla/schemas';
import { isEvent } from './api/transport/client';
import type { Service } from './api/service';

export interface SlaScheduler {
  /**
   * Runs a tick that starts now or later, never one that started before the call: while a tick runs, every
   * caller shares the one tick queued after it. Null when it failed.
   */
  runNow(): Promise<TickSummary | null>;
  stop(): void;
}

export interface SlaSchedulerOptions {
  readonly service: Service;
  /** Between ticks, ms [60 000]. */
  readonly intervalMs?: number;
  /** After an assignment event, ms [1 000]: batches a burst of assignments into one tick. */
  readonly eventDelayMs?: number;
  readonly onTick?: (summary: TickSummary) => void;
  readonly onError?: (message: string) => void;
}

export function startSlaScheduler(options: SlaSchedulerOptions): SlaScheduler {
  const { service } = options;
  const intervalMs = options.intervalMs ?? 60_000;
  const eventDelayMs = options.eventDelayMs ?? 1_000;
  let running: Promise<TickSummary | null> | null = null;
  let queued: Promise<TickSummary | null> | null = null;
  let stopped = false;
  let soon: ReturnType<typeof setTimeout> | null = null;

  // The scheduler is trusted code of the hub: its ticks run as the team lead, under a session it reopens when
  // the session has ended (a long sleep outlasts it).
  let token: string | null = null;

  async function runDue(): Promise<CallResult<unknown>> {
    token ??= service.openTrustedSession({ role: 'lead' });
    const result = await service.dispatch('sla.runDue', {}, { token });
    if (result.ok || result.error.code !== 'unauthenticated') return result;
    token = service.openTrustedSession({ role: 'lead' });
    return service.dispatch('sla.runDue', {}, { token });
  }

  async function tick(): Promise<TickSummary | null> {
    const result = await runDue();
    if (!result.ok) {
      options.onError?.(result.error.message);
      return null;
    }
    const summary = result.value as TickSummary;
    options.onTick?.(summary);
    return summary;
  }

  function runNow(): Promise<TickSummary | null> {
    if (stopped) return Promise.resolve(null);
    if (running) {
      queued ??= running.then(() => {
        queued = null;
        return runNow();
      });
      return queued;
    }
    running = tick().finally(() => {
      running = null;
    });
    return running;
  }

  // A timer that fires late (the machine slept) simply ticks late: due actions are computed at the tick's time,
  // and the engine applies each clock's most severe due step once.
  const timer = setInterval(() => void runNow(), intervalMs);
  timer.unref?.();
  const unsubscribe = service.subscribe((event) => {
    const isAssignment =
      isEvent(event, 'distribution.assigned') ||
      (isEvent(event, 'appeals.changed') && event.payload.state !== 'open');
    if (!isAssignment || soon !== null || stopped) return;
    soon = setTimeout(() => {
      soon = null;
      void runNow();
    }, eventDelayMs);
    soon.unref?.();
  });
  void runNow();

  return {
    runNow,
    stop() {
      stopped = true;
      clearInterval(timer);
      if (soon !== null) clearTimeout(soon);
      unsubscribe();
    },
  };
}
