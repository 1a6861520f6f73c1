// A seeded past-leads export shaped like a real CRM's: typed custom columns with planted effects and planted leaks.
import { createRng, DAY_MS } from '../../core/domain/clock';
import type { Rng } from '../../core/domain/clock';
import type { Lead } from '../../core/domain/lead';
import { blankLead } from './blank-lead';

/** The columns whose values move the true probability (the rest are noise or leaks). */
export const EFFECT_COLUMNS = [
  'Total Time Spent on Website',
  'TotalVisits',
  'Lead Origin',
  'Do Not Email',
] as const;
/** Innocent columns: nothing about them was set after contact. */
export const INNOCENT_COLUMNS = [
  ...EFFECT_COLUMNS,
  'Page Views Per Visit',
  'Lead Source',
  'City',
  'Specialization',
  'Notes',
] as const;
/**
 * Columns filled after contact: a status set by the rep, a score filled mostly for won leads, a tag whose values
 * name the outcome, and two with innocent-looking names — a count filled mostly for won leads and a number that
 * separates the outcomes almost perfectly.
 */
export const LEAK_COLUMNS = [
  'Lead Status',
  'Asymmetrique Activity Score',
  'Tags',
  'Callbacks Logged',
  'Deal Size Estimate',
] as const;

const ORIGIN_EFFECT: Readonly<Record<string, number>> = {
  API: 0,
  'Landing Page Submission': 0.4,
  'Lead Add Form': 2.2,
  'Lead Import': -0.8,
  'Quick Add Form': 1,
};
const ORIGINS = Object.keys(ORIGIN_EFFECT);
const SOURCES = ['Google', 'Direct Traffic', 'Olark Chat', 'Organic Search', 'Reference', 'Welingak Website'];
const RARE_SOURCES = [
  'bing',
  'Click2call',
  'Press_Release',
  'Social Media',
  'Live Chat',
  'NC_EDM',
  'youtubechannel',
];
const CITIES = [
  'Mumbai',
  'Thane & Outskirts',
  'Other Cities',
  'Other Cities of Maharashtra',
  'Tier II Cities',
];
const SPECIALIZATIONS = [
  'Finance Management',
  'Human Resource Management',
  'Marketing Management',
  'Operations Management',
  'IT Projects Management',
  'Supply Chain Management',
  'Healthcare Management',
  'Rural and Agribusiness',
];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/** A standard normal draw (Box–Muller). */
function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

export interface CrmHistory {
  readonly leads: Lead[];
  /** The true probability of winning each lead was drawn with, by lead id: the best any model can do. */
  readonly trueProbability: ReadonlyMap<string, number>;
}

/**
 * `count` closed past leads; same seed → same leads. Outcome log-odds = −1.6 + 0.9 × z(log1p time on site)
 * + 0.35 × log1p(visits) + origin effect − 1.1 × "Do Not Email". Every built-in field is blank; the leak
 * columns are drawn after the outcome.
 */
export function generateCrmHistory(count: number, seed: number, now: number): CrmHistory {
  const rng = createRng(seed);
  const leads: Lead[] = [];
  const trueProbability = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const hasVisited = rng() < 0.8;
    const seconds = hasVisited ? Math.round(Math.exp(5.5 + 1.2 * normal(rng))) : 0;
    const visits = hasVisited ? Math.floor(-Math.log(1 - rng()) * 4) + 1 : 0;
    const visitsMissing = rng() < 0.05;
    const origin = pick(rng, ORIGINS);
    const doNotEmail = rng() < 0.15;
    const zTime = (Math.log1p(seconds) - 5) / 2.5;
    const logOdds =
      -1.6 + 0.9 * zTime + 0.35 * Math.log1p(visits) + (ORIGIN_EFFECT[origin] ?? 0) - (doNotEmail ? 1.1 : 0);
    const p = 1 / (1 + Math.exp(-logOdds));
    const won = rng() < p;
    const id = `crm-${seed}-${String(i + 1).padStart(6, '0')}`;
    trueProbability.set(id, p);
    const source = rng() < 0.004 ? pick(rng, RARE_SOURCES) : pick(rng, SOURCES);
    const status = won
      ? rng() < 0.7
        ? 'Closed - Converted'
        : 'Interested'
      : pick(rng, ['Not Interested', 'Not Interested', 'Unreachable', 'Interested', 'Wrong Number']);
    const tag = won
      ? pick(rng, ['Closed by Horizzon', 'Closed by Horizzon', 'Will revert after reading the email', ''])
      : pick(rng, [
          'Ringing',
          'Interested in other courses',
          'Will revert after reading the email',
          'Already a student',
          '',
        ]);
    const scoreFilled = rng() < (won ? 0.85 : 0.25);
    const callbacksFilled = rng() < (won ? 0.9 : 0.3);
    const dealSize = won
      ? 5000 + Math.round(rng() * 5000)
      : Math.round(rng() * 2000 + (rng() < 0.03 ? 4000 : 0));
    const createdAt = now - Math.floor((30 + rng() * 300) * DAY_MS);
    leads.push(
      blankLead(id, {
        name: `Lead ${i + 1}`,
        stage: won ? 'won' : 'lost',
        isHistory: true,
        createdAt,
        updatedAt: createdAt + 20 * DAY_MS,
        customFields: {
          'Total Time Spent on Website': String(seconds),
          TotalVisits: visitsMissing ? '' : String(visits),
          'Page Views Per Visit': hasVisited ? (1 + rng() * 4).toFixed(2) : '0',
          'Lead Origin': origin,
          'Lead Source': source,
          'Do Not Email': doNotEmail ? 'Yes' : 'No',
          City: rng() < 0.3 ? '' : pick(rng, CITIES),
          Specialization: rng() < 0.35 ? 'Select' : pick(rng, SPECIALIZATIONS),
          Notes:
            rng() < 0.6
              ? `Called on day ${Math.floor(rng() * 900)}, asked about ${pick(rng, SPECIALIZATIONS)} fees`
              : '',
          'Lead Status': status,
          'Asymmetrique Activity Score': scoreFilled ? String(10 + Math.floor(rng() * 9)) : '',
          Tags: tag,
          'Callbacks Logged': callbacksFilled ? String(1 + Math.floor(rng() * 4)) : '',
          'Deal Size Estimate': String(dealSize),
        },
      }),
    );
  }
  return { leads, trueProbability };
}
