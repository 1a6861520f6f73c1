// Pairing a rep's PC or browser with the hub, and the team lead's list of paired devices.
import { z } from 'zod';
import { defineCall, empty, id, MAX_TEXT } from '../contract-kit';
import { actorSchema } from '../session/calls';
import { DEVICES_ERRORS } from './errors';

export const deviceSchema = z
  .object({
    id: z.string(),
    person: z.string(),
    personName: z.string(),
    name: z.string(),
    createdAt: z.number(),
    lastSeenAt: z.number().nullable(),
    lastAddress: z.string().nullable(),
    revokedAt: z.number().nullable(),
  })
  .strict();

export const devicesCalls = {
  'devices.createPairingCode': defineCall({
    input: z.object({ repId: id }).strict(),
    output: z
      .object({
        /** What the rep types: a one-time secret and the start of the hub's CA fingerprint. */
        code: z.string(),
        expiresAt: z.number(),
        caFingerprint256: z.string(),
      })
      .strict(),
    access: 'team-lead',
    errors: [DEVICES_ERRORS.lanOff, DEVICES_ERRORS.repInactive],
  }),
  'devices.pair': defineCall({
    input: z
      .object({
        code: z.string().min(10).max(40),
        deviceName: z.string().trim().min(1).max(MAX_TEXT),
      })
      .strict(),
    output: z
      .object({
        deviceId: z.string(),
        /** Kept by the device in the OS's protected storage; it opens sessions until the device is revoked. */
        deviceToken: z.string(),
        actor: actorSchema,
        token: z.string(),
        expiresAt: z.number(),
      })
      .strict(),
    access: 'public',
    errors: [DEVICES_ERRORS.codeInvalid],
  }),
  'devices.list': defineCall({
    input: empty,
    output: z.array(deviceSchema),
    access: 'team-lead',
  }),
  'devices.revoke': defineCall({
    input: z.object({ id }).strict(),
    output: deviceSchema,
    access: 'team-lead',
    errors: [DEVICES_ERRORS.notFound],
  }),
};
