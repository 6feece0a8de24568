import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  evaluateKpi,
  evaluateKpis,
  kpiAlerts,
  kpiAttainment,
  kpiSeries,
  OkrkitError,
  parsePlan,
  safeParsePlan,
  type Kpi,
  type Measurement,
} from '../../src/index.js';
import { addDays } from '../../src/_lib/calendar.js';
import { decimalArb } from '../arbitraries.js';
import { deepFreeze } from '../fixtures.js';

const q4 = { start: '2026-10-01', end: '2026-12-31' };
const kpi = (extra: Partial<Kpi> = {}): Kpi => ({
  id: 'k',
  name: 'KPI',
  target: { polarity: 'higher', value: 20 },
  timeframe: q4,
  dataSource: { name: 'CRM' },
  frequency: 'weekly',
  ...extra,
});
const m = (at: string, value: number | string, kpiId = 'k'): Measurement => ({ kpiId, at, value });

describe('the four parts', () => {
  it('names each missing part', () => {
    const result = safeParsePlan({ kpis: [{ id: 'k', name: 'Leads' }] });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.code, i.message])).toEqual([
      ['kpis.0.target', 'missing_kpi_part', 'A KPI needs all four parts — a measurable target, a timeframe, a data source and a tracking frequency — and this one has no target.'],
      ['kpis.0.timeframe', 'missing_kpi_part', 'A KPI needs all four parts — a measurable target, a timeframe, a data source and a tracking frequency — and this one has no timeframe.'],
      ['kpis.0.dataSource', 'missing_kpi_part', 'A KPI needs all four parts — a measurable target, a timeframe, a data source and a tracking frequency — and this one has no data source.'],
      ['kpis.0.frequency', 'missing_kpi_part', 'A KPI needs all four parts — a measurable target, a timeframe, a data source and a tracking frequency — and this one has no tracking frequency.'],
    ]);
  });

  it('checks references and targets when the plan is parsed', () => {
    const result = safeParsePlan({
      kpis: [kpi({ timeframe: { cycleId: 'q9' } }), kpi({ id: 'z', target: { polarity: 'lower', value: 0 } })],
      measurements: [m('2026-10-01', 1, 'ghost')],
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['kpis.0.timeframe.cycleId', 'unknown_reference'],
      ['kpis.1.target.value', 'kpi_target'],
      ['measurements.0.kpiId', 'unknown_reference'],
    ]);
  });
});

describe('evaluateKpi: actual', () => {
  const readings = [m('2026-10-05', 3), m('2026-10-12', '1.5'), m('2026-11-02', 6), m('2026-12-30', 2), m('2026-09-30', 100), m('2027-01-01', 100), m('2026-10-20', 9, 'other')];
  it.each([
    ['sum', 12.5],
    ['average', 12.5 / 4],
    ['last', 2],
    ['min', 1.5],
    ['max', 6],
    ['count', 4],
  ] as const)('aggregates by %s over the timeframe only', (aggregation, expected) => {
    expect(evaluateKpi(kpi({ aggregation }), readings).actual).toBe(expected);
  });

  it('stops at asOf and gives null with no measurement (0 for count)', () => {
    expect(evaluateKpi(kpi({ aggregation: 'sum' }), readings, { asOf: '2026-10-31' }).actual).toBe(4.5);
    expect(evaluateKpi(kpi(), []).actual).toBeNull();
    expect(evaluateKpi(kpi({ aggregation: 'count' }), []).actual).toBe(0);
  });

  it('sums decimal strings exactly', () => {
    expect(evaluateKpi(kpi({ aggregation: 'sum' }), [m('2026-10-01', '0.1'), m('2026-10-02', '0.2')]).actual).toBe(0.3);
  });

  it('resolves a timeframe that names a cycle', () => {
    const cycles = [{ id: 'q4', name: 'Q4', ...q4 }];
    expect(evaluateKpi(kpi({ timeframe: { cycleId: 'q4' }, aggregation: 'sum' }), readings, { cycles }).actual).toBe(12.5);
    expect(() => evaluateKpi(kpi({ timeframe: { cycleId: 'q4' } }), readings).actual).toThrow(/unknown cycle "q4"/);
  });
});

