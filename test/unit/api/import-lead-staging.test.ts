// The commit's staging on a worker thread: rows written into a private scratch file beside the upload, attached for
// the move and deleted after it; a writer that fails (a row it cannot write) fails the commit with its reason.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asLeadId } from '../../../core/domain/ids';
import { uploadDir } from '../../../core/api/import/files';
import { startLeadStaging } from '../../../core/api/import/lead-staging';
import { moveStagedLeads, stagedLeadValues, stagingLayout } from '../../../core/store/import-staging';
import { findLeadById } from '../../../core/store/leads';
import { openDatabase } from '../../../core/store/open-database';
import { sampleLead } from '../../helpers/sample-data';
import { insertStagedBatch, STAGED_KEYS, STAGED_META, STAGED_SHARED } from '../../helpers/staging-fixtures';
import { useTempDir } from '../../helpers/temp-dir';

const keys = STAGED_KEYS;
const meta = STAGED_META;
const shared = STAGED_SHARED;
const UPLOAD = 'upload_1';

describe("an import's staging on a worker thread", () => {
  const tempDir = useTempDir();
  let db: Database;
  beforeEach(() => {
    db = openDatabase(join(tempDir(), 'store.sqlite'));
    mkdirSync(uploadDir(db, UPLOAD), { recursive: true });
    insertStagedBatch(db);
  });
  afterEach(() => db.close());
  const scratchPath = () => join(uploadDir(db, UPLOAD), 'staging-import_1.sqlite');

  it('writes the rows into a private scratch file, moves them from it and deletes it', async () => {
    const layout = stagingLayout(shared);
    const staging = startLeadStaging(db, 'import_1', UPLOAD, layout, { onWorker: true });
    expect(statSync(scratchPath()).mode & 0o777).toBe(0o600);
    const leads = ['lead_1', 'lead_2'].map((id) => ({
      ...sampleLead({
        id: asLeadId(id),
        stage: 'raw',
        ownerId: null,
        scoreModelVersion: 3,
        name: `客户${id}`,
      }),
      createdAt: 5_000,
      updatedAt: 5_000,
    }));
    staging.write(leads.map((lead) => stagedLeadValues(layout, lead, keys, meta)));
    const ready = await staging.finish(2);
    expect(db.transaction(() => moveStagedLeads(db, ready))()).toBe(2);
    await staging.remove();
    expect(findLeadById(db, 'lead_2')).toEqual(leads[1]);
    expect(existsSync(scratchPath())).toBe(false);
    expect(db.prepare('SELECT name FROM pragma_database_list').pluck().all()).not.toContain(
      'staging_import_1',
    );
  });

  it('fails the staging with the writer’s reason, and a count it did not write, naming the file', async () => {
    const layout = stagingLayout(shared);
    const broken = startLeadStaging(db, 'import_1', UPLOAD, layout, { onWorker: true });
    broken.write([['too', 'few', 'values']]);
    await expect(broken.finish(1)).rejects.toThrow(/values|columns/i);
    await broken.remove();
    expect(existsSync(scratchPath())).toBe(false);

    const short = startLeadStaging(db, 'import_1', UPLOAD, layout, { onWorker: true });
    await expect(short.finish(3)).rejects.toThrow(/staged 3 leads but wrote 0 into .*staging-import_1/);
    await short.remove();
    expect(existsSync(scratchPath())).toBe(false);
  });
});
