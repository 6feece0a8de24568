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
