import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import * as okrkit from '../../src/index.js';
import { planArb, q3Day } from '../arbitraries.js';
import { deepFreeze, loadPlan } from '../fixtures.js';

const {
  carryOver, cycleAt, elapsed, evaluate, evaluateKpi, evaluateKpis, expectedProgress, forecastKeyResult, keyResultHistory,
  keyResultProgress, kpiAlerts, kpiAttainment, kpiSeries, lintPlan, parsePlan, safeParsePlan,
  scorecard, scorecardByUnit, scoreWeightedMean, OkrkitError,
} = okrkit;

type Plan = okrkit.Plan;
const abc = parsePlan(loadPlan('abc-kpis'));

/** Every public function that reads a plan, called on it with typical options. */
function calls(plan: Plan, asOf: string): [string, () => unknown][] {
  const cycle = plan.cycles[0]!;
  const kr = plan.keyResults[0];
  const kpi = plan.kpis[0];
  const out: [string, () => unknown][] = [
    ['parsePlan', () => parsePlan(plan)],
    ['safeParsePlan', () => safeParsePlan(plan)],
    ['evaluate', () => evaluate(plan, { asOf, forecast: true })],
    ['evaluateColumns', () => okrkit.evaluateColumns(plan, { asOf, forecast: true })],
    ['createLiveEvaluation', () => {
      const live = okrkit.createLiveEvaluation(plan, { asOf });
      const kr = plan.keyResults[0];
      if (kr !== undefined) live.applyCheckIn({ keyResultId: kr.id, at: asOf, value: 1 });
      return live.evaluation;
    }],
    ['lintPlan', () => lintPlan(plan, { asOf, locale: 'vi' })],
    ['recordOf', () => okrkit.recordOf(evaluate(plan, { asOf }).objectives, plan.objectives[0]?.id ?? '')],
    ['evaluateKpis', () => evaluateKpis(plan, { asOf })],
    ['kpiAlerts', () => kpiAlerts(plan, { asOf })],
    ['scorecard', () => scorecard(plan, { asOf })],
    ['scorecardByUnit', () => scorecardByUnit(plan, { asOf })],
    ['cycleAt', () => cycleAt(asOf, plan.cycles)],
    ['evaluateShard', () => okrkit.evaluateShard(plan, { asOf })],
    ['mergeShards', () => okrkit.mergeShards(plan, [okrkit.evaluateShard(plan, { asOf })], { asOf })],
    ['performance', () => okrkit.performance(plan, evaluate(plan, { asOf }), { of: 'keyResults' })],
    ['performanceColumns', () => okrkit.performanceColumns(plan, evaluate(plan, { asOf }))],
    ['elapsed', () => elapsed(cycle, asOf)],
    ['carryOver', () => carryOver({ ...plan, cycles: [...plan.cycles, { id: 'next', name: 'next', start: '2027-01-01', end: '2027-03-31' }] }, { from: cycle.id, to: 'next', mode: 'keep', include: 'all' })],
  ];
  const objective = plan.objectives[0];
  if (objective !== undefined) {
    const step = { by: 'u', at: '2030-01-01' }; // after the cycle (asOf may not be after at)
    out.push(
      ['checkObjectiveTransition', () => okrkit.checkObjectiveTransition(plan, objective.id, 'closed', step)],
      ['advanceObjective', () => okrkit.advanceObjective(plan, objective.id, 'closed', { ...step, score: 0.5 })],
    );
  }
  if (kr !== undefined) {
    const step = { by: 'u', at: '2030-01-01' }; // after the cycle (asOf may not be after at)
    out.push(
      ['checkKeyResultTransition', () => okrkit.checkKeyResultTransition(plan, kr.id, 'closed', step)],
      ['advanceKeyResult', () => okrkit.advanceKeyResult(plan, kr.id, 'draft', { ...step, note: 'Rewrite it' })],
    );
  }
  if (kr !== undefined) {
    out.push(
      ['keyResultProgress', () => keyResultProgress(kr, plan.checkIns, { asOf })],
      ['expectedProgress', () => expectedProgress(kr, cycle, asOf)],
      ['forecastKeyResult', () => forecastKeyResult(kr, plan.checkIns, cycle, { asOf })],
      ['keyResultHistory', () => keyResultHistory(kr, plan.checkIns, cycle, { asOf })],
    );
  }
  if (kpi !== undefined) {
    const options = { asOf, cycles: plan.cycles };
    out.push(
      ['evaluateKpi', () => evaluateKpi(kpi, plan.measurements, options)],
      ['kpiSeries', () => kpiSeries(kpi, plan.measurements, options)],
      ['kpiAttainment', () => kpiAttainment(kpi, 12)],
    );
  }
  return out;
}

