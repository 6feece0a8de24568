// The explanations of a score: each node's contributors, with their weights, shares of
// the total weight and scores. A live re-score keeps the objects (and lists) that did
// not change, so a product can compare them by identity.
import { at, f64, i32 } from '../_lib/at.js';
import { dividedBy, FRACTION_ZERO, plus, toDouble } from '../_lib/fraction.js';
import { idOf, weightFraction, type Engine } from './engine.js';
import { initiativeShare } from './exact-rollup.js';
import type { Contribution } from './types.js';

/** The initiatives' entry of an objective's contributors. */
export interface InitiativeEntry {
  readonly weight: number;
  readonly units: number;
  readonly score: number;
}

/**
 * Lists node n's contributors with their shares of the total weight (`total`, in whole
 * units). A re-score (live evaluation) keeps the objects, and the list, that did not change.
 */
export function explainScore(st: Engine, n: number, from: number, to: number, total: number, initiatives: InitiativeEntry | null): void {
  const previous = st.contributorsOf[n];
  if (previous !== undefined && st.marks !== null && st.marks.renew(st, n, previous, from, to, total)) return;
  const list: Contribution[] = [];
  for (let k = from; k < to; k++) list.push(edgeContribution(st, previous, list.length, i32(st.byParent, k), total));
  const initiativeEdge = st.initiativeEdges.get(n);
  if (initiatives !== null && initiativeEdge !== undefined) {
    const share = shareOf(st, n, initiativeEdge, total);
    list.push(contribution(previous, list.length, { id: idOf(st, n), type: 'initiatives', weight: initiatives.weight, share, score: initiatives.score }));
  }
  const unchanged = previous !== undefined && previous.length === list.length && list.every((c, i) => c === previous[i]);
  st.contributorsOf[n] = unchanged ? previous : list;
}

/** The contribution of edge e's child at position `index` of its parent's list, with its share of `total`. */
export function edgeContribution(st: Engine, previous: readonly Contribution[] | undefined, index: number, e: number, total: number): Contribution {
  const child = i32(st.edgeChild, e);
  const score = st.nodes.scoreOf(child);
  const share = score === null || total === 0 ? 0 : shareOf(st, i32(st.edgeParent, e), e, total);
  return contribution(previous, index, { id: idOf(st, child), type: child < st.O ? 'objective' : 'keyResult', weight: f64(st.edgeWeight, e), share, score });
}

/**
 * Weight e's share of node n's total (whole units): one correctly rounded division, or
 * with weights that have no whole form, the exact quotient rounded once.
 */
function shareOf(st: Engine, n: number, e: number, total: number): number {
  if (st.fractional === null || st.fractional[n] === 0) return f64(st.edgeUnits, e) / total;
  let sum = FRACTION_ZERO;
  for (let k = i32(st.byParentStart, n); k < i32(st.byParentStart, n + 1); k++) {
    const edge = i32(st.byParent, k);
    if (st.nodes.isScored(i32(st.edgeChild, edge))) sum = plus(sum, weightFraction(st, edge));
  }
  const initiativeEdge = n < st.O ? st.initiativeEdges.get(n) : undefined;
  if (initiativeEdge !== undefined && (e === initiativeEdge || initiativeShare(st, n) !== null)) sum = plus(sum, weightFraction(st, initiativeEdge));
  return toDouble(dividedBy(weightFraction(st, e), sum));
}

/**
 * The contribution at position `index`: the previous object when nothing in it changed
 * (a live re-score changes one child's score, not the others), else the new one.
 */
function contribution(previous: readonly Contribution[] | undefined, index: number, next: Contribution): Contribution {
  const old = previous === undefined || index >= previous.length ? undefined : at(previous, index);
  if (old !== undefined && old.score === next.score && old.share === next.share && old.weight === next.weight) return old;
  return next;
}
