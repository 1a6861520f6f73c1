// Refusals of the scoring calls; training refused for too few outcomes carries the counts, not a sentence.
import { defineErrors } from '../errors';

export const SCORING_ERRORS = defineErrors('scoring', {
  notEnoughOutcomes: {
    kind: 'conflict',
    en:
      'Training needs at least {{minimum}} won and {{minimum}} lost leads; there are {{won}} won and {{lost}} lost ' +
      '({{moreWonNeeded}} more won and {{moreLostNeeded}} more lost needed).',
    zh:
      '训练至少需要 {{minimum}} 条赢单和 {{minimum}} 条输单线索；目前有 {{won}} 条赢单、{{lost}} 条输单' +
      '（还需 {{moreWonNeeded}} 条赢单、{{moreLostNeeded}} 条输单）。',
  },
  notTrained: {
    kind: 'conflict',
    en: 'Train the learned model first.',
    zh: '请先训练学习模型。',
  },
});
