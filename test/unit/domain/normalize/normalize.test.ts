// Normalization tables: phones, emails, company keys and names as people actually type them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { companyKey, normalizeCompanyName } from '../../../../core/domain/normalize/company';
import { foldWidth } from '../../../../core/domain/normalize/text';
import { formatPhone, normalizePhone } from '../../../../core/domain/normalize/phone';
import { nameKey, normalizePersonName } from '../../../../core/domain/normalize/name';
import { normalizeEmail } from '../../../../core/domain/normalize/email';

describe('phone normalization', () => {
  it.each([
    ['13800138000', '+8613800138000'],
    ['138 0013 8000', '+8613800138000'],
    ['138-0013-8000', '+8613800138000'],
    ['(138)0013-8000', '+8613800138000'],
    ['+86-13800138000', '+8613800138000'],
    ['+86 138 0013 8000', '+8613800138000'],
    ['(+86) 13800138000', '+8613800138000'],
    ['0086 138-0013-8000', '+8613800138000'],
    ['8613800138000', '+8613800138000'],
    ['１３８００１３８０００', '+8613800138000'],
    ['＋８６ １３８-００１３-８０００', '+8613800138000'],
    ['013800138000', '+8613800138000'],
    ["'13800138000", '+8613800138000'],
  ])('reads the mobile %s as %s', (raw, expected) => {
    const result = normalizePhone(raw);
    expect(result).toMatchObject({ normalized: expected, isValid: true, kind: 'mobile' });
    expect(result.extension).toBeUndefined();
  });

  it.each([
    ['010-12345678', '+861012345678', undefined],
    ['(010) 1234 5678', '+861012345678', undefined],
    ['021-87654321', '+862187654321', undefined],
    ['0755-8765432', '+867558765432', undefined],
    ['+86 10 12345678', '+861012345678', undefined],
    ['+86 (0)10 12345678', '+861012345678', undefined],
    ['010-12345678转123', '+861012345678', '123'],
    ['010-12345678 转 123', '+861012345678', '123'],
    ['010-12345678分机8', '+861012345678', '8'],
    ['010-12345678 ext. 12', '+861012345678', '12'],
    ['010-12345678 x12', '+861012345678', '12'],
    ['010-12345678#12', '+861012345678', '12'],
    ['010-12345678-123', '+861012345678', '123'],
    ['+861012345678;ext=123', '+861012345678', '123'],
  ])('reads the landline %s as %s with extension %s', (raw, expected, extension) => {
    const result = normalizePhone(raw);
    expect(result).toMatchObject({ normalized: expected, isValid: true, kind: 'landline' });
    expect(result.extension).toBe(extension);
  });

  it('reads 400 service numbers', () => {
    expect(normalizePhone('400-810-8888')).toMatchObject({
      normalized: '+864008108888',
      isValid: true,
      kind: 'service',
    });
  });

  it('accepts a number with another country code as foreign for the importer to check', () => {
    expect(normalizePhone('+1 (415) 555-2671')).toMatchObject({
      normalized: '+14155552671',
      isValid: true,
      kind: 'foreign',
    });
    expect(normalizePhone('0044 20 7946 0958')).toMatchObject({
      normalized: '+442079460958',
      kind: 'foreign',
    });
  });

  it.each([
    ['call me', 'letters'],
    ['138abc00138000', 'letters'],
    ['1380013800O', 'letters'],
    ['=cmd|"/C calc"!A0', 'letters'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['12345678', 'missing_area_code'],
    ['13800', 'too_short'],
    ['1380013800012345', 'too_long'],
    ['12800138000', 'not_a_cn_number'],
    ['+12', 'too_short'],
  ])('rejects %s as %s', (raw, reason) => {
    expect(normalizePhone(raw)).toMatchObject({ isValid: false, reason });
  });

  it('formats a result so that normalizing it again gives the same result', () => {
    for (const raw of ['138 0013 8000', '010-12345678转123', '+1 415 555 2671 x9']) {
      const first = normalizePhone(raw);
      expect(normalizePhone(formatPhone(first))).toEqual(first);
    }
  });

  it('never throws and valid CN results are +86 followed by digits, for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        const result = normalizePhone(raw);
        if (result.isValid && result.kind !== 'foreign') expect(result.normalized).toMatch(/^\+86\d{9,11}$/);
      }),
    );
  });
});