describe('kpiAttainment', () => {
  it('is A/T for higher, 2 − A/T for lower, 1 inside a range', () => {
    expect(kpiAttainment(kpi(), 18)).toBe(0.9);
    expect(kpiAttainment(kpi({ target: { polarity: 'lower', value: '0.5' } }), '0.55')).toBe(0.9);
    expect(kpiAttainment(kpi({ target: { polarity: 'lower', value: '0.5' } }), '1.5')).toBe(0);
    const range = kpi({ target: { polarity: 'range', min: 85, max: 95 } });
    expect([kpiAttainment(range, 85), kpiAttainment(range, 90), kpiAttainment(range, 68), kpiAttainment(range, 114)]).toEqual([1, 1, 0.8, 0.8]);
  });

  it('is linear from the baseline with one', () => {
    const response = kpi({ target: { polarity: 'lower', value: 3, baseline: 5 } });
    expect(kpiAttainment(response, '3.4')).toBe(0.8);
    expect(kpiAttainment(response, 6)).toBe(0);
    expect(kpiAttainment(kpi({ target: { polarity: 'higher', value: 100, baseline: 60 } }), 90)).toBe(0.75);
  });

  it('refuses a zero target without a baseline instead of returning Infinity', () => {
    expect(() => kpiAttainment(kpi({ target: { polarity: 'higher', value: 0 } }), 5)).toThrowErrorMatchingInlineSnapshot(
      `[OkrkitError: okrkit: invalid argument: KPI "k": A higher KPI with a target of 0 and no baseline cannot be measured as a ratio; give it a baseline to measure from.]`,
    );
  });

  test.prop([decimalArb, decimalArb, fc.constantFrom('higher', 'lower', 'range'), fc.integer({ min: 1, max: 1000 }), fc.option(fc.integer({ min: -1000, max: 0 }), { nil: undefined })])(
    'is monotone in the actual value for each polarity',
    (a, b, polarity, target, baseline) => {
      const k = kpi({
        target:
          polarity === 'range'
            ? { polarity, min: target, max: target * 2 }
            : polarity === 'lower'
              ? { polarity, value: target, ...(baseline === undefined ? {} : { baseline: target * 2 - baseline }) }
              : { polarity, value: target, ...(baseline === undefined ? {} : { baseline }) },
      });
      const [lo, hi] = new Decimal(a).lte(b) ? [a, b] : [b, a];
      const x = kpiAttainment(k, lo);
      const y = kpiAttainment(k, hi);
      expect(Number.isFinite(x) && x >= 0).toBe(true);
      if (polarity === 'higher') expect(x).toBeLessThanOrEqual(y);
      else if (polarity === 'lower') expect(x).toBeGreaterThanOrEqual(y);
      else if (new Decimal(hi).lte(target)) expect(x).toBeLessThanOrEqual(y);
      else if (new Decimal(lo).gte(target * 2)) expect(x).toBeGreaterThanOrEqual(y);
    },
  );
});

describe('evaluateKpi: status', () => {
  it('applies the default rules: green from 1, amber from 0.9, red below', () => {
    const at = (v: number) => evaluateKpi(kpi(), [m('2026-12-01', v)]).status;
    expect([at(20), at(19), at(18), at(17.9)]).toEqual(['green', 'amber', 'amber', 'red']);
    expect(evaluateKpi(kpi(), []).status).toBeNull();
  });

  it('takes the first rule that matches', () => {
    const rules = kpi({ thresholds: [{ status: 'red', max: 0.5 }, { status: 'green', min: 0.8 }, { status: 'amber' }] });
    const at = (v: number) => evaluateKpi(rules, [m('2026-12-01', v)]).status;
    expect([at(9), at(10), at(15), at(16)]).toEqual(['red', 'amber', 'amber', 'green']);
  });

  it('paces cumulative KPIs against the share of the timeframe gone by', () => {
    const leads = kpi({ aggregation: 'sum' });
    // 15 Nov is day 46 of 92: half the quarter, so 10 of the 20 leads are due.
    const e = evaluateKpi(leads, [m('2026-10-20', 6), m('2026-11-10', 4)], { asOf: '2026-11-15' });
    expect(e).toMatchObject({ actual: 10, attainment: 0.5, pacedAttainment: 1, status: 'green' });
    expect(evaluateKpi(leads, [m('2026-10-20', 6), m('2026-11-10', 4)], { asOf: '2026-12-31' })).toMatchObject({ pacedAttainment: null, status: 'red' });
  });
});

