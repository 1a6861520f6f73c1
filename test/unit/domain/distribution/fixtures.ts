// Builders for distribution tests: leads, reps and rules with sensible defaults.
import { asRepId } from '../../../../core/domain/ids';
import type { Rep } from '../../../../core/domain/rep';
import { blankLead } from '../../../helpers/blank-lead';
import type {
  DistributionLead,
  DistributionMethod,
  DistributionRule,
} from '../../../../core/domain/distribution/types';

/** The methods that hand a lead to a rep (public-pool, manual and the existing-customer step do not). */
export const ASSIGNING_METHODS: readonly DistributionMethod[] = [
  'round-robin',
  'weighted',
  'load-balanced',
  'skill-match',
  'tier-ladder',
  'team',
  'optimal',
];

/** Wednesday 2026-03-04 10:00 UTC. */
export const NOW = Date.UTC(2026, 2, 4, 10, 0, 0);

export function makeLead(id: string, overrides: Partial<DistributionLead> = {}): DistributionLead {
  return {
    ...blankLead(id, { name: `Lead ${id}`, createdAt: NOW - 60_000, updatedAt: NOW - 60_000 }),
    ...overrides,
  };
}

export function makeRep(id: string, overrides: Partial<Rep> = {}): Rep {
  return {
    id: asRepId(id),
    name: `Rep ${id}`,
    email: null,
    phone: null,
    tier: 'mid',
    skills: [],
    regions: [],
    weight: 1,
    capOpen: null,
    capDaily: null,
    isActive: true,
    isOutOfOffice: false,
    leave: [],
    joinedOn: '2024-01-01',
    ...overrides,
  };
}

export function makeRule(
  method: DistributionRule['method'],
  overrides: Partial<DistributionRule> = {},
): DistributionRule {
  return {
    id: `r-${method}`,
    name: `All leads by ${method}`,
    enabled: true,
    conditions: [],
    target: { kind: 'everyone' },
    method,
    ...overrides,
  };
}

export function makeLeads(
  count: number,
  overrides: (i: number) => Partial<DistributionLead> = () => ({}),
): DistributionLead[] {
  return Array.from({ length: count }, (_, i) =>
    makeLead(`L${String(i).padStart(6, '0')}`, { createdAt: NOW - (count - i) * 1000, ...overrides(i) }),
  );
}

export function makeReps(count: number, overrides: (i: number) => Partial<Rep> = () => ({})): Rep[] {
  return Array.from({ length: count }, (_, i) => makeRep(`R${String(i).padStart(3, '0')}`, overrides(i)));
}

export function countBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}
