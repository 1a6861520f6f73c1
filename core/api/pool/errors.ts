// Refusals of the public pools: who may claim, what is claimable, each cap by name, the cool-down and embargo,
// locks, and a deactivation that does not say where the rep's open leads go.
import { defineErrors } from '../errors';

export const POOL_ERRORS = defineErrors('pool', {
  repsOnly: {
    kind: 'forbidden',
    en: 'Only a rep claims leads; the team lead assigns them.',
    zh: '只有销售可以领取线索；销售主管请直接分配。',
  },
  notInPool: { kind: 'conflict', en: 'This lead is not in the public pool.', zh: '这条线索不在公海中。' },
  claimedFirst: {
    kind: 'conflict',
    en: 'Another rep claimed this lead first.',
    zh: '这条线索已被其他销售抢先领取。',
  },
  dailyLimit: {
    kind: 'forbidden',
    en: "Daily claim cap of pool “{{pool}}”: you reached today's limit ({{limit}}).",
    zh: '公海“{{pool}}”的每日领取上限：今天已领取 {{limit}} 条，已达上限。',
  },
  holdingCap: {
    kind: 'forbidden',
    en: 'Holding cap of pool “{{pool}}”: {{rep}} already holds {{holding}} open leads (cap {{limit}}, locked leads not counted).',
    zh: '公海“{{pool}}”的库容上限：{{rep}} 已持有 {{holding}} 条未完成线索（上限 {{limit}} 条，锁定的不计入）。',
  },
  embargo: {
    kind: 'forbidden',
    en: 'This lead has just entered pool “{{pool}}”: it can be claimed after {{minutes}} minutes.',
    zh: '这条线索刚进入公海“{{pool}}”，{{minutes}} 分钟后才能领取。',
  },
  notMember: {
    kind: 'forbidden',
    en: 'You are not a member of pool “{{pool}}”.',
    zh: '你不是公海“{{pool}}”的成员。',
  },
  poolNotFound: { kind: 'not_found', en: 'No pool {{id}}.', zh: '没有公海 {{id}}。' },
  defaultPoolKept: {
    kind: 'conflict',
    en: 'The default pool cannot be deleted: it takes every lead no other pool takes.',
    zh: '默认公海不能删除：其他公海不收的线索都进入它。',
  },
  lockOff: {
    kind: 'forbidden',
    en: 'Pool “{{pool}}” does not allow locks.',
    zh: '公海“{{pool}}”不允许锁定线索。',
  },
  lockCap: {
    kind: 'forbidden',
    en: 'Lock cap of pool “{{pool}}”: you already hold {{held}} locks (cap {{limit}}).',
    zh: '公海“{{pool}}”的锁定上限：你已锁定 {{held}} 条（上限 {{limit}} 条）。',
  },
  notYourLead: {
    kind: 'forbidden',
    en: 'Only the owner of an open lead can lock it.',
    zh: '只有线索的负责人才能锁定未完成的线索。',
  },
  lockNotFound: {
    kind: 'not_found',
    en: 'Lead {{id}} has no lock in force.',
    zh: '线索 {{id}} 没有生效中的锁定。',
  },
  notPoolAdmin: {
    kind: 'forbidden',
    en: 'Only the team lead or an admin of pool “{{pool}}” can do this.',
    zh: '只有销售主管或公海“{{pool}}”的管理员可以这样做。',
  },
  openLeadsNeedPlace: {
    kind: 'conflict',
    en: 'This rep still has {{count}} open leads: say where they go (the pool, the distribution rules, or a rep).',
    zh: '该销售还有 {{count}} 条未完成的线索：请选择去向（公海、按规则重新分配，或指定销售）。',
  },
  releaseRepsOnly: {
    kind: 'forbidden',
    en: 'Only a rep puts their own leads back in the public pool; the team lead moves leads with Reassign.',
    zh: '只有销售可以把自己的线索放回公海；销售主管请用“改派”。',
  },
  releaseNotYours: {
    kind: 'forbidden',
    en: 'Only the rep who owns a lead can put it back in the public pool.',
    zh: '只有线索的负责人才能把它放回公海。',
  },
  releaseNotOpen: {
    kind: 'conflict',
    en: 'This lead is closed or a history record: only open leads go back to the public pool.',
    zh: '这条线索已结束或是历史记录：只有未完成的线索才能放回公海。',
  },
  coolingDown: {
    kind: 'forbidden',
    en: 'Cool-down of pool “{{pool}}”: this lead was recycled from you; you can claim it again {{days}} days after.',
    zh: '公海“{{pool}}”的冷却期：这条线索是从你这里回收的，回收 {{days}} 天后才能再次领取。',
  },
});
