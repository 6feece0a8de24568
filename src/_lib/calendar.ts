// Calendar arithmetic on `YYYY-MM-DD` strings, in whole numbers only: a date is its day
// number (days from 1970-01-01 in the proleptic Gregorian calendar, the one ISO 8601
// and the plan's dates use) and back. No Date object is involved, so no result depends
// on the machine's time zone (a zone that skipped a day, such as Samoa on 2011-12-30,
// or one at UTC+14) and years 0000–0099 are not read as 1900–1999.

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
  // Both carry an offset (or Z), so the instants do not depend on the machine's zone.
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The day number of a date given by year, month and day; `month` may be any integer (it
 * carries into years: month 13 is January of the next year) and `day` any integer (it
 * carries into months). Howard Hinnant's days-from-civil.
 */
export function civilDay(year: number, month: number, day: number): number {
  const y0 = year + Math.floor((month - 1) / 12);
  const m = month - 1 - 12 * Math.floor((month - 1) / 12) + 1;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468 + day - 1;
}

/** The day number of a `YYYY-MM-DD` date (a date-time counts on its written date). */
export function dayNumber(date: string): number {
  return civilDay(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The year, month (1–12) and day of a day number. */
export function civilOf(n: number): { readonly year: number; readonly month: number; readonly day: number } {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** The `YYYY-MM-DD` date of a day number; callers keep it within years 0000–9999. */
export function dateOfDay(n: number): string {
  const { year, month, day } = civilOf(n);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The day of the week of a day number: 0 for Sunday to 6 for Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** The calendar date of a local Date (today on the machine's clock, for the command). */
export function fromDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The date `n` days after `day`. */
export function addDays(day: string, n: number): string {
  return dateOfDay(dayNumber(day) + n);
}

/** The first day of a month, `month` from 1 to 12 (any integer; it carries into years). */
export function firstOfMonth(year: number, month: number): string {
  return dateOfDay(civilDay(year, month, 1));
}

/** The last day of a month, `month` from 1 to 12 (any integer; it carries into years). */
export function lastOfMonth(year: number, month: number): string {
  return dateOfDay(civilDay(year, month + 1, 1) - 1);
}
