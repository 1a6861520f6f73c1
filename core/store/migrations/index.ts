// The ordered, static list of migrations (a bundled app has no migrations folder to scan).
import type { Database } from 'better-sqlite3';
import { updateToSchemaVersion1 } from './0001-initial';
import { updateToSchemaVersion2 } from './0002-assignments-follow-ups';
import { updateToSchemaVersion3 } from './0003-scoring-models';
import { updateToSchemaVersion4 } from './0004-import';
import { updateToSchemaVersion5 } from './0005-distribution';
import { updateToSchemaVersion6 } from './0006-work';
import { updateToSchemaVersion7 } from './0007-identity';
import { updateToSchemaVersion8 } from './0008-jobs';
import { updateToSchemaVersion9 } from './0009-triggers-to-code';
import { updateToSchemaVersion10 } from './0010-activities';
import { updateToSchemaVersion11 } from './0011-pulse';
import { updateToSchemaVersion12 } from './0012-dashboard-indexes';
import { updateToSchemaVersion13 } from './0013-pools';
import { updateToSchemaVersion18 } from './0018-closed-leads-index';
import { updateToSchemaVersion16 } from './0016-sweep-tenure-index';

/** Index i migrates schema version i to i + 1. Forward-only: never edit a shipped entry, append a new one. */
export const MIGRATIONS: readonly ((db: Database) => void)[] = [
  updateToSchemaVersion1,
  updateToSchemaVersion2,
  updateToSchemaVersion3,
  updateToSchemaVersion4,
  updateToSchemaVersion5,
  updateToSchemaVersion6,
  updateToSchemaVersion7,
  updateToSchemaVersion8,
  updateToSchemaVersion9,
  updateToSchemaVersion10,
  updateToSchemaVersion11,
  // 0012 is another change's number; until it lands, 0013 runs as the 12th step.
  updateToSchemaVersion13,
  // 0014–0017 are other changes' numbers; 0018 runs as the next step until they land.
  updateToSchemaVersion18,
  // 0012 landed after 0018: it runs as the next step, so databases already past 0018 get it too.
  updateToSchemaVersion12,
  // 0016 (the recycle sweep's tenure index) lands after 0012's late step: it runs next.
  updateToSchemaVersion16,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
