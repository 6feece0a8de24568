// The slow path of scoring: a node's exact score, expected progress or forecast as a
// bigint fraction, computed from its contributors' exact values. It runs only when the
// fast registers cannot settle a rounding or a threshold, and only over the subtree it
// needs; values are kept per node until the node is re-scored. Iterative, so a deep
// cascade cannot overflow the stack.
import { computeBottomUp } from '../_lib/bottom-up.js';
import { Exact } from '../_lib/exact.js';
import { dividedBy, fractionOfDouble, FRACTION_ZERO, plus, signOf, times, type Fraction } from '../_lib/fraction.js';
import { clampInto, scoreInto } from '../measure/key-result.js';
import { i32 } from '../_lib/at.js';
import { keyResultOf, objectiveOf, factsOfKeyResult, factsOfObjective, weightFraction, type Engine } from './engine.js';

/** The three rolled-up quantities. */
export type Quantity = 'score' | 'expected' | 'forecast';

/** Whether node n takes quantity q from its contributors (otherwise it is a leaf for q). */
function rollsUp(st: Engine, q: Quantity, n: number): boolean {
  if (n < st.O) return true;
  return q !== 'expected' && st.driven[n - st.O] === 1;
}

/** The exact mean of the plain numbers, read as written (initiatives' progress). */
export function initiativeShare(st: Engine, n: number): Fraction | null {
  const progresses = st.initiativeGroups.get(n);
  if (progresses === undefined || progresses.length === 0) return null;
  let sum = FRACTION_ZERO;
  for (const p of progresses) sum = plus(sum, fractionOfDouble(p));
  return dividedBy(sum, { n: BigInt(progresses.length), d: 1n });
}

/** A contributor's value for q once known: a leaf's own, or the memo's. */
function known(st: Engine, q: Quantity, child: number): Fraction | null | undefined {
  if (!rollsUp(st, q, child)) return leafValue(st, q, child);
  return q === 'score' ? st.memo.score.get(child) : st.memo[q].get(child);
}

function leafValue(st: Engine, q: Quantity, n: number): Fraction | null {
  const j = n - st.O;
  if (q === 'expected') return st.leafExpected.get(j) ?? factsOfKeyResult(st, j).elapsed.fraction();
  if (q === 'forecast') return st.leafForecast.get(j) ?? (st.nodes.isScored(n) ? st.remeasure(j) : FRACTION_ZERO);
  return st.nodes.isScored(n) ? st.remeasure(j) : null;
}

/**
 * Σ wᵢxᵢ ÷ Σ wᵢ over node n's contributors (scored ones for the score), with the
 * initiatives' share where the objective counts it; null when nothing contributes.
 */
function meanOf(st: Engine, q: Quantity, n: number): Fraction | null {
  let sum = FRACTION_ZERO;
  let total = FRACTION_ZERO;
  const from = i32(st.byParentStart, n);
  const to = i32(st.byParentStart, n + 1);
  for (let k = from; k < to; k++) {
    const e = i32(st.byParent, k);
    const child = i32(st.edgeChild, e);
    if (q === 'score' && !st.nodes.isScored(child)) continue;
    const x = known(st, q, child) ?? FRACTION_ZERO;
    const w = weightFraction(st, e);
    sum = plus(sum, times(w, x));
    total = plus(total, w);
  }
  const initiativeEdge = n < st.O ? st.initiativeEdges.get(n) : undefined;
  if (initiativeEdge !== undefined) {
    const w = weightFraction(st, initiativeEdge);
    const share = initiativeShare(st, n);
    if (share !== null && signOf(w) > 0) {
      sum = plus(sum, times(w, q === 'expected' ? factsOfObjective(st, n).elapsed.fraction() : share));
      total = plus(total, w);
    }
  }
  return signOf(total) > 0 ? dividedBy(sum, total) : null;
}

