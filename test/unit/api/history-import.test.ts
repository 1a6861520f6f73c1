// Importing past leads through the API: dates, owners and outcomes land as they were, questions stop the commit,
// the leak column stays out of learning, the learned model learns the planted signal and replay runs over the period.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FairleadClient } from '../../../core/api/transport/client';
import type { HistoryAnswers, ImportAnalysis } from '../../../core/api/import/schemas';
import type { ImportJobResult } from '../../../core/api/jobs/schemas';
import type { ParsedInput } from '../../../core/api/contract';
import { ApiError } from '../../../core/api/errors';
import type { Service } from '../../../core/api/service';
import type { Lead } from '../../../core/domain/lead';
import {
  generateHistoryFixture,
  HISTORY_REPS,
  UNKNOWN_OWNERS,
  writeHistoryCsv,
  writeHistoryXlsx,
} from '../../helpers/history-fixtures';
import type { HistoryFixture } from '../../helpers/history-fixtures';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

const SLOW = { timeout: 300_000 };
const CREATE_UNKNOWN: HistoryAnswers['owners'] = Object.fromEntries(
  UNKNOWN_OWNERS.map((name) => [name, { create: true as const }]),
);

async function seedReps(client: FairleadClient): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const rep of HISTORY_REPS) {
    const created = await client.call('reps.create', {
      name: rep.name,
      tier: 'mid',
      ...(rep.email ? { email: rep.email } : {}),
    });
    if (!rep.isActive) await client.call('reps.setActive', { id: created.id, isActive: false });
    ids.set(rep.name, created.id);
  }
  return ids;
}

async function analyzeHistory(
  client: FairleadClient,
  fileName: string,
  bytes: Buffer,
  history: ParsedInput<'import.analyze'>['history'] = {},
): Promise<ImportAnalysis> {
  const upload = await client.call('import.upload', { fileName, contentBase64: bytes.toString('base64') });
  return client.call('import.analyze', { uploadId: upload.uploadId, mode: 'history', history });
}

