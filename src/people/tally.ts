// An exact weighted mean of owned items' scores with its counts. Sums are fractions, so a
// score does not depend on the order of the items, and two tallies merge into the tally
// of all their items (a subtree's score is its units' tallies merged).
import { dividedBy, FRACTION_ZERO, fractionOfDouble, plus, signOf, times, toDouble, type Fraction } from '../_lib/fraction.js';
import { BY_SEVERITY, type Status } from '../time/status.js';
import type { PerformanceSummary } from './types.js';

/** The rank of each status, worst last (as {@link BY_SEVERITY}). */
const RANK: ReadonlyMap<Status, number> = new Map(BY_SEVERITY.map((s, i) => [s, i]));

export class Tally {
  /** Σ weight × score over the scored items. */
  sum: Fraction = FRACTION_ZERO;
  /** Σ weight over the scored items. */
  weight: Fraction = FRACTION_ZERO;
  objectives = 0;
  keyResults = 0;
  scored = 0;
  readonly statuses = new Map<Status, number>();

  /** Adds one item of positive weight; a null score counts its status only. */
  add(weight: Fraction, score: number | null, status: Status | null): void {
    if (status !== null) this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (score === null) return;
    this.sum = plus(this.sum, times(weight, fractionOfDouble(score)));
    this.weight = plus(this.weight, weight);
    this.scored++;
  }

  /** Adds every item of another tally. */
  merge(other: Tally): void {
    this.sum = plus(this.sum, other.sum);
    this.weight = plus(this.weight, other.weight);
    this.objectives += other.objectives;
    this.keyResults += other.keyResults;
    this.scored += other.scored;
    for (const [s, n] of other.statuses) this.statuses.set(s, (this.statuses.get(s) ?? 0) + n);
  }

  /** The exact mean rounded once; null when nothing was scored. */
  score(): number | null {
    return signOf(this.weight) > 0 ? toDouble(dividedBy(this.sum, this.weight)) : null;
  }

  /** An item's share of the scored weight. */
  share(weight: Fraction): number {
    return signOf(this.weight) > 0 ? toDouble(dividedBy(weight, this.weight)) : 0;
  }

  summary(): PerformanceSummary {
    const statuses: Partial<Record<Status, number>> = {};
    let worst: Status | null = null;
    // In severity order, so the record lists statuses the same way for any input order.
    for (const s of BY_SEVERITY) {
      const n = this.statuses.get(s);
      if (n === undefined) continue;
      statuses[s] = n;
      if (worst === null || (RANK.get(s) ?? 0) > (RANK.get(worst) ?? 0)) worst = s;
    }
    return { score: this.score(), objectives: this.objectives, keyResults: this.keyResults, scored: this.scored, statuses, worst };
  }
}
