// Scoring benchmark: rescore 100k leads with the 31-criterion default model (score + grade, what rescore-all
// stores; explanations are built per lead on demand), and train on 20k labelled leads with 30 typed custom columns,
// once and as the training job does (without and with the flagged leak columns).
import { createRng } from '../../core/domain/clock';
import type { Lead } from '../../core/domain/lead';
import { defaultScoringModel } from '../../core/domain/scoring/default-model';
import { scoreLeads } from '../../core/domain/scoring/engine';
import { trainComparingLeaks } from '../../core/domain/scoring/leak-comparison';
import { trainConversionModel } from '../../core/domain/scoring/learned';
import { generateSyntheticHistory } from '../../core/domain/scoring/synthetic-history';
import type { Report } from './figure';
import { figure, timeMs } from './figure';

const NOW = Date.UTC(2026, 10, 23, 12);

/** 15 number columns (skewed counts, some blank) and 15 category columns (8 values each) on every lead. */
function withCustomColumns(leads: readonly Lead[], seed: number): Lead[] {
  const rng = createRng(seed);
  return leads.map((lead) => {
    const customFields: Record<string, string> = { ...lead.customFields };
    for (let c = 0; c < 15; c++) {
      customFields[`metric_${c}`] = rng() < 0.05 ? '' : String(Math.round(Math.exp(rng() * 6)));
      customFields[`segment_${c}`] = `value ${Math.floor(rng() * 8)}`;
    }
    return { ...lead, customFields };
  });
}

export async function run(report: Report): Promise<void> {
  const model = defaultScoringModel();
  const leads = generateSyntheticHistory({ count: 100_000, seed: 1, now: NOW, signal: 'planted' });
  // Warm-up so the figure measures steady-state scoring, as a long-running hub would see it.
  scoreLeads(leads.slice(0, 5_000), model, NOW);
  let checksum = 0;
  const scoreMs = await timeMs(() => {
    for (const r of scoreLeads(leads, model, NOW)) checksum += r.score;
  });
  if (checksum <= 0) throw new Error('scoring produced no points');
  report(figure('score_100k_leads_s', scoreMs / 1000, 's', '<=', 1));

  const history = withCustomColumns(
    generateSyntheticHistory({ count: 20_000, seed: 2, now: NOW, signal: 'planted' }),
    3,
  );
  let ok = false;
  const trainMs = await timeMs(() => {
    ok = trainConversionModel(history, NOW, { seed: 1 }).ok;
  });
  if (!ok) throw new Error('training refused');
  report(figure('train_20k_leads_s', trainMs / 1000, 's', '<=', 10));

  // What the training job does after a past-leads import flagged leaks: the kept model without the flagged
  // columns, then the same split with them put back, for comparison. The team lead waits for both.
  let compared = false;
  const jobMs = await timeMs(() => {
    const comparison = trainComparingLeaks(history, NOW, { seed: 1 }, [
      'custom.metric_0',
      'custom.segment_0',
    ]);
    compared = comparison.aucWithFlagged !== null;
  });
  if (!compared) throw new Error('the comparison training was refused');
  report(figure('train_20k_job_with_leak_comparison_s', jobMs / 1000, 's', '<=', 10));
}
