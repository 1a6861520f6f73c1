// Refusals of the public pool: who may claim, what is claimable, the daily limit and the cool-down, and a
// deactivation that does not say where the rep's open leads go.
import { defineErrors } from '../errors';

export const POOL_ERRORS = defineErrors('pool', {
  repsOnly: {
    kind: 'forbidden',
    en: 'Only a rep claims leads; the team lead assigns them.',
    zh: '只有销售可以领取线索；组长请直接分配。',
  },
  notInPool: { kind: 'conflict', en: 'This lead is not in the public pool.', zh: '这条线索不在公海中。' },
  claimedFirst: {
    kind: 'conflict',
    en: 'Another rep claimed this lead first.',
    zh: '这条线索已被其他销售抢先领取。',
  },
  dailyLimit: {
    kind: 'forbidden',
    en: "You reached today's claim limit ({{limit}}).",
    zh: '今天的领取次数已达上限（{{limit}} 条）。',
  },
  openLeadsNeedPlace: {
    kind: 'conflict',
    en: 'This rep still has {{count}} open leads: say where they go (the pool, the distribution rules, or a rep).',
    zh: '该销售还有 {{count}} 条未完成的线索：请选择去向（公海、按规则重新分配，或指定销售）。',
  },
  coolingDown: {
    kind: 'forbidden',
    en: 'This lead was recycled from you; you can claim it again after {{days}} days.',
    zh: '这条线索是从你这里回收的，{{days}} 天后才能再次领取。',
  },
});
