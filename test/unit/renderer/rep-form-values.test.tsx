// The rep form's start date: shown for an existing rep, sent when picked, and left to the hub (today on the team's
// clock) when empty on a new rep.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_REP_FORM,
  repToFormValues,
  toRepInput,
} from '../../../renderer/src/features/team/rep-form-values';
import { sampleRep } from '../../helpers/sample-data';

describe('the rep form’s start date', () => {
  it('sends a picked start date and nothing when left empty', () => {
    const picked = toRepInput({ ...EMPTY_REP_FORM, name: '欧阳明', joinedOn: '2026-12-07' });
    expect(picked.ok && picked.input.joinedOn).toBe('2026-12-07');
    const empty = toRepInput({ ...EMPTY_REP_FORM, name: '欧阳明' });
    expect(empty.ok).toBe(true);
    expect(empty.ok && 'joinedOn' in empty.input).toBe(false);
  });

  it('shows an existing rep’s start date and refuses one that is not a date', () => {
    const rep = { ...sampleRep(), joinedOn: '2025-03-17' };
    expect(repToFormValues(rep).joinedOn).toBe('2025-03-17');
    const bad = toRepInput({ ...repToFormValues(rep), joinedOn: '17/03/2025' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && Object.keys(bad.errors)).toEqual(['joinedOn']);
  });
});
