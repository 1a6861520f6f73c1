import { describe, expect, it } from 'vitest';
import {
  detectDecimalStyle,
  looksLikeDate,
  parseNumberCell,
  profileColumn,
} from '../../../../core/domain/scoring/column-profile';
import { profileCustomFields } from '../../../../core/domain/scoring/custom-encoding';
import { extractFeatures } from '../../../../core/domain/scoring/features';
import { predictConversion, trainConversionModel } from '../../../../core/domain/scoring/learned';
import type { LearnedModel } from '../../../../core/domain/scoring/learned';
import { computeAuc } from '../../../../core/domain/scoring/logistic-fit';
import { generateCrmHistory, LEAK_COLUMNS } from '../../../helpers/synthetic-crm-history';
import { makeLead, NOW } from './lead-fixtures';

const LEAK_FIELDS = LEAK_COLUMNS.map((c) => `custom.${c}`);
const history = generateCrmHistory(6000, 21, NOW);
const unseen = generateCrmHistory(6000, 22, NOW);

function train(options: Partial<Parameters<typeof trainConversionModel>[2]> = {}): LearnedModel {
  const result = trainConversionModel(history.leads, NOW, {
    seed: 1,
    excludeFields: LEAK_FIELDS,
    ...options,
  });
  if (!result.ok) throw new Error('refused');
  return result.value;
}
const model = train();

describe('column profiling', () => {
  it.each([
    [['12', '7', '', '3.5', '1,200'], 'numeric'],
    [['85,5', '1.200,50', '3,25'], 'numeric'],
    [['Yes', 'No', 'no', ''], 'boolean'],
    [['0', '1', '1'], 'boolean'],
    [['是', '否'], 'boolean'],
    [['API', 'Lead Import', 'API', 'Landing Page Submission'], 'categorical'],
    [['2021-04-15', '2021/4/16 0:03', '15 Apr, 2021 00:03:00', '2021年4月15日'], 'date'],
    [Array.from({ length: 40 }, (_, i) => `note number ${i} about the call`), 'text'],
    [['', ' '], 'empty'],
  ] as const)('reads %j as %s', (values, kind) => {
    expect(profileColumn(values).kind).toBe(kind);
  });

  it('reads decimal commas per column, never as thousands', () => {
    expect(detectDecimalStyle(['85,5', '1.200,50', '3'])).toEqual({ style: 'comma', isAmbiguous: false });
    expect(parseNumberCell('85,5', 'comma')).toBe(85.5);
    expect(parseNumberCell('1.200,50', 'comma')).toBe(1200.5);
    expect(parseNumberCell('1,200.50', 'dot')).toBe(1200.5);
    expect(parseNumberCell('85,5', 'dot')).toBeNull();
    expect(profileColumn(['85,5', '1.200,50']).decimal).toBe('comma');
  });

  it('calls a column of only 1,200-like cells ambiguous', () => {
    expect(detectDecimalStyle(['1,200', '3,500']).isAmbiguous).toBe(true);
    expect(detectDecimalStyle(['1,200', '3.5']).isAmbiguous).toBe(false);
  });

  it('reads the date styles of common CRM exports', () => {
    for (const d of ['15 Apr, 2021 00:03:00', '2021/4/15 0:03', '2021年4月15日', 'Apr 15, 2021']) {
      expect(looksLikeDate(d)).toBe(true);
    }
    expect(looksLikeDate('Email Opened')).toBe(false);
  });
});

