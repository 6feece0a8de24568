import { describe, expect, it } from 'vitest';
import {
  cycleAt,
  cycleState,
  elapsed,
  expectedProgress,
  halfCycles,
  kpiSeries,
  monthCycles,
  OkrkitError,
  quarterCycles,
  yearCycle,
  type Kpi,
} from '../../src/index.js';
import { cycleFromLabel } from '../../src/csv/cycle-label.js';

// Issue 14: years 0–99 went through `new Date(y, …)` and became 1900–1999, and the year
// 9999 ended in 0999-11-29. Every year from 0001 to 9999 is handled, in four digits.
describe('years 0001 to 9999', () => {
  it('names and dates the cycles of years below 1000 in four digits, never as 19xx', () => {
    expect(yearCycle(50)).toEqual({ id: '0050', name: '0050', start: '0050-01-01', end: '0050-12-31' });
    expect(quarterCycles(50)[0]).toEqual({ id: '0050-q1', name: 'Q1 0050', start: '0050-01-01', end: '0050-03-31', parentId: '0050' });
    expect(halfCycles(1).map((c) => [c.name, c.start, c.end])).toEqual([
      ['H1 0001', '0001-01-01', '0001-06-30'],
      ['H2 0001', '0001-07-01', '0001-12-31'],
    ]);
    expect(monthCycles(999)[11]).toMatchObject({ id: '0999-m12', name: 'December 0999', start: '0999-12-01', end: '0999-12-31' });
    expect(yearCycle(1, { startMonth: 4, label: 'end' })).toEqual({ id: 'fy0001', name: 'FY0001', start: '0000-04-01', end: '0001-03-31' });
  });

  it('keeps the Gregorian leap years in the first centuries: 0004 and 0400 have 29 February, 0100 does not', () => {
    expect(monthCycles(4)[1]!.end).toBe('0004-02-29');
    expect(monthCycles(400)[1]!.end).toBe('0400-02-29');
    expect(monthCycles(100)[1]!.end).toBe('0100-02-28');
    expect(monthCycles(1900)[1]!.end).toBe('1900-02-28');
  });

  it('ends the year 9999 on 9999-12-31 (was 0999-11-29)', () => {
    expect(yearCycle(9999)).toEqual({ id: '9999', name: '9999', start: '9999-01-01', end: '9999-12-31' });
    expect(quarterCycles(9999)[3]).toMatchObject({ start: '9999-10-01', end: '9999-12-31' });
    expect(monthCycles(9999)[11]).toMatchObject({ start: '9999-12-01', end: '9999-12-31' });
    expect(yearCycle(9999, { startMonth: 4, label: 'end' })).toMatchObject({ start: '9998-04-01', end: '9999-03-31' });
  });

  it('rejects a year outside 1–9999, and a fiscal year that would end after 9999-12-31, with an OkrkitError', () => {
    for (const year of [0, -1, 10_000, 1e21, Number.NaN, Infinity, 50.5]) expect(() => yearCycle(year)).toThrow(OkrkitError);
    expect(() => yearCycle(0)).toThrowErrorMatchingInlineSnapshot(`[OkrkitError: okrkit: invalid argument: year must be an integer from 1 to 9999, got 0]`);
    expect(() => quarterCycles(9999, { startMonth: 4 })).toThrowErrorMatchingInlineSnapshot(
      `[OkrkitError: okrkit: invalid argument: FY9999 (starting in month 4) would end after 9999-12-31, the last date a plan can hold]`,
    );
    expect(() => monthCycles(10_000, { startMonth: 4, label: 'end' })).toThrow(OkrkitError);
  });

  it('counts days across 0099 → 0100 and on 29 February 0000 (elapsed stays in [0, 1])', () => {
    const span = { id: 'c', name: 'c', start: '0099-07-01', end: '0100-06-30' };
    expect(elapsed(span, '0100-01-01')).toBe(184 / 364);
    expect(elapsed({ id: 'f', name: 'f', start: '0000-02-01', end: '0000-03-01' }, '0000-02-29')).toBe(28 / 29);
    expect(elapsed({ id: 'y', name: 'y', start: '9999-01-01', end: '9999-12-31' }, '9999-12-30')).toBe(363 / 364);
    expect(cycleState(span, '0100-01-01')).toBe('active');
    expect(cycleState(span, '0099-06-30')).toBe('draft');
  });

  it('finds the cycle of a date in the first and the last centuries', () => {
    const cycles = [yearCycle(50), ...quarterCycles(50), yearCycle(1950), ...quarterCycles(1950)];
    expect(cycleAt('0050-05-01', cycles)?.id).toBe('0050-q2');
    expect(cycleAt('1950-05-01', cycles)?.id).toBe('1950-q2');
    expect(cycleAt('9999-12-31T23:59:59-12:00', quarterCycles(9999))?.id).toBe('9999-q4');
  });

  it('gives expected progress by calendar days in year 0050', () => {
    const kr = { id: 'k', objectiveId: 'o', title: 'k', kind: 'metric', start: 0, target: 364 } as const;
    expect(expectedProgress(kr, yearCycle(50), '0050-12-31')).toBe(1);
    expect(expectedProgress(kr, yearCycle(4), '0004-03-01')).toBe(60 / 365);
  });
});

