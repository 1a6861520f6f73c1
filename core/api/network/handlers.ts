// Handlers of the hub-mode calls: the host's switch when it has one, and the choice kept as a workspace setting so
// the desktop app serves the LAN again at its next start.
import { appendAudit } from '../../store/audit-log';
import { writeSetting } from '../../store/settings';
import { actorLabel, type HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import type { HubMode, networkCalls } from './calls';
import { NETWORK_ERRORS } from './errors';

/** The workspace setting the desktop core reads at start: serve the LAN again if it was on. */
export const HUB_MODE_SETTING = 'network.hubMode';

export const networkHandlers: HandlersOf<typeof networkCalls> = {
  'network.hubMode'(ctx): HubMode {
    const control = ctx.lan.hubMode;
    if (control !== null) return { ...control.status(), switchable: true };
    const fingerprint = ctx.lan.caFingerprint256();
    return {
      on: fingerprint !== null,
      switchable: false,
      names: [],
      port: null,
      caFingerprint256: fingerprint,
    };
  },

  async 'network.setHubMode'(ctx, input): Promise<HubMode> {
    const control = ctx.lan.hubMode;
    if (control === null) throw new ServiceError(NETWORK_ERRORS.fixedByHost, {}, 'on');
    const status = await control.set(input.on).catch((error: unknown) => {
      throw new ServiceError(
        NETWORK_ERRORS.startFailed,
        { detail: error instanceof Error ? error.message : String(error) },
        'on',
      );
    });
    ctx.db.transaction(() => {
      writeSetting(ctx.db, HUB_MODE_SETTING, status.on, ctx.now);
      appendAudit(ctx.db, {
        at: ctx.now,
        actor: actorLabel(ctx.actor),
        action: 'network.setHubMode',
        entity: 'settings',
        entityId: HUB_MODE_SETTING,
        detail: { on: status.on, port: status.port },
      });
    })();
    return { ...status, switchable: true };
  },
};
