// Handlers of the audit calls: a page of the log, newest first.
import { listAudit } from '../../store/audit-log';
import type { HandlersOf } from '../call-context';
import type { auditCalls } from './calls';

export const auditHandlers: HandlersOf<typeof auditCalls> = {
  'audit.list'(ctx, input) {
    return listAudit(ctx.db, input);
  },
};
