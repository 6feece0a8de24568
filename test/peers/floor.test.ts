// Differential test: progress below 0 kept in rollups. Products that do not clamp score
// a metric key result (A − S) ÷ (T − S), so a key result that moved the wrong way by half
// its span is −0.5, and an objective is the weighted mean of its key results' scores.
// The oracle is that formula on exact fractions (bigint); okrkit is configured by options
// only (`floor`, with `cap`).
import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  createLiveEvaluation, evaluate, evaluateColumns, evaluateShard, forecastKeyResult, formatScore, grade, keyResultHistory,
  keyResultProgress, mergeShards, parsePlan, scorecard, scorecardByUnit, type EvaluateOptions, type Plan,
} from '../../src/index.js';
import { Q3, metricFrom, objectiveIn, thrown } from '../builders.js';
import * as O from '../exactness/oracle.js';

/** An exact fraction n / d, d > 0. */
interface Q {
  readonly n: bigint;
  readonly d: bigint;
}
const q = (n: bigint, d: bigint): Q => (d < 0n ? { n: -n, d: -d } : { n, d });
const lessThan = (a: Q, b: Q): boolean => a.n * b.d < b.n * a.d;
/** The nearest double of a fraction (the exactness tests' oracle, which rounds correctly). */
const toDouble = (a: Q): number => O.toDouble(O.q(a.n, a.d));

/** A key result a peer scores: start, target, current value (whole numbers) and a weight. */
interface PeerKeyResult {
  readonly start: number;
  readonly target: number;
  readonly value: number;
  readonly weight: number;
}

/** The peer's key-result score: (A − S) ÷ (T − S), kept below 0 down to `floor` (−∞ for none), at most `cap`. */
function peerProgress(k: PeerKeyResult, floor: Q | null, cap: Q | null): Q {
  let p = q(BigInt(k.value - k.start), BigInt(k.target - k.start));
  if (floor !== null && lessThan(p, floor)) p = floor;
  if (cap !== null && lessThan(cap, p)) p = cap;
  return p;
}

/** The peer's objective score: Σ wᵢ·pᵢ ÷ Σ wᵢ. */
function peerObjective(krs: readonly PeerKeyResult[], floor: Q | null, cap: Q | null): Q | null {
  let n = 0n;
  let d = 1n;
  let w = 0n;
  for (const k of krs) {
    const p = peerProgress(k, floor, cap);
    const kw = BigInt(k.weight);
    // n/d + kw·p.n/p.d
    n = n * p.d + kw * p.n * d;
    d = d * p.d;
    w += kw;
  }
  return w === 0n ? null : q(n, d * w);
}

const peerKeyResultArb = fc
  .record({
    start: fc.integer({ min: -500, max: 500 }),
    span: fc.integer({ min: -400, max: 400 }).filter((s) => s !== 0),
    value: fc.integer({ min: -2000, max: 2000 }),
    weight: fc.integer({ min: 1, max: 5 }),
  })
  .map(({ start, span, value, weight }) => ({ start, target: start + span, value, weight }));

/** The floors tried: quarters (exact as doubles and as fractions) and none. */
const floorArb = fc.constantFrom<[number, Q | null]>([0, q(0n, 1n)], [-0.5, q(-1n, 2n)], [-0.25, q(-1n, 4n)], [-1, q(-1n, 1n)], [-Infinity, null]);

function planOf(krs: readonly PeerKeyResult[]): Plan {
  return parsePlan({
    cycles: [Q3],
    objectives: [objectiveIn('o')],
    keyResults: krs.map((k, i) => ({ ...metricFrom(k.start, k.target), id: `k${i}`, objectiveId: 'o', weight: k.weight })),
    checkIns: krs.map((k, i) => ({ keyResultId: `k${i}`, at: '2026-08-01', value: k.value })),
  });
}