async function commit(client: FairleadClient, service: Service, analysis: ImportAnalysis) {
  const started = await client.call('import.commit', {
    uploadId: analysis.uploadId,
    analysisId: analysis.analysisId,
    duplicateAction: 'keepBoth',
  });
  const job = await service.jobs.waitFor(started.id);
  if (job.state !== 'done') throw new Error(`import job ${job.state}: ${job.error ?? ''}`);
  return job.result as ImportJobResult;
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

async function listAll(client: FairleadClient): Promise<Lead[]> {
  const all: Lead[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await client.call('leads.list', {
      offset,
      limit: 500,
      sort: 'createdAt',
      direction: 'asc',
      includeHistory: true,
    });
    all.push(...page.rows);
    if (page.rows.length < 500) return all;
  }
}

/** Every row of the file against the lead it became (found by phone and name): stage, owner, dates, amount… */
function checkEveryRow(fixture: HistoryFixture, leads: readonly Lead[], repIds: ReadonlyMap<string, string>) {
  const byKey = new Map(leads.map((l) => [`${l.phone ?? ''} ${l.name}`, l]));
  expect(byKey.size).toBe(leads.length);
  const column = (header: string) => fixture.headers.indexOf(header);
  const actual = fixture.rows.map((row) => {
    const digits = (row[column('手机')] ?? '').replace(/\D/g, '').slice(-11);
    const lead = byKey.get(`+86${digits} ${row[column('姓名')] ?? ''}`);
    return lead
      ? {
          name: lead.name,
          company: lead.company,
          industry: lead.industry,
          isHistory: lead.isHistory,
          stage: lead.stage,
          ownerId: lead.ownerId,
          createdAt: lead.createdAt,
          closedAt: lead.closedAt,
          wonAmountFen: lead.wonAmountFen,
          lostReason: lead.lostReason,
        }
      : null;
  });
  const expected = fixture.truth.map((truth, i) => ({
    name: fixture.rows[i]?.[column('姓名')],
    company: fixture.rows[i]?.[column('公司')] || null,
    industry: fixture.rows[i]?.[column('行业')] || null,
    isHistory: true,
    stage: truth.stage,
    ownerId: repIds.get(truth.owner) ?? null,
    createdAt: truth.createdAt,
    closedAt: truth.closedAt,
    wonAmountFen: truth.wonAmountFen,
    lostReason: truth.lostReason,
  }));
  expect(actual).toEqual(expected);
}

describe('importing past leads', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  it(
    'imports 20,000 past leads from a GBK CSV with their dates, owners and outcomes, learns the planted signal and replays the period',
    SLOW,
    async () => {
      const fixture = generateHistoryFixture();
      const repIds = await seedReps(t.client);
      const path = join(tempDir(), 'history.csv');
      await writeHistoryCsv(path, fixture, { encoding: 'gbk' });
      const bytes = await readFile(path);

      const first = await analyzeHistory(t.client, 'history.csv', bytes);
      expect(first.history?.undecidedOwners).toEqual(expect.arrayContaining([...UNKNOWN_OWNERS]));
      const blocked = await refusal(
        t.client.call('import.commit', {
          uploadId: first.uploadId,
          analysisId: first.analysisId,
          duplicateAction: 'keepBoth',
        }),
      );
      expect(blocked.code).toBe('conflict');
      expect(blocked.message).toContain('负责人');

      const analysis = await analyzeHistory(t.client, 'history.csv', bytes, { owners: CREATE_UNKNOWN });
      expect(analysis.history?.questions).toEqual([]);
      expect(analysis.history?.leaks.map((f) => f.column)).toContain('线索质量');
      expect(analysis.history?.excludeFields).toEqual(['custom.线索质量']);
      const result = await commit(t.client, t.service, analysis);
      expect(result.inserted).toBe(20_000);
      const flags = await t.client.call('import.historyFlags', {});
      expect(flags).toMatchObject({ batchId: result.batchId, excludeFields: ['custom.线索质量'] });
      expect(flags?.leaks.map((l) => [l.column, l.field, l.reason])).toEqual(
        expect.arrayContaining([['线索质量', 'custom.线索质量', 'predicts_outcome']]),
      );
      const won = fixture.truth.filter((r) => r.stage === 'won').length;
      expect(flags?.leaks.find((l) => l.reason === 'predicts_outcome')?.evidence).toMatchObject({
        value: '高',
        won,
        lost: 0,
      });

      const reps = await t.client.call('reps.list', { includeInactive: true });
      for (const name of UNKNOWN_OWNERS) {
        const rep = reps.find((r) => r.name === name);
        expect(rep?.isActive).toBe(false);
        if (rep) repIds.set(name, rep.id);
      }
      const leads = await listAll(t.client);
      expect(leads).toHaveLength(20_000);
      expect(leads.every((l) => l.isHistory)).toBe(true);
      checkEveryRow(fixture, leads, repIds);
      const assignments = t.service.db.prepare('SELECT count(*) AS n FROM assignments').get() as {
        n: number;
      };
      expect(assignments.n).toBe(0);

      const train = await t.client.call('scoring.train', { seed: 1 });
      expect(await t.service.jobs.waitFor(train.id)).toMatchObject({ state: 'done' });
      const learned = await t.client.call('scoring.getLearned', {});
      expect(learned?.model.metrics.auc).toBeGreaterThanOrEqual(0.8);
      expect(learned?.model.features.some((f) => f.field === 'custom.线索质量')).toBe(false);

      const created = leads.map((l) => l.createdAt);
      const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
      // A past owner the import created starts on the local day of their first past lead, not the import's day.
      for (const name of UNKNOWN_OWNERS) {
        const theirs = leads.filter((l) => l.ownerId === repIds.get(name)).map((l) => l.createdAt);
        expect(theirs.length).toBeGreaterThan(0);
        expect(reps.find((r) => r.name === name)?.joinedOn).toBe(day(Math.min(...theirs)));
      }
      const period = { from: day(Math.min(...created)), to: day(Math.max(...created)), leads: 20_000 };
      expect(flags?.period).toEqual(period);
      const replay = await t.client.call('distribution.replay', { from: period.from, to: period.to });
      expect(await t.service.jobs.waitFor(replay.id)).toMatchObject({ state: 'done' });
    },
  );

  it(
    'imports 20,000 past leads from an XLSX with every Chinese character, date, owner and outcome intact',
    SLOW,
    async () => {
      const fixture = generateHistoryFixture({ seed: 11 });
      const repIds = await seedReps(t.client);
      const path = join(tempDir(), 'history.xlsx');
      await writeHistoryXlsx(path, fixture);
      const analysis = await analyzeHistory(t.client, 'history.xlsx', await readFile(path), {
        owners: CREATE_UNKNOWN,
      });
      expect(analysis.format).toBe('xlsx');
      expect(analysis.history?.questions).toEqual([]);
      expect(analysis.errorRows).toBe(0);
      const result = await commit(t.client, t.service, analysis);
      expect(result.inserted).toBe(20_000);
      const reps = await t.client.call('reps.list', { includeInactive: true });
      for (const name of UNKNOWN_OWNERS) repIds.set(name, reps.find((r) => r.name === name)?.id ?? '');
      const leads = await listAll(t.client);
      expect(leads).toHaveLength(20_000);
      checkEveryRow(fixture, leads, repIds);
    },
  );

  it('stops on a date column whose day/month order the file cannot decide, and imports once it is answered', async () => {
    const csv = [
      '姓名,手机,创建时间,阶段',
      '张伟,13800138000,03/05/2024,成交',
      '李娜,13900139000,04/06/2024,输单',
    ].join('\n');
    const analysis = await analyzeHistory(t.client, 'h.csv', Buffer.from(csv));
    const date = analysis.history?.dates.find((d) => d.role === 'createdAt');
    expect(date).toMatchObject({ kind: 'ambiguous', column: '创建时间' });
    expect(date?.examples[0]).toMatchObject({ raw: '03/05/2024', asMDY: '2024-03-05', asDMY: '2024-05-03' });
    const error = await refusal(
      t.client.call('import.commit', {
        uploadId: analysis.uploadId,
        analysisId: analysis.analysisId,
        duplicateAction: 'keepBoth',
      }),
    );
    expect(error).toMatchObject({ code: 'conflict' });
    expect(error.message).toContain('创建时间');

    const answered = await t.client.call('import.analyze', {
      uploadId: analysis.uploadId,
      mode: 'history',
      history: { dateOrders: { createdAt: 'DMY' } },
    });
    expect(answered.history?.questions).toEqual([]);
    await commit(t.client, t.service, answered);
    const leads = await listAll(t.client);
    expect(leads.find((l) => l.name === '张伟')?.createdAt).toBe(Date.UTC(2024, 4, 3) - 8 * 3_600_000);
  });

  it('words its error rows in the team lead’s language, an invalid date with why', async () => {
    const csv = [
      '姓名,手机,创建时间,阶段',
      '张伟,13800138000,2024-02-30,成交',
      '李娜,13900139000,2024-06-04,输单',
      '王强,13700137000,2024-06-05,输单',
      '赵敏,13600136000,2024-06-06,成交',
    ].join('\n');
    const COLUMNS = { columns: { createdAt: 2 } };
    const analysis = await analyzeHistory(t.client, 'h.csv', Buffer.from(csv), COLUMNS);
    const file = await t.client.call('import.errorFile', { uploadId: analysis.uploadId });
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text).toContain('第 2 行，列「创建时间」：日期无效：日历上没有这一天');
    await t.client.call('preferences.set', { language: 'en' });
    const again = await analyzeHistory(t.client, 'h.csv', Buffer.from(csv), COLUMNS);
    const english = await t.client.call('import.errorFile', { uploadId: again.uploadId });
    expect(Buffer.from(english.contentBase64, 'base64').toString('utf8')).toContain(
      'row 2, column ""创建时间"": The date is not valid: The day does not exist in the calendar',
    );
  });

  it('stops on an outcome value it cannot map, naming the value', async () => {
    const csv = [
      '姓名,手机,创建时间,阶段',
      '张伟,13800138000,2024-03-05,成交',
      '李娜,13900139000,2024-03-06,搁置观望',
    ].join('\n');
    const analysis = await analyzeHistory(t.client, 'h.csv', Buffer.from(csv));
    expect(analysis.history?.unmappedOutcomes).toEqual(['搁置观望']);
    const error = await refusal(
      t.client.call('import.commit', {
        uploadId: analysis.uploadId,
        analysisId: analysis.analysisId,
        duplicateAction: 'keepBoth',
      }),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('搁置观望');
    const answered = await t.client.call('import.analyze', {
      uploadId: analysis.uploadId,
      mode: 'history',
      history: { outcomes: { 搁置观望: 'lost' } },
    });
    expect(answered.history?.questions).toEqual([]);
  });

  it('stops on an owner who is not a rep, and maps them to an existing rep when told', async () => {
    const rep = await t.client.call('reps.create', { name: '王芳', tier: 'mid' });
    const csv = ['姓名,手机,创建时间,阶段,负责人', '张伟,13800138000,2024-03-05,成交,老刘'].join('\n');
    const analysis = await analyzeHistory(t.client, 'h.csv', Buffer.from(csv));
    expect(analysis.history?.owners[0]).toMatchObject({ value: '老刘', status: 'unknown' });
    const error = await refusal(
      t.client.call('import.commit', {
        uploadId: analysis.uploadId,
        analysisId: analysis.analysisId,
        duplicateAction: 'keepBoth',
      }),
    );
    expect(error.message).toContain('老刘');
    const answered = await t.client.call('import.analyze', {
      uploadId: analysis.uploadId,
      mode: 'history',
      history: { owners: { 老刘: { repId: rep.id } } },
    });
    await commit(t.client, t.service, answered);
    const [lead] = await listAll(t.client);
    expect(lead).toMatchObject({ ownerId: rep.id, stage: 'won', isHistory: true });
  });

  it('offers the leak reasons and the imported period after a history import, and nothing once it is undone', async () => {
    const csv = [
      '姓名,手机,创建时间,阶段,线索质量',
      '张伟,13800138000,2024-03-05 23:30,成交,高',
      '李娜,13900139000,2024-04-06,输单,低',
    ].join('\n');
    const analysis = await analyzeHistory(t.client, 'h.csv', Buffer.from(csv));
    const { batchId } = await commit(t.client, t.service, analysis);
    expect(await t.client.call('import.historyFlags', {})).toMatchObject({
      batchId,
      excludeFields: ['custom.线索质量'],
      leaks: [
        { column: '线索质量', field: 'custom.线索质量', reason: 'name', evidence: { matched: '质量' } },
      ],
      period: { from: '2024-03-05', to: '2024-04-06', leads: 2 },
    });
    await t.client.call('import.undo', { batchId });
    expect(await t.client.call('import.historyFlags', {})).toBeNull();
  });

  it('puts an owned open past lead on no SLA clock and sends no notification', async () => {
    const rep = await t.client.call('reps.create', { name: '王芳', tier: 'mid' });
    const csv = ['姓名,手机,创建时间,阶段,负责人', '张伟,13800138000,2024-03-05,跟进中,王芳'].join('\n');
    const analysis = await analyzeHistory(t.client, 'h.csv', Buffer.from(csv));
    await commit(t.client, t.service, analysis);
    t.clock.now += 30 * 86_400_000;
    const tick = await t.client.call('sla.runDue', {});
    expect(tick).toMatchObject({ reminded: 0, escalated: 0, recycled: 0, failed: 0 });
    const found = await t.client.call('leads.list', { text: '张伟', includeHistory: true });
    expect(found.rows.map((l) => l.name)).toEqual(['张伟']);
    const [lead] = await listAll(t.client);
    expect(lead).toMatchObject({ ownerId: rep.id, stage: 'sql', isHistory: true });
    const notifications = await t.client.call('notifications.list', {});
    expect(notifications.rows).toEqual([]);
  });
});
