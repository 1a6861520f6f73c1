import { describe, expect, it } from 'vitest';
import { countValues } from '../../../../core/domain/history/fold';
import {
  createOwnerMapping,
  listUndecidedOwners,
  matchOwners,
  ownerKey,
  resolveOwner,
} from '../../../../core/domain/history/owner-matching';
import type { RepForMatching } from '../../../../core/domain/history/owner-matching';
import { asRepId } from '../../../../core/domain/ids';

const rep = (id: string, name: string, email: string | null = null, isActive = true): RepForMatching => ({
  id: asRepId(id),
  name,
  email,
  isActive,
});
const REPS = [
  rep('r1', '王芳', 'wangfang@example.cn'),
  rep('r2', 'Zhang Wei'),
  rep('r3', '李娜', null, false),
  rep('r4', '陈静'),
  rep('r5', '陈静'),
];
const statusOf = (value: string) => matchOwners([{ value, count: 1 }], REPS)[0];

describe('matchOwners', () => {
  it.each(['王芳', ' 王 芳 ', '王\u3000芳', 'ZHANG  WEI', 'Ｚｈａｎｇ　Ｗｅｉ', 'zhangwei'])(
    'matches %j after folding case, width and spaces',
    (value) => {
      expect(statusOf(value)?.status).toBe('matched');
    },
  );

  it('matches an owner given as the rep email', () => {
    expect(statusOf('WangFang@Example.cn')).toMatchObject({ status: 'matched', repId: 'r1', via: 'email' });
  });

  it('matches a rep who has left (inactive)', () => {
    expect(statusOf('李娜')).toMatchObject({ status: 'matched', repId: 'r3' });
  });

  it('only suggests a rep for a name with a bracketed note, never applies it silently', () => {
    expect(statusOf('王芳(华东)')).toMatchObject({ status: 'suggested', repId: 'r1', via: 'annotation' });
    expect(statusOf('【离职】王芳')).toMatchObject({ status: 'suggested', repId: 'r1' });
    const matches = matchOwners([{ value: '王芳（华东）', count: 3 }], REPS);
    expect(resolveOwner('王芳（华东）', createOwnerMapping(matches)).ok).toBe(false);
    expect(resolveOwner('王芳（华东）', createOwnerMapping(matches, {}, { acceptSuggested: true }))).toEqual({
      ok: true,
      repId: 'r1',
    });
  });

  it('does not choose between two reps with the same name', () => {
    expect(statusOf('陈静')).toMatchObject({ status: 'ambiguous', repId: null, candidates: ['r4', 'r5'] });
  });

  it('does not strip anything but a bracketed note', () => {
    expect(statusOf('王芳华东')?.status).toBe('unknown');
    expect(statusOf('王')?.status).toBe('unknown');
  });

  it('lists unknown owners with their row counts for the team lead', () => {
    const matches = matchOwners(countValues(['赵敏', '赵 敏', '王芳', '孙悟空', '', '']), REPS);
    expect(listUndecidedOwners(matches).map((m) => [m.value, m.count, m.newRepName])).toEqual([
      ['赵敏', 2, '赵敏'],
      ['孙悟空', 1, '孙悟空'],
    ]);
    expect(matches.find((m) => m.key === '')).toMatchObject({ status: 'empty', count: 2 });
  });
});

describe('resolveOwner', () => {
  const matches = matchOwners(countValues(['王芳', '赵敏', '孙悟空', '']), REPS);

  it('gives the rep of a matched owner and no owner for a blank cell', () => {
    const mapping = createOwnerMapping(matches);
    expect(resolveOwner('王芳 ', mapping)).toEqual({ ok: true, repId: 'r1' });
    expect(resolveOwner('', mapping)).toEqual({ ok: true, repId: null });
  });

  it('refuses an owner nobody decided about', () => {
    expect(resolveOwner('赵敏', createOwnerMapping(matches))).toEqual({
      ok: false,
      error: 'unknown_owner',
      value: '赵敏',
    });
  });

  it('applies decisions: merge into a rep, a newly created rep, or no owner', () => {
    const mapping = createOwnerMapping(matches, { 赵敏: asRepId('r-new'), 孙悟空: null });
    expect(resolveOwner('赵 敏', mapping)).toEqual({ ok: true, repId: 'r-new' });
    expect(resolveOwner('孙悟空', mapping)).toEqual({ ok: true, repId: null });
  });

  it('folds keys the same way for values and decisions', () => {
    expect(ownerKey(' Ｗａｎｇ·Ｆａｎｇ ')).toBe(ownerKey('wang fang'));
  });
});
