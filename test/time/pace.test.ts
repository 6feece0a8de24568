import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  confidenceFromScale,
  confidenceToScale,
  evaluate,
  expectedProgress,
  forecastKeyResult,
  grade,
  keyResultHistory,
  OkrkitError,
  paceStatus,
  parsePlan,
  worstStatus,
  type KeyResult,
  type PlanInput,
  type Status,
} from '../../src/index.js';
import { addDays } from '../../src/_lib/calendar.js';
import { loadPlan } from '../fixtures.js';
import { Q3 } from '../builders.js';

const q3 = Q3;
const metric = (extra: object = {}): KeyResult => ({ id: 'k', objectiveId: 'o', title: 'k', kind: 'metric', start: 0, target: 100, ...extra }) as KeyResult;

describe('paceStatus', () => {
  it.each([
    [0.95, 'onTrack'],
    [0.9499, 'atRisk'],
    [0.75, 'atRisk'],
    [0.7499, 'offTrack'],
    [0, 'offTrack'],
  ] as const)('judges progress %s against an expected 1.0 as %s', (progress, status) => {
    expect(paceStatus(progress, 1)).toBe(status);
  });

  it('calls progress of 1 achieved, nothing expected yet on track, and no progress no data', () => {
    expect(paceStatus(1, 0.5)).toBe('achieved');
    expect(paceStatus(1.2, 1)).toBe('achieved');
    expect(paceStatus(0, 0)).toBe('onTrack');
    expect(paceStatus(null, 0.5)).toBe('noData');
  });

  it('judges the 0.9 ratio of 0.45 to 0.5 at risk, and 0.05 behind on track in difference mode', () => {
    expect(paceStatus(0.45, 0.5)).toBe('atRisk');
    expect(paceStatus(0.45, 0.5, { mode: 'difference' })).toBe('onTrack');
    expect(paceStatus(0.3, 0.5, { mode: 'difference' })).toBe('atRisk');
    expect(paceStatus(0.2, 0.5, { mode: 'difference' })).toBe('offTrack');
    expect(paceStatus(0.45, 0.5, { onTrack: 0.9, atRisk: 0.5 })).toBe('onTrack');
  });

  it('rejects thresholds that contradict each other and values that are not numbers', () => {
    expect(() => paceStatus(0.5, 0.5, { onTrack: 0.5, atRisk: 0.8 })).toThrowErrorMatchingInlineSnapshot(`[OkrkitError: okrkit: invalid argument: status.atRisk (0.8) must be at most status.onTrack (0.5)]`);
    expect(() => paceStatus(Number.NaN, 0.5)).toThrow(OkrkitError);
    expect(() => paceStatus(0.5, 2)).toThrow(/expected must be a number from 0 to 1/);
  });

  test.prop([fc.double({ min: 0, max: 1.5, noNaN: true }), fc.double({ min: 0, max: 1.5, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('ratio' as const, 'difference' as const)])(
    'status is monotone in progress for a fixed expected progress',
    (a, b, expected, mode) => {
      const rank: Record<Status, number> = { offTrack: 0, atRisk: 1, onTrack: 2, achieved: 3, noData: -1, notStarted: -1 };
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(rank[paceStatus(lo, expected, { mode })]).toBeLessThanOrEqual(rank[paceStatus(hi, expected, { mode })]);
    },
  );

  it('takes the worst of several statuses', () => {
    expect(worstStatus(['onTrack', 'achieved', 'atRisk'])).toBe('atRisk');
    expect(worstStatus(['achieved', 'notStarted'])).toBe('notStarted');
    expect(worstStatus(['noData', 'onTrack'])).toBe('noData');
    expect(worstStatus([])).toBeNull();
  });
});

describe('expectedProgress', () => {
  it('is linear over the cycle by default', () => {
    expect(expectedProgress(metric(), q3, '2026-07-01')).toBe(0);
    expect(expectedProgress(metric(), q3, '2026-09-30')).toBe(1);
    expect(expectedProgress(metric(), q3, '2026-08-15')).toBe(45 / 91);
  });

  it('follows phased targets piecewise linearly', () => {
    const kr = metric({ phases: [{ at: '2026-07-31', target: 10 }, { at: '2026-08-31', target: 40 }] });
    expect(expectedProgress(kr, q3, '2026-07-31')).toBe(0.1);
    expect(expectedProgress(kr, q3, '2026-08-31')).toBe(0.4);
    expect(expectedProgress(kr, q3, '2026-07-16')).toBeCloseTo(0.05, 15); // halfway to the first phase
    expect(expectedProgress(kr, q3, '2026-09-15')).toBeCloseTo(0.4 + 0.6 * (15 / 30), 15);
  });

  it('follows milestone due dates, and expects a binary key result done only on the last day', () => {
    const ms = { id: 'm', objectiveId: 'o', title: 'm', kind: 'milestones', milestones: [{ title: 'a', due: '2026-07-15' }, { title: 'b', weight: 3, due: '2026-08-15' }] } as const;
    expect(expectedProgress(ms, q3, '2026-07-14')).toBe(0);
    expect(expectedProgress(ms, q3, '2026-07-15')).toBe(0.25);
    expect(expectedProgress(ms, q3, '2026-08-15')).toBe(1);
    const binary = { id: 'b', objectiveId: 'o', title: 'b', kind: 'binary' } as const;
    expect(expectedProgress(binary, q3, '2026-09-29')).toBe(0);
    expect(expectedProgress(binary, q3, '2026-09-30')).toBe(1);
  });

  test.prop([fc.integer({ min: -30, max: 120 }), fc.integer({ min: -30, max: 120 }), fc.boolean()])(
    'is monotone in asOf and within [0, 1]',
    (a, b, phased) => {
      const kr = phased ? metric({ phases: [{ at: '2026-07-20', target: 5 }, { at: '2026-09-01', target: 70 }] }) : metric();
      const [d1, d2] = [addDays('2026-07-01', Math.min(a, b)), addDays('2026-07-01', Math.max(a, b))];
      const e1 = expectedProgress(kr, q3, d1);
      const e2 = expectedProgress(kr, q3, d2);
      expect(e1).toBeGreaterThanOrEqual(0);
      expect(e2).toBeLessThanOrEqual(1);
      expect(e1).toBeLessThanOrEqual(e2);
    },
  );

  it('rejects phases that move backwards when the plan is parsed', () => {
    const result = () =>
      parsePlan({
        cycles: [q3],
        objectives: [{ id: 'o', title: 'o', cycleId: 'q3' }],
        keyResults: [metric({ phases: [{ at: '2026-08-01', target: 50 }, { at: '2026-09-01', target: 30 }] })],
      });
    expect(result).toThrow(/phases must move steadily/);
  });
});

describe('confidence, grades', () => {
  it('converts 0–10 confidence both ways', () => {
    expect(confidenceFromScale(7)).toBe(0.7);
    expect(confidenceFromScale(4, 5)).toBe(0.8);
    expect(confidenceToScale(0.72)).toBe(7.2);
    expect(() => confidenceFromScale(11)).toThrow(/from 0 to 10/);
  });

  it.each([
    [0.7, 'aspirational', 'green'],
    [0.6999, 'aspirational', 'yellow'],
    [0.4, 'aspirational', 'yellow'],
    [0.3999, 'aspirational', 'red'],
    [1, 'committed', 'green'],
    [0.99, 'committed', 'yellow'],
    [0.7, 'committed', 'yellow'],
    [0.69, 'committed', 'red'],
  ] as const)('grades %s on an %s OKR %s', (score, commitment, colour) => {
    expect(grade(score, commitment)).toBe(colour);
  });

  it('grades null as null and accepts other thresholds', () => {
    expect(grade(null)).toBeNull();
    expect(grade(0.6, 'aspirational', { aspirational: { green: 0.6 } })).toBe('green');
    expect(() => grade(0.5, 'aspirational', { aspirational: { green: 0.3, yellow: 0.5 } })).toThrow(OkrkitError);
  });
});

describe('forecastKeyResult', () => {
  const kr = metric({ target: 120 });
  it('projects a least-squares trend to the cycle end', () => {
    const f = forecastKeyResult(kr, [{ keyResultId: 'k', at: '2026-07-31', value: 30 }, { keyResultId: 'k', at: '2026-08-30', value: 60 }], q3, { asOf: '2026-09-01' });
    expect(f).toEqual({ value: 91, raw: 91 / 120, progress: 91 / 120, score: 91 / 120, status: 'atRisk', points: 2 });
  });

  it('is the measured value once the cycle has ended, or without a date, or in a closed cycle', () => {
    const checkIns = [{ keyResultId: 'k', at: '2026-07-31', value: 30 }, { keyResultId: 'k', at: '2026-08-30', value: 60 }];
    const measured = { value: 60, raw: 0.5, progress: 0.5, score: 0.5, status: 'offTrack', points: 2 };
    expect(forecastKeyResult(kr, checkIns, q3, { asOf: '2026-09-30' })).toEqual(measured);
    expect(forecastKeyResult(kr, checkIns, q3)).toEqual(measured);
    expect(forecastKeyResult(kr, checkIns, { ...q3, state: 'closed' }, { asOf: '2026-09-01' })).toEqual(measured);
    // One check-in date is enough to know what was measured.
    expect(forecastKeyResult(kr, checkIns.slice(0, 1), q3)!.value).toBe(30);
  });

  it('needs two check-in dates and a metric key result', () => {
    expect(forecastKeyResult(kr, [{ keyResultId: 'k', at: '2026-07-31', value: 30 }], q3, { asOf: '2026-08-01' })).toBeNull();
    expect(forecastKeyResult(kr, [], q3)).toBeNull();
    expect(forecastKeyResult({ id: 'b', objectiveId: 'o', title: 'b', kind: 'binary' }, [], q3)).toBeNull();
  });

  it('fits running totals for sum key results', () => {
    const sum = metric({ valueFrom: 'sum', target: 92 });
    const checkIns = [1, 2, 3].map((i) => ({ keyResultId: 'k', at: addDays('2026-07-01', i * 10), value: 10 }));
    expect(forecastKeyResult(sum, checkIns, q3, { asOf: '2026-08-01' })!.value).toBe(91); // 1 per day, from 10 on day 10
  });

  test.prop([fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -50, max: 50 }), fc.constantFrom(1, 10, 100), fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { minLength: 2, maxLength: 12 })])(
    'forecasts a perfectly linear series exactly',
    (intercept, slope, scale, days) => {
      const at = (x: number) => (intercept + slope * x) / scale;
      const checkIns = days.map((x) => ({ keyResultId: 'k', at: addDays('2026-07-01', x), value: at(x) }));
      const f = forecastKeyResult(metric({ start: at(0) - 1, target: at(91) + 1 }), checkIns, q3, { cap: Infinity, asOf: '2026-09-29' });
      expect(f!.value).toBe(at(91) === 0 ? 0 : at(91));
    },
  );
});

