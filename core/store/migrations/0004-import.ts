// Schema version 4: Import batches, mapping templates and merges (issue 3).
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion4(_db: Database): void {
  // Filled in by the feature that owns this version.
}
