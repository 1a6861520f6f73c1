// What the API writes beside the database — uploads and their analysis, backups, the export folder — and the hub's
// certificates are readable only by their OS user: folders 0700, files 0600, modes read back from real files.
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupsDirOf } from '../../../core/api/backups/backup-files';
import { dataDirOf, uploadDir, uploadsDirOf } from '../../../core/api/import/files';
import { ensureHubCertificates } from '../../../core/lan/certificates';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { analyzeBytes } from './import-helpers';

const modeOf = (path: string) => statSync(path).mode & 0o777;
/** Every entry of a folder with its mode, so a failure names the file. */
const modesIn = (dir: string) => readdirSync(dir).map((name) => [name, modeOf(join(dir, name))]);

describe.skipIf(process.platform === 'win32')('private files of the API', () => {
  const tempDir = useTempDir();
  let t: TestService | null = null;
  afterEach(() => t?.close());

  it('keeps an upload, its analysis and its rejected rows private, tightening a loose uploads folder', async () => {
    t = createTestService(tempDir());
    const loose = uploadsDirOf(t.service.db);
    mkdirSync(loose);
    chmodSync(loose, 0o755);
    const analysis = await analyzeBytes(
      t.client,
      'a.csv',
      Buffer.from('姓名,手机,邮箱\n张伟,13800138000,a@b.cn\n,,bad\n'),
    );
    const dir = uploadDir(t.service.db, analysis.uploadId);
    expect(modeOf(loose)).toBe(0o700);
    expect(modeOf(dir)).toBe(0o700);
    expect(modesIn(dir).sort()).toEqual([
      ['analysis.json', 0o600],
      ['rows.ndjson', 0o600],
      ['source.csv', 0o600],
      ['upload.json', 0o600],
    ]);
  });

  it('makes the backups folder and every backup private', async () => {
    t = createTestService(tempDir());
    const backup = await t.client.call('backups.create', {});
    const dir = backupsDirOf(t.service.db);
    expect(modeOf(dir)).toBe(0o700);
    expect(modesIn(dir)).toEqual([[backup.id, 0o600]]);
  });

  it('writes an XLSX export in a private folder', async () => {
    t = createTestService(tempDir());
    await t.client.call('leads.export', { filter: {}, format: 'xlsx' });
    expect(modeOf(join(dataDirOf(t.service.db), 'exports'))).toBe(0o700);
  });

  it("keeps the hub's certificates and their folder private", async () => {
    const dir = join(tempDir(), 'certs');
    await ensureHubCertificates(dir, ['localhost'], Date.UTC(2026, 10, 23));
    expect(modeOf(dir)).toBe(0o700);
    expect(modesIn(dir).sort()).toEqual([
      ['ca-cert.pem', 0o600],
      ['ca-key.pem', 0o600],
      ['server-cert.pem', 0o600],
      ['server-key.pem', 0o600],
    ]);
  });
});
