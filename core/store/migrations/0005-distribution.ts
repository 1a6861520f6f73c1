// Schema version 5: Distribution rules, state and appeals (issue 5).
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion5(_db: Database): void {
  // Filled in by the feature that owns this version.
}
