// The team's learned rep–lead fit, estimated from the store's closed leads and kept until a lead closes or changes.
import type { Database } from 'better-sqlite3';
import { estimateRepFit, type RepFitModel } from '../../domain/distribution/rep-fit';
import { listFitOutcomes, readFitToken } from '../../store/fit-history';

const cache = new WeakMap<Database, { readonly token: string; readonly model: RepFitModel }>();

/** The fit model for distribution; re-estimated only when the closed leads changed (so the same inputs decide the same). */
export function readRepFit(db: Database): RepFitModel {
  const token = readFitToken(db);
  const cached = cache.get(db);
  if (cached !== undefined && cached.token === token) return cached.model;
  const model = estimateRepFit(listFitOutcomes(db));
  cache.set(db, { token, model });
  return model;
}
