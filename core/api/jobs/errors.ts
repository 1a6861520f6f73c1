// Refusals of the job calls, and why a job stopped short (a job's `error` carries one of these reasons).
import { defineErrors } from '../errors';

export const JOBS_ERRORS = defineErrors('jobs', {
  notFound: { kind: 'not_found', en: 'No job {{id}}.', zh: '找不到任务 {{id}}。' },
  interrupted: {
    kind: 'conflict',
    en: 'Fairlead stopped while this {{kind}} job was running; nothing of it was kept. Start it again.',
    zh: '该{{kind}}任务运行时 Fairlead 已停止，未保留任何结果，请重新开始。',
  },
  failed: {
    kind: 'internal',
    en: 'The job failed: {{detail}}',
    zh: '任务失败：{{detail}}',
  },
});
