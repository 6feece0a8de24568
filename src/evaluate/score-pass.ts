// The scoring pass: every objective and driven key result scored from its contributors
// in topological order — weighted means of scores, expected progress, confidence and
// forecasts, rounded once from exact values — then its status and, at the cycle's end,
// its grade.
import { f64, i32 } from '../_lib/at.js';
import type { Fraction } from '../_lib/fraction.js';
import { FRACTION_ZERO, toDouble } from '../_lib/fraction.js';
import { compareNear, nearDouble, nearFraction, type Near, type NearMean } from '../_lib/near.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import type { Plan } from '../model/plan.js';
import type { Context } from '../model/context.js';
import { gradeExact, type Grade } from '../time/grade.js';
import { classifyExact, SEVERITY } from '../time/status.js';
import { keyResultOf, objectiveOf, factsOfKeyResult, factsOfObjective, idOf, type Engine, type Measured } from './engine.js';
import { exactConfidence, exactMean, exactScore, forget, initiativeShare, type Quantity } from './exact-rollup.js';
import { explainScore, type InitiativeEntry } from './explain.js';
import { inTopologicalOrder } from './graph.js';
import { measureAll, takeMeasured } from './measure-pass.js';
import { prepare } from './prepare.js';
import type { EvaluateOptions } from './types.js';

/**
 * Measures every key result and scores every objective into the engine's node table.
 * With `explain`, contributor lists are kept for the records.
 */
export function scoreAll(
  cx: Context,
  plan: DeepReadonly<Plan>,
  options: EvaluateOptions,
  explain: boolean,
  measuredElsewhere: ((id: string) => Measured) | null = null,
): Engine {
  const st = prepare(cx, plan, options, explain);
  if (measuredElsewhere === null) measureAll(st);
  else takeMeasured(st, measuredElsewhere);
  inTopologicalOrder(st, st.O, (n) => idOf(st, n), (n, rank) => {
    st.rank[n] = rank;
    scoreNode(st, n);
  });
  return st;
}

/**
 * Scores node n (an objective or a driven key result) from its contributors. A check-in
 * never changes expected progress (it depends on the plan and the date only), so the live
 * evaluation passes `withExpected: false` and keeps it.
 */
export function scoreNode(st: Engine, n: number, withExpected = true): void {
  const r = st.registers;
  forget(st, n);
  const wasScored = st.nodes.isScored(n);
  // The registers' means: r.mean (scores), r.expected, r.confidence and r.forecast.
  const worst = addContributors(st, n, withExpected);
  const initiatives = n < st.O ? addInitiatives(st, n, withExpected) : null;
  const value = r.value;
  const has = roundMean(st, r.mean, 'score', n, value);
  if (st.explain) explainScore(st, n, i32(st.byParentStart, n), i32(st.byParentStart, n + 1), r.mean.totalWeight(), initiatives);
  if (n < st.O) scoreObjective(st, n, has ? value : null, worst, withExpected);
  else scoreDriven(st, n, has ? value : null);
  st.marks?.mark(st, n, wasScored);
}

/** Adds node n's contributors to the registers' means; returns the worst status among them (-1: none). */
function addContributors(st: Engine, n: number, withExpected: boolean): number {
  const { O, nodes, edgeChild, edgeUnits, byParent } = st;
  const r = st.registers;
  const score = r.mean.reset();
  const expected = r.expected.reset();
  const confidences = r.confidence.reset();
  const forecast = st.withForecast ? r.forecast.reset() : null;
  let worst = -1;
  const to = st.byParentStart[n + 1] ?? 0;
  for (let k = st.byParentStart[n] ?? 0; k < to; k++) {
    const e = byParent[k] ?? 0;
    const child = edgeChild[e] ?? 0;
    const w = edgeUnits[e] ?? 0;
    if (nodes.isScored(child)) score.add(w, nodes.score.load(r.x, child));
    if (withExpected) expected.add(w, nodes.expected.load(r.x, child));
    const confidence = child >= O ? nodes.confidenceOf(child) : null;
    if (confidence !== null) confidences.add(w, nearDouble(r.x, confidence));
    forecast?.add(w, nodes.forecast.load(r.x, child));
    const s = nodes.severity[child] ?? -1;
    if (s > worst) worst = s;
  }
  return worst;
}

/** Adds objective n's initiatives to the means, when it counts them; their entry for the explanation. */
function addInitiatives(st: Engine, n: number, withExpected: boolean): InitiativeEntry | null {
  const e = st.initiativeEdges.get(n);
  if (e === undefined) return null;
  const share = initiativeShare(st, n);
  const units = f64(st.edgeUnits, e);
  const weight = f64(st.edgeWeight, e);
  if (share === null || !(units > 0) || !(weight > 0)) return null;
  const r = st.registers;
  const x = nearFraction(r.x, share);
  const entry = { weight, units, score: x.hi };
  r.mean.add(units, x);
  if (st.withForecast) r.forecast.add(units, x);
  if (withExpected) r.expected.add(units, factsOfObjective(st, n).elapsed.near(r.x));
  return entry;
}

