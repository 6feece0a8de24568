// Differential test: bands with exclusive lower bounds. The peer's documented zones are
// "fail ≤ 30 % < commit ≤ 70 % < target < 100 % ≤ stretch"; the oracle below is that
// sentence, written on whole numbers (progress = v / t), and okrkit is configured by
// options only (`steps` with `exclusive: true`).
import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { evaluate, keyResultProgress, parsePlan, scorecard, ScoringStep, type KeyResult, type Scoring } from '../../src/index.js';
import { Q3, metricFrom, objectiveIn } from '../builders.js';

/** The zone scores a product shows (any distinct numbers do). */
const FAIL = 0;
const COMMIT = 0.5;
const TARGET = 0.8;
const STRETCH = 1;

/** The peer's rule, straight from its sentence: progress is v / t (t > 0), compared on whole numbers. */
function peerZone(v: number, t: number): number {
  if (10 * v <= 3 * t) return FAIL; // ≤ 30 %
  if (10 * v <= 7 * t) return COMMIT; // 30 % < p ≤ 70 %
  if (v < t) return TARGET; // 70 % < p < 100 %
  return STRETCH; // ≥ 100 %
}

/** The same zones as okrkit options. */
const ZONES: Scoring = {
  type: 'steps',
  steps: [
    { min: 0, score: FAIL },
    { min: 0.3, exclusive: true, score: COMMIT },
    { min: 0.7, exclusive: true, score: TARGET },
    { min: 1, score: STRETCH },
  ],
};

const kr = (t: number, scoring: Scoring = ZONES): KeyResult => metricFrom(0, t, { scoring });
const scoreAt = (v: number, t: number, scoring: Scoring = ZONES): number | null =>
  keyResultProgress(kr(t, scoring), [{ keyResultId: 'kr', at: '2026-08-01', value: v }], { cap: Infinity }).score;

/** A KPI scored by the same zones on its attainment (actual ÷ target). */
function kpiScore(v: number, t: number): number | null {
  const plan = parsePlan({
    cycles: [Q3],
    kpis: [
      {
        id: 'k', name: 'K', target: { polarity: 'higher', value: t }, timeframe: { cycleId: 'q3' },
        dataSource: { name: 'CRM' }, frequency: 'monthly', aggregation: 'last', scoring: ZONES,
      },
    ],
    measurements: [{ kpiId: 'k', at: '2026-08-01', value: v }],
  });
  return scorecard(plan, { cap: Infinity }).lines[0]?.score ?? null;
}

describe('exclusive lower bounds reproduce "fail ≤ 30 % < commit ≤ 70 % < target < 100 % ≤ stretch"', () => {
  it('puts each boundary in the band the peer names', () => {
    // progress = v / 1000: exactly 30 %, 70 % and 100 %, and one step either side.
    const cases: [number, number][] = [
      [0, FAIL], [299, FAIL], [300, FAIL], [301, COMMIT], [699, COMMIT], [700, COMMIT],
      [701, TARGET], [999, TARGET], [1000, STRETCH], [1500, STRETCH],
    ];
    for (const [v, zone] of cases) {
      expect([v, scoreAt(v, 1000)]).toEqual([v, zone]);
      expect([v, kpiScore(v, 1000)]).toEqual([v, zone]);
      expect(peerZone(v, 1000)).toBe(zone);
    }
  });

  it('decides on the exact progress: 3 / 10 is exactly 30 % (0.1 + 0.2 style sums do not leak)', () => {
    // 0.3 as a double is not 3/10; the decision is made on the exact fraction.
    expect(scoreAt(0.3, 1)).toBe(FAIL);
    expect(scoreAt('0.3' as unknown as number, 1)).toBe(FAIL);
    expect(scoreAt(0.7, 1)).toBe(COMMIT);
    expect(scoreAt(3, 10)).toBe(FAIL);
    expect(scoreAt(7, 10)).toBe(COMMIT);
  });

  it('keeps the old rule without the flag: exactly 30 % is commit', () => {
    const inclusive: Scoring = { type: 'steps', steps: ZONES.type === 'steps' ? ZONES.steps.map(({ min, score }) => ({ min, score })) : [] };
    expect(scoreAt(300, 1000, inclusive)).toBe(COMMIT);
    expect(scoreAt(700, 1000, inclusive)).toBe(TARGET);
  });

  test.prop([fc.integer({ min: -2000, max: 3000 }), fc.integer({ min: 1, max: 2000 })], { numRuns: 300 })(
    'key results: okrkit with options = the peer formula on random values and targets',
    (v, t) => {
      expect(scoreAt(v, t)).toBe(peerZone(Math.max(v, 0), t));
    },
  );

  test.prop([fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 2000 })], { numRuns: 150 })(
    'KPI steps: okrkit with options = the peer formula on the attainment',
    (v, t) => {
      expect(kpiScore(v, t)).toBe(peerZone(v, t));
    },
  );

  test.prop([fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100 })], { numRuns: 100 })(
    'exclusive moves only the boundary itself: off the minimum, both forms agree',
    (v, t) => {
      const inclusive: Scoring = { type: 'steps', steps: [{ min: 0.5, score: 1 }] };
      const exclusive: Scoring = { type: 'steps', steps: [{ min: 0.5, exclusive: true, score: 1 }] };
      if (2 * v === t) {
        expect([scoreAt(v, t, inclusive), scoreAt(v, t, exclusive)]).toEqual([1, 0]);
      } else {
        expect(scoreAt(v, t, exclusive)).toBe(scoreAt(v, t, inclusive));
      }
    },
  );

  it('scores objectives from the banded key results in evaluate', () => {
    const plan = parsePlan({
      cycles: [Q3],
      objectives: [objectiveIn('o')],
      keyResults: [
        { ...kr(100), id: 'a' },
        { ...kr(100), id: 'b' },
      ],
      checkIns: [
        { keyResultId: 'a', at: '2026-08-01', value: 30 },
        { keyResultId: 'b', at: '2026-08-01', value: 70 },
      ],
    });
    const e = evaluate(plan);
    expect([e.keyResults.a?.score, e.keyResults.b?.score, e.objectives.o?.score]).toEqual([FAIL, COMMIT, (FAIL + COMMIT) / 2]);
  });

  it('checks the flag: a boolean or nothing', () => {
    expect(ScoringStep.safeParse({ min: 0.3, exclusive: 'yes', score: 1 }).success).toBe(false);
    expect(ScoringStep.parse({ min: 0.3, exclusive: false, score: 1 })).toEqual({ min: 0.3, exclusive: false, score: 1 });
  });
});
