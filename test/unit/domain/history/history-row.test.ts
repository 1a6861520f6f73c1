import { describe, expect, it } from 'vitest';
import { countValues } from '../../../../core/domain/history/fold';
import { guessHistoryColumns, maskHistoryColumns } from '../../../../core/domain/history/history-columns';
import { buildHistoryLead } from '../../../../core/domain/history/history-row';
import type { HistoryDraft, HistoryRowContext } from '../../../../core/domain/history/history-row';
import { createOutcomeMapping, guessOutcomeMapping } from '../../../../core/domain/history/outcome-mapping';
import { createOwnerMapping, matchOwners } from '../../../../core/domain/history/owner-matching';
import { asRepId } from '../../../../core/domain/ids';
import { guessColumnMapping } from '../../../../core/import/column-mapping';
import { validateRow } from '../../../../core/import/validate-row';
import type { LeadDraft } from '../../../../core/domain/lead';

const HOUR = 3_600_000;
const cst = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min) - 8 * HOUR;
const NOW = cst(2025, 1, 1);
const HEADERS = [
  '姓名',
  '手机',
  '行业',
  '创建时间',
  '负责人',
  '阶段',
  '成交金额',
  '成交日期',
  '输单原因',
  '首次联系',
  '最后跟进',
];
const columns = guessHistoryColumns(HEADERS);
const REPS = [{ id: asRepId('r1'), name: '王芳', email: null, isActive: true }];

function context(overrides: Partial<HistoryRowContext> = {}): HistoryRowContext {
  const outcomes = createOutcomeMapping(guessOutcomeMapping(countValues(['成交', '输单', '跟进中'])));
  const owners = createOwnerMapping(matchOwners(countValues(['王芳', '']), REPS));
  return { headers: HEADERS, columns, outcomes, owners, now: NOW, ...overrides };
}
const DRAFT: HistoryDraft = {
  name: '张伟',
  phone: '+8613800138000',
  email: null,
  wechat: null,
  company: null,
  title: '总经理',
  industry: '制造',
  region: null,
  companySize: null,
  product: null,
  source: null,
  campaign: null,
  costFen: 0,
  needs: null,
  bant: {},
  customFields: {},
};
const row = (cells: string[], draft: HistoryDraft = DRAFT) => ({ row: 7, line: 7, cells, draft });
const WON = [
  '张伟',
  '13800138000',
  '制造',
  '2024/3/5 14:07',
  '王 芳',
  '成交',
  '¥12,000.50',
  '2024年4月1日',
  '',
  '2024年3月5日',
  '',
];

describe('guessHistoryColumns', () => {
  it('finds the history columns by their headers, amounts and dates before outcomes', () => {
    expect(columns).toEqual({
      createdAt: 3,
      owner: 4,
      outcome: 5,
      wonAmount: 6,
      closedAt: 7,
      lostReason: 8,
      firstContactAt: 9,
      lastActivityAt: 10,
    });
  });

  it('recognizes English CRM headers', () => {
    expect(
      guessHistoryColumns([
        'Lead Owner',
        'Created Date',
        'Lead Status',
        'Close Date',
        'Amount',
        'Lost Reason',
      ]),
    ).toEqual({ owner: 0, createdAt: 1, outcome: 2, closedAt: 3, wonAmount: 4, lostReason: 5 });
  });

  it('keeps history columns out of the lead fields and custom fields', () => {
    const mapping = maskHistoryColumns(guessColumnMapping(HEADERS), columns);
    expect(mapping).toEqual(['name', 'phone', 'industry', ...Array<string>(8).fill('ignore')]);
  });
});

