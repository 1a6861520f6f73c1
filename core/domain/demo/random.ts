// Seeded draws and China-local calendar helpers shared by the demo generator's parts (no clock, no Math.random).
import type { Rng } from '../clock';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../clock';

/** The demo team works in China: local days and working hours are UTC+8. */
const CN_OFFSET_MS = 8 * HOUR_MS;

/** An integer in [min, max], both inclusive. */
export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

/** Picks with probability proportional to `weightOf`; weights must be ≥ 0 and not all 0. */
export function pickWeighted<T>(rng: Rng, items: readonly T[], weightOf: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weightOf(item), 0);
  let roll = rng() * total;
  for (const item of items) {
    roll -= weightOf(item);
    if (roll < 0) return item;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new RangeError('pick from an empty list');
  return last;
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** Epoch ms of the China-local midnight starting `ms`'s day. */
export function localDayStart(ms: number): number {
  return Math.floor((ms + CN_OFFSET_MS) / DAY_MS) * DAY_MS - CN_OFFSET_MS;
}

/** China-local `YYYY-MM-DD` of `ms`. */
export function toIsoDate(ms: number): string {
  return new Date(ms + CN_OFFSET_MS).toISOString().slice(0, 10);
}

/** China-local weekday of `ms`, 0 = Sunday. */
export function localWeekday(ms: number): number {
  return new Date(ms + CN_OFFSET_MS).getUTCDay();
}

/** Moves a moment into office hours (Mon–Fri 9:00–18:30) when a person, not a machine, acted; never earlier. */
export function toOfficeTime(rng: Rng, ms: number): number {
  let day = localDayStart(ms);
  const minuteOfDay = (ms - day) / MINUTE_MS;
  const weekday = localWeekday(ms);
  if (weekday !== 0 && weekday !== 6 && minuteOfDay >= 540 && minuteOfDay <= 1110) return ms;
  if (minuteOfDay > 1110 || weekday === 0 || weekday === 6) day += DAY_MS;
  while (localWeekday(day) === 0 || localWeekday(day) === 6) day += DAY_MS;
  return day + 9 * HOUR_MS + randomInt(rng, 0, 120) * MINUTE_MS;
}
