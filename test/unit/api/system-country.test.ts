// The phone country before the team lead chooses one: the computer's, from its OS locale (China when unknown).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../../core/api/transport/in-process-client';
import { createService } from '../../../core/api/service';
import { openDatabase } from '../../../core/store/open-database';
import { countryOfLocale, systemCountry } from '../../../core/system-country';
import { useTempDir } from '../../helpers/temp-dir';

describe('the computer’s country', () => {
  const tempDir = useTempDir();

  it('is read from BCP 47 and POSIX locales, and is none where the locale names no region', () => {
    expect(countryOfLocale('zh-CN')).toBe('CN');
    expect(countryOfLocale('zh_TW.UTF-8')).toBe('TW');
    expect(countryOfLocale('en_US.utf8@euro')).toBe('US');
    expect(countryOfLocale('de-DE')).toBe('DE');
    expect(countryOfLocale('en')).toBeNull();
    expect(countryOfLocale('C.UTF-8')).toBeNull();
    expect(countryOfLocale('POSIX')).toBeNull();
    expect(countryOfLocale('not a locale!')).toBeNull();
  });

  it('prefers LC_ALL, then LC_MESSAGES, then LANG, and is unknown on Linux without them', () => {
    expect(systemCountry({ LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' }, 'linux')).toBe('GB');
    expect(systemCountry({ LC_MESSAGES: 'fr_FR.UTF-8', LANG: 'zh_CN.UTF-8' }, 'linux')).toBe('FR');
    expect(systemCountry({ LANG: 'zh_CN.UTF-8' }, 'linux')).toBe('CN');
    expect(systemCountry({ LANG: 'C.UTF-8' }, 'linux')).toBeUndefined();
    expect(systemCountry({}, 'linux')).toBeUndefined();
  });

  it('reads phones without a country code until the team lead chooses a country', async () => {
    const db = openDatabase(join(tempDir(), 'fairlead.sqlite'));
    try {
      const service = createService({ db, systemCountry: 'US', validateOutputs: true });
      const client = createInProcessClient(service, { as: { role: 'lead' } });
      const csv = 'Name,Phone,Email\nBob,(407) 261-8908,bob@example.com\n';
      const file = await client.call('import.upload', {
        fileName: 'us.csv',
        contentBase64: Buffer.from(csv).toString('base64'),
      });
      const analysis = await client.call('import.analyze', { uploadId: file.uploadId });
      expect(analysis).toMatchObject({ defaultCountry: 'US', validRows: 1, warnings: 0 });
      const asChina = await client.call('import.analyze', { uploadId: file.uploadId, defaultCountry: 'CN' });
      expect(asChina).toMatchObject({ defaultCountry: 'CN', warnings: 1 });
    } finally {
      db.close();
    }
  });
});