describe('custom columns by type in the learned model', () => {
  it('keeps numbers as one scaled feature each, never one feature per value', () => {
    const names = model.features.map((f) => f.name);
    expect(names).toContain('custom.Total Time Spent on Website');
    expect(names).toContain('custom.TotalVisits');
    expect(names.some((n) => n.startsWith('custom.TotalVisits='))).toBe(false);
    expect(names.some((n) => n.startsWith('custom.Total Time Spent on Website='))).toBe(false);
    const time = model.customEncoders?.find((e) => e.key === 'Total Time Spent on Website');
    expect(time).toMatchObject({ kind: 'numeric', isLog: true });
  });

  it('gives a missing number its own indicator', () => {
    expect(model.features.map((f) => f.name)).toContain('custom.TotalVisits:missing');
  });

  it('pools rare category values into other', () => {
    const names = model.features.map((f) => f.name);
    expect(names).toContain('custom.Lead Source=google');
    expect(names).toContain('custom.Lead Source:other');
    expect(names.some((n) => n === 'custom.Lead Source=youtubechannel')).toBe(false);
  });

  it('leaves free text out unless the team lead opts it in', () => {
    expect(model.features.some((f) => f.field === 'custom.Notes')).toBe(false);
    const withNotes = train({ customColumns: { includeText: ['Notes'] } });
    expect(withNotes.features.some((f) => f.field === 'custom.Notes')).toBe(true);
  });

  it('lets the team lead override a column kind', () => {
    const asCategory = train({ customColumns: { columnKinds: { TotalVisits: 'categorical' } } });
    expect(asCategory.features.map((f) => f.name)).toContain('custom.TotalVisits=1');
  });

  it('adds quantile bins only when asked', () => {
    expect(model.features.some((f) => f.name.includes(':bin'))).toBe(false);
    const binned = train({ customColumns: { quantileBins: 4 } });
    expect(binned.features.map((f) => f.name)).toContain('custom.Total Time Spent on Website:bin3');
  });

  it('reads factors out per column, in words of direction', () => {
    const byField = new Map(model.columnFactors?.map((c) => [c.field, c]));
    expect(byField.get('custom.Total Time Spent on Website')).toMatchObject({
      kind: 'number',
      direction: 'raises',
    });
    expect(byField.get('custom.Do Not Email')).toMatchObject({ kind: 'number', direction: 'lowers' });
    expect(byField.get('custom.Lead Origin')).toMatchObject({ kind: 'category', best: 'lead add form' });
    const strongest = model.columnFactors?.slice(0, 3).map((c) => c.field);
    expect(strongest).toContain('custom.Lead Origin');
  });

  it('scores unseen leads within 0.02 AUC of the true probabilities', () => {
    const labels = unseen.leads.map((l) => (l.stage === 'won' ? 1 : 0));
    const truth = computeAuc(
      unseen.leads.map((l) => unseen.trueProbability.get(l.id) ?? 0),
      labels,
    );
    const learned = computeAuc(
      unseen.leads.map((l) => predictConversion(model, l, NOW).probability),
      labels,
    );
    expect(truth).not.toBeNull();
    expect(Math.abs((learned ?? 0) - (truth ?? 0))).toBeLessThanOrEqual(0.02);
    expect(Math.abs(model.metrics.auc - (truth ?? 0))).toBeLessThanOrEqual(0.04);
  });

  it('keeps one-hot custom values for models trained before typed features', () => {
    const { customEncoders: _dropped, ...old } = model;
    const lead = makeLead({ customFields: { TotalVisits: '3' } });
    expect(extractFeatures(lead, NOW).map((f) => f.name)).toContain('custom.TotalVisits=3');
    expect(() => predictConversion(old, lead, NOW)).not.toThrow();
  });
});

describe('custom field profiles for the scoring page', () => {
  it('says which type each custom column will enter the model as, and whether it is used', () => {
    const profiles = new Map(profileCustomFields(history.leads.slice(0, 500)).map((p) => [p.key, p]));
    expect(profiles.get('TotalVisits')).toMatchObject({ kind: 'numeric', isUsed: true });
    expect(profiles.get('Do Not Email')).toMatchObject({ kind: 'boolean', isUsed: true });
    expect(profiles.get('Lead Origin')).toMatchObject({ kind: 'categorical', isUsed: true });
    expect(profiles.get('Notes')).toMatchObject({ kind: 'text', isUsed: false });
    const optedIn = profileCustomFields(history.leads.slice(0, 500), { includeText: ['Notes'] });
    expect(optedIn.find((p) => p.key === 'Notes')?.isUsed).toBe(true);
  });
});
