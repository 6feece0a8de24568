import { addDays as addDaysToDate, differenceInCalendarDays } from 'date-fns';

/**
 * The calendar date a timestamp counts on: the date as written, so `2026-07-01T23:30-05:00`
 * counts on 2026-07-01 wherever the code runs.
 */
export function dateOf(at: string): string {
  return at.length === 10 ? at : at.slice(0, 10);
}

/**
 * Orders two timestamps: by calendar date, then (for two date-times on the same date)
 * by instant; a bare date comes before date-times on the same day. 0 when equal.
 */
export function compareTimestamps(a: string, b: string): number {
  const da = dateOf(a);
  const db = dateOf(b);
  if (da !== db) return da < db ? -1 : 1;
  if (a === b) return 0;
  if (a.length === 10) return -1;
  if (b.length === 10) return 1;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A calendar date as a local Date at noon. Noon exists on every day in every zone (DST
 * changes happen at night), so date-fns' local-time arithmetic on it gives the same
 * calendar answers in any time zone.
 */
export function toNoon(day: string): Date {
  return new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 12);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The calendar date of a local Date. */
export function fromDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return differenceInCalendarDays(toNoon(b), toNoon(a));
}

/** The date `n` days after `day`. */
export function addDays(day: string, n: number): string {
  return fromDate(addDaysToDate(toNoon(day), n));
}

/** The first day of a month, `month` from 1 to 12 (any integer; it carries into years). */
export function firstOfMonth(year: number, month: number): string {
  return fromDate(new Date(year, month - 1, 1, 12));
}
