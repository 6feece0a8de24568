// The slow path of scoring: a node's exact score, expected progress or forecast as a
// bigint fraction, computed from its contributors' exact values. It runs only when the
// fast registers cannot settle a rounding or a threshold, and only over the subtree it
// needs; values are kept per node until the node is re-scored. Iterative, so a deep
// cascade cannot overflow the stack.
import { computeBottomUp } from '../_lib/bottom-up.js';
import { Exact } from '../_lib/exact.js';
import { dividedBy, fractionOfDouble, FRACTION_ZERO, plus, signOf, times, type Fraction } from '../_lib/fraction.js';
import type { KeyResult } from '../model/key-result.js';
import { clampInto, scoreInto } from '../measure/key-result.js';
import type { Objective } from '../model/objective.js';
import { weightFraction, type Scoring } from './state.js';

/** The three rolled-up quantities. */
export type Quantity = 'score' | 'expected' | 'forecast';

/** Whether node n takes quantity q from its contributors (otherwise it is a leaf for q). */
function rollsUp(st: Scoring, q: Quantity, n: number): boolean {
  if (n < st.O) return true;
  return q !== 'expected' && st.driven[n - st.O] === 1;
}

/** The exact mean of the plain numbers, read as written (initiatives' progress). */
export function initiativeShare(st: Scoring, n: number): Fraction | null {
  const progresses = st.initiativeGroups.get(n);
  if (progresses === undefined || progresses.length === 0) return null;
  let sum = FRACTION_ZERO;
  for (const p of progresses) sum = plus(sum, fractionOfDouble(p));
  return dividedBy(sum, { n: BigInt(progresses.length), d: 1n });
}

/** A contributor's value for q once known: a leaf's own, or the memo's. */
function known(st: Scoring, q: Quantity, child: number): Fraction | null | undefined {
  if (!rollsUp(st, q, child)) return leafValue(st, q, child);
  return q === 'score' ? st.memo.score.get(child) : st.memo[q].get(child);
}

function leafValue(st: Scoring, q: Quantity, n: number): Fraction | null {
  const j = n - st.O;
  if (q === 'expected') return st.leafExpected.get(j) ?? st.factsOf[st.krObjective[j] as number]!.elapsed.fraction();
  if (q === 'forecast') return st.leafForecast.get(j) ?? (st.scored[n] === 1 ? st.remeasure(j) : FRACTION_ZERO);
  return st.scored[n] === 1 ? st.remeasure(j) : null;
}

/**
 * Σ wᵢxᵢ ÷ Σ wᵢ over node n's contributors (scored ones for the score), with the
 * initiatives' share where the objective counts it; null when nothing contributes.
 */
function meanOf(st: Scoring, q: Quantity, n: number): Fraction | null {
  let sum = FRACTION_ZERO;
  let total = FRACTION_ZERO;
  const from = st.byParentStart[n] as number;
  const to = st.byParentStart[n + 1] as number;
  for (let k = from; k < to; k++) {
    const e = st.byParent[k] as number;
    const child = st.edgeChild[e] as number;
    if (q === 'score' && st.scored[child] !== 1) continue;
    const x = known(st, q, child) as Fraction;
    const w = weightFraction(st, e);
    sum = plus(sum, times(w, x));
    total = plus(total, w);
  }
  const at = n < st.O ? st.initiativeEdges.get(n) : undefined;
  if (at !== undefined) {
    const w = weightFraction(st, at);
    const share = initiativeShare(st, n);
    if (share !== null && signOf(w) > 0) {
      sum = plus(sum, times(w, q === 'expected' ? st.factsOf[n]!.elapsed.fraction() : share));
      total = plus(total, w);
    }
  }
  return signOf(total) > 0 ? dividedBy(sum, total) : null;
}

