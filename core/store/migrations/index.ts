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
import { updateToSchemaVersion12 } from './0012-pools';
import { updateToSchemaVersion13 } from './0013-closed-leads-index';
import { updateToSchemaVersion14 } from './0014-dashboard-indexes';
import { updateToSchemaVersion15 } from './0015-sweep-tenure-index';
import { updateToSchemaVersion16 } from './0016-kpi-facts';
import { updateToSchemaVersion17 } from './0017-now-index';
import { updateToSchemaVersion18 } from './0018-stage-stays';
import { updateToSchemaVersion19 } from './0019-rep-out-of-office';
import { updateToSchemaVersion20 } from './0020-pool-claims-rep-index';
import { updateToSchemaVersion21 } from './0021-now-clock-facts';
import { updateToSchemaVersion22 } from './0022-stage-stays-cohort';
import { updateToSchemaVersion23 } from './0023-released-recycles';
import { updateToSchemaVersion24 } from './0024-pair-repeats';
import { updateToSchemaVersion25 } from './0025-deflated-explanations';
import { updateToSchemaVersion26 } from './0026-arrival-days';
import { updateToSchemaVersion27 } from './0027-arrival-days-lead-count';

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
  updateToSchemaVersion12,
  updateToSchemaVersion13,
  updateToSchemaVersion14,
  updateToSchemaVersion15,
  updateToSchemaVersion16,
  updateToSchemaVersion17,
  updateToSchemaVersion18,
  updateToSchemaVersion19,
  updateToSchemaVersion20,
  updateToSchemaVersion21,
  updateToSchemaVersion22,
  updateToSchemaVersion23,
  updateToSchemaVersion24,
  updateToSchemaVersion25,
  updateToSchemaVersion26,
  updateToSchemaVersion27,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
