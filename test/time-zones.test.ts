import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cycleAt,
  elapsed,
  evaluate,
  forecastKeyResult,
  keyResultHistory,
  kpiSeries,
  monthCycles,
  parsePlan,
  quarterCycles,
  yearCycle,
  type Kpi,
} from '../src/index.js';
import { cycleFromLabel } from '../src/csv/cycle-label.js';
import { planArb } from './arbitraries.js';
import { loadPlan } from './fixtures.js';
import { Q3 } from './builders.js';

// No result may depend on the machine's time zone. This file runs the same computations
// under zones far apart (UTC−8 with DST, UTC+14, UTC+7, half-hour DST, Samoa which
// skipped 2011-12-30) by switching TZ inside the process, and checks first that the
// switch took effect.
const ZONES = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Apia'] as const;
const OFFSET_IN_JANUARY: Record<(typeof ZONES)[number], number> = {
  UTC: 0,
  'America/Los_Angeles': 480,
  'Pacific/Kiritimati': -840,
  'Asia/Ho_Chi_Minh': -420,
  'Europe/London': 0,
  'Australia/Lord_Howe': -660,
  'Pacific/Apia': -780,
};

const original = process.env['TZ'];
afterAll(() => {
  if (original === undefined) delete process.env['TZ'];
  else process.env['TZ'] = original;
});

function inZone<T>(zone: string, run: () => T): T {
  process.env['TZ'] = zone;
  return run();
}

const xyz = parsePlan(loadPlan('xyz-corp'));
const saas = parsePlan(loadPlan('saas-cascade'));
const q3 = Q3;
const samplePlans = fc.sample(planArb, { numRuns: 25, seed: 20261122 }).map((p) => parsePlan(p));

const dailyKpi = (start: string, end: string): Kpi => ({
  id: 'k',
  name: 'k',
  target: { polarity: 'higher', value: 1 },
  timeframe: { start, end },
  dataSource: { name: 'x' },
  frequency: 'daily',
});
const spans = (frequency: Kpi['frequency'], start: string, end: string) =>
  kpiSeries({ ...dailyKpi(start, end), frequency }, []).buckets.map((b) => `${b.start}..${b.end}`);

function calendarEdges() {
  return {
    years: [1, 50, 99, 100, 1994, 1995, 2011, 9999].map((y) => [yearCycle(y), ...quarterCycles(y), ...monthCycles(y)]),
    fiscal: [1, 50, 1994, 9999].map((y) => quarterCycles(y, { startMonth: 4, label: 'end' })),
    samoa: (['daily', 'weekly', 'monthly'] as const).map((f) => spans(f, '2011-12-26', '2012-01-08')),
    ends: (['weekly', 'quarterly', 'yearly'] as const).map((f) => spans(f, '9999-10-15', '9999-12-31')),
    labels: ['Q1 0050', 'Q4 1994', 'Tháng 12/2011', 'Q4 9999'].map((l) => cycleFromLabel(l)),
    elapsed: ['2011-12-29', '2011-12-30', '2011-12-31'].map((d) => elapsed({ id: 'd', name: 'd', start: '2011-12-28', end: '2012-01-01' }, d)),
  };
}

function everything() {
  const dates = ['2026-06-30', '2026-07-01', '2026-08-15', '2026-09-30', '2026-10-01'];
  return {
    evaluations: dates.flatMap((asOf) => [evaluate(xyz, { asOf, forecast: true }), evaluate(saas, { asOf, forecast: true })]),
    random: samplePlans.map((p) => evaluate(p, { asOf: '2026-08-20' })),
    cycles: [1, 4, 7, 10].map((m) => [yearCycle(2028, { startMonth: m }), ...quarterCycles(2028, { startMonth: m }), ...monthCycles(2028, { startMonth: m })]),
    elapsed: ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01', '2028-02-29'].map((d) => elapsed({ id: 'y', name: 'y', start: '2026-01-01', end: '2028-12-31' }, d)),
    cycleAt: ['2026-09-30T23:30:00-10:00', '2026-10-01T00:30:00+14:00', '2026-12-31T23:59:59Z'].map((d) => cycleAt(d, quarterCycles(2026))?.id),
    history: keyResultHistory(xyz.keyResults[0]!, xyz.checkIns, q3, { asOf: '2026-09-15' }),
    forecast: forecastKeyResult(xyz.keyResults[2]!, xyz.checkIns, q3),
    calendar: calendarEdges(),
  };
}

describe('results across time zones', () => {
  const reference = inZone('UTC', everything);

  it.each(ZONES)('are identical under TZ=%s', (zone) => {
    const result = inZone(zone, () => {
      expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(OFFSET_IN_JANUARY[zone]);
      return everything();
    });
    expect(result).toEqual(reference);
  });
});

// The two cases of issue 14, with their right answers (not only the same answer as UTC).
describe('the dates that once depended on the zone', () => {
  it('ends 1994 on 1994-12-31 under TZ=Pacific/Kiritimati (was 1995-01-01)', () => {
    const year = inZone('Pacific/Kiritimati', () => yearCycle(1994));
    expect(year).toEqual({ id: '1994', name: '1994', start: '1994-01-01', end: '1994-12-31' });
    expect(inZone('Pacific/Kiritimati', () => quarterCycles(1994)[3]?.end)).toBe('1994-12-31');
  });

  it('keeps 29, 30 and 31 December 2011 as three daily KPI buckets under TZ=Pacific/Apia (Samoa skipped the 30th)', () => {
    const buckets = inZone('Pacific/Apia', () => kpiSeries(dailyKpi('2011-12-28', '2012-01-01'), []).buckets.map((b) => [b.start, b.end]));
    expect(buckets).toEqual([
      ['2011-12-28', '2011-12-28'],
      ['2011-12-29', '2011-12-29'],
      ['2011-12-30', '2011-12-30'],
      ['2011-12-31', '2011-12-31'],
      ['2012-01-01', '2012-01-01'],
    ]);
    expect(inZone('Pacific/Apia', () => elapsed({ id: 'd', name: 'd', start: '2011-12-28', end: '2012-01-01' }, '2011-12-31'))).toBe(3 / 4);
  });
});