/**
 * Rounds a mean into `out`: from the registers when they settle the nearest double,
 * else from the exact mean (slow path). False when nothing contributed.
 */
function roundMean(st: Engine, mean: NearMean, q: Quantity, n: number, out: Near): boolean {
  if (mean.count === 0) return false;
  const settled = st.fractional === null || st.fractional[n] === 0 ? mean.valueInto(out) : 'unsure';
  if (settled !== 'unsure') return settled;
  const f = exactMean(st, q, n);
  if (f === null) return false;
  nearFraction(out, f);
  return true;
}

/** Objective n's numbers from its means (`value`: its computed score, a register). */
function scoreObjective(st: Engine, n: number, value: Near | null, worst: number, withExpected: boolean): void {
  const { nodes, registers: r } = st;
  const o = objectiveOf(st, n);
  const facts = factsOfObjective(st, n);
  nodes.setComputed(n, value === null ? null : value.hi);
  const final = o.finalScore === undefined ? value : nearDouble(r.final, o.finalScore);
  nodes.setScore(n, final);
  if (withExpected) {
    if (!roundMean(st, r.expected, 'expected', n, r.e)) facts.elapsed.near(r.e);
    nodes.expected.store(r.e, n);
  }
  nodes.setConfidence(n, objectiveConfidence(st, n, r.confidence));
  if (st.withForecast) storeForecast(st, n, r.forecast, final);
  if (st.rules.objective === 'mean' || worst < 0) {
    r.node = n;
    const e = nodes.expected.load(r.e, n);
    nodes.severity[n] = SEVERITY[classifyExact(final, e, facts.started, final !== null, st.rules, null, r.nodePace, r.pace)];
  } else {
    nodes.severity[n] = worst;
  }
}

/** An objective's confidence: the weighted mean of its key results', rounded once. */
function objectiveConfidence(st: Engine, n: number, mean: NearMean): number | null {
  const r = st.registers;
  if (mean.count === 0) return null;
  const settled = st.fractional === null || st.fractional[n] === 0 ? mean.valueInto(r.x) : 'unsure';
  if (settled === true) return r.x.hi;
  if (settled === false) return null;
  const exact = exactConfidence(st, n);
  return exact === null ? null : toDouble(exact);
}

/** Node n's forecast score: the mean of its contributors' forecasts, else its score. */
function storeForecast(st: Engine, n: number, mean: NearMean, score: Near | null): void {
  const r = st.registers;
  if (!roundMean(st, mean, 'forecast', n, r.x)) {
    if (score !== null) r.x.copy(score);
    else r.x.set(0, 0, 0);
  }
  st.nodes.forecast.store(r.x, n);
}

/** A driven key result's numbers from its contributors' mean (`raw`, a register). */
function scoreDriven(st: Engine, n: number, raw: Near | null): void {
  const j = n - st.O;
  const kr = keyResultOf(st, j);
  const { nodes, registers: r } = st;
  const progress = raw === null ? null : clampToCap(st, n, raw);
  let score: Near | null = null;
  if (raw !== null && progress !== null) {
    nodes.setProgress(j, raw.hi, progress.hi);
    if (kr.finalScore !== undefined) score = nearDouble(r.final, kr.finalScore);
    else if (kr.scoring === undefined || kr.scoring.type === 'linear') score = progress;
    else score = nearFraction(r.final, exactScore(st, n) ?? FRACTION_ZERO);
  } else {
    nodes.setProgress(j, 0, 0);
  }
  nodes.setOverridden(j, kr.finalScore !== undefined && raw !== null);
  nodes.setScore(n, score);
  r.node = n;
  const e = nodes.expected.load(r.e, n);
  nodes.severity[n] = SEVERITY[classifyExact(progress, e, factsOfKeyResult(st, j).started, progress !== null, st.rules, null, r.nodePace, r.pace)];
  if (st.withForecast) storeForecast(st, n, r.forecast, score);
}

/** A driven key result's mean clamped to the cap; the registers settle it unless the mean is within a hair of it. */
function clampToCap(st: Engine, n: number, raw: Near): Near {
  const cap = st.registers.f;
  let over = st.cap === Infinity ? -1 : compareNear(raw, nearDouble(cap, st.cap));
  if (Number.isNaN(over)) over = st.exact.b.setFraction(exactMean(st, 'score', n) ?? FRACTION_ZERO).compare(st.exact.a.setDouble(st.cap));
  return over > 0 ? cap : raw;
}

/**
 * The end-of-cycle grade of node n (objective i's own, or its key result's), or null
 * while the cycle runs and for baseline key results.
 */
export function gradeOf(st: Engine, n: number): Grade | null {
  const i = n < st.O ? n : i32(st.krObjective, n - st.O);
  if (!factsOfObjective(st, i).graded || (n >= st.O && keyResultOf(st, n - st.O).kind === 'baseline')) return null;
  if (!st.nodes.isScored(n)) return null;
  const score = st.nodes.score.load(st.registers.x, n);
  return gradeExact(score, (): Fraction => exactScore(st, n) ?? FRACTION_ZERO, objectiveOf(st, i).commitment ?? 'aspirational', st.grades);
}