describe('every public function', () => {
  test.prop([planArb.map((p) => parsePlan(p)), q3Day], { numRuns: 60 })(
    'leaves its deep-frozen input untouched and gives the same answer twice',
    (plan, asOf) => {
      const frozen = deepFreeze(structuredClone(plan));
      for (const [name, call] of calls(frozen, asOf)) {
        const first = call();
        expect([name, call()]).toEqual([name, first]);
      }
      expect(frozen).toEqual(plan);
    },
  );

  it('does the same on the KPI plan', () => {
    const frozen = deepFreeze(structuredClone(abc));
    for (const [name, call] of calls(frozen, '2026-11-15')) expect([name, call()]).toEqual([name, call()]);
    expect(frozen).toEqual(abc);
  });

  it('covers every exported function', () => {
    const covered = new Set([...calls(abc, '2026-11-15').map(([n]) => n), ...calls(parsePlan(loadPlan('xyz-corp')), '2026-08-15').map(([n]) => n), 'scoreWeightedMean']);
    const checkedElsewhere = new Set([
      // pure helpers on scalars, covered by their own tests
      'formatScore', 'formatValue', 'toScale', 'grade', 'paceStatus', 'worstStatus', 'confidenceFromScale', 'confidenceToScale',
      'yearCycle', 'halfCycles', 'quarterCycles', 'monthCycles', 'cycleState', 'formatPath', 'translate', 'localizeIssue',
      'localizeError', 'label', 'planJsonSchema', 'defineKeyResultKind', 'defineScoring', 'createOkrkit', 'nextStates', 'stateOf',
      'isOkrkitError', // test/errors: across the ESM and CommonJS builds and realms
      'calendarDay', // test/dates: against Intl in every time zone
    ]);
    const functions = Object.entries(okrkit).filter(([name, v]) => typeof v === 'function' && !/^[A-Z]/.test(name)).map(([n]) => n);
    expect(functions.filter((n) => !covered.has(n) && !checkedElsewhere.has(n))).toEqual([]);
    expect(scoreWeightedMean(deepFreeze([{ score: 0.5 }, { score: 1, weight: 3 }]))).toBe(0.875);
  });
});

describe('functions that read a parsed plan', () => {
  const garbage: unknown[] = [null, 42, 'plan', [], { objectives: 'nope' }, { keyResults: [null] }, { keyResults: [{}] }, { objectives: [{ id: 1 }] }, { checkIns: [{ keyResultId: 'ghost' }] }];
  const readers: [string, (plan: never) => unknown][] = [
    ['evaluate', (p) => evaluate(p)],
    ['evaluateColumns', (p) => okrkit.evaluateColumns(p)],
    ['createLiveEvaluation', (p) => okrkit.createLiveEvaluation(p)],
    ['lintPlan', (p) => lintPlan(p)],
    ['evaluateKpis', (p) => evaluateKpis(p)],
    ['kpiAlerts', (p) => kpiAlerts(p, { asOf: '2026-08-01' })],
    ['scorecard', (p) => scorecard(p)],
    ['scorecardByUnit', (p) => scorecardByUnit(p)],
    ['carryOver', (p) => carryOver(p, { from: 'a', to: 'b' })],
    ['advanceObjective', (p) => okrkit.advanceObjective(p, 'o', 'draft', { by: 'u', at: '2026-08-01', note: 'why' })],
    ['advanceKeyResult', (p) => okrkit.advanceKeyResult(p, 'k', 'closed', { by: 'u', at: '2026-10-01' })],
    ['checkObjectiveTransition', (p) => okrkit.checkObjectiveTransition(p, 'o', 'closed', { by: 'u', at: '2026-10-01' })],
    ['evaluateShard', (p) => okrkit.evaluateShard(p)],
    ['mergeShards', (p) => okrkit.mergeShards(p, [])],
    ['performance', (p) => okrkit.performance(p, { asOf: null, cap: 1, objectives: {}, keyResults: {}, roots: [] })],
    ['recordOf', (p) => okrkit.recordOf(p, 'o')],
  ];

  it('turn input that parsePlan would reject into an OkrkitError, never a TypeError', () => {
    for (const [name, read] of readers) {
      for (const input of garbage) {
        try {
          read(input as never);
        } catch (error) {
          expect([name, input, error instanceof OkrkitError]).toEqual([name, input, true]);
          expect((error as Error).message).not.toMatch(/\{\w+\}/);
        }
      }
    }
    expect(() => evaluate({ keyResults: [null] } as never)).toThrowErrorMatchingInlineSnapshot(`[OkrkitError: okrkit: invalid argument: plan.keyResults[0] must be an object]`);
  });
});

