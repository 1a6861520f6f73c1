// The team's learned rep–lead fit, estimated from the store's closed leads and kept until a lead closes or changes.
import type { Database } from 'better-sqlite3';
import { estimateRepFit, type RepFitModel } from '../../domain/distribution/rep-fit';
import { listFitOutcomes, readFitToken } from '../../store/fit-history';

/**
 * How often (ms of the caller's clock) the closed leads are checked for changes. The check scans them (~4 ms at
 * 20k leads), too slow for every new lead; a fit a minute behind the last closed lead changes no real decision.
 */
const RECHECK_MS = 60_000;

interface Cached {
  readonly token: string;
  readonly model: RepFitModel;
  readonly checkedAt: number;
}

const cache = new WeakMap<Database, Cached>();

/**
 * The fit model; re-estimated only when the closed leads changed since the last check. With `now` (distributing),
 * the check is made at most once a minute; without it (profiles, replays), every time.
 */
export function readRepFit(db: Database, now?: number): RepFitModel {
  const cached = cache.get(db);
  if (
    cached !== undefined &&
    now !== undefined &&
    now >= cached.checkedAt &&
    now - cached.checkedAt < RECHECK_MS
  )
    return cached.model;
  const token = readFitToken(db);
  const model =
    cached !== undefined && cached.token === token ? cached.model : estimateRepFit(listFitOutcomes(db));
  cache.set(db, { token, model, checkedAt: now ?? -Infinity });
  return model;
}
