// An import of a file on disk, over more than one batch of the analysis and more than one step of the commit: the
// duplicates it finds are those worked out by hand (a cancelled import: import-report-to-commit.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { analyzeBytes, commitAnalysis, seedLead } from './import-helpers';

// 6,000 rows: more than one step of the commit; every 10th shares a stored lead's phone (600), every 7th an earlier
// row's email (857), both 86: 1,371 rows merge, 4,629 are new.
const CSV = [
  '姓名,手机,邮箱,公司名称',
  ...Array.from({ length: 6_000 }, (_, i) => {
    const phone =
      i % 10 === 0 ? `1370000${String(i % 50).padStart(4, '0')}` : `139${String(i).padStart(8, '0')}`;
    const email = i % 7 === 6 ? `row${i - 6}@example.cn` : `row${i}@example.cn`;
    return `客户${i},${phone},${email},公司${i % 300}`;
  }),
].join('\n');

describe('an import of a file on disk', () => {
  const tempDir = useTempDir();
  const services: TestService[] = [];
  afterEach(() => {
    for (const service of services.splice(0)) service.close();
  });

  it("merges the rows sharing a stored lead's phone or an earlier row's email, as worked out by hand", async () => {
    const t = createTestService(tempDir());
    services.push(t);
    expect(t.service.db.memory).toBe(false);
    for (let i = 0; i < 50; i += 1)
      seedLead(t.service, { name: `老客户${i}`, phone: `1370000${String(i).padStart(4, '0')}` }, i);
    const analysis = await analyzeBytes(t.client, 'a.csv', Buffer.from(CSV));
    // 600 rows share a stored lead's phone; 857 an earlier row's email, 86 of them a stored phone too.
    expect(analysis).toMatchObject({ duplicateRows: 600, inFileDuplicateRows: 771 });
    const { result } = await commitAnalysis(t.client, t.service, analysis, 'merge');
    expect(result).toMatchObject({ inserted: 4_629, merged: 1_371, flagged: 0, skipped: 0 });
    expect(t.service.db.prepare('SELECT COUNT(*) FROM leads WHERE deleted_at IS NULL').pluck().get()).toBe(
      50 + 4_629,
    );
    // Row 12 (i = 10) has 13700000010, stored lead 老客户10's phone: merged into it, not a lead of its own.
    expect(
      t.service.db.prepare("SELECT COUNT(*) FROM leads WHERE phone LIKE '%13700000010'").pluck().get(),
    ).toBe(1);
  });
});
