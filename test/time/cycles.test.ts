import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  cycleAt,
  cycleState,
  elapsed,
  halfCycles,
  monthCycles,
  OkrkitError,
  parsePlan,
  quarterCycles,
  yearCycle,
  type Cycle,
} from '../../src/index.js';
import { addDays, daysBetween } from '../../src/_lib/calendar.js';
import { Q3 } from '../builders.js';

const q3 = Q3;

describe('cycle generators', () => {
  it('makes a calendar year with quarters, halves and months named as people name them', () => {
    expect(yearCycle(2026)).toEqual({ id: '2026', name: '2026', start: '2026-01-01', end: '2026-12-31' });
    expect(quarterCycles(2026).map((c) => [c.id, c.name, c.start, c.end])).toEqual([
      ['2026-q1', 'Q1 2026', '2026-01-01', '2026-03-31'],
      ['2026-q2', 'Q2 2026', '2026-04-01', '2026-06-30'],
      ['2026-q3', 'Q3 2026', '2026-07-01', '2026-09-30'],
      ['2026-q4', 'Q4 2026', '2026-10-01', '2026-12-31'],
    ]);
    expect(halfCycles(2026).map((c) => c.name)).toEqual(['H1 2026', 'H2 2026']);
    expect(monthCycles(2026)[1]).toEqual({ id: '2026-m02', name: 'February 2026', start: '2026-02-01', end: '2026-02-28', parentId: '2026' });
  });

  it('handles leap years', () => {
    expect(monthCycles(2028)[1]!.end).toBe('2028-02-29');
    expect(quarterCycles(2028)[0]!.end).toBe('2028-03-31');
  });

  it('makes fiscal years starting in April, July or October', () => {
    expect(yearCycle(2026, { startMonth: 4 })).toEqual({ id: 'fy2026', name: 'FY2026', start: '2026-04-01', end: '2027-03-31' });
    expect(quarterCycles(2026, { startMonth: 4 }).map((c) => [c.name, c.start, c.end])).toEqual([
      ['FY2026 Q1', '2026-04-01', '2026-06-30'],
      ['FY2026 Q2', '2026-07-01', '2026-09-30'],
      ['FY2026 Q3', '2026-10-01', '2026-12-31'],
      ['FY2026 Q4', '2027-01-01', '2027-03-31'],
    ]);
    expect(quarterCycles(2026, { startMonth: 7 })[3]).toMatchObject({ name: 'FY2026 Q4', start: '2027-04-01', end: '2027-06-30', parentId: 'fy2026' });
    expect(halfCycles(2026, { startMonth: 10 }).map((c) => [c.name, c.start, c.end])).toEqual([
      ['FY2026 H1', '2026-10-01', '2027-03-31'],
      ['FY2026 H2', '2027-04-01', '2027-09-30'],
    ]);
    expect(yearCycle(2026, { startMonth: 7, label: 'end' })).toMatchObject({ start: '2025-07-01', end: '2026-06-30' });
    expect(monthCycles(2026, { startMonth: 4 })[11]).toMatchObject({ id: 'fy2026-m12', name: 'March 2027', start: '2027-03-01', end: '2027-03-31' });
  });

  test.prop([fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(halfCycles, quarterCycles, monthCycles)])(
    'generated cycles tile their year with no gap or overlap, and form a valid plan',
    (year, startMonth, generate) => {
      const parent = yearCycle(year, { startMonth });
      const children = generate(year, { startMonth });
      expect(children[0]!.start).toBe(parent.start);
      expect(children.at(-1)!.end).toBe(parent.end);
      for (let i = 1; i < children.length; i++) expect(children[i]!.start).toBe(addDays(children[i - 1]!.end, 1));
      for (const c of children) expect(c.parentId).toBe(parent.id);
      expect(() => parsePlan({ cycles: [parent, ...children] })).not.toThrow();
    },
  );

  it('rejects bad years and months', () => {
    expect(() => yearCycle(0)).toThrow(OkrkitError);
    expect(() => yearCycle(10_000)).toThrow(/integer from 1 to 9999, got 10000/);
    expect(() => quarterCycles(2026, { startMonth: 13 })).toThrowErrorMatchingInlineSnapshot(`[OkrkitError: okrkit: invalid argument: startMonth must be an integer from 1 to 12, got 13]`);
    expect(() => yearCycle(2026.5)).toThrow(/integer from 1 to 9999, got 2026.5/);
  });
});

