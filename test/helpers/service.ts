// A service over a real SQLite file in a temp folder, with a controllable clock and readable ids.
import { join } from 'node:path';
import { createInProcessClient } from '../../core/api/transport/in-process-client';
import { createService, type Service } from '../../core/api/service';
import { openDatabase } from '../../core/store/open-database';
import type { FairleadClient } from '../../core/api/transport/client';

export interface TestService {
  readonly service: Service;
  readonly client: FairleadClient;
  readonly clock: { now: number };
  close(): void;
}

export function createTestService(dir: string, startAt = Date.UTC(2026, 10, 23, 2, 0, 0)): TestService {
  const db = openDatabase(join(dir, 'fairlead.sqlite'));
  const clock = { now: startAt };
  let counter = 0;
  const service = createService({
    db,
    clock: () => clock.now,
    newId: (prefix) => `${prefix}_${String((counter += 1)).padStart(5, '0')}`,
  });
  return { service, client: createInProcessClient(service), clock, close: () => db.close() };
}