/** Node n's exact value of q, its contributors' being known. */
function compute(st: Scoring, q: Quantity, n: number): Fraction | null {
  const mean = meanOf(st, q, n);
  if (n < st.O) {
    const o = st.objectives[n] as Objective;
    if (q === 'score') return o.finalScore === undefined ? mean : fractionOfDouble(o.finalScore);
    if (q === 'expected') return mean ?? st.factsOf[n]!.elapsed.fraction();
    return mean ?? exactScore(st, n) ?? FRACTION_ZERO;
  }
  // A key result driven by objectives.
  if (q === 'forecast') return mean ?? exactScore(st, n) ?? FRACTION_ZERO;
  return mean === null ? null : scoreOfDriven(st, n, mean);
}

/** A driven key result's score from its exact raw progress: clamped, then its scoring rule. */
function scoreOfDriven(st: Scoring, n: number, raw: Fraction): Fraction {
  const kr = st.keyResults[n - st.O] as KeyResult;
  if (kr.finalScore !== undefined) return fractionOfDouble(kr.finalScore);
  const progress = clampInto(new Exact(), new Exact().setFraction(raw), st.cap, new Exact());
  return scoreInto(new Exact(), kr.scoring, progress, kr, st.registry, new Exact()).fraction();
}

/** Node n's exact value of q (null: no score), computing what its subtree needs. */
function resolve(st: Scoring, q: Quantity, root: number): Fraction | null {
  if (!rollsUp(st, q, root)) return leafValue(st, q, root);
  const memo = st.memo[q] as Map<number, Fraction | null>;
  if (memo.has(root)) return memo.get(root) ?? null;
  return computeBottomUp(
    root,
    memo,
    (n, visit) => {
      for (let k = st.byParentStart[n] as number; k < (st.byParentStart[n + 1] as number); k++) {
        const child = st.edgeChild[st.byParent[k] as number] as number;
        if ((q !== 'score' || st.scored[child] === 1) && rollsUp(st, q, child)) visit(child);
      }
    },
    (n) => compute(st, q, n),
  );
}

/** Node n's exact score, or null when it has none. */
export function exactScore(st: Scoring, n: number): Fraction | null {
  return resolve(st, 'score', n);
}

/** Node n's exact expected progress. */
export function exactExpected(st: Scoring, n: number): Fraction {
  return resolve(st, 'expected', n) ?? FRACTION_ZERO;
}


/** The exact mean of q over node n's contributors, for a rounding the registers could not settle. */
export function exactMean(st: Scoring, q: Quantity, n: number): Fraction | null {
  // Make sure every contributor is known, then take the mean.
  for (let k = st.byParentStart[n] as number; k < (st.byParentStart[n + 1] as number); k++) {
    const child = st.edgeChild[st.byParent[k] as number] as number;
    if (q === 'score' && st.scored[child] !== 1) continue;
    if (rollsUp(st, q, child)) resolve(st, q, child);
  }
  return meanOf(st, q, n);
}

/** The exact mean confidence of node n's key results that carry one. */
export function exactConfidence(st: Scoring, n: number): Fraction | null {
  let sum = FRACTION_ZERO;
  let total = FRACTION_ZERO;
  for (let k = st.byParentStart[n] as number; k < (st.byParentStart[n + 1] as number); k++) {
    const e = st.byParent[k] as number;
    const child = st.edgeChild[e] as number;
    if (child < st.O || st.confident[child] !== 1) continue;
    const w = weightFraction(st, e);
    sum = plus(sum, times(w, fractionOfDouble(st.confidence[child] as number)));
    total = plus(total, w);
  }
  return signOf(total) > 0 ? dividedBy(sum, total) : null;
}

/** Forgets node n's slow-path values (it is being re-scored). */
export function forget(st: Scoring, n: number): void {
  if (st.memo.score.size > 0) st.memo.score.delete(n);
  if (st.memo.expected.size > 0) st.memo.expected.delete(n);
  if (st.memo.forecast.size > 0) st.memo.forecast.delete(n);
}