describe('a sheet’s cycle labels', () => {
  it('reads `Q1 0050` as the year 50 (was 1950)', () => {
    expect(cycleFromLabel('Q1 0050')).toEqual({ id: '0050-q1', name: 'Q1 0050', start: '0050-01-01', end: '0050-03-31' });
    expect(cycleFromLabel('Tháng 2/0400')).toMatchObject({ start: '0400-02-01', end: '0400-02-29' });
    expect(cycleFromLabel('0099-H2')).toMatchObject({ id: '0099-h2', start: '0099-07-01', end: '0099-12-31' });
  });

  it('ends the last quarter of 9999 on 9999-12-31 and does not read the year 0000', () => {
    expect(cycleFromLabel('Q4 9999')).toMatchObject({ start: '9999-10-01', end: '9999-12-31' });
    expect(cycleFromLabel('9999')).toMatchObject({ start: '9999-01-01', end: '9999-12-31' });
    expect(cycleFromLabel('0000')).toBeNull();
    expect(cycleFromLabel('Q1 0000')).toBeNull();
  });
});

describe('KPI series buckets at the ends of the calendar', () => {
  const kpi = (frequency: Kpi['frequency'], start: string, end: string): Kpi => ({
    id: 'k',
    name: 'k',
    target: { polarity: 'higher', value: 1 },
    timeframe: { start, end },
    dataSource: { name: 'x' },
    frequency,
  });
  const spans = (k: Kpi) => kpiSeries(k, []).buckets.map((b) => `${b.start}..${b.end}`);

  it('splits months across 0099 → 0100 by the real calendar', () => {
    expect(spans(kpi('monthly', '0099-12-15', '0100-03-10'))).toEqual(['0099-12-15..0099-12-31', '0100-01-01..0100-01-31', '0100-02-01..0100-02-28', '0100-03-01..0100-03-10']);
  });

  it('ends at 9999-12-31 for every frequency (a week running into 10000 is clipped, never a loop)', () => {
    expect(spans(kpi('weekly', '9999-12-20', '9999-12-31'))).toEqual(['9999-12-20..9999-12-26', '9999-12-27..9999-12-31']);
    expect(spans(kpi('yearly', '9998-06-01', '9999-12-31'))).toEqual(['9998-06-01..9998-12-31', '9999-01-01..9999-12-31']);
    expect(spans(kpi('quarterly', '9999-11-01', '9999-12-31'))).toEqual(['9999-11-01..9999-12-31']);
    expect(spans(kpi('daily', '9999-12-30', '9999-12-31'))).toEqual(['9999-12-30..9999-12-30', '9999-12-31..9999-12-31']);
  });

  it('starts weeks on the right weekday in year 1 (0001-01-01 was a Monday)', () => {
    expect(spans(kpi('weekly', '0001-01-01', '0001-01-14'))).toEqual(['0001-01-01..0001-01-07', '0001-01-08..0001-01-14']);
    expect(kpiSeries(kpi('weekly', '0001-01-01', '0001-01-14'), [], { weekStartsOn: 0 }).buckets.map((b) => b.end)).toEqual(['0001-01-06', '0001-01-13', '0001-01-14']);
  });
});