describe('buildHistoryLead', () => {
  it('builds a won history lead with owner, dates and amount', () => {
    const result = buildHistoryLead(row(WON), context());
    expect(result).toMatchObject({
      ok: true,
      lead: {
        name: '张伟',
        industry: '制造',
        isHistory: true,
        stage: 'won',
        ownerId: 'r1',
        createdAt: cst(2024, 3, 5, 14, 7),
        closedAt: cst(2024, 4, 1),
        updatedAt: cst(2024, 4, 1),
        wonAmountFen: 1_200_050,
        lostReason: null,
      },
      activity: { firstContactAt: cst(2024, 3, 5), lastActivityAt: null },
      warnings: [],
    });
  });

  it('builds a lost lead with its reason', () => {
    const cells = [...WON];
    cells[5] = '输单';
    cells[6] = '';
    cells[8] = '  价格  太高 ';
    const result = buildHistoryLead(row(cells), context());
    expect(result.ok && result.lead).toMatchObject({
      stage: 'lost',
      lostReason: '价格 太高',
      wonAmountFen: null,
    });
  });

  it('leaves an open lead without a close time, and says so', () => {
    const cells = [...WON];
    cells[5] = '跟进中';
    cells[6] = '';
    const result = buildHistoryLead(row(cells), context());
    expect(result.ok && result.lead).toMatchObject({ stage: 'sql', closedAt: null });
    expect(result.warnings).toMatchObject([{ reason: 'closed_at_on_open_lead', row: 7, column: '成交日期' }]);
  });

  it('drops a won amount on a lead that was not won, with a warning', () => {
    const cells = [...WON];
    cells[5] = '输单';
    const result = buildHistoryLead(row(cells), context());
    expect(result.ok && result.lead.wonAmountFen).toBeNull();
    expect(result.warnings.map((w) => w.reason)).toEqual(['amount_not_won']);
  });

  it('names row, column and reason for every bad cell at once', () => {
    const cells = [...WON];
    cells[3] = '2024-02-30';
    cells[4] = '孙悟空';
    cells[5] = '待定';
    cells[6] = '很多钱';
    const result = buildHistoryLead(row(cells), context());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.column, e.columnIndex, e.reason, e.value])).toEqual([
      [7, '创建时间', 4, 'invalid_date', '2024-02-30'],
      [7, '阶段', 6, 'unmapped_outcome', '待定'],
      [7, '负责人', 5, 'unknown_owner', '孙悟空'],
      [7, '成交金额', 7, 'invalid_amount', '很多钱'],
    ]);
    expect(result.errors[0]?.dateReason).toBe('nonexistent_date');
  });

  it('refuses a date in the future', () => {
    const cells = [...WON];
    cells[7] = '2030-01-01';
    const result = buildHistoryLead(row(cells), context());
    expect(!result.ok && result.errors).toMatchObject([{ reason: 'future_date', column: '成交日期' }]);
  });

  it('refuses a row without an arrival time', () => {
    const cells = [...WON];
    cells[3] = '';
    const result = buildHistoryLead(row(cells), context());
    expect(!result.ok && result.errors).toMatchObject([{ reason: 'missing_created_at', column: '创建时间' }]);
  });

  it('reads a day/month column only in the order the team lead chose', () => {
    const cells = [...WON];
    cells[3] = '03/05/2024';
    const unanswered = buildHistoryLead(row(cells), context());
    expect(!unanswered.ok && unanswered.errors).toMatchObject([
      { reason: 'invalid_date', dateReason: 'ambiguous_order' },
    ]);
    const answered = buildHistoryLead(row(cells), context({ dateFormats: { createdAt: { order: 'DMY' } } }));
    expect(answered.ok && answered.lead.createdAt).toBe(cst(2024, 5, 3));
  });

  it('imports a blank owner as unowned', () => {
    const cells = [...WON];
    cells[4] = ' ';
    const result = buildHistoryLead(row(cells), context());
    expect(result.ok && result.lead.ownerId).toBeNull();
  });

  it('uses the fallback arrival time and default stage when the file has no such columns', () => {
    const result = buildHistoryLead(
      { row: 2, cells: ['张伟'], draft: DRAFT },
      {
        headers: ['姓名'],
        columns: {},
        now: NOW,
        fallbackCreatedAt: cst(2024, 12, 31),
        defaultStage: 'lost',
      },
    );
    expect(result.ok && result.lead).toMatchObject({
      stage: 'lost',
      createdAt: cst(2024, 12, 31),
      ownerId: null,
    });
  });

  it('imports undated rows as "dates unknown" when the team lead says so, marking them', () => {
    const input = { row: 2, cells: ['张伟', '赢单'], draft: DRAFT };
    const base = {
      headers: ['姓名', '结果'],
      columns: { outcome: 1 },
      now: NOW,
      outcomes: new Map([['赢单', 'won' as const]]),
    };
    expect(buildHistoryLead(input, base)).toMatchObject({
      ok: false,
      errors: [{ reason: 'missing_created_at' }],
    });
    const result = buildHistoryLead(input, { ...base, datesUnknown: true });
    expect(result).toMatchObject({
      ok: true,
      lead: { stage: 'won', createdAt: NOW, updatedAt: NOW },
      activity: { isDateUnknown: true },
    });
  });

  it('takes core/import validateRow drafts as they are', () => {
    const mapping = maskHistoryColumns(guessColumnMapping(HEADERS), columns);
    const validated = validateRow(WON, mapping, 7, { headers: HEADERS });
    if (!validated.ok) throw new Error('row should validate');
    const draft: LeadDraft = validated.draft;
    const result = buildHistoryLead(row(WON, draft), context());
    expect(result.ok && result.lead).toMatchObject({
      phone: '+8613800138000',
      customFields: {},
      stage: 'won',
    });
  });
});
