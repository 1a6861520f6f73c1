// The default pool's app-given name reads in the UI language (a name someone typed stays as typed), and short lists
// are written as each language writes them.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { defaultPoolConfig } from '../../../core/domain/pool/types';
import en from '../../../renderer/src/features/pool/i18n.en.json';
import zhCN from '../../../renderer/src/features/pool/i18n.zh-CN.json';
import { poolDisplayName, poolLabel } from '../../../renderer/src/features/pool/pool-name';
import { formatList } from '../../../renderer/src/ui/format';

async function translator(language: 'zh-CN' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  });
  return instance.t;
}

describe('pool names', () => {
  it('shows the default pool the app created in the reader’s language, with its mark', async () => {
    const pool = defaultPoolConfig();
    const zh = await translator('zh-CN');
    const english = await translator('en');
    expect(poolLabel(zh, pool)).toBe('公海（默认）');
    expect(poolLabel(english, pool)).toBe('Public pool (default)');
    expect(poolDisplayName(english, pool.name)).toBe('Public pool');
  });

  it('keeps a name someone typed, in every language', async () => {
    const english = await translator('en');
    expect(poolDisplayName(english, '华东公海')).toBe('华东公海');
    expect(poolLabel(english, { name: 'East', isDefault: true })).toBe('East (default)');
    expect(poolLabel(english, { name: 'East', isDefault: false })).toBe('East');
  });
});

describe('short lists', () => {
  it('use 、 in Chinese and commas in English', () => {
    expect(formatList(['手机', '邮箱', '微信'], 'zh-CN')).toBe('手机、邮箱、微信');
    expect(formatList(['phone', 'email', 'WeChat'], 'en')).toBe('phone, email, WeChat');
    expect(formatList(['phone'], 'en')).toBe('phone');
  });
});
