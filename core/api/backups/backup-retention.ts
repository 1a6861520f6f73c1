// Which automatic backups to keep: the newest of each of the last 7 days and of each of the last 4 weeks.
export interface BackupStamp {
  readonly id: string;
  readonly kind: 'daily' | 'manual' | 'pre-restore';
  /** Epoch ms the backup was taken. */
  readonly at: number;
}

/** Daily backups are kept as one of the last days or weeks; manual and pre-restore copies as one of the newest. */
export type KeptAs = 'daily' | 'weekly' | 'daily+weekly' | 'newest';

export interface RetentionPolicy {
  readonly days: number;
  readonly weeks: number;
  /** Manual and pre-restore copies are kept by count, newest first. */
  readonly manual: number;
  readonly preRestore: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { days: 7, weeks: 4, manual: 10, preRestore: 5 };

const DAY_MS = 86_400_000;

/** Days since the epoch in local time (offset in minutes east of UTC, e.g. 480 for China). */
function localDay(at: number, offsetMinutes: number): number {
  return Math.floor((at + offsetMinutes * 60_000) / DAY_MS);
}

/** Weeks starting on Monday: 1970-01-01 was a Thursday, so shift by 3 days. */
function localWeek(at: number, offsetMinutes: number): number {
  return Math.floor((localDay(at, offsetMinutes) + 3) / 7);
}

/**
 * Decides what each backup is kept as; `null` means it may be deleted. Invariants: at most `days` daily keeps and
 * `weeks` weekly keeps, each the newest backup of its day/week among the most recent days/weeks that have one;
 * manual and pre-restore copies are kept by count only; independent of input order.
 */
export function planBackupRetention(
  backups: readonly BackupStamp[],
  offsetMinutes: number,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): Map<string, KeptAs | null> {
  const sorted = [...backups].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const plan = new Map<string, KeptAs | null>();
  const days = new Set<number>();
  const weeks = new Set<number>();
  let manual = 0;
  let preRestore = 0;
  for (const backup of sorted) {
    if (backup.kind === 'manual') {
      manual += 1;
      plan.set(backup.id, manual <= policy.manual ? 'newest' : null);
      continue;
    }
    if (backup.kind === 'pre-restore') {
      preRestore += 1;
      plan.set(backup.id, preRestore <= policy.preRestore ? 'newest' : null);
      continue;
    }
    const day = localDay(backup.at, offsetMinutes);
    const week = localWeek(backup.at, offsetMinutes);
    const isDaily = !days.has(day) && days.size < policy.days;
    const isWeekly = !weeks.has(week) && weeks.size < policy.weeks;
    if (!days.has(day)) days.add(day);
    if (!weeks.has(week)) weeks.add(week);
    plan.set(
      backup.id,
      isDaily && isWeekly ? 'daily+weekly' : isDaily ? 'daily' : isWeekly ? 'weekly' : null,
    );
  }
  return plan;
}

/** Whether a daily backup already exists for the local day of `now`. */
export function hasBackupForDay(
  backups: readonly BackupStamp[],
  now: number,
  offsetMinutes: number,
): boolean {
  const today = localDay(now, offsetMinutes);
  return backups.some((backup) => backup.kind === 'daily' && localDay(backup.at, offsetMinutes) === today);
}
