import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { OkrkitError, parsePlan, scorecard, scorecardByUnit, type Kpi, type Plan } from '../../src/index.js';
import { loadPlan } from '../fixtures.js';

const abc = parsePlan(loadPlan('abc-kpis'));

describe('scorecard', () => {
  it('scores a sales employee’s evaluation sheet: weights 40/40/20, total 92, rating A', () => {
    const sheet = scorecard(abc, { ownerId: 'lan', asOf: '2026-12-31' });
    expect(sheet.lines.map((l) => [l.kpiId, l.share, l.actual, l.attainment, l.score, l.points])).toEqual([
      ['lan-revenue', 0.4, 520_000_000, 1.04, 1, 40], // capped at 1
      ['lan-leads', 0.4, 18, 0.9, 0.9, 36],
      ['lan-response', 0.2, 3.4, 0.8, 0.8, 16], // lower, 5 → 3 days, now 3.4
    ]);
    expect(sheet.total).toBe(92);
    expect(sheet.rating).toBe('A');
    expect(scorecard(abc, { ownerId: 'minh', asOf: '2026-12-31' })).toMatchObject({ total: 82, rating: 'B' });
  });

  it('rewards over-achievement with a higher cap, and takes other weights and bands', () => {
    expect(scorecard(abc, { ownerId: 'lan', cap: 1.2 }).total).toBe(93.6); // 0.4·1.04 + 0.36 + 0.16
    // all three weighted 40: (1 + 0.9 + 0.8) / 3
    expect(scorecard(abc, { ownerId: 'lan', weights: [{ kpiId: 'lan-response', weight: 40 }] }).total).toBe(90);
    expect(scorecard(abc, { ownerId: 'lan', bands: [{ label: 'Xuất sắc', min: 95 }, { label: 'Tốt', min: 80 }, { label: 'Đạt', min: 0 }] }).rating).toBe('Tốt');
  });

  it('groups the total by perspective', () => {
    const sheet = scorecard(abc, { ownerId: 'lan' });
    expect(sheet.byPerspective).toEqual({
      financial: { total: 100, share: 0.4 },
      customer: { total: 90, share: 0.4 },
      internal: { total: 80, share: 0.2 },
    });
  });

  it('counts a KPI without data as 0 by default, or leaves it out', () => {
    const early = scorecard(abc, { ownerId: 'lan', asOf: '2026-10-10' });
    const revenue = early.lines.find((l) => l.kpiId === 'lan-revenue')!;
    expect(revenue).toMatchObject({ noData: true, score: 0 });
    const skipped = scorecard(abc, { ownerId: 'lan', asOf: '2026-10-10', missing: 'skip' });
    expect(skipped.lines.find((l) => l.kpiId === 'lan-revenue')).toMatchObject({ score: null, share: 0, points: 0 });
  });

  it('scores on the goal / red-flag scale from 0 to 10', () => {
    const roi: Kpi = {
      id: 'roi', name: 'ROI', target: { polarity: 'higher', value: 10 }, timeframe: { start: '2026-10-01', end: '2026-12-31' },
      dataSource: { name: 'ERP' }, frequency: 'monthly', aggregation: 'last', scoring: { type: 'scale', goal: 10, redFlag: 4 },
    };
    const at = (value: number, scoring = roi.scoring) =>
      scorecard(parsePlan({ kpis: [{ ...roi, ...(scoring ? { scoring } : {}) }], measurements: [{ kpiId: 'roi', at: '2026-12-01', value }] })).lines[0]!.score;
    expect([at(4), at(7), at(10), at(2), at(13)]).toEqual([0, 0.5, 1, 0, 1]);
    expect(at(7, { type: 'scale', goal: 10, redFlag: 4, redFlagPoints: 3.33, goalPoints: 6.67 })).toBe(0.5);
    expect(at(8, { type: 'steps', steps: [{ min: 1, score: 1 }, { min: 0.7, score: 0.5 }] } as Kpi['scoring'])).toBe(0.5);
  });

  it('rejects bad bands and weights', () => {
    expect(() => scorecard(abc, { bands: [] })).toThrow(OkrkitError);
    expect(() => scorecard(abc, { weights: [{ kpiId: 'lan-leads', weight: -1 }] })).toThrow(/must be a finite number of zero or more/);
  });

  const sheetArb = fc.array(fc.record({ value: fc.integer({ min: 0, max: 300 }), weight: fc.integer({ min: 0, max: 50 }), target: fc.integer({ min: 1, max: 200 }) }), { minLength: 1, maxLength: 12 });
  const planOf = (items: { value: number; weight: number; target: number }[]): Plan =>
    parsePlan({
      kpis: items.map((it, i) => ({
        id: `k${i}`, name: `KPI ${i}`, target: { polarity: 'higher' as const, value: it.target }, timeframe: { start: '2026-10-01', end: '2026-12-31' },
        dataSource: { name: 'CRM' }, frequency: 'monthly' as const, weight: it.weight,
      })),
      measurements: items.map((it, i) => ({ kpiId: `k${i}`, at: '2026-11-01', value: it.value })),
    });

  test.prop([sheetArb])('the total lies between the lowest and highest line score, and shares add up to 1', (items) => {
    const sheet = scorecard(planOf(items));
    const weighted = sheet.lines.filter((l) => l.weight > 0);
    if (weighted.length === 0) {
      expect(sheet.total).toBeNull();
      return;
    }
    const scores = weighted.map((l) => l.score! * 100);
    expect(sheet.total).toBeGreaterThanOrEqual(Math.min(...scores) - 1e-9);
    expect(sheet.total).toBeLessThanOrEqual(Math.max(...scores) + 1e-9);
    expect(weighted.reduce((a, l) => a + l.share, 0)).toBeCloseTo(1, 12);
    expect(sheet.lines.reduce((a, l) => a + l.points, 0)).toBeCloseTo(sheet.total!, 9);
  });

  test.prop([sheetArb, fc.integer({ min: 2, max: 100 })])('weights are normalised: scaling them all changes nothing', (items, k) => {
    const base = scorecard(planOf(items)).total;
    expect(scorecard(planOf(items.map((i) => ({ ...i, weight: i.weight * k })))).total).toBe(base);
  });
});