describe('cycleAt', () => {
  const cycles = [yearCycle(2026), ...halfCycles(2026), ...quarterCycles(2026), ...monthCycles(2026)];

  it('finds the innermost cycle that contains a date', () => {
    expect(cycleAt('2026-08-15', cycles)?.id).toBe('2026-m08');
    expect(cycleAt('2026-08-15', [yearCycle(2026), ...quarterCycles(2026)])?.name).toBe('Q3 2026');
    expect(cycleAt('2027-01-01', cycles)).toBeNull();
  });

  it('reads a date-time on the date written in it', () => {
    const qs = quarterCycles(2026);
    expect(cycleAt('2026-09-30T23:30:00-10:00', qs)?.name).toBe('Q3 2026');
    expect(cycleAt('2026-10-01T00:30:00+14:00', qs)?.name).toBe('Q4 2026');
  });

  it('prefers the deeper cycle when two have the same dates', () => {
    const outer: Cycle = { id: 'b-outer', name: 'outer', start: '2026-07-01', end: '2026-09-30' };
    const inner: Cycle = { ...outer, id: 'a-inner', name: 'inner', parentId: 'b-outer' };
    expect(cycleAt('2026-08-01', [inner, outer])?.id).toBe('a-inner');
    expect(cycleAt('2026-08-01', [outer, inner])?.id).toBe('a-inner');
  });
});

describe('elapsed and cycleState', () => {
  it('is 0 on the first day, 1 on the last, linear between and clamped outside', () => {
    expect(elapsed(q3, '2026-07-01')).toBe(0);
    expect(elapsed(q3, '2026-09-30')).toBe(1);
    expect(elapsed(q3, '2026-08-15')).toBe(45 / 91);
    expect(elapsed(q3, '2026-06-01')).toBe(0);
    expect(elapsed(q3, '2026-12-01')).toBe(1);
    expect(elapsed(q3, '2026-08-15T23:59:00-12:00')).toBe(45 / 91);
  });

  it('counts calendar days across a leap day, a year boundary and DST changes', () => {
    expect(elapsed({ id: 'f', name: 'Feb', start: '2028-02-01', end: '2028-03-01' }, '2028-02-29')).toBe(28 / 29);
    expect(elapsed({ id: 'y', name: 'Winter', start: '2026-12-01', end: '2027-01-31' }, '2027-01-01')).toBe(31 / 61);
    // 8 March and 1 November 2026 are DST changes in the USA, 29 March and 25 October in Europe.
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-11-02')).toBe(9);
    expect(elapsed({ id: 'm', name: 'March', start: '2026-03-01', end: '2026-03-31' }, '2026-03-16')).toBe(0.5);
  });

  it('derives the state from the dates unless the plan sets one', () => {
    expect(cycleState(q3, '2026-06-30')).toBe('draft');
    expect(cycleState(q3, '2026-07-01')).toBe('active');
    expect(cycleState(q3, '2026-10-01')).toBe('grading');
    expect(cycleState({ ...q3, state: 'closed' }, '2026-08-01')).toBe('closed');
  });

  test.prop([fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 })])(
    'elapsed is monotone in the date and stays within [0, 1]',
    (length, a, b) => {
      const cycle: Cycle = { id: 'c', name: 'c', start: '2026-01-01', end: addDays('2026-01-01', length) };
      const [d1, d2] = [addDays('2025-12-01', Math.min(a, b)), addDays('2025-12-01', Math.max(a, b))];
      const e1 = elapsed(cycle, d1);
      const e2 = elapsed(cycle, d2);
      expect(e1).toBeGreaterThanOrEqual(0);
      expect(e2).toBeLessThanOrEqual(1);
      expect(e1).toBeLessThanOrEqual(e2);
    },
  );
});