describe('floor reproduces products that do not clamp progress below 0', () => {
  test.prop([fc.array(peerKeyResultArb, { minLength: 1, maxLength: 6 }), floorArb, fc.constantFrom<[number, Q | null]>([1, q(1n, 1n)], [1.5, q(3n, 2n)], [Infinity, null])], { numRuns: 300 })(
    'evaluate with floor and cap = the peer formula on random key results, to the last bit',
    (krs, [floor, floorQ], [cap, capQ]) => {
      const e = evaluate(planOf(krs), { floor, cap });
      krs.forEach((k, i) => {
        expect(e.keyResults[`k${i}`]?.progress).toBe(toDouble(peerProgress(k, floorQ, capQ)));
        expect(e.keyResults[`k${i}`]?.score).toBe(e.keyResults[`k${i}`]?.progress);
      });
      const expected = peerObjective(krs, floorQ, capQ);
      // Exactly the correctly rounded double of the exact mean: okrkit rounds once.
      expect(e.objectives.o?.score).toBe(expected === null ? null : toDouble(expected));
    },
  );

  test.prop([fc.array(peerKeyResultArb, { minLength: 1, maxLength: 4 }), floorArb], { numRuns: 100 })(
    'every entry point takes the floor the same way: evaluate, evaluateColumns, live, shards, keyResultProgress',
    (krs, [floor]) => {
      const plan = planOf(krs);
      const options: EvaluateOptions = { floor };
      const e = evaluate(plan, options);
      const columns = evaluateColumns(plan, options);
      const live = createLiveEvaluation({ ...plan, checkIns: [] }, options);
      plan.checkIns?.forEach((c) => live.applyCheckIn(c));
      const merged = mergeShards(plan, [evaluateShard(plan, options)], options);
      krs.forEach((k, i) => {
        const id = `k${i}`;
        const progress = e.keyResults[id]?.progress;
        expect(columns.keyResults.progress[i]).toBe(progress);
        expect(live.evaluation.keyResults[id]?.progress).toBe(progress);
        expect(merged.keyResults[id]?.progress).toBe(progress);
        const alone = keyResultProgress(plan.keyResults?.[i] ?? metricFrom(0, 1), plan.checkIns ?? [], { floor });
        expect(alone.progress).toBe(progress);
      });
      expect(columns.objectives.score[0]).toBe(e.objectives.o?.score);
      expect(live.evaluation.objectives.o?.score).toBe(e.objectives.o?.score);
      expect(merged.objectives.o?.score).toBe(e.objectives.o?.score);
    },
  );

  test.prop([fc.array(peerKeyResultArb, { minLength: 1, maxLength: 4 })], { numRuns: 100 })(
    'floor 0 (the default) is the old clamp: max(0, ·); the floor never raises a score above 0 and never lowers one at or above it',
    (krs) => {
      const plan = planOf(krs);
      const byDefault = evaluate(plan);
      const zero = evaluate(plan, { floor: 0 });
      const none = evaluate(plan, { floor: -Infinity });
      krs.forEach((_, i) => {
        const id = `k${i}`;
        const raw = none.keyResults[id]?.progress ?? NaN;
        expect(zero.keyResults[id]?.progress).toBe(byDefault.keyResults[id]?.progress);
        expect(byDefault.keyResults[id]?.progress).toBe(Math.max(0, raw));
      });
      expect(zero.objectives.o?.score).toBe(byDefault.objectives.o?.score);
      expect(none.objectives.o?.score ?? 0).toBeLessThanOrEqual(byDefault.objectives.o?.score ?? 0);
    },
  );

  it('pools a key result at −0.5 as −0.5 (boundary examples)', () => {
    // Revenue 100 → 200, now 50: half the span the wrong way.
    const krs = [
      { start: 100, target: 200, value: 50, weight: 1 },
      { start: 0, target: 10, value: 8, weight: 1 },
    ];
    const plan = planOf(krs);
    expect(evaluate(plan).objectives.o?.score).toBe(0.4); // (0 + 0.8) / 2
    const kept = evaluate(plan, { floor: -Infinity });
    expect(kept.keyResults.k0?.progress).toBe(-0.5);
    expect(kept.keyResults.k0?.raw).toBe(-0.5);
    expect(kept.objectives.o?.score).toBe(0.15); // (−0.5 + 0.8) / 2
    expect(evaluate(plan, { floor: -0.5 }).objectives.o?.score).toBe(0.15); // exactly on the floor
    expect(evaluate(plan, { floor: -0.25 }).objectives.o?.score).toBe(0.275); // (−0.25 + 0.8) / 2
  });

  it('docs/scoring.md worked example (seed 001): churn 12 % → 10 %, now 13 %', () => {
    const plan = planOf([
      { start: 12, target: 10, value: 13, weight: 1 },
      { start: 0, target: 10, value: 8, weight: 1 },
    ]);
    expect(evaluate(plan).keyResults.k0?.raw).toBe(-0.5);
    expect([-Infinity, -0.5, -0.25, 0].map((floor) => evaluate(plan, { floor }).keyResults.k0?.progress)).toEqual([-0.5, -0.5, -0.25, 0]);
    expect([evaluate(plan).objectives.o?.score, evaluate(plan, { floor: -Infinity }).objectives.o?.score]).toEqual([0.4, 0.15]);
  });

  it('decides exactly: −1/3 and 1/3 average to exactly 0', () => {
    const plan = planOf([
      { start: 0, target: 3, value: -1, weight: 1 },
      { start: 0, target: 3, value: 1, weight: 1 },
    ]);
    const e = evaluate(plan, { floor: -Infinity });
    expect(e.keyResults.k0?.progress).toBe(-1 / 3);
    expect(e.objectives.o?.score).toBe(0);
  });

  it('statuses, grades and formatting cope with negative scores', () => {
    const plan = planOf([{ start: 100, target: 200, value: 50, weight: 1 }]);
    const mid = evaluate(plan, { floor: -Infinity, asOf: '2026-08-15' });
    expect(mid.keyResults.k0?.status).toBe('offTrack');
    expect(mid.objectives.o?.status).toBe('offTrack');
    const end = evaluate({ ...plan, cycles: [{ ...Q3, state: 'closed' }] }, { floor: -Infinity });
    expect(end.objectives.o?.grade).toBe('red');
    expect(grade(-0.5)).toBe('red');
    expect(formatScore(-0.5)).toBe('-50');
    expect(formatScore(-0.5, { scale: 'percent' })).toBe('-50%');
    // On the cycle's first day nothing is expected yet: below 0 is still off track.
    const first = evaluate({ ...plan, checkIns: [{ keyResultId: 'k0', at: '2026-07-01', value: 50 }] }, { floor: -Infinity, asOf: '2026-07-01' });
    expect(first.keyResults.k0?.status).toBe('offTrack');
  });

  it('forecasts and histories keep the floor', () => {
    const k = metricFrom(100, 200);
    const checkIns = [
      { keyResultId: 'kr', at: '2026-07-15', value: 90 },
      { keyResultId: 'kr', at: '2026-08-15', value: 80 },
    ];
    const forecast = forecastKeyResult(k, checkIns, Q3, { asOf: '2026-08-20', floor: -Infinity });
    expect(forecast?.progress).toBeLessThan(-0.2);
    expect(forecast?.score).toBe(forecast?.progress);
    expect(forecastKeyResult(k, checkIns, Q3, { asOf: '2026-08-20' })?.progress).toBe(0);
    expect(forecastKeyResult(k, checkIns, Q3, { asOf: '2026-08-20', floor: -0.1 })?.progress).toBe(-0.1);
    const history = keyResultHistory(k, checkIns, Q3, { asOf: '2026-08-20', floor: -1 });
    expect(history.map((p) => p.progress)).toEqual([0, -0.1, -0.2, -0.2]);
  });

  it('steps still score 0 below every band; finalScore still overrides', () => {
    const steps = metricFrom(100, 200, { scoring: { type: 'steps', steps: [{ min: 0.5, score: 1 }] } });
    const m = keyResultProgress(steps, [{ keyResultId: 'kr', at: '2026-08-01', value: 50 }], { floor: -Infinity });
    expect([m.progress, m.score]).toEqual([-0.5, 0]);
    const final = keyResultProgress({ ...metricFrom(100, 200), finalScore: 0.3 }, [{ keyResultId: 'kr', at: '2026-08-01', value: 50 }], { floor: -1 });
    expect([final.progress, final.score]).toEqual([-0.5, 0.3]);
  });

  it('rejects a floor above 0, NaN or a non-number, naming the option', () => {
    const plan = planOf([{ start: 0, target: 10, value: 5, weight: 1 }]);
    for (const floor of [0.5, Infinity, NaN, '-1', null]) {
      const e = thrown(() => evaluate(plan, { floor: floor as number }));
      expect(e.code).toBe('invalid_argument');
      expect(e.message).toContain('floor');
      expect(thrown(() => keyResultProgress(metricFrom(0, 1), [], { floor: floor as number })).message).toContain('floor');
    }
  });

  it('mergeShards refuses shards made with another floor', () => {
    const plan = planOf([{ start: 0, target: 10, value: -5, weight: 1 }]);
    const shard = evaluateShard(plan, { floor: -1 });
    expect(shard.floor).toBe(-1);
    expect(evaluateShard(plan)).not.toHaveProperty('floor');
    expect(thrown(() => mergeShards(plan, [shard])).message).toContain('floor');
    expect(mergeShards(plan, [shard], { floor: -1 }).keyResults.k0?.progress).toBe(-0.5);
  });
});