describe('scorecardByUnit', () => {
  it('rolls totals up the unit tree', () => {
    const units = scorecardByUnit(abc, { asOf: '2026-12-31' });
    expect(units['lan']).toMatchObject({ total: 92, rating: 'A' });
    expect(units['sales']).toMatchObject({ total: 87, rating: 'B', childIds: ['lan', 'minh'] });
    expect(units['sales']!.own.lines).toEqual([]);
    expect(units['marketing']!.total).toBe(80); // cost per lead 0.6, new customers 1
    expect(units['projects']!.total).toBe(90); // capacity 1 (capped), ROI of every project 0.8
    expect(units['abc']!.total).toBeCloseTo((87 + 80 + 90) / 3, 12);
    expect(units['abc']!.rating).toBe('B');
  });
});

describe('scorecardByUnit on a deep unit tree', () => {
  it('rolls 20,000 nested units up exactly, without growing fractions', () => {
    const depth = 20_000;
    const units = Array.from({ length: depth }, (_, i) => ({ id: `u${i}`, name: `U${i}`, level: 'team', ...(i > 0 ? { parentId: `u${i - 1}` } : {}) }));
    const kpis = units.map((u, i) => ({
      id: `k${i}`,
      name: `K${i}`,
      unitId: u.id,
      target: { polarity: 'higher', value: 3 },
      timeframe: { start: '2026-07-01', end: '2026-09-30' },
      dataSource: { name: 'CRM' },
      frequency: 'monthly',
    }));
    const measurements = kpis.map((k, i) => ({ kpiId: k.id, at: '2026-08-01', value: i % 3 }));
    const byUnit = scorecardByUnit({ cycles: [], units, kpis, measurements } as never, { asOf: '2026-09-30' });
    // The deepest unit: its own KPI at (19,999 mod 3)/3 = 1/3.
    expect(byUnit['u19999']!.total).toBe(100 / 3);
    // One level up: the mean of its own 0/3 and the child's 1/3.
    expect(byUnit['u19998']!.total).toBe((0 + 100 / 3) / 2);
    for (const u of Object.values(byUnit)) expect(u.total! >= 0 && u.total! <= 100).toBe(true);
  });
});