describe('keyResultHistory', () => {
  it('gives the value, progress, expected progress and confidence at the start, at each check-in and at asOf', () => {
    const kr = metric();
    const checkIns = [
      { keyResultId: 'k', at: '2026-07-31', value: 30, confidence: 0.6 },
      { keyResultId: 'k', at: '2026-08-31', value: 50 },
      { keyResultId: 'other', at: '2026-08-01', value: 1 },
    ];
    expect(keyResultHistory(kr, checkIns, q3, { asOf: '2026-09-10' })).toEqual([
      { date: '2026-07-01', value: 0, progress: 0, expected: 0, confidence: null, checkIn: false },
      { date: '2026-07-31', value: 30, progress: 0.3, expected: 30 / 91, confidence: 0.6, checkIn: true },
      { date: '2026-08-31', value: 50, progress: 0.5, expected: 61 / 91, confidence: 0.6, checkIn: true },
      { date: '2026-09-10', value: 50, progress: 0.5, expected: 71 / 91, confidence: 0.6, checkIn: false },
    ]);
  });
});

describe('evaluate: time', () => {
  const plan = (input: PlanInput) => parsePlan({ cycles: [q3], ...input });
  const three = plan({
    objectives: [{ id: 'o', title: 'o', cycleId: 'q3' }],
    keyResults: [metric({ id: 'a', objectiveId: 'o' }), metric({ id: 'b', objectiveId: 'o' }), metric({ id: 'c', objectiveId: 'o' })],
    checkIns: [
      { keyResultId: 'a', at: '2026-08-15', value: 100, confidence: 0.9 },
      { keyResultId: 'b', at: '2026-08-15', value: 45, confidence: 0.3 },
    ],
  });

  it('reports expected progress and a status for each key result', () => {
    const e = evaluate(three, { asOf: '2026-08-15' });
    expect(e.keyResults['a']).toMatchObject({ status: 'achieved', expected: 45 / 91 });
    expect(e.keyResults['b']!.status).toBe('atRisk'); // 0.45 / (45/91) = 0.91
    expect(e.keyResults['c']!.status).toBe('noData');
  });

  it('gives an objective its worst child’s status, or judges its own score in mean mode', () => {
    expect(evaluate(three, { asOf: '2026-08-15' }).objectives['o']).toMatchObject({ status: 'atRisk', expected: 45 / 91 });
    // mean mode: (1 + 0.45 + 0) / 3 = 0.4833 against 0.4945: ratio 0.977
    expect(evaluate(three, { asOf: '2026-08-15', status: { objective: 'mean' } }).objectives['o']!.status).toBe('onTrack');
  });

  it('says notStarted before the cycle begins', () => {
    const e = evaluate(three, { asOf: '2026-06-30' });
    expect(e.keyResults['a']!.status).toBe('notStarted');
    expect(e.objectives['o']!.status).toBe('notStarted');
  });

  it('rolls confidence up as the weighted mean of the key results’ latest', () => {
    expect(evaluate(three, { asOf: '2026-08-15' }).objectives['o']!.confidence).toBe(0.6);
    const e = evaluate(three, { asOf: '2026-08-15', status: { from: 'confidence' } });
    expect(e.keyResults['b']!.status).toBe('offTrack'); // confidence 0.3 < 0.4
    expect(e.keyResults['a']!.status).toBe('achieved');
  });

  it('grades only once the cycle is over or closed, by commitment', () => {
    expect(evaluate(three, { asOf: '2026-09-30' }).objectives['o']!.grade).toBeNull();
    const after = evaluate(three, { asOf: '2026-10-01' });
    expect(after.objectives['o']!.grade).toBe('yellow'); // 0.4833, aspirational
    expect(after.keyResults['a']!.grade).toBe('green');
    const closed = evaluate({ ...three, cycles: [{ ...q3, state: 'closed' }] }, { asOf: '2026-09-01' });
    expect(closed.objectives['o']!.grade).toBe('yellow');
  });

  it('grades the XYZ Corp plan after the quarter: committed sales at 77 is yellow, aspirational quality at 80 green', () => {
    const e = evaluate(parsePlan(loadPlan('xyz-corp')), { asOf: '2026-10-01' });
    expect(e.roots.map((id) => e.objectives[id]!.grade)).toEqual(['yellow', 'green', 'yellow']);
    expect(e.objectives['o-sales']!.status).toBe('atRisk'); // 0.767 against 1
  });

  it('forecasts key results and objectives on request', () => {
    const p = plan({
      objectives: [{ id: 'o', title: 'o', cycleId: 'q3' }],
      keyResults: [metric({ id: 'a', objectiveId: 'o', target: 120 }), { id: 't', objectiveId: 'o', title: 't', kind: 'threshold', comparator: 'atLeast', value: 1 }],
      checkIns: [
        { keyResultId: 'a', at: '2026-07-31', value: 30 },
        { keyResultId: 'a', at: '2026-08-30', value: 60 },
        { keyResultId: 't', at: '2026-08-30', value: 2 },
      ],
    });
    expect(evaluate(p, { asOf: '2026-09-01' }).keyResults['a']!.forecast).toBeNull();
    const e = evaluate(p, { asOf: '2026-09-01', forecast: true });
    expect(e.keyResults['a']!.forecast).toMatchObject({ value: 91, progress: 91 / 120 });
    expect(e.keyResults['t']!.forecast).toBeNull();
    // the threshold key result has no trend, so its current score stands in
    expect(e.objectives['o']!.forecastScore).toBeCloseTo((91 / 120 + 1) / 2, 15);
  });
});
