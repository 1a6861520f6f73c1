import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_STAGES,
  checkStageList,
  isOpenStage,
  isStageKey,
  retiredStages,
  visibleStages,
  wakeStageOf,
  type FunnelStage,
  type StageConfig,
} from '../../../core/domain/funnel';

function stage(key: FunnelStage, hidden = false): StageConfig {
  return { key, zh: key, en: key, hidden };
}

const DEFAULT = BUILT_IN_STAGES.map((key) => stage(key));
const WITH_DEMO = [
  stage('raw'),
  stage('mql'),
  stage('sql'),
  stage('c_demo01'),
  stage('opportunity'),
  stage('won'),
  stage('lost'),
  stage('nurture'),
];

describe('the funnel stages', () => {
  it('counts a custom stage as open work, like MQL, and won, lost and nurture as not', () => {
    expect(isOpenStage('c_demo01')).toBe(true);
    expect(isOpenStage('mql')).toBe(true);
    expect(BUILT_IN_STAGES.filter((key) => !isOpenStage(key))).toEqual(['won', 'lost', 'nurture']);
  });

  it('knows a stage key by its shape: built-in names and c_ with 4 to 20 lowercase letters or digits', () => {
    expect(['raw', 'nurture', 'c_demo', 'c_a1b2c3d4e5'].every(isStageKey)).toBe(true);
    expect(['hot', 'c_', 'c_abc', 'c_Demo01', 'c_demo-01', 'C_demo01', '__proto__'].some(isStageKey)).toBe(
      false,
    );
  });

  it('accepts the default list and one with a custom working stage anywhere between raw and won', () => {
    expect(checkStageList(DEFAULT)).toEqual([]);
    expect(checkStageList(WITH_DEMO)).toEqual([]);
    expect(checkStageList([stage('raw'), stage('c_demo01'), ...DEFAULT.slice(1)])).toEqual([]);
  });

  it('refuses a list that drops a built-in stage, repeats one, or does not start with raw', () => {
    expect(checkStageList(DEFAULT.filter((s) => s.key !== 'mql'))).toContain(
      'the built-in stage mql is missing',
    );
    expect(checkStageList([...DEFAULT, stage('sql')])).toContain('the stage sql is listed twice');
    expect(checkStageList([stage('mql'), stage('raw'), ...DEFAULT.slice(2)])).toContain(
      'raw must come first: new leads enter there',
    );
  });

  it('keeps won, lost and nurture after every working stage', () => {
    const list = [
      stage('raw'),
      stage('mql'),
      stage('won'),
      stage('sql'),
      ...DEFAULT.slice(3).filter((s) => s.key !== 'won'),
    ];
    expect(checkStageList(list)).toContain('won, lost and nurture come after every working stage');
  });

  it('lets MQL, SQL, opportunity and custom stages be hidden, never raw, won, lost or nurture', () => {
    expect(
      checkStageList(
        WITH_DEMO.map((s) => ({ ...s, hidden: ['mql', 'sql', 'opportunity', 'c_demo01'].includes(s.key) })),
      ),
    ).toEqual([]);
    for (const key of ['raw', 'won', 'lost', 'nurture'] as const)
      expect(checkStageList(DEFAULT.map((s) => ({ ...s, hidden: s.key === key })))).toEqual([
        `the stage ${key} cannot be hidden`,
      ]);
  });

  it('shows the stages in the configured order, without hidden ones', () => {
    expect(visibleStages(WITH_DEMO.map((s) => ({ ...s, hidden: s.key === 'mql' })))).toEqual([
      'raw',
      'sql',
      'c_demo01',
      'opportunity',
      'won',
      'lost',
      'nurture',
    ]);
  });

  it('names the stages whose leads would leave the board: newly hidden, still hidden, and removed', () => {
    const before = WITH_DEMO.map((s) => ({ ...s, hidden: s.key === 'opportunity' }));
    const after = DEFAULT.map((s) => ({ ...s, hidden: s.key === 'mql' || s.key === 'opportunity' }));
    expect(retiredStages(before, after)).toEqual([
      { key: 'mql', change: 'hidden' },
      { key: 'c_demo01', change: 'removed' },
      { key: 'opportunity', change: 'hidden' },
    ]);
    expect(retiredStages(DEFAULT, WITH_DEMO)).toEqual([]);
  });

  it('wakes a nurtured lead into the stage it left while shown, else MQL, else raw', () => {
    expect(wakeStageOf('c_demo01', WITH_DEMO)).toBe('c_demo01');
    expect(wakeStageOf('c_demo01', DEFAULT)).toBe('mql');
    expect(
      wakeStageOf(
        'sql',
        WITH_DEMO.map((s) => ({ ...s, hidden: s.key === 'sql' })),
      ),
    ).toBe('mql');
    expect(
      wakeStageOf(
        'sql',
        DEFAULT.map((s) => ({ ...s, hidden: s.key === 'sql' || s.key === 'mql' })),
      ),
    ).toBe('raw');
    expect(wakeStageOf('won', DEFAULT)).toBe('mql');
    expect(wakeStageOf('not a stage', DEFAULT)).toBe('mql');
  });
});
