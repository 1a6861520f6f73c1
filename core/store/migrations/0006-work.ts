// Schema version 6: Working the leads: SLA, notifications, stage history (issue 6).
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion6(_db: Database): void {
  // Filled in by the feature that owns this version.
}