describe('kpiSeries', () => {
  it('flags missing weeks and a stale KPI', () => {
    const s = kpiSeries(kpi({ aggregation: 'sum' }), [m('2026-10-02', 2), m('2026-10-13', 1), m('2026-10-14', 2)], { asOf: '2026-10-27' });
    expect(s.buckets.slice(0, 5).map((b) => [b.start, b.end, b.value, b.missing, b.complete])).toEqual([
      ['2026-10-01', '2026-10-04', 2, false, true],
      ['2026-10-05', '2026-10-11', null, true, true],
      ['2026-10-12', '2026-10-18', 3, false, true],
      ['2026-10-19', '2026-10-25', null, true, true],
      ['2026-10-26', '2026-11-01', null, false, false],
    ]);
    expect(s.missing).toBe(2);
    expect(s.stale).toBe(true);
  });

  it('starts weeks on another day when told', () => {
    const s = kpiSeries(kpi(), [], { weekStartsOn: 0 });
    expect(s.buckets[1]!.start).toBe('2026-10-04'); // a Sunday
  });

  it.each([
    ['daily', 92],
    ['weekly', 14],
    ['monthly', 3],
    ['quarterly', 1],
    ['yearly', 1],
  ] as const)('splits Q4 2026 into the right number of %s periods', (frequency, count) => {
    expect(kpiSeries(kpi({ frequency }), []).buckets).toHaveLength(count);
  });

  test.prop([fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 400 }), fc.constantFrom('daily', 'weekly', 'monthly', 'quarterly', 'yearly' as const)])(
    'buckets tile the timeframe, one per period of the frequency',
    (offset, length, frequency) => {
      const start = addDays('2025-01-01', offset);
      const end = addDays(start, length);
      const { buckets } = kpiSeries(kpi({ frequency, timeframe: { start, end } }), []);
      expect(buckets[0]!.start).toBe(start);
      expect(buckets.at(-1)!.end).toBe(end);
      for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.start).toBe(addDays(buckets[i - 1]!.end, 1));
      if (frequency === 'daily') expect(buckets).toHaveLength(length + 1);
      if (frequency === 'monthly') {
        const months = (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(end.slice(5, 7)) - Number(start.slice(5, 7)) + 1;
        expect(buckets).toHaveLength(months);
      }
      if (frequency === 'weekly') for (const b of buckets.slice(1)) expect(new Date(`${b.start}T12:00:00Z`).getUTCDay()).toBe(1);
    },
  );
});

describe('KPIs in a plan', () => {
  const cycles = [{ id: 'q4', name: 'Q4 2026', ...q4 }];
  const base = {
    cycles,
    objectives: [{ id: 'o', title: 'Win customers online', cycleId: 'q4' }],
    keyResults: [{ id: 'kr', objectiveId: 'o', title: '100 new customers', kind: 'metric' as const, start: 0, target: 100, source: { kpiId: 'customers' } }],
    kpis: [
      kpi({ id: 'customers', target: { polarity: 'higher', value: 100 }, aggregation: 'sum', timeframe: { cycleId: 'q4' } }),
      kpi({ id: 'cpl', target: { polarity: 'lower', value: '0.5', baseline: '0.8' }, aggregation: 'last', timeframe: { cycleId: 'q4' } }),
      kpi({ id: 'util', target: { polarity: 'higher', value: 85 }, aggregation: 'average', timeframe: { cycleId: 'q4' } }),
    ],
    measurements: [m('2026-10-09', 10, 'customers'), m('2026-10-30', 20, 'customers'), m('2026-10-31', '0.74', 'cpl'), m('2026-10-20', 88, 'util')],
  };

  it('feeds a key result with the KPI’s actual over the key result’s cycle', () => {
    const e = evaluate(parsePlan(base), { asOf: '2026-11-15' });
    expect(e.keyResults['kr']).toMatchObject({ value: 30, progress: 0.3, checkIns: 2, lastCheckIn: '2026-10-30' });
  });

  it('lists amber and red KPIs that no key result works on', () => {
    const plan = parsePlan(base);
    expect(kpiAlerts(plan, { asOf: '2026-11-15' })).toEqual([{ kpiId: 'cpl', status: 'red', attainment: 0.2, cycleIds: ['q4'] }]);
    expect(evaluateKpis(plan, { asOf: '2026-11-15' })['customers']!.status).toBe('red'); // red, but a key result is on it
  });

  test.prop([fc.array(fc.tuple(fc.constantFrom('customers', 'cpl', 'util'), fc.integer({ min: 0, max: 91 }), fc.integer({ min: 0, max: 120 })), { maxLength: 30 }), fc.subarray(['customers', 'cpl', 'util']), fc.integer({ min: 0, max: 91 })])(
    'never lists a KPI that a key result in the cycle is linked to',
    (readings, linked, day) => {
      const plan = parsePlan({
        ...base,
        keyResults: linked.map((kpiId, i) => ({ id: `kr${i}`, objectiveId: 'o', title: 'k', kind: 'metric' as const, start: 0, target: 1, source: { kpiId } })),
        measurements: readings.map(([k, d, v]) => m(addDays('2026-10-01', d), k === 'cpl' ? (v / 100).toFixed(2) : v, k)),
      });
      const alerts = kpiAlerts(plan, { asOf: addDays('2026-10-01', day) });
      for (const a of alerts) expect(linked).not.toContain(a.kpiId);
      for (const a of alerts) expect(['amber', 'red']).toContain(a.status);
    },
  );

  it('does not mutate its inputs', () => {
    const frozen = deepFreeze(parsePlan(base));
    expect(() => evaluateKpis(frozen, { asOf: '2026-11-15' })).not.toThrow();
    expect(() => kpiSeries(frozen.kpis[0]!, frozen.measurements, { cycles: frozen.cycles })).not.toThrow();
  });

  it('rejects a measurement of an unknown KPI in an unparsed plan', () => {
    expect(() => evaluateKpis({ ...parsePlan(base), measurements: [m('2026-10-01', 1, 'ghost')] })).toThrow(OkrkitError);
  });
});
