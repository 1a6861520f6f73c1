// Values kept as people typed them: phones read only in the default country, decimal commas per column, display text.
import { describe, expect, it } from 'vitest';
import { detectDecimalColumns } from '../../../core/import/number-styles';
import { normalizePhoneNumber } from '../../../core/import/phone';
import { parseMoneyFen, validateRow } from '../../../core/import/validate-row';

describe('phones and the default country', () => {
  it.each([
    ['020 7413 9000', 'GB', '+442074139000'],
    ['1 (321) 800-6101', 'US', '+13218006101'],
    ['(407) 261-8908', 'US', '+14072618908'],
    ['+44 20 7413 9000', 'CN', '+442074139000'],
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['+86 138 0013 8000', 'US', '+8613800138000'],
  ])('reads %s in %s as %s', (raw, country, e164) => {
    expect(normalizePhoneNumber(raw, country)).toMatchObject({ isValid: true, normalized: e164 });
  });

  it.each([
    ['1 (321) 800-6101', 'CN'],
    ['(407) 261-8908', 'CN'],
    ['660-485-0224', 'CN'],
    ['138 0013 8000', 'GB'],
  ])('does not read %s as a number of %s', (raw, country) => {
    expect(normalizePhoneNumber(raw, country).isValid).toBe(false);
  });
});

describe('a phone that is not valid in the default country', () => {
  const mapping = ['name', 'phone', 'email'] as const;
  const headers = ['Name', 'Phone', 'Email'];

  it('is kept as typed with a warning when the lead has an email', () => {
    const result = validateRow(['Ada', '660-485-0224', 'ada@example.com'], mapping, 2, { headers });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.draft.phone).toBe('660-485-0224');
    expect(result.warnings).toMatchObject([
      { reason: 'phone_kept_as_typed', column: 'Phone', severity: 'warning' },
    ]);
  });

  it('rejects the row when the phone is its only contact', () => {
    const result = validateRow(['Ada', '660-485-0224', ''], mapping, 2, { headers });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.reason)).toEqual(['invalid_phone']);
  });

  it('is read in the workspace country when one is given', () => {
    const result = validateRow(['Ada', '020 7413 9000', ''], mapping, 2, { headers, defaultCountry: 'GB' });
    expect(result).toMatchObject({ ok: true, draft: { phone: '+442074139000' } });
  });
});

describe('keeping what people typed', () => {
  it('stores the email and company as written; matching normalizes them on its own', () => {
    const result = validateRow(
      ['张伟', '', ' ZW@Example.COM ', '北京（中关村）科技有限公司'],
      ['name', 'phone', 'email', 'company'],
      2,
    );
    expect(result).toMatchObject({
      ok: true,
      draft: { email: 'ZW@Example.COM', company: '北京（中关村）科技有限公司' },
    });
  });
});

describe('decimal commas', () => {
  const mapping = ['name', 'email', 'cost'] as const;

  it('reads a decimal-comma money column as such, never as thousands', () => {
    const rows = [
      ['A', 'a@x.cn', '85,5'],
      ['B', 'b@x.cn', '1.200,50'],
    ];
    const { comma, ambiguous } = detectDecimalColumns(mapping, rows);
    expect([...comma]).toEqual([2]);
    expect(ambiguous).toEqual([]);
    const costs = rows.map((row, i) => {
      const result = validateRow(row, mapping, i + 2, { decimalCommaColumns: comma });
      return result.ok ? result.draft.costFen : null;
    });
    expect(costs).toEqual([8_550, 120_050]);
  });

  it('refuses 85,5 in a decimal-point column rather than storing 855', () => {
    expect(parseMoneyFen('85,5')).toBeNull();
    expect(parseMoneyFen('1,200.50')).toBe(120_050);
  });

  it('asks with examples when the column does not decide', () => {
    const { ambiguous } = detectDecimalColumns(mapping, [['A', 'a@x.cn', '1,200']]);
    expect(ambiguous).toEqual([{ columnIndex: 2, examples: ['1,200'] }]);
  });
});

describe('nameless rows', () => {
  const mapping = ['name', 'phone', 'company'] as const;
  const headers = ['姓名', '手机', '公司'];

  it('rejects a row with a phone but neither a name nor a company, naming its row', () => {
    const result = validateRow(['', '13800138000', ''], mapping, 4, { headers });
    expect(result).toMatchObject({ ok: false, row: 4, errors: [{ reason: 'no_name', row: 4 }] });
  });

  it('accepts a row named only by its company', () => {
    const result = validateRow(['', '13800138000', '华信科技'], mapping, 4, { headers });
    expect(result).toMatchObject({ ok: true, draft: { name: '', company: '华信科技' } });
  });
});

describe('a phone cell with no number in it', () => {
  it('is left out with a warning when the lead has an email, not stored as a phone', () => {
    const result = validateRow(['赵磊', '电话待定', 'zl@example.cn'], ['name', 'phone', 'email'], 5);
    expect(result).toMatchObject({
      ok: true,
      draft: { phone: null },
      warnings: [{ reason: 'phone_dropped' }],
    });
  });
});