describe('floor in KPI scorecards', () => {
  /** A KPI measured from a baseline b to a target t (whole numbers), its actual a. */
  interface PeerKpi {
    readonly baseline: number;
    readonly target: number;
    readonly actual: number;
    readonly weight: number;
  }
  const kpiArb = fc
    .record({
      baseline: fc.integer({ min: -200, max: 200 }),
      span: fc.integer({ min: -300, max: 300 }).filter((s) => s !== 0),
      actual: fc.integer({ min: -1000, max: 1000 }),
      weight: fc.integer({ min: 1, max: 5 }),
    })
    .map(({ baseline, span, actual, weight }) => ({ baseline, target: baseline + span, actual, weight }));

  function sheetPlan(kpis: readonly PeerKpi[]): Plan {
    return parsePlan({
      cycles: [Q3],
      kpis: kpis.map((k, i) => ({
        id: `k${i}`, name: `K${i}`, target: { polarity: 'higher', value: k.target, baseline: k.baseline }, timeframe: { cycleId: 'q3' },
        dataSource: { name: 'CRM' }, frequency: 'monthly', aggregation: 'last', weight: k.weight,
      })),
      measurements: kpis.map((k, i) => ({ kpiId: `k${i}`, at: '2026-08-01', value: k.actual })),
    });
  }

  test.prop([fc.array(kpiArb, { minLength: 1, maxLength: 5 }), floorArb], { numRuns: 200 })(
    'a line scores (A − B) ÷ (T − B) clamped to [floor, 1]; the total is their weighted mean × 100',
    (kpis, [floor, floorQ]) => {
      const sheet = scorecard(sheetPlan(kpis), { floor });
      const peer = kpis.map((k) => peerProgress({ start: k.baseline, target: k.target, value: k.actual, weight: k.weight }, floorQ, q(1n, 1n)));
      sheet.lines.forEach((line, i) => expect(line.score).toBe(toDouble(peer[i] ?? q(0n, 1n))));
      const total = peerObjective(kpis.map((k) => ({ start: k.baseline, target: k.target, value: k.actual, weight: k.weight })), floorQ, q(1n, 1n));
      expect(sheet.total).toBe(total === null ? null : toDouble(q(total.n * 100n, total.d)));
      if (floor === 0) expect(sheet).toEqual(scorecard(sheetPlan(kpis)));
    },
  );

  it('keeps a KPI below its baseline in the total: leads from 50 to 100, now 25', () => {
    const plan = sheetPlan([
      { baseline: 50, target: 100, actual: 25, weight: 1 },
      { baseline: 0, target: 10, actual: 9, weight: 1 },
    ]);
    expect(scorecard(plan).total).toBe(45); // (0 + 0.9) / 2
    const kept = scorecard(plan, { floor: -Infinity });
    expect(kept.lines.map((l) => l.score)).toEqual([-0.5, 0.9]);
    expect(kept.total).toBe(20); // (−0.5 + 0.9) / 2
    expect(kept.rating).toBe('D');
    expect(thrown(() => scorecard(plan, { floor: 1 })).message).toContain('floor');
  });
});

