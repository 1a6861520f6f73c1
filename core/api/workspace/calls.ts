// Workspace calls: the workspace's status as the shell needs it, and the one-click demo team with demo leads.
import { z } from 'zod';
import { defineCall, empty } from '../contract-kit';
import { actorSchema } from '../session/calls';
import { WORKSPACE_ERRORS } from './errors';

const workspaceStatusSchema = z
  .object({
    isEmpty: z.boolean(),
    /** Whether switching back to the team lead asks for a PIN. */
    hasLeadPin: z.boolean(),
    leadCount: z.number().int(),
    repCount: z.number().int(),
    schemaVersion: z.number().int(),
    appVersion: z.string(),
    actor: actorSchema,
  })
  .strict();
export type WorkspaceStatus = z.output<typeof workspaceStatusSchema>;

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
    output: z.object({ reps: z.number().int(), leads: z.number().int() }).strict(),
    access: 'team-lead',
    errors: [WORKSPACE_ERRORS.notEmpty],
  }),
};

export const workspaceEvents = {
  'workspace.changed': z.object({ reason: z.string() }),
} as const satisfies Record<string, z.ZodType>;
