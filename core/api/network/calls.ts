// Hub mode calls: whether this computer serves reps' PCs on the office LAN, and the switch for it (Settings →
// Network in the desktop app).
import { z } from 'zod';
import { defineCall, empty } from '../contract-kit';
import { NETWORK_ERRORS } from './errors';

const hubModeSchema = z
  .object({
    on: z.boolean(),
    /** False where the host fixed it at start (the headless hub): shown, not switched. */
    switchable: z.boolean(),
    /** Names and addresses reps' PCs reach this hub by; empty while off. */
    names: z.array(z.string()).readonly(),
    port: z.number().int().nullable(),
    caFingerprint256: z.string().nullable(),
  })
  .strict();
export type HubMode = z.output<typeof hubModeSchema>;

export const networkCalls = {
  'network.hubMode': defineCall({
    input: empty,
    output: hubModeSchema,
    access: 'team-lead',
  }),
  /** Starts or stops serving the LAN (HTTPS with the hub's own CA, mDNS); remembered for the next start. */
  'network.setHubMode': defineCall({
    input: z.object({ on: z.boolean() }).strict(),
    output: hubModeSchema,
    access: 'team-lead',
    waitsOnIo: true,
    errors: [NETWORK_ERRORS.fixedByHost, NETWORK_ERRORS.startFailed],
  }),
};
