// The values of aggregated key results during an evaluation. Measuring a key result that
// feeds one records its current value (exact), its check-ins and the date of its latest;
// an aggregated key result is then measured, after all its contributors, from the
// aggregate of their values, as a KPI-fed key result is from its KPI's.
import { Accumulator } from '../measure/accumulate.js';
import { compareTimestamps } from '../_lib/calendar.js';
import { isInSupportedRange, toNumber, toText, type Value } from '../_lib/numeric.js';
import { msg } from '../messages/message.js';
import { planProblem } from './plan-problem.js';
import type { SourcedValue } from '../measure/key-result.js';
import type { KeyResult } from '../model/key-result.js';
import { isAggregated, type ValueLinks } from '../model/value-links.js';


/**
 * One value in an aggregated key result's explanation: a contributing key result, the
 * value it gave (null when it has none yet) and its check-ins.
 *
 * @category Rollup
 */
export interface ValueContribution {
  /** The contributing key result's id. */
  readonly id: string;
  /** Its current value, which went into the aggregate; null when it has none. */
  readonly value: number | null;
  /** Its check-ins that counted (for an aggregated contributor, its contributors' total). */
  readonly checkIns: number;
  /** The date of its latest check-in that counted, or null. */
  readonly lastCheckIn: string | null;
}

/** -1, 0 or 1: where date `a` stands against `b`, a missing date before every date. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** As {@link compareDates}, for timestamps (two date-times on one day are told apart by their instant). */
function compareInstants(a: string | null, b: string | null): number {
  if (a === null || b === null) return compareDates(a, b);
  return Math.sign(compareTimestamps(a, b));
}

/** The value links of an evaluation and what the contributors gave. */
export class ValueRollups {
  // What each contributor gave, by key-result position (no object per contributor): its
  // current value, its check-ins that counted, the latest one's date, and when its value
  // was checked in (a timestamp: what `latest` compares). `known` says which are set.
  private readonly value: (Value | null)[];
  private readonly checkIns: Int32Array;
  private readonly last: (string | null)[];
  private readonly at: (string | null)[];
  private readonly known: Uint8Array;
  /** When an aggregated key result's value was last checked in: its latest contributor's instant. */
  private readonly latestAt = new Map<number, string | null>();
  private readonly acc = new Accumulator();
  /** Key result → the aggregated key results it feeds; built the first time a live check-in asks. */
  private dependents: Map<number, number[]> | null = null;

  constructor(
    readonly links: ValueLinks,
    private readonly keyResults: readonly KeyResult[],
  ) {
    const K = keyResults.length;
    this.value = new Array<Value | null>(K).fill(null);
    this.checkIns = new Int32Array(K);
    this.last = new Array<string | null>(K).fill(null);
    this.at = new Array<string | null>(K).fill(null);
    this.known = new Uint8Array(K);
  }

  /** Whether key result j feeds an aggregated key result. */
  feeds(j: number): boolean {
    return this.links.feeds[j] === 1;
  }

  /** Whether key result j aggregates its contributors' values. */
  isAggregated(j: number): boolean {
    return this.links.contributors.has(j);
  }

  /**
   * Keeps what key result j gave when it feeds an aggregated key result; `at` is when its
   * value was checked in (an aggregated key result's is its latest contributor's).
   */
  record(j: number, value: Value | null, checkIns: number, last: string | null, at: string | null): void {
    if (this.links.feeds[j] !== 1) return;
    this.value[j] = value;
    this.checkIns[j] = checkIns;
    this.last[j] = last;
    this.at[j] = this.latestAt.get(j) ?? at;
    this.known[j] = 1;
  }

  /** Aggregated key result j's value from its contributors (measured before it). */
  sourceOf(j: number): SourcedValue {
    const kr = this.keyResults[j];
    const aggregation = kr?.kind === 'metric' && isAggregated(kr) ? (kr.aggregate ?? 'sum') : 'sum';
    const acc = this.acc.start(aggregation);
    let checkIns = 0;
    let last: string | null = null;
    // For `latest`: when the latest contributor with a value so far was checked in.
    let latest: string | null = null;
    for (const c of this.links.contributors.get(j) ?? []) {
      if (this.known[c] !== 1) continue;
      checkIns += this.checkIns[c] ?? 0;
      const cLast = this.last[c] ?? null;
      if (compareDates(cLast, last) > 0) last = cLast;
      const v = this.value[c] ?? null;
      if (v === null) continue;
      const cAt = this.at[c] ?? null;
      const order = acc.count === 0 ? 1 : compareInstants(cAt, latest);
      if (order > 0) latest = cAt;
      acc.add(v, order);
    }
    this.latestAt.set(j, latest);
    const value = acc.result();
    // Sums of sums can leave the range every number of a plan is in (1e-30 to 1e30).
    if (value !== null && !isInSupportedRange(value)) planProblem(['keyResults', j], msg('issue.numberOutOfRange', { value: toText(value) }), 'number_out_of_range');
    const exact = aggregation === 'average' && acc.count > 1 ? acc.exactAverage() : null;
    return { value, exact, count: checkIns, last };
  }

  /** The values aggregated key result j was made of, in plan order; null for other key results. */
  explain(j: number): ValueContribution[] | null {
    const from = this.links.contributors.get(j);
    if (from === undefined) return null;
    return from.map((c) => {
      const v = this.known[c] === 1 ? (this.value[c] ?? null) : null;
      return { id: this.keyResults[c]?.id ?? '?', value: v === null ? null : toNumber(v), checkIns: this.checkIns[c] ?? 0, lastCheckIn: this.last[c] ?? null };
    });
  }

  /** The aggregated key results that a change to key result j changes, each after those it depends on. */
  affectedBy(j: number): number[] {
    const seen = new Set<number>();
    const stack = [j];
    for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
      for (const t of this.dependentsOf(n)) {
        if (seen.has(t)) continue;
        seen.add(t);
        stack.push(t);
      }
    }
    return this.links.order.filter((t) => seen.has(t));
  }

  /** The aggregated key results key result j feeds. */
  private dependentsOf(j: number): readonly number[] {
    if (this.dependents === null) {
      const dependents = new Map<number, number[]>();
      for (const [t, from] of this.links.contributors) {
        for (const c of from) {
          const list = dependents.get(c);
          if (list === undefined) dependents.set(c, [t]);
          else list.push(t);
        }
      }
      this.dependents = dependents;
    }
    return this.dependents.get(j) ?? [];
  }
}
