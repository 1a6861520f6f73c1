// The team's learned rep–lead fit, estimated from the store's closed leads and kept until a lead closes or changes.
import type { Database } from 'better-sqlite3';
import { estimateRepFit, type RepFitModel } from '../../domain/distribution/rep-fit';
import { readClosedLeadsStamp } from '../../store/closed-leads-stamp';
import { listFitOutcomes, readFitToken } from '../../store/fit-history';

/**
 * How often (ms of the caller's clock) at most the closed leads are checked for changes once written to. The check
 * scans them (~0.5 ms at 14k closed leads), too slow for every new lead; a fit a minute behind the last closed
 * lead changes no real decision.
 */
const RECHECK_MS = 60_000;

interface Cached {
  readonly token: string;
  /** The closed leads' stamp when `token` was read: while it stays, nothing was written to them. */
  readonly stamp: string;
  readonly model: RepFitModel;
  readonly checkedAt: number;
}

const cache = new WeakMap<Database, Cached>();

/**
 * The fit model; re-estimated only when the closed leads changed since the last check. With `now` (distributing),
 * the check is made only after a write that may have changed them (the stamp moved), and then at most once a
 * minute; without it (profiles, replays), every time.
 */
export function readRepFit(db: Database, now?: number): RepFitModel {
  const cached = cache.get(db);
  // Read before the token: a write landing between the two moves the stamp again, so it is checked next time.
  const stamp = readClosedLeadsStamp(db);
  if (cached !== undefined && now !== undefined) {
    if (cached.stamp === stamp) return cached.model;
    if (now >= cached.checkedAt && now - cached.checkedAt < RECHECK_MS) return cached.model;
  }
  const token = readFitToken(db);
  const model =
    cached !== undefined && cached.token === token ? cached.model : estimateRepFit(listFitOutcomes(db));
  cache.set(db, { token, stamp, model, checkedAt: now ?? -Infinity });
  return model;
}
