// Local calendar arithmetic for distribution (fixed UTC offset, no host time zone) and per-lead seeds.
import { DAY_MS, MINUTE_MS } from '../clock';

export interface LocalTime {
  /** ISO `YYYY-MM-DD`. */
  readonly date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** Minutes since local midnight, 0–1439. */
  readonly minuteOfDay: number;
}

const dateCache = new Map<number, string>();

/** The ISO date of a day number (days since 1970-01-01), worked out once per day (`toISOString` is not cheap). */
export function isoDateOfDay(dayNumber: number): string {
  const cached = dateCache.get(dayNumber);
  if (cached !== undefined) return cached;
  const iso = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
  if (dateCache.size > 4096) dateCache.clear();
  dateCache.set(dayNumber, iso);
  return iso;
}

/** Local date, weekday and minute for an epoch-ms instant at a fixed offset. */
export function toLocalTime(epochMs: number, utcOffsetMinutes: number): LocalTime {
  const local = epochMs + utcOffsetMinutes * MINUTE_MS;
  const dayNumber = Math.floor(local / DAY_MS);
  const minuteOfDay = Math.floor((local - dayNumber * DAY_MS) / MINUTE_MS);
  // 1970-01-01 was a Thursday (ISO 4).
  const weekday = ((((dayNumber + 3) % 7) + 7) % 7) + 1;
  return { date: isoDateOfDay(dayNumber), weekday, minuteOfDay };
}

/** `HH:MM` → minutes since midnight, or null when malformed. */
export function parseClockTime(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

export function formatMinuteOfDay(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** Seed for one lead's tie-breaks: FNV-1a of the lead id mixed with the run seed, so one lead's ties never depend on another's. */
export function deriveLeadSeed(seed: number, leadId: string): number {
  let hash = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < leadId.length; i += 1) {
    hash ^= leadId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
