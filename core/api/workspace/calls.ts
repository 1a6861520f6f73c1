// Workspace calls: the workspace's status as the shell needs it, and the one-click demo team with demo leads.
import { z } from 'zod';
import { defineCall, empty } from '../contract-kit';
import { actorSchema } from '../session/calls';
import { WORKSPACE_ERRORS } from './errors';

const workspaceStatusSchema = z
  .object({
    isEmpty: z.boolean(),
    /** Whether the team lead has set a password (switching back from a rep asks for it). */
    hasLeadPassword: z.boolean(),
    leadCount: z.number().int(),
    repCount: z.number().int(),
    schemaVersion: z.number().int(),
    appVersion: z.string(),
    /** The team's offset from UTC: its local day is the day every page's periods and "today" count in. */
    utcOffsetMinutes: z.number().int(),
    actor: actorSchema,
  })
  .strict();

export const workspaceCalls = {
  /** Counts only, the same for everyone, plus the caller's own actor. */
  'workspace.status': defineCall({
    input: empty,
    output: workspaceStatusSchema,
    access: 'signed-in',
    repScope: 'shared',
  }),
  'workspace.loadDemo': defineCall({
    input: empty,
    output: z
      .object({
        reps: z.number().int(),
        leads: z.number().int(),
        /** Set for the team lead when none existed yet (null: the existing password stays). */
        leadPassword: z.string().nullable(),
        /** Every demo rep's PIN. */
        repPin: z.string(),
      })
      .strict(),
    access: 'team-lead',
    waitsOnIo: true,
    errors: [WORKSPACE_ERRORS.notEmpty],
  }),
};

export const workspaceEvents = {
  'workspace.changed': z.object({ reason: z.string() }),
} as const satisfies Record<string, z.ZodType>;
