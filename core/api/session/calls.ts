// Session calls: who is calling, signing in and out, and the team lead's password.
import { z } from 'zod';
import { defineCall, empty, id } from '../contract-kit';
import { SESSION_ERRORS } from './errors';

/** Who is calling: the team lead, or a rep by id and name. */
export type Actor =
  { readonly role: 'lead' } | { readonly role: 'rep'; readonly repId: string; readonly name: string };

export const actorSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('lead') }).strict(),
  z.object({ role: z.literal('rep'), repId: z.string(), name: z.string() }).strict(),
]) satisfies z.ZodType<Actor>;

/** A rep's PIN when set: 6 to 12 digits. Older 4-digit PINs still sign in until changed. */
export const newPinSchema = z.string().regex(/^\d{6,12}$/, 'a PIN is 6 to 12 digits');
/** The team lead's password: long enough that guessing it over the LAN is hopeless with the lockout. */
export const newPasswordSchema = z.string().min(8, 'at least 8 characters').max(200);

const signInInput = z.discriminatedUnion('as', [
  z.object({ as: z.literal('lead'), password: z.string().min(1).max(200) }).strict(),
  z
    .object({
      as: z.literal('rep'),
      repId: id,
      pin: z.string().regex(/^\d{4,12}$/, 'a PIN is digits only'),
    })
    .strict(),
  z.object({ as: z.literal('device'), deviceToken: z.string().min(20).max(100) }).strict(),
]);

const signedInOutput = z.object({ actor: actorSchema, token: z.string(), expiresAt: z.number() }).strict();

export const sessionCalls = {
  'session.status': defineCall({
    input: empty,
    output: z
      .object({
        actor: actorSchema.nullable(),
        hasLeadPassword: z.boolean(),
        appVersion: z.string(),
        /** Hub mode on the LAN: the CA fingerprint reps' PCs check when pairing; null when standalone. */
        lan: z.object({ caFingerprint256: z.string() }).strict().nullable(),
      })
      .strict(),
    access: 'public',
  }),
  'session.signIn': defineCall({
    input: signInInput,
    output: signedInOutput,
    access: 'public',
    waitsOnIo: true,
    errors: [
      SESSION_ERRORS.wrongPassword,
      SESSION_ERRORS.wrongPin,
      SESSION_ERRORS.lockedOut,
      SESSION_ERRORS.busy,
      SESSION_ERRORS.noPasswordYet,
      SESSION_ERRORS.repHasNoPin,
      SESSION_ERRORS.deviceRevoked,
      SESSION_ERRORS.deviceNotPaired,
    ],
  }),
  'session.redeemLink': defineCall({
    input: z.object({ code: z.string().min(16).max(100) }).strict(),
    output: signedInOutput,
    access: 'public',
    errors: [SESSION_ERRORS.linkInvalid],
  }),
  'session.signOut': defineCall({
    input: empty,
    output: z.object({ signedOut: z.literal(true) }).strict(),
    access: 'signed-in',
    repScope: 'self',
  }),
  'session.setLeadPassword': defineCall({
    input: z
      .object({ password: newPasswordSchema, currentPassword: z.string().max(200).optional() })
      .strict(),
    output: z.object({ hasLeadPassword: z.literal(true) }).strict(),
    access: 'team-lead',
    waitsOnIo: true,
    errors: [SESSION_ERRORS.currentPasswordWrong],
  }),
};
