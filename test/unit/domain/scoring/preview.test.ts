import { describe, expect, it } from 'vitest';
import { asLeadId } from '../../../../core/domain/ids';
import type { Criterion } from '../../../../core/domain/scoring/model';
import { previewModelChange } from '../../../../core/domain/scoring/preview';
import { makeLead, makeModel, NOW } from './lead-fixtures';

const titleWorth = (points: number): Criterion => ({
  id: 't',
  dimension: 'fit',
  field: 'title',
  operator: 'exists',
  points,
});
const sizeWorth = (points: number): Criterion => ({
  id: 's',
  dimension: 'fit',
  field: 'companySize',
  operator: 'range',
  value: { min: 100 },
  points,
});

const leads = [
  makeLead({ id: asLeadId('a'), title: 'x', companySize: 500 }),
  makeLead({ id: asLeadId('b'), title: 'x', companySize: 10 }),
  makeLead({ id: asLeadId('c'), title: null, companySize: 500 }),
  makeLead({ id: asLeadId('d'), title: null, companySize: null }),
];
const oldModel = makeModel([titleWorth(50), sizeWorth(20)]);
const newModel = makeModel([titleWorth(50), sizeWorth(40)]);

describe('previewModelChange', () => {
  it('counts grades before and after and the moves between them', () => {
    const preview = previewModelChange(leads, oldModel, newModel, NOW);
    expect(preview.before).toEqual({ A: 0, B: 1, C: 1, D: 2 });
    expect(preview.after).toEqual({ A: 1, B: 0, C: 2, D: 1 });
    expect(preview.moves.B.A).toBe(1);
    expect(preview.moves.D.C).toBe(1);
    expect(preview.changedCount).toBe(2);
  });

  it('samples the biggest score changes first, the same whatever the input order', () => {
    const forward = previewModelChange(leads, oldModel, newModel, NOW, { sampleSize: 1 });
    const backward = previewModelChange([...leads].reverse(), oldModel, newModel, NOW, { sampleSize: 1 });
    expect(forward.sample).toEqual(backward.sample);
    expect(forward.sample).toEqual([
      { leadId: 'a', scoreBefore: 70, scoreAfter: 90, gradeBefore: 'B', gradeAfter: 'A' },
    ]);
  });

  it('reports no changes when the models grade alike', () => {
    const preview = previewModelChange(leads, oldModel, oldModel, NOW);
    expect(preview.changedCount).toBe(0);
    expect(preview.sample).toEqual([]);
    expect(preview.after).toEqual(preview.before);
  });
});
