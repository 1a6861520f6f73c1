import { describe, expect, it } from 'vitest';
import { columnWip, daysWithoutActivity, isRotting } from '../../../../core/domain/funnel-wip/wip';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 4, 2);

describe('kanban limits', () => {
  it('a column is over its stage limit only above it, and names the reps over theirs', () => {
    expect(columnWip({ wipLimit: 10 }, 10, {}).isOverStage).toBe(false);
    expect(columnWip({ wipLimit: 10 }, 11, {}).isOverStage).toBe(true);
    expect(columnWip({}, 1_000, {}).isOverStage).toBe(false);
    expect(columnWip({ repWipLimit: 3 }, 9, { a: 3, b: 4, c: 5 }).repsOver).toEqual([
      { repId: 'c', count: 5 },
      { repId: 'b', count: 4 },
    ]);
  });

  it('a card rots at exactly N whole days without a stage change or follow-up', () => {
    const card = { stageChangedAt: NOW - 5 * DAY, lastFollowUpAt: NOW - 3 * DAY + 1 };
    expect(daysWithoutActivity(card, NOW)).toBe(2);
    expect(isRotting({ rotDays: 3 }, daysWithoutActivity(card, NOW))).toBe(false);
    expect(isRotting({ rotDays: 3 }, daysWithoutActivity(card, NOW + DAY))).toBe(true);
    expect(isRotting({ rotDays: null }, 400)).toBe(false);
    expect(daysWithoutActivity({ stageChangedAt: null, lastFollowUpAt: null }, NOW)).toBeNull();
  });
});
