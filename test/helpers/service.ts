// A service over a real SQLite file in a temp folder, with a controllable clock and readable ids.
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { createInProcessClient } from '../../core/api/transport/in-process-client';
import { createService, type Service } from '../../core/api/service';
import { openDatabase } from '../../core/store/open-database';
import type { FairleadClient } from '../../core/api/transport/client';
import type { Person } from '../../core/api/session/session-registry';

export interface TestService {
  readonly service: Service;
  /** The service's database (for a test that reads or resets what the API keeps). */
  readonly db: Database;
  readonly client: FairleadClient;
  readonly clock: { now: number };
  /** The service's id generator: ids a test writes itself sort with the service's own, in the order made. */
  newId(prefix: string): string;
  /** A client signed in as this person (the service's trusted path: no password asked). */
  as(person: Person): FairleadClient;
  /** A client signed in as this rep. */
  asRep(repId: string): FairleadClient;
  close(): void;
}

export function createTestService(dir: string, startAt = Date.UTC(2026, 10, 23, 2, 0, 0)): TestService {
  const db = openDatabase(join(dir, 'fairlead.sqlite'));
  const clock = { now: startAt };
  let counter = 0;
  const newId = (prefix: string) => `${prefix}_${String((counter += 1)).padStart(5, '0')}`;
  const service = createService({
    db,
    clock: () => clock.now,
    newId,
    validateOutputs: true,
  });
  const client = createInProcessClient(service, { as: { role: 'lead' } });
  return {
    service,
    db,
    client,
    clock,
    newId,
    as: (person) => createInProcessClient(service, { as: person }),
    asRep: (repId) => createInProcessClient(service, { as: { role: 'rep', repId } }),
    close: () => db.close(),
  };
}
