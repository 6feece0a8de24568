// Differential test: piecewise scale anchors for KPI scorecards. Two peer rules, each
// written straight from its documentation, are compared with okrkit's `anchors` scoring:
// - Spider Impact's goal / red flag scale: 0 at red flag − (goal − red flag), 3.33 at the
//   red flag, 6.67 at the goal, 10 at goal + (goal − red flag), straight in between and
//   flat outside (3.33, 3.34, 3.33 points per span: not one straight line);
// - the issue's 0 / 3.3 / 6.6 / 10 scale at the same four values (3.3, 3.3, 3.4).
// And any anchors: numpy-style interpolation (`interp`) as the oracle.
import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { KpiScoring, OkrkitError, parsePlan, safeParsePlan, scorecard, type KpiScoring as Scoring, type PlanInput } from '../../src/index.js';
import { Q3, thrown } from '../builders.js';
import { loadPlan } from '../fixtures.js';

function kpiPlan(scoring: Scoring, actual: number | string, polarity: 'higher' | 'lower' = 'higher'): PlanInput {
  return {
    cycles: [Q3],
    kpis: [
      {
        id: 'k', name: 'K', target: { polarity, value: 100 }, timeframe: { cycleId: 'q3' },
        dataSource: { name: 'CRM' }, frequency: 'monthly', aggregation: 'last', scoring,
      },
    ],
    measurements: [{ kpiId: 'k', at: '2026-08-01', value: actual }],
  };
}

/** okrkit's score (0–1, the points ÷ 10) for one actual: the scorecard line's, uncapped. */
function okrkitScore(scoring: Scoring, actual: number | string, polarity: 'higher' | 'lower' = 'higher'): number {
  const line = scorecard(parsePlan(kpiPlan(scoring, actual, polarity)), { cap: Infinity }).lines[0];
  return line?.score ?? NaN;
}

/**
 * The goal / red flag rule of both peers, from their documentation: points `p` at
 * red − span, red, goal and goal + span (span = goal − red; a goal below the red flag is
 * lower-is-better), straight between, flat outside.
 */
function goalRedFlagRule(goal: number, red: number, p: readonly [number, number, number, number], actual: number): number {
  const span = goal - red;
  // How many spans the actual is past red − span, in the direction of the goal.
  const t = (actual - (red - span)) / span;
  if (t <= 0) return p[0];
  if (t <= 1) return p[0] + (p[1] - p[0]) * t;
  if (t <= 2) return p[1] + (p[2] - p[1]) * (t - 1);
  if (t <= 3) return p[2] + (p[3] - p[2]) * (t - 2);
  return p[3];
}
const SPIDER_IMPACT = [0, 3.33, 6.67, 10] as const;
const ISSUE_15 = [0, 3.3, 6.6, 10] as const;

/** numpy.interp: piecewise-linear through (xs, ys), flat beyond the ends; xs strictly increasing. */
function interp(x: number, xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (x <= (xs[0] ?? NaN)) return ys[0] ?? NaN;
  for (let i = 1; i < n; i++) {
    const x0 = xs[i - 1] ?? NaN;
    const x1 = xs[i] ?? NaN;
    if (x <= x1) {
      const y0 = ys[i - 1] ?? NaN;
      const y1 = ys[i] ?? NaN;
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return ys[n - 1] ?? NaN;
}

const fourAnchors = (goal: number, red: number, points: readonly number[]): Scoring => {
  const span = goal - red;
  const values = [red - span, red, goal, goal + span];
  return { type: 'anchors', anchors: values.map((value, i) => ({ value, points: points[i] ?? 0 })) };
};

const goalRedArb = fc
  .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -500, max: 500 }).filter((d) => d !== 0))
  .map(([red, span]) => ({ red, goal: red + span }));

