// Refusals of the dashboard calls.
import { defineErrors } from '../errors';

export const DASHBOARD_ERRORS = defineErrors('dashboard', {
  repOnly: {
    kind: 'forbidden',
    en: 'Only a rep has a dashboard of their own; the team lead sees the whole team on the Dashboard.',
    zh: '只有销售本人有个人看板；主管请在“看板”查看整个团队。',
  },
});
