// The seeded CRM-shaped history as the CSV a team lead would export: English headers, an external id, a lead
// number, a 0/1 "Converted" outcome, no date column, numbers, yes/no flags, words under "Last Activity".
import { createRng } from '../../core/domain/clock';
import { generateCrmHistory, INNOCENT_COLUMNS, LEAK_COLUMNS } from './synthetic-crm-history';
import type { CrmHistory } from './synthetic-crm-history';

const ACTIVITIES = ['Email Opened', 'SMS Sent', 'Page Visited on Website', 'Olark Chat Conversation'];

/** Columns of the export beyond the generator's custom fields: none of them says anything about the outcome. */
export const EXTRA_INNOCENT = ['Last Activity', 'I agree to pay the amount through cheque'] as const;

export interface CrmExport {
  readonly csv: string;
  readonly headers: readonly string[];
  readonly history: CrmHistory;
  /** Lead number → the true probability of winning it was drawn with. */
  readonly trueProbabilityByNumber: ReadonlyMap<string, number>;
  /** Lead number → 1 won, 0 lost. */
  readonly outcomeByNumber: ReadonlyMap<string, number>;
}

function quote(cell: string): string {
  return /[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** `count` leads; same seed → same bytes. */
export function generateCrmExport(count: number, seed: number, now: number): CrmExport {
  const history = generateCrmHistory(count, seed, now);
  const rng = createRng(seed + 1);
  const custom = [...INNOCENT_COLUMNS, ...LEAK_COLUMNS];
  const headers = ['Prospect ID', 'Lead Number', ...custom, ...EXTRA_INNOCENT, 'Converted'];
  const lines = [headers.map(quote).join(',')];
  const trueProbabilityByNumber = new Map<string, number>();
  const outcomeByNumber = new Map<string, number>();
  history.leads.forEach((lead, i) => {
    const number = String(660_000 + i);
    trueProbabilityByNumber.set(number, history.trueProbability.get(lead.id) ?? 0);
    outcomeByNumber.set(number, lead.stage === 'won' ? 1 : 0);
    const prospect = `7927b2df-${String(i).padStart(4, '0')}-4f2c-9d4a-${(seed * 7919 + i).toString(16).padStart(12, '0')}`;
    const cells = [
      prospect,
      number,
      ...custom.map((key) => lead.customFields[key] ?? ''),
      ACTIVITIES[Math.floor(rng() * ACTIVITIES.length)] ?? '',
      rng() < 0.5 ? 'No' : 'Yes',
      lead.stage === 'won' ? '1' : '0',
    ];
    lines.push(cells.map(quote).join(','));
  });
  return { csv: `${lines.join('\n')}\n`, headers, history, trueProbabilityByNumber, outcomeByNumber };
}