/** Node n's exact value of q, its contributors' being known. */
function compute(st: Engine, q: Quantity, n: number): Fraction | null {
  const mean = meanOf(st, q, n);
  if (n < st.O) {
    const o = objectiveOf(st, n);
    if (q === 'score') return o.finalScore === undefined ? mean : fractionOfDouble(o.finalScore);
    if (q === 'expected') return mean ?? factsOfObjective(st, n).elapsed.fraction();
    return mean ?? exactScore(st, n) ?? FRACTION_ZERO;
  }
  // A key result driven by objectives.
  if (q === 'forecast') return mean ?? exactScore(st, n) ?? FRACTION_ZERO;
  return mean === null ? null : scoreOfDriven(st, n, mean);
}

/** A driven key result's score from its exact raw progress: clamped, then its scoring rule. */
function scoreOfDriven(st: Engine, n: number, raw: Fraction): Fraction {
  const kr = keyResultOf(st, n - st.O);
  if (kr.finalScore !== undefined) return fractionOfDouble(kr.finalScore);
  const progress = clampInto(new Exact(), new Exact().setFraction(raw), st.floor, st.cap, new Exact());
  return scoreInto(st.cx, new Exact(), kr.scoring, progress, kr, new Exact()).fraction();
}

/** Node n's exact value of q (null: no score), computing what its subtree needs. */
function resolve(st: Engine, q: Quantity, root: number): Fraction | null {
  if (!rollsUp(st, q, root)) return leafValue(st, q, root);
  const memo: Map<number, Fraction | null> = st.memo[q];
  if (memo.has(root)) return memo.get(root) ?? null;
  return computeBottomUp(
    root,
    memo,
    (n, visit) => {
      for (let k = i32(st.byParentStart, n); k < (i32(st.byParentStart, n + 1)); k++) {
        const child = i32(st.edgeChild, i32(st.byParent, k));
        if ((q !== 'score' || st.nodes.isScored(child)) && rollsUp(st, q, child)) visit(child);
      }
    },
    (n) => compute(st, q, n),
  );
}

/** Node n's exact score, or null when it has none. */
export function exactScore(st: Engine, n: number): Fraction | null {
  return resolve(st, 'score', n);
}

/** Node n's exact expected progress. */
export function exactExpected(st: Engine, n: number): Fraction {
  return resolve(st, 'expected', n) ?? FRACTION_ZERO;
}


/** The exact mean of q over node n's contributors, for a rounding the registers could not settle. */
export function exactMean(st: Engine, q: Quantity, n: number): Fraction | null {
  // Make sure every contributor is known, then take the mean.
  for (let k = i32(st.byParentStart, n); k < (i32(st.byParentStart, n + 1)); k++) {
    const child = i32(st.edgeChild, i32(st.byParent, k));
    if (q === 'score' && !st.nodes.isScored(child)) continue;
    if (rollsUp(st, q, child)) resolve(st, q, child);
  }
  return meanOf(st, q, n);
}

/** The exact mean confidence of node n's key results that carry one. */
export function exactConfidence(st: Engine, n: number): Fraction | null {
  let sum = FRACTION_ZERO;
  let total = FRACTION_ZERO;
  for (let k = i32(st.byParentStart, n); k < (i32(st.byParentStart, n + 1)); k++) {
    const e = i32(st.byParent, k);
    const child = i32(st.edgeChild, e);
    const confidence = child < st.O ? null : st.nodes.confidenceOf(child);
    if (confidence === null) continue;
    const w = weightFraction(st, e);
    sum = plus(sum, times(w, fractionOfDouble(confidence)));
    total = plus(total, w);
  }
  return signOf(total) > 0 ? dividedBy(sum, total) : null;
}

/** Forgets node n's slow-path values (it is being re-scored). */
export function forget(st: Engine, n: number): void {
  if (st.memo.score.size > 0) st.memo.score.delete(n);
  if (st.memo.expected.size > 0) st.memo.expected.delete(n);
  if (st.memo.forecast.size > 0) st.memo.forecast.delete(n);
}
