// 撞单 on entry through the service: a rep's live duplicate check (phone, email, company + name) against a
// workspace of 100k leads with their stored match keys. Half the checks hit an existing lead, half miss. The figure
// is the p95 API time over 200 checks, warmed up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createService } from '../../core/api/service';
import { leadKeysOf } from '../../core/api/leads/lead-keys';
import { openDatabase } from '../../core/store/open-database';
import type { Report } from './figure';
import { figure, percentile } from './figure';
import { seedWorkspace } from './work-bench-data';

const LEADS = 100_000;
const CHECKS = 200;

const phoneOf = (i: number): string => `139${String(i).padStart(8, '0')}`;

export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fairlead-bench-entry-'));
  try {
    const db = openDatabase(join(dir, 'bench.sqlite'));
    const now = Date.UTC(2026, 10, 25, 2, 0);
    seedWorkspace(db, LEADS, now);
    const rows = db.prepare('SELECT id, name, company FROM leads').all() as {
      id: string;
      name: string;
      company: string | null;
    }[];
    const update = db.prepare(
      'UPDATE leads SET phone = ?, email = ?, phone_key = ?, email_key = ?, company_key = ?, company_name_key = ? WHERE id = ?',
    );
    db.transaction(() => {
      rows.forEach((row, i) => {
        const phone = phoneOf(i);
        const email = `c${i}@example.cn`;
        const keys = leadKeysOf({ name: row.name, phone, email, company: row.company });
        update.run(phone, email, keys.phoneKey, keys.emailKey, keys.companyKey, keys.companyNameKey, row.id);
      });
    })();
    const service = createService({ db, clock: () => now });
    const token = service.openTrustedSession({ role: 'rep', repId: 'rep-3' });
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < CHECKS + 20; i += 1) {
      const n = (i * 7919) % LEADS;
      const isHit = i % 2 === 0;
      const input = isHit
        ? { name: rows[n]?.name ?? '', phone: `+86 ${phoneOf(n)}`, company: rows[n]?.company ?? '' }
        : { name: '新客户', phone: `137${String(i).padStart(8, '0')}`, email: `new${i}@example.cn` };
      const start = performance.now();
      const result = await service.dispatch('leads.checkEntry', input, { token });
      const ms = performance.now() - start;
      if (!result.ok) throw new Error(`leads.checkEntry failed: ${JSON.stringify(result.error)}`);
      const found = (result.value as { matches: unknown[] }).matches.length > 0;
      if (found !== isHit) throw new Error(`check ${i}: expected ${isHit ? 'a match' : 'none'}`);
      if (i >= 20) {
        times.push(ms);
        if (found) hits += 1;
      }
    }
    console.log(`# ${CHECKS} checks, ${hits} with matches`);
    db.close();
    report(
      figure(
        'duplicate_check_on_entry_ms',
        percentile(
          times.sort((a, b) => a - b),
          95,
        ),
        'ms',
        '<=',
        20,
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
