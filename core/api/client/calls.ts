// Calls about this PC's own connection: standalone, or a rep's PC connected to the team's hub. The core answers
// them for itself (standalone); the desktop app's main process answers them when it relays to a hub.
import { z } from 'zod';
import { defineCall, empty } from '../contract-kit';
import { actorSchema } from '../session/calls';
import { CLIENT_ERRORS } from './errors';

export const clientStatusSchema = z
  .object({
    mode: z.enum(['standalone', 'hub-client']),
    hubUrl: z.string().nullable(),
    /** connected, or unreachable since a time (the client retries by itself), or stopped (device revoked). */
    state: z.enum(['connecting', 'connected', 'unreachable', 'stopped']).nullable(),
    unreachableSince: z.number().nullable(),
    caFingerprint256: z.string().nullable(),
    /** A rep's PC whose rep signed out: the rep whose PIN signs in again (no other sign-in is possible there). */
    signedOutRep: z.object({ repId: z.string(), name: z.string() }).strict().nullable(),
  })
  .strict();

export const clientCalls = {
  'client.status': defineCall({ input: empty, output: clientStatusSchema, access: 'public' }),
  'client.probe': defineCall({
    input: z.object({ hubUrl: z.string().trim().min(8).max(300) }).strict(),
    /** The CA fingerprint the hub hands out, unverified, for the person to compare before connecting. */
    output: z.object({ hubUrl: z.string(), caFingerprint256: z.string() }).strict(),
    access: 'team-lead',
    waitsOnIo: true,
    errors: [CLIENT_ERRORS.desktopOnly],
  }),
  'client.connect': defineCall({
    input: z
      .object({
        hubUrl: z.string().trim().min(8).max(300),
        code: z.string().trim().min(10).max(40),
        deviceName: z.string().trim().min(1).max(100),
        /**
         * The fingerprint client.probe showed and the person confirmed (`AB:CD:…`, 32 bytes): any other CA is
         * refused, a malformed one included (it matches no CA).
         */
        caFingerprint256: z.string().length(95).optional(),
      })
      .strict(),
    output: z.object({ status: clientStatusSchema, actor: actorSchema }).strict(),
    // On a rep's new PC the desktop opens as the team lead of its own empty workspace, who connects it.
    access: 'team-lead',
    waitsOnIo: true,
    errors: [CLIENT_ERRORS.desktopOnly],
  }),
  'client.disconnect': defineCall({
    input: empty,
    output: clientStatusSchema,
    access: 'signed-in',
    repScope: 'self',
    errors: [CLIENT_ERRORS.notConnected],
  }),
};
