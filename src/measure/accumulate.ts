// One way to make a number out of dated values, for key results (their check-ins'
// `valueFrom`), KPIs (their measurements' `aggregation`) and forecasts (the running value
// at each check-in date). Exact: sums are exact decimals, an average is the exact sum
// divided once by the count.
import { dividedBy, fractionOfIntegers, fractionOfValue, type Fraction } from '../_lib/fraction.js';
import { add, compare, divideByCount, type Value } from '../_lib/numeric.js';
import type { ValueFrom } from '../model/key-result.js';
import type { KpiAggregation } from '../model/kpi.js';

/**
 * How dated values make one: the `latest` (or `last`) value, their `sum`, `average`,
 * `min` or `max`, or their `count`.
 */
export type Aggregation = ValueFrom | KpiAggregation;

/**
 * A register that folds values one at a time. Apart from `latest` and `last`, the order
 * of the values does not matter; for those two the caller says where each value's item
 * stands against the latest one so far. One is reused from item to item and from key
 * result to key result (see {@link Accumulator.start}), so folding allocates nothing.
 */
export class Accumulator {
  aggregation: Aggregation = 'latest';
  /** How many items were folded (with {@link add} or {@link tally}). */
  count = 0;
  /** The running sum, least, greatest or latest value; null before the first value. */
  value: Value | null = null;

  /** Empties the register for a new fold. */
  start(aggregation: Aggregation): this {
    this.aggregation = aggregation;
    this.count = 0;
    this.value = null;
    return this;
  }

  /** Counts an item without reading its value (all that `count` needs). */
  tally(): void {
    this.count++;
  }

  /**
   * Folds one value. For `latest` and `last`, `order` places its item against the
   * latest one so far: above 0 later, 0 at the same moment (then the larger value wins,
   * so the input's order never decides), below 0 earlier. Other aggregations ignore it.
   */
  add(v: Value, order: number): void {
    this.count++;
    const acc = this.value;
    if (acc === null) {
      this.value = v;
      return;
    }
    switch (this.aggregation) {
      case 'sum':
      case 'average':
        this.value = add(acc, v);
        return;
      case 'min':
        if (compare(v, acc) < 0) this.value = v;
        return;
      case 'max':
        if (compare(v, acc) > 0) this.value = v;
        return;
      case 'count':
        return;
      case 'latest':
      case 'last':
        if (order > 0 || (order === 0 && compare(v, acc) > 0)) this.value = v;
    }
  }

  /**
   * The aggregate: the count for `count`, else null before any value; an average is the
   * sum divided by the count (to 100 significant digits; {@link exactAverage} is exact).
   */
  result(): Value | null {
    if (this.aggregation === 'count') return this.count;
    const v = this.value;
    if (v === null) return null;
    return this.aggregation === 'average' ? divideByCount(v, this.count) : v;
  }

  /** The folded values' sum over their count, exactly (for `average`); null before any. */
  exactAverage(): Fraction | null {
    return this.value === null ? null : dividedBy(fractionOfValue(this.value), fractionOfIntegers(this.count, 1));
  }
}
