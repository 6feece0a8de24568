import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  civilDay,
  dateOfDay,
  dayNumber,
  daysBetween,
  firstOfMonth,
  lastOfMonth,
  weekdayOf,
} from '../../src/_lib/calendar.js';

// The oracle: an instant at UTC midnight, `n` days after 1970-01-01, written by
// toISOString (UTC, four-digit years, no two-digit-year rule, no machine zone).
const MS_PER_DAY = 86_400_000;
const iso = (n: number) => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
const FIRST = dayNumber('0000-01-01');
const LAST = dayNumber('9999-12-31');
const anyDay = fc.integer({ min: FIRST, max: LAST });

describe('calendar arithmetic in whole numbers', () => {
  it('numbers days from 1970-01-01 over the whole range of four-digit years', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('0000-01-01')).toBe(-719_528);
    expect(dayNumber('9999-12-31')).toBe(2_932_896);
    expect(dateOfDay(-719_528)).toBe('0000-01-01');
    expect(dateOfDay(2_932_896)).toBe('9999-12-31');
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(daysBetween('0000-01-01', '9999-12-31')).toBe(3_652_424);
  });

  it('never reads a year below 100 as 19xx', () => {
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
    expect(addDays('0000-02-28', 1)).toBe('0000-02-29');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(firstOfMonth(50, 13)).toBe('0051-01-01');
    expect(lastOfMonth(9999, 12)).toBe('9999-12-31');
    expect(lastOfMonth(0, 2)).toBe('0000-02-29');
    expect(firstOfMonth(2026, 0)).toBe('2025-12-01');
  });

  test.prop([anyDay], { numRuns: 2000 })('agrees with the UTC oracle on every day of 0000–9999', (n) => {
    const date = dateOfDay(n);
    expect(date).toBe(iso(n));
    expect(dayNumber(date)).toBe(n);
    expect(weekdayOf(n)).toBe(new Date(n * MS_PER_DAY).getUTCDay());
  });

  test.prop([anyDay, fc.integer({ min: -4000, max: 4000 })])('adds and counts days consistently', (n, k) => {
    fc.pre(n + k >= FIRST && n + k <= LAST);
    const a = dateOfDay(n);
    const b = addDays(a, k);
    expect(daysBetween(a, b)).toBe(k);
    expect(b).toBe(iso(n + k));
  });

  test.prop([fc.integer({ min: 0, max: 9999 }), fc.integer({ min: -30, max: 30 }), fc.integer({ min: -40, max: 40 })])(
    'carries months into years and days into months',
    (year, month, day) => {
      const n = civilDay(year, month, day);
      fc.pre(n >= FIRST && n <= LAST);
      const ms = new Date(0);
      ms.setUTCFullYear(year, month - 1, day);
      expect(dateOfDay(n)).toBe(ms.toISOString().slice(0, 10));
    },
  );
});
