import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import {
  cycleAt,
  cycleState,
  elapsed,
  halfCycles,
  monthCycles,
  quarterCycles,
  yearCycle,
  type Cycle,
  type CycleOptions,
} from '../../src/index.js';

// Properties of the cycles over every year okrkit handles (0001–9999), checked against
// an oracle that shares no code with it: UTC instants written by toISOString, and the
// Gregorian leap rule.
const MS_PER_DAY = 86_400_000;
const iso = (n: number) => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
const nextDay = (date: string) => iso(dayOf(date) + 1);
const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const monthLength = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

const FIRST = dayOf('0001-01-01');
const LAST = dayOf('9999-12-31');
const anyDate = fc.integer({ min: FIRST, max: LAST }).map(iso);
const anyYear = fc.integer({ min: 1, max: 9999 });
const anyOptions: fc.Arbitrary<CycleOptions> = fc.record({ startMonth: fc.integer({ min: 1, max: 12 }), label: fc.constantFrom('start' as const, 'end' as const) });
const generators = [halfCycles, quarterCycles, monthCycles] as const;
const endsPast9999 = (year: number, o: CycleOptions) => o.startMonth !== 1 && o.label !== 'end' && year === 9999;

const ZONES = ['UTC', 'Pacific/Kiritimati', 'Pacific/Apia', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh', 'Australia/Lord_Howe'];
const original = process.env['TZ'];
afterAll(() => {
  if (original === undefined) delete process.env['TZ'];
  else process.env['TZ'] = original;
});

describe('cycles over 0001–9999', () => {
  test.prop([anyYear, anyOptions, fc.constantFrom(...generators)], { numRuns: 300 })(
    'children tile their year with no gap or overlap; every cycle starts on a first and ends on a last of a month',
    (year, options, generate) => {
      fc.pre(!endsPast9999(year, options));
      const parent = yearCycle(year, options);
      const children = generate(year, options);
      const startMonth = options.startMonth ?? 1;
      const startYear = startMonth !== 1 && options.label === 'end' ? year - 1 : year;
      expect(parent.start).toBe(`${String(startYear).padStart(4, '0')}-${String(startMonth).padStart(2, '0')}-01`);
      // 366 days when the February the year runs through has a 29th.
      const february = startMonth <= 2 ? startYear : startYear + 1;
      expect(dayOf(parent.end) - dayOf(parent.start) + 1).toBe(isLeap(february) ? 366 : 365);
      expect(children[0]?.start).toBe(parent.start);
      expect(children.at(-1)?.end).toBe(parent.end);
      children.forEach((c, i) => {
        expect(c.start.slice(8)).toBe('01');
        expect(nextDay(c.end).slice(8)).toBe('01');
        expect(c.start <= c.end).toBe(true);
        if (i > 0) expect(c.start).toBe(nextDay(children[i - 1]?.end ?? ''));
        if (generate === monthCycles) expect(Number(c.end.slice(8))).toBe(monthLength(Number(c.end.slice(0, 4)), Number(c.end.slice(5, 7))));
      });
    },
  );

  test.prop([fc.integer({ min: 1, max: 9998 }), anyOptions])('consecutive years tile: one ends the day before the next starts', (year, options) => {
    fc.pre(!endsPast9999(year + 1, options));
    expect(nextDay(yearCycle(year, options).end)).toBe(yearCycle(year + 1, options).start);
  });

  test.prop([anyDate], { numRuns: 300 })('a date is in the month, quarter and year it is written in', (date) => {
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    const y = String(year).padStart(4, '0');
    const cycles = [yearCycle(year), ...halfCycles(year), ...quarterCycles(year), ...monthCycles(year)];
    expect(cycleAt(date, cycles)?.id).toBe(`${y}-m${date.slice(5, 7)}`);
    expect(cycleAt(date, quarterCycles(year))?.id).toBe(`${y}-q${Math.floor((month - 1) / 3) + 1}`);
    expect(cycleAt(date, [yearCycle(year)])?.id).toBe(y);
    expect(cycleState(yearCycle(year), date)).toBe('active');
  });
});

describe('elapsed over 0001–9999', () => {
  const cycleArb = fc
    .tuple(fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: 0, max: 5000 }))
    .filter(([start, length]) => start + length <= LAST)
    .map(([start, length]): Cycle => ({ id: 'c', name: 'c', start: iso(start), end: iso(start + length) }));

  test.prop([cycleArb, anyDate, anyDate], { numRuns: 300 })('stays in [0, 1], is monotone in the date, 0 at the start and 1 at the end', (cycle, a, b) => {
    const [d1, d2] = a <= b ? [a, b] : [b, a];
    const e1 = elapsed(cycle, d1);
    const e2 = elapsed(cycle, d2);
    expect(e1).toBeGreaterThanOrEqual(0);
    expect(e2).toBeLessThanOrEqual(1);
    expect(e1).toBeLessThanOrEqual(e2);
    expect(elapsed(cycle, cycle.start)).toBe(0);
    expect(elapsed(cycle, cycle.end)).toBe(cycle.start === cycle.end ? 0 : 1);
    if (cycle.start < d1 && d1 < cycle.end) expect(e1).toBe((dayOf(d1) - dayOf(cycle.start)) / (dayOf(cycle.end) - dayOf(cycle.start)));
  });
});

describe('the same answers in every time zone', () => {
  test.prop([anyYear, anyOptions, anyDate], { numRuns: 60 })('cycles, cycleAt and elapsed', (year, options, date) => {
    fc.pre(!endsPast9999(year, options));
    const run = () => {
      const cycles = [yearCycle(year, options), ...quarterCycles(year, options), ...monthCycles(year, options)];
      return { cycles, at: cycleAt(date, cycles)?.id, elapsed: cycles.map((c) => elapsed(c, date)) };
    };
    process.env['TZ'] = 'UTC';
    const reference = run();
    for (const zone of ZONES) {
      process.env['TZ'] = zone;
      expect(run()).toEqual(reference);
    }
  });
});
