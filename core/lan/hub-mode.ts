// Hub mode's switch for the desktop app's core: starts the LAN hub (lan-hub.ts) when turned on and stops it when
// turned off, one change at a time, so Settings can serve reps' PCs without a command line.
import type { HubModeControl, HubModeStatus } from '../api/call-context';
import type { LanHub } from './lan-hub';

const OFF: HubModeStatus = { on: false, names: [], port: null, caFingerprint256: null };

function statusOf(hub: LanHub | null): HubModeStatus {
  return hub === null
    ? OFF
    : { on: true, names: hub.names, port: hub.port, caFingerprint256: hub.caFingerprint256 };
}

export interface HubModeSwitch extends HubModeControl {
  /** Stops the hub if it runs (the app quits). */
  close(): Promise<void>;
}

/** `start` starts the LAN hub (it rejects when it cannot: a port in use, a certificate it cannot write). */
export function createHubModeControl(start: () => Promise<LanHub>): HubModeSwitch {
  let hub: LanHub | null = null;
  // Changes run one after another: a second click while the hub starts waits for the first.
  let queue: Promise<unknown> = Promise.resolve();
  const change = (on: boolean): Promise<HubModeStatus> => {
    const next = queue.then(async () => {
      if (on && hub === null) hub = await start();
      else if (!on && hub !== null) {
        const running = hub;
        hub = null;
        await running.close();
      }
      return statusOf(hub);
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    status: () => statusOf(hub),
    set: change,
    close: () => change(false).then(() => undefined),
  };
}