describe('email normalization', () => {
  it.each([
    ['Zhang.Wei@Example.COM', 'zhang.wei@example.com'],
    ['  li@qq.com  ', 'li@qq.com'],
    ['ｗａｎｇ＠１６３．ｃｏｍ', 'wang@163.com'],
    ['wang＠163。com', 'wang@163.com'],
    ['li @ qq.com', 'li@qq.com'],
    ['mailto:Li@QQ.com', 'li@qq.com'],
    ['<li@qq.com>', 'li@qq.com'],
    ['a+tag@sub.example.co.uk', 'a+tag@sub.example.co.uk'],
  ])('normalizes %s to %s', (raw, expected) => {
    expect(normalizeEmail(raw)).toEqual({ normalized: expected, isValid: true });
  });

  it.each([
    ['', 'empty'],
    ['zhang.wei', 'no_at'],
    ['@example.com', 'bad_local_part'],
    ['a..b@example.com', 'bad_local_part'],
    ['zhang@', 'bad_domain'],
    ['zhang@localhost', 'bad_domain'],
    ['zhang@example.c', 'bad_domain'],
    ['zhang@-example.com', 'bad_domain'],
  ])('rejects %s as %s', (raw, reason) => {
    expect(normalizeEmail(raw)).toMatchObject({ isValid: false, reason });
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        const once = normalizeEmail(raw);
        expect(normalizeEmail(once.normalized)).toEqual(once);
      }),
    );
  });
});

describe('company keys', () => {
  it.each([
    [
      [
        '北京字节跳动科技有限公司',
        '北京字节跳动科技',
        '北京 字节跳动科技（有限公司）',
        '北京字节跳动科技有限责任公司',
      ],
    ],
    [['阿里巴巴集团', '阿里巴巴', '阿里巴巴集团有限公司', '阿里巴巴（集团）股份有限公司']],
    [['华为技术有限公司', '华为技术公司', '華為技術有限公司'.replace('華為技術', '华为技术')]],
    [
      [
        'Acme Co., Ltd.',
        'ACME',
        'Acme Inc.',
        'acme llc',
        'Acme Corp',
        'ＡＣＭＥ　Ｃｏ．，Ｌｔｄ．',
        'Acme Limited',
      ],
    ],
  ])('gives one key to %j', (names) => {
    const keys = new Set(names.map(companyKey));
    expect(keys.size).toBe(1);
  });

  it('gives a plain one-word name the key it gets with spaces, punctuation or full-width letters around it', () => {
    const plain = fc
      .array(fc.constantFrom('A', 'z', '7', '北', '京', '科', '技', '有', '限', '公', '司', '集', '团'), {
        minLength: 1,
        maxLength: 12,
      })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(plain, (name) => {
        const key = companyKey(name);
        expect(companyKey(` ${name}（ `)).toBe(key);
        expect(
          companyKey(name.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))),
        ).toBe(key);
      }),
    );
  });

  it('keeps different companies apart', () => {
    expect(companyKey('腾讯科技有限公司')).not.toBe(companyKey('腾讯音乐有限公司'));
  });

  it('keeps a name that is only a suffix rather than returning an empty key', () => {
    expect(companyKey('公司')).toBe('公司');
    expect(companyKey('Inc.')).toBe('inc');
  });

  it('keeps the original company name for display, only folding width and spaces', () => {
    expect(normalizeCompanyName('  北京字节跳动科技有限公司 ')).toBe('北京字节跳动科技有限公司');
    expect(normalizeCompanyName('ＡＣＭＥ　Co.,  Ltd.')).toBe('ACME Co., Ltd.');
  });
});

describe('person names', () => {
  it.each([
    ['  张伟 ', '张伟'],
    ['Zhang   Wei', 'Zhang Wei'],
    ['Ｚｈａｎｇ　Ｗｅｉ', 'Zhang Wei'],
    ['王\u0000小明', '王小明'],
    ['李\u200B娜', '李娜'],
  ])('cleans %j to %j', (raw, expected) => {
    expect(normalizePersonName(raw)).toBe(expected);
  });

  it('matches names regardless of case, spaces and width', () => {
    expect(nameKey('Zhang Wei')).toBe(nameKey('ｚｈａｎｇｗｅｉ'));
    expect(nameKey('张 伟')).toBe(nameKey('张伟'));
  });

  it('folds full-width ASCII without touching CJK', () => {
    expect(foldWidth('ＡＢＣ１２３　公司，。')).toBe('ABC123 公司,。');
  });
});
