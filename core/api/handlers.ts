// Every namespace's handlers in one map, checked against the contract: a call without a handler, or a handler
// for no call, does not compile.
import type { CallContext } from './call-context';
import type { CallName, CallOutput, ParsedInput } from './contract';
import { backupsHandlers } from './backups/handlers';
import { dashboardHandlers } from './dashboard/handlers';
import { distributionHandlers } from './distribution/handlers';
import { distributionLintHandlers } from './distribution/lint-handlers';
import { distributionAssignmentLogHandlers } from './distribution/assignment-log-handlers';
import { importHandlers } from './import/handlers';
import { jobsHandlers } from './jobs/handlers';
import { leadsHandlers } from './leads/handlers';
import { preferencesHandlers } from './preferences/handlers';
import { networkHandlers } from './network/handlers';
import { appealsHandlers } from './appeals/handlers';
import { auditHandlers } from './audit/handlers';
import { duplicatesHandlers } from './duplicates/handlers';
import { repsHandlers } from './reps/handlers';
import { scoringHandlers } from './scoring/handlers';
import { sessionHandlers } from './session/handlers';
import { devicesHandlers } from './devices/handlers';
import { clientHandlers } from './client/handlers';
import { workHandlers } from './work/handlers';
import { funnelHandlers } from './funnel/handlers';
import { queueHandlers } from './queue/handlers';
import { followUpsHandlers } from './follow-ups/handlers';
import { slaHandlers } from './sla/handlers';
import { poolHandlers } from './pool/handlers';
import { staleHandlers } from './stale/handlers';
import { notificationsHandlers } from './notifications/handlers';
import { devHandlers } from './dev/handlers';
import { createWorkspaceHandlers } from './workspace/handlers';

export type Handlers = {
  readonly [K in CallName]: (
    ctx: CallContext,
    input: ParsedInput<K>,
  ) => CallOutput<K> | Promise<CallOutput<K>>;
};

export interface HandlerDeps {
  readonly demoSeed: number;
  readonly schemaVersion: () => number;
}

export function handlers(deps: HandlerDeps): Handlers {
  return {
    ...sessionHandlers,
    ...devicesHandlers,
    ...clientHandlers,
    ...repsHandlers,
    ...leadsHandlers,
    ...duplicatesHandlers,
    ...preferencesHandlers,
    ...networkHandlers,
    ...auditHandlers,
    ...scoringHandlers,
    ...importHandlers,
    ...jobsHandlers,
    ...backupsHandlers,
    ...distributionHandlers,
    ...distributionLintHandlers,
    ...distributionAssignmentLogHandlers,
    ...appealsHandlers,
    ...workHandlers,
    ...funnelHandlers,
    ...queueHandlers,
    ...followUpsHandlers,
    ...slaHandlers,
    ...poolHandlers,
    ...staleHandlers,
    ...notificationsHandlers,
    ...devHandlers,
    ...dashboardHandlers,
    ...createWorkspaceHandlers(deps),
  };
}