describe('anchors reproduce piecewise peer scales', () => {
  test.prop([goalRedArb, fc.integer({ min: -3000, max: 3000 })], { numRuns: 200 })(
    "Spider Impact's goal / red flag rule, higher or lower is better (the goal's side decides)",
    ({ goal, red }, actual) => {
      expect(okrkitScore(fourAnchors(goal, red, SPIDER_IMPACT), actual)).toBeCloseTo(goalRedFlagRule(goal, red, SPIDER_IMPACT, actual) / 10, 12);
    },
  );

  test.prop([goalRedArb, fc.integer({ min: -3000, max: 3000 })], { numRuns: 200 })(
    "the issue's 0 / 3.3 / 6.6 / 10 rule, which is not one straight line",
    ({ goal, red }, actual) => {
      expect(okrkitScore(fourAnchors(goal, red, ISSUE_15), actual)).toBeCloseTo(goalRedFlagRule(goal, red, ISSUE_15, actual) / 10, 12);
    },
  );

  const anchorsArb = fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 6 }),
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 6, maxLength: 6 }),
      fc.boolean(),
    )
    .map(([values, tenths, decreasing]) => {
      const xs = [...values].sort((a, b) => a - b);
      const ys = xs.map((_, i) => (tenths[i] ?? 0) / 10);
      return { xs, ys, decreasing };
    });

  test.prop([anchorsArb, fc.integer({ min: -1500, max: 1500 })], { numRuns: 300 })(
    'any anchors, listed increasing or decreasing = numpy-style interpolation',
    ({ xs, ys, decreasing }, actual) => {
      const anchors = xs.map((value, i) => ({ value, points: ys[i] ?? 0 }));
      const scoring: Scoring = { type: 'anchors', anchors: decreasing ? [...anchors].reverse() : anchors };
      expect(okrkitScore(scoring, actual)).toBeCloseTo(interp(actual, xs, ys) / 10, 12);
    },
  );

  it('gives each anchor its points exactly, and the ends beyond it (boundary examples)', () => {
    // Goal 100, red flag 60: anchors at 20, 60, 100, 140.
    // Scores are the points ÷ 10, rounded once from the exact value.
    const scoring = fourAnchors(100, 60, ISSUE_15);
    const at = (actual: number | string): number => okrkitScore(scoring, actual);
    expect([at(-50), at(20), at(60), at(100), at(140), at(500)]).toEqual([0, 0, 0.33, 0.66, 1, 1]);
    expect(at(40)).toBe(0.165);
    expect(at(120)).toBe(0.83); // (6.6 + 3.4 / 2) / 10
    expect(at('80.5')).toBe(0.499125); // (3.3 + 3.3 × 20.5 / 40) / 10
    expect(okrkitScore(fourAnchors(100, 60, SPIDER_IMPACT), 80)).toBe(0.5); // (3.33 + 3.34 / 2) / 10
  });

  it('scores lower-is-better KPIs with decreasing values: days to respond, 5 → 3', () => {
    const scoring: Scoring = { type: 'anchors', anchors: [{ value: 7, points: 0 }, { value: 5, points: 3.3 }, { value: 3, points: 6.6 }, { value: 1, points: 10 }] };
    const at = (actual: number): number => okrkitScore(scoring, actual, 'lower');
    expect([at(9), at(7), at(6), at(5), at(4), at(3), at(2), at(1), at(0)]).toEqual([0, 0, 0.165, 0.33, 0.495, 0.66, 0.83, 1, 1]);
  });

  it('rounds once: 10 / 3 points at a third of the way', () => {
    const scoring: Scoring = { type: 'anchors', anchors: [{ value: 0, points: 0 }, { value: 3, points: 10 }] };
    const line = scorecard(parsePlan(kpiPlan(scoring, 1)), { cap: Infinity }).lines[0];
    expect(line?.score).toBe(1 / 3);
  });

  it('rejects bad anchors as plan errors with a path', () => {
    const anchors = (values: readonly number[]) => values.map((value, i) => ({ value, points: i }));
    const issuesOf = (scoring: unknown) => {
      const r = safeParsePlan(kpiPlan(scoring as Scoring, 1));
      return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.code]);
    };
    expect(issuesOf({ type: 'anchors', anchors: anchors([1, 2, 2]) })).toEqual([['kpis.0.scoring.anchors.2.value', 'kpi_target']]);
    expect(issuesOf({ type: 'anchors', anchors: anchors([1, 3, 2]) })).toEqual([['kpis.0.scoring.anchors.2.value', 'kpi_target']]);
    expect(issuesOf({ type: 'anchors', anchors: anchors([3, 1, 2]) })).toEqual([['kpis.0.scoring.anchors.2.value', 'kpi_target']]);
    expect(issuesOf({ type: 'anchors', anchors: anchors([1]) })).toHaveLength(1);
    expect(issuesOf({ type: 'anchors', anchors: [{ value: 1, points: 0 }, { value: 2, points: 11 }] })[0]?.[0]).toBe('kpis.0.scoring.anchors.1.points');
    expect(issuesOf({ type: 'anchors', anchors: [{ value: 'x', points: 0 }, { value: 2, points: 1 }] })[0]?.[0]).toBe('kpis.0.scoring.anchors.0.value');
    expect(issuesOf({ type: 'anchors', anchors: [{ value: '1e400', points: 0 }, { value: 2, points: 1 }] })[0]?.[0]).toBe('kpis.0.scoring.anchors.0.value');
    expect(KpiScoring.safeParse({ type: 'anchors', anchors: [] }).success).toBe(false);
  });

  it('an unparsed plan with bad anchors is an invalid argument naming the KPI, never NaN', () => {
    for (const anchors of [[{ value: 1, points: 0 }], [{ value: 2, points: 0 }, { value: 2, points: 1 }], [{ value: 1, points: 0 }, { value: 'x', points: 1 }], 'no', [{ value: 1, points: 0 }, { value: 2, points: NaN }]]) {
      const plan = kpiPlan({ type: 'anchors', anchors } as unknown as Scoring, 1);
      const e = thrown(() => scorecard(plan as Parameters<typeof scorecard>[0]));
      expect(e).toBeInstanceOf(OkrkitError);
      expect(e.code).toBe('invalid_argument');
      expect(e.message).toContain('"k"');
    }
  });
});

describe('docs/kpis.md worked example', () => {
  it("scores Lan's response time on the 0 / 3.3 / 6.6 / 10 anchors: 3.4 days → 0.594", () => {
    const abc = loadPlan('abc-kpis') as { kpis: { id: string }[] };
    const scoring = { type: 'anchors', anchors: [{ value: 7, points: 0 }, { value: 5, points: 3.3 }, { value: 3, points: 6.6 }, { value: 1, points: 10 }] };
    const plan = parsePlan({ ...abc, kpis: abc.kpis.map((k) => (k.id === 'lan-response' ? { ...k, scoring } : k)) } as PlanInput);
    const line = scorecard(plan, { ownerId: 'lan', asOf: '2026-12-31' }).lines.find((l) => l.kpiId === 'lan-response');
    expect([line?.actual, line?.score]).toEqual([3.4, 0.594]);
  });
});
