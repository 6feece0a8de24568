import { firstOfMonth, lastOfMonth } from '../_lib/calendar.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import type { Cycle } from '../model/cycle.js';

/**
 * Options of the cycle generators.
 *
 * @category Cycles
 */
export interface CycleOptions {
  /** The month the (fiscal) year starts in, 1–12: January by default; April, July and October are common. */
  readonly startMonth?: number;
  /**
   * Which calendar year names a fiscal year that does not start in January: the year it
   * starts in (`'start'`, default: FY2026 runs April 2026 – March 2027) or the year it
   * ends in (`'end'`: FY2026 runs April 2025 – March 2026).
   */
  readonly label?: 'start' | 'end';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

interface YearInfo {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly fiscal: boolean;
  /** The year in four digits. */
  readonly digits: string;
  readonly startYear: number;
  readonly startMonth: number;
}

function checkedMonth(options: CycleOptions): number {
  const startMonth = options.startMonth ?? 1;
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    invalidArgument('arg.integerBetween', { name: 'startMonth', min: 1, max: 12, value: String(startMonth) });
  }
  return startMonth;
}

function yearInfo(year: number, options: CycleOptions): YearInfo {
  if (!Number.isInteger(year) || year < 1 || year > 9999) invalidArgument('arg.fourDigitYear', { value: String(year) });
  const startMonth = checkedMonth(options);
  const label = options.label ?? 'start';
  if (label !== 'start' && label !== 'end') invalidArgument('arg.oneOf', { name: 'label', options: "'start', 'end'", value: String(label) });
  const fiscal = startMonth !== 1;
  const startYear = fiscal && label === 'end' ? year - 1 : year;
  // A fiscal year that starts in 9999 would end in 10000, past the last date a plan holds.
  if (fiscal && startYear === 9999) invalidArgument('arg.fiscalYearPastEnd', { name: `FY${year}`, month: startMonth });
  // Four digits, as in the dates: year 50 is 0050 (never 1950).
  const digits = String(year).padStart(4, '0');
  return fiscal
    ? { id: `fy${digits}`, name: `FY${digits}`, prefix: `FY${digits} `, fiscal, digits, startYear, startMonth }
    : { id: digits, name: digits, prefix: '', fiscal, digits, startYear, startMonth };
}

function span(info: YearInfo, fromMonth: number, months: number): { start: string; end: string } {
  const first = info.startMonth + fromMonth;
  return { start: firstOfMonth(info.startYear, first), end: lastOfMonth(info.startYear, first + months - 1) };
}

/**
 * The cycle of one year, calendar or fiscal. A calendar year is named `2026` (id
 * `2026`); a fiscal year `FY2026` (id `fy2026`).
 *
 * @param year - The year's label, 1 to 9999 (year 50 is named `0050`).
 * @param options - `startMonth` (1 by default) and `label`.
 * @returns The year cycle.
 * @throws {OkrkitError} `invalid_argument` for a year that is not an integer from 1 to 9999, a bad month, or a fiscal year
 *   that would end after 9999-12-31.
 * @example
 * yearCycle(2026)
 * //=> { id: '2026', name: '2026', start: '2026-01-01', end: '2026-12-31' }
 * yearCycle(2026, { startMonth: 4 })
 * //=> { id: 'fy2026', name: 'FY2026', start: '2026-04-01', end: '2027-03-31' }
 * @category Cycles
 */
export function yearCycle(year: number, options: CycleOptions = {}): Cycle {
  const info = yearInfo(year, options);
  return { id: info.id, name: info.name, ...span(info, 0, 12) };
}

function parts(year: number, options: CycleOptions, count: number, tag: string, label: (i: number, info: YearInfo, start: string) => string): Cycle[] {
  const info = yearInfo(year, options);
  const months = 12 / count;
  return Array.from({ length: count }, (_, i) => {
    const { start, end } = span(info, i * months, months);
    return { id: `${info.id}-${tag}${tag === 'm' ? String(i + 1).padStart(2, '0') : i + 1}`, name: label(i, info, start), start, end, parentId: info.id };
  });
}

/**
 * The two halves of a year, as children of {@link yearCycle}: `H1 2026`, or `FY2026 H1`
 * for a fiscal year.
 *
 * @param year - The year's label.
 * @param options - `startMonth` and `label`.
 * @returns Two cycles that tile the year.
 * @throws {OkrkitError} `invalid_argument` for a bad year or month.
 * @example
 * halfCycles(2026).map((c) => [c.id, c.start, c.end])
 * //=> [['2026-h1', '2026-01-01', '2026-06-30'], ['2026-h2', '2026-07-01', '2026-12-31']]
 * @category Cycles
 */
export function halfCycles(year: number, options: CycleOptions = {}): Cycle[] {
  return parts(year, options, 2, 'h', (i, info) => (info.fiscal ? `${info.prefix}H${i + 1}` : `H${i + 1} ${info.digits}`));
}

/**
 * The four quarters of a year, as children of {@link yearCycle}: `Q3 2026`, or
 * `FY2026 Q1` for a fiscal year.
 *
 * @param year - The year's label.
 * @param options - `startMonth` and `label`.
 * @returns Four cycles that tile the year.
 * @throws {OkrkitError} `invalid_argument` for a bad year or month.
 * @example
 * quarterCycles(2026)[2]
 * //=> { id: '2026-q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30', parentId: '2026' }
 * quarterCycles(2026, { startMonth: 4 })[3]
 * //=> { id: 'fy2026-q4', name: 'FY2026 Q4', start: '2027-01-01', end: '2027-03-31', parentId: 'fy2026' }
 * @category Cycles
 */
export function quarterCycles(year: number, options: CycleOptions = {}): Cycle[] {
  return parts(year, options, 4, 'q', (i, info) => (info.fiscal ? `${info.prefix}Q${i + 1}` : `Q${i + 1} ${info.digits}`));
}

/**
 * The twelve months of a year, as children of {@link yearCycle}, named by month:
 * `July 2026`.
 *
 * @param year - The year's label.
 * @param options - `startMonth` and `label`.
 * @returns Twelve cycles that tile the year.
 * @throws {OkrkitError} `invalid_argument` for a bad year or month.
 * @example
 * monthCycles(2026)[1]
 * //=> { id: '2026-m02', name: 'February 2026', start: '2026-02-01', end: '2026-02-28', parentId: '2026' }
 * @category Cycles
 */
export function monthCycles(year: number, options: CycleOptions = {}): Cycle[] {
  return parts(year, options, 12, 'm', (_i, _info, start) => `${MONTHS[Number(start.slice(5, 7)) - 1]} ${start.slice(0, 4)}`);
}
