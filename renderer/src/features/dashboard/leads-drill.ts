// Click-through to the Leads page: a Dashboard count's criteria travel in the hash (#/leads?drill=…&label=…), so
// the Leads page lists exactly the leads behind the count, and the link can be opened in a new tab or kept.
import { useMemo } from 'react';
import { hashParams, useLocationHash } from '../../ui/use-location-hash';
import { drillCriteriaSchema, type DrillCriteria } from '../../../../core/api/dashboard/drill-criteria';

export interface LeadsDrill {
  readonly criteria: DrillCriteria;
  /** What the count was, in the words of the card it came from. */
  readonly label: string;
}

const MAX_LABEL = 200;

export function leadsDrillHref(criteria: DrillCriteria, label: string): string {
  const params = new URLSearchParams({ drill: JSON.stringify(criteria), label: label.slice(0, MAX_LABEL) });
  return `#/leads?${params.toString()}`;
}

/** The drill a hash carries; null when there is none or it does not validate (a hand-edited link). */
export function parseLeadsDrill(hash: string): LeadsDrill | null {
  const params = hashParams(hash);
  if (params === null) return null;
  const raw = params.get('drill');
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = drillCriteriaSchema.safeParse(value);
  if (!parsed.success) return null;
  return { criteria: parsed.data, label: (params.get('label') ?? '').slice(0, MAX_LABEL) };
}

/** The drill in the current hash, stable between renders while the hash stays. */
export function useLeadsDrill(): LeadsDrill | null {
  const hash = useLocationHash();
  return useMemo(() => parseLeadsDrill(hash), [hash]);
}

/** Leaves the drill: the Leads page with its own filters only. */
export function clearLeadsDrill(): void {
  window.location.hash = '/leads';
}
