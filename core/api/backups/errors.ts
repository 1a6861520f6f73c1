// Refusals of the backup calls.
import { defineErrors } from '../errors';

export const BACKUPS_ERRORS = defineErrors('backups', {
  notFound: { kind: 'not_found', en: 'No backup named {{id}}.', zh: '找不到备份 {{id}}。' },
  damaged: {
    kind: 'conflict',
    en: 'The backup is damaged and was not restored: {{detail}}',
    zh: '该备份已损坏，未恢复：{{detail}}',
  },
  fromNewerVersion: {
    kind: 'conflict',
    en: 'The backup comes from a newer Fairlead (schema {{schemaVersion}}, this one reads up to {{latest}}); update Fairlead first.',
    zh: '该备份来自更新版本的 Fairlead（数据结构 {{schemaVersion}}，当前最多支持 {{latest}}），请先升级 Fairlead。',
  },
  inMemory: {
    kind: 'conflict',
    en: 'An in-memory database cannot be restored.',
    zh: '内存数据库无法恢复备份。',
  },
  jobsRunning: {
    kind: 'conflict',
    en: 'Wait for the {{running}} running jobs (imports, rescoring) to finish, then restore.',
    zh: '请等待正在运行的 {{running}} 个任务（导入、重新评分等）完成后再恢复。',
  },
});
