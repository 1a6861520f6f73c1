// Which statements SQLite prepares again on each run, counted by SQLite itself (SQLITE_STMTSTATUS_REPREPARE, through
// a small loadable extension built here from test/fixtures/statement-status.c). SQLite notes a parameter whose value
// it planned with (a bound LIMIT, a flag a partial index compares, an equality under an ORDER BY or min()/max()), and
// better-sqlite3 clears the bindings after every run, which expires a statement with a noted parameter. The store's
// builder writes parameters as `+?` (core/store/sql.ts), which SQLite does not plan with; on the busy paths (a new
// lead and its distribution, a pool claim, the Dashboard, the SLA tick, the queue and the board) no statement is
// prepared again on each run.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

const ROOT = join(import.meta.dirname, '../../..');

interface StatementStatus {
  readonly sql: string;
  readonly runs: number;
  readonly reprepares: number;
}

/** Builds the extension with the machine's C compiler against better-sqlite3's own SQLite headers. */
function buildStatementStatus(dir: string): string {
  const library = join(dir, 'statement_status.so');
  execFileSync('cc', [
    '-shared',
    '-fPIC',
    '-O1',
    '-I',
    join(ROOT, 'node_modules/better-sqlite3/deps/sqlite3'),
    '-o',
    library,
    join(ROOT, 'test/fixtures/statement-status.c'),
  ]);
  return library;
}

function statementStatus(t: TestService): StatementStatus[] {
  const json = t.db.prepare('SELECT statement_status()').pluck().get() as string;
  return JSON.parse(json) as StatementStatus[];
}

/** The statements that ran at least three times and were prepared again on (nearly) every run. */
function preparedOnEveryRun(statuses: readonly StatementStatus[]): StatementStatus[] {
  return statuses.filter((status) => status.runs >= 3 && status.reprepares >= status.runs - 1);
}

describe('statements SQLite prepares again', () => {
  const tempDir = useTempDir();
  let dir: string;
  let t: TestService;

  beforeEach(() => {
    dir = tempDir();
    t = createTestService(dir);
    t.db.loadExtension(buildStatementStatus(dir));
  });
  afterEach(() => t.close());

  it('counts a statement prepared again on every run, and one that is not', () => {
    const bound = t.db.prepare('SELECT id FROM leads WHERE phone_key = ? LIMIT ?');
    const literal = t.db.prepare('SELECT id FROM leads WHERE phone_key = ? LIMIT 1');
    for (let i = 0; i < 5; i += 1) {
      bound.get(`+86139${i}`, 1);
      literal.get(`+86139${i}`);
    }
    const statuses = statementStatus(t);
    const of = (sql: string) => statuses.find((status) => status.sql === sql);
    expect(of(bound.source)).toEqual({ sql: bound.source, runs: 5, reprepares: 5 });
    expect(of(literal.source)).toEqual({ sql: literal.source, runs: 5, reprepares: 0 });
    expect(preparedOnEveryRun(statuses).map((status) => status.sql)).toEqual([bound.source]);
  });

  it('counts an equality under an ORDER BY as prepared again on every run, and not when written +?', () => {
    const plain = t.db.prepare(
      'SELECT * FROM assignments WHERE lead_id = ? ORDER BY at DESC, id DESC LIMIT 1',
    );
    const plus = t.db.prepare(
      'SELECT * FROM assignments WHERE lead_id = +? ORDER BY at DESC, id DESC LIMIT 1',
    );
    for (let i = 0; i < 5; i += 1) {
      plain.get(`lead_${i}`);
      plus.get(`lead_${i}`);
    }
    const statuses = statementStatus(t);
    expect(statuses.find((status) => status.sql === plain.source)?.reprepares).toBeGreaterThanOrEqual(4);
    expect(statuses.find((status) => status.sql === plus.source)?.reprepares).toBe(0);
    // The plus changes no plan: the seek is the same.
    const plan = (sql: string) =>
      (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('lead_1') as { detail: string }[]).map(
        (row) => row.detail,
      );
    expect(plan(plus.source)).toEqual(plan(plain.source));
  });

  it('prepares no statement again on each run of the busy paths', async () => {
    await t.client.call('workspace.loadDemo', {});
    const reps = await t.client.call('reps.list', {});
    const rep = reps.find((r) => r.isActive) ?? reps[0];
    if (!rep) throw new Error('no rep');
    const asRep = t.asRep(rep.id);
    const pooled = (await asRep.call('pool.list', { limit: 50 })).rows.map((row) => row.id);
    for (let round = 0; round < 4; round += 1) {
      t.clock.now += 60_000;
      await t.client.call('leads.create', {
        name: `新客户${round}`,
        phone: `1390000${String(1000 + round)}`,
        company: `某某科技${round}有限公司`,
        region: '华东',
        source: '官网表单',
      });
      // A phone an earlier lead holds: the entry check reads its matches.
      await t.client.call('leads.create', {
        name: `老客户${round}`,
        phone: `1390000${String(1000 + round)}`,
      });
      const to = new Date(t.clock.now).toISOString().slice(0, 10);
      const from = new Date(t.clock.now - 30 * 86_400_000).toISOString().slice(0, 10);
      await t.client.call('dashboard.kpis', { from, to });
      await t.client.call('dashboard.now', {});
      await t.client.call('sla.runDue', {});
      await t.client.call('funnel.board', {});
      await asRep.call('queue.list', { repId: rep.id });
      const leadId = pooled[round];
      if (leadId) await asRep.call('pool.claim', { leadId }).catch(() => undefined);
    }
    const statuses = statementStatus(t);
    expect(statuses.filter((status) => status.runs >= 3).length).toBeGreaterThan(50);
    expect(preparedOnEveryRun(statuses).map((status) => status.sql)).toEqual([]);
  });
});