describe('floor at every entry point: hostile values and tampered shards', () => {
  const plan = parsePlan({
    cycles: [Q3],
    objectives: [objectiveIn('o')],
    keyResults: [{ ...metricFrom(0, 10), id: 'k0' }],
    checkIns: [{ keyResultId: 'k0', at: '2026-08-01', value: -5 }],
    kpis: [{ id: 'kpi', name: 'K', target: { polarity: 'higher', value: 10 }, timeframe: { cycleId: 'q3' }, dataSource: { name: 'CRM' }, frequency: 'monthly', unitId: 'u' }],
    units: [{ id: 'u', name: 'U', level: 'team' }],
  });
  /** A shard made with the floor, or with none when the floor is bad (so mergeShards itself must reject it). */
  const shardFor = (floor: unknown) => {
    try {
      return evaluateShard(plan, { floor: floor as number });
    } catch {
      return evaluateShard(plan);
    }
  };
  const calls: [string, (floor: unknown) => unknown][] = [
    ['evaluate', (floor) => evaluate(plan, { floor: floor as number })],
    ['evaluateColumns', (floor) => evaluateColumns(plan, { floor: floor as number })],
    ['createLiveEvaluation', (floor) => createLiveEvaluation(plan, { floor: floor as number })],
    ['evaluateShard', (floor) => evaluateShard(plan, { floor: floor as number })],
    ['mergeShards', (floor) => mergeShards(plan, [shardFor(floor)], { floor: floor as number })],
    ['keyResultProgress', (floor) => keyResultProgress(metricFrom(0, 1), [], { floor: floor as number })],
    ['forecastKeyResult', (floor) => forecastKeyResult(metricFrom(0, 1), [], Q3, { floor: floor as number })],
    ['keyResultHistory', (floor) => keyResultHistory(metricFrom(0, 1), [], Q3, { floor: floor as number })],
    ['scorecard', (floor) => scorecard(plan, { floor: floor as number })],
    ['scorecardByUnit', (floor) => scorecardByUnit(plan, { floor: floor as number })],
  ];

  it.each(calls)('%s: a floor above 0, NaN, +Infinity or not a number is an invalid argument naming floor', (_, call) => {
    for (const floor of [1e-9, 2, Infinity, NaN, '-1', null, {}, true]) {
      const e = thrown(() => call(floor));
      expect([floor, e.code]).toEqual([floor, 'invalid_argument']);
      expect(e.message).toMatch(/^okrkit: invalid argument: floor must be a number of at most 0/);
    }
    for (const floor of [undefined, 0, -0, -1e-9, -0.5, -1e300, -Infinity]) expect(() => call(floor)).not.toThrow();
  });

  it('mergeShards rejects a shard whose progress is below the floor it claims', () => {
    const shard = evaluateShard(plan, { floor: -1 });
    const m = shard.keyResults.k0!;
    const tampered = { ...shard, keyResults: { k0: { ...m, progress: { ...m.progress, progress: -2, score: -2 }, exact: ['-2', '-2'] as [string, string] } } };
    expect(thrown(() => mergeShards(plan, [tampered], { floor: -1 })).code).toBe('invalid_argument');
    const below = { ...shard, keyResults: { k0: { ...m, exact: ['-3/2', '-1/2'] as [string, string] } } };
    expect(thrown(() => mergeShards(plan, [below], { floor: -1 })).code).toBe('invalid_argument');
    expect(mergeShards(plan, [shard], { floor: -1 }).objectives.o?.score).toBe(-0.5);
  });

  it('never mutates its inputs', () => {
    const frozen = structuredClone(plan);
    const options = { floor: -1 };
    evaluate(frozen, options);
    scorecard(frozen, options);
    expect(frozen).toEqual(plan);
    expect(options).toEqual({ floor: -1 });
  });
});
