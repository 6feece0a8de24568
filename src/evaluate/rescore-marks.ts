import type { Contribution } from './types.js';
import { i32 } from '../_lib/at.js';
import { edgeContribution } from './explain.js';
import type { Engine, RescoreMarks } from './engine.js';

/**
 * The marks a live evaluation keeps for `nodes` nodes, so that scoring knows which
 * children one update re-scored (kept out of evaluate.ts: a plain evaluation never
 * needs them).
 */
export function rescoreMarks(nodes: number): RescoreMarks {
  return { stamp: new Int32Array(nodes), flipped: new Uint8Array(nodes), epoch: 0, mark: markRescored, renew: renewRescored };
}

/** Marks node n as re-scored in the current live update; `wasScored` is its score flag before. */
function markRescored(this: RescoreMarks, st: Engine, n: number, wasScored: boolean): void {
  // A node re-scored twice in one update (a driven key result: measured, then scored)
  // counts as flipped if either step flipped it, which may rebuild a list needlessly but
  // never keeps a stale share.
  const again = this.stamp[n] === this.epoch && this.flipped[n] === 1;
  this.stamp[n] = this.epoch;
  this.flipped[n] = again || wasScored !== st.nodes.isScored(n) ? 1 : 0;
}

/**
 * A live update's shortcut: when no re-scored child of node n gained or lost its score,
 * the total weight and every other share stand, so the previous list is copied and only
 * the re-scored children's entries are renewed. False when the list must be rebuilt.
 */
function renewRescored(this: RescoreMarks, st: Engine, n: number, previous: readonly Contribution[], from: number, to: number, total: number): boolean {
  const { edgeChild, byParent } = st;
  const { stamp, flipped, epoch } = this;
  let list: Contribution[] | null = null;
  for (let k = from; k < to; k++) {
    const e = i32(byParent, k);
    const child = i32(edgeChild, e);
    if (stamp[child] !== epoch) continue;
    if (flipped[child] === 1) return false;
    const index = k - from;
    const renewed = edgeContribution(st, previous, index, e, total);
    if (renewed === previous[index]) continue;
    list ??= previous.slice();
    list[index] = renewed;
  }
  if (list !== null) st.contributorsOf[n] = list;
  return true;
}