describe('edge numbers and dates', () => {
  const q3 = { id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' };
  const planWith = (value: unknown, where: 'target' | 'checkIn') =>
    safeParsePlan({
      cycles: [q3],
      objectives: [{ id: 'o', title: 'o', cycleId: 'q3' }],
      keyResults: [{ id: 'k', objectiveId: 'o', title: 'k', kind: 'metric', start: 0, target: where === 'target' ? value : 10 }],
      checkIns: where === 'checkIn' ? [{ keyResultId: 'k', at: '2026-08-01', value }] : [],
    });

  it.each([
    [1e308, 'number_out_of_range'],
    ['1e-400', 'number_out_of_range'],
    [Number.NaN, 'invalid_number'],
    [Infinity, 'invalid_number'],
    ['', 'invalid_number'],
    ['12,5', 'invalid_number'],
  ] as const)('rejects %s with a clear issue', (value, code) => {
    for (const where of ['target', 'checkIn'] as const) {
      const r = planWith(value, where);
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => i.code)).toContain(code);
    }
  });

  it('takes -0 as 0 and never returns -0 (a value, a confidence, a final score, a step score)', () => {
    const r = planWith(-0, 'checkIn');
    const e = evaluate(r.data!, { asOf: '2026-08-02' });
    expect(Object.is(e.keyResults['k']!.value, 0)).toBe(true);
    expect(Object.is(e.keyResults['k']!.progress, 0)).toBe(true);
    // found by `npm run fuzz`: a confidence of -0 used to come out as -0
    const plan = parsePlan({
      cycles: [q3],
      objectives: [{ id: 'o', title: 'o', cycleId: 'q3', finalScore: -0 }],
      keyResults: [
        { id: 'a', objectiveId: 'o', title: 'a', kind: 'metric', start: 0, target: 10, finalScore: -0 },
        { id: 'b', objectiveId: 'o', title: 'b', kind: 'metric', start: 0, target: 10, scoring: { type: 'steps', steps: [{ min: 0, score: -0 }] } },
      ],
      checkIns: [{ keyResultId: 'a', at: '2026-08-01', value: 1, confidence: -0 }],
    });
    const f = evaluate(plan, { asOf: '2026-08-02' });
    for (const x of [f.keyResults['a']!.confidence, f.keyResults['a']!.score, f.keyResults['b']!.score, f.objectives['o']!.score, f.objectives['o']!.confidence]) {
      expect(Object.is(x, -0)).toBe(false);
    }
  });

  it.each(['2026-02-30', '2026-13-01', '2026-1-01', '26-01-01'])('rejects the date %s', (date) => {
    const r = safeParsePlan({ cycles: [{ ...q3, start: date }] });
    expect(r.error?.issues[0]?.code).toBe('invalid_date');
    expect(() => evaluate(parsePlan({}), { asOf: date })).toThrow(OkrkitError);
  });
});
