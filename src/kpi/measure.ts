import { readValue } from '../_lib/read-value.js';
import { compareTimestamps, dateOf, daysBetween } from '../_lib/calendar.js';
import { add, compare, divideByCount, ratioOfDifferences, type Value } from '../_lib/numeric.js';
import { at, messages, nouns, where } from '../error/messages.js';
import { invalidArgument, OkrkitError } from '../error/okrkit-error.js';
import type { Cycle } from '../cycle/schema.js';
import type { Kpi, KpiAggregation, KpiThresholdRule, Measurement, Rag } from './schema.js';

/** A KPI's timeframe as dates. */
export interface Span {
  readonly start: string;
  readonly end: string;
}

/** Resolves a KPI's timeframe against the plan's cycles. */
export function timeframeOf(kpi: Kpi, cycles: ReadonlyMap<string, Cycle> | readonly Cycle[]): Span {
  const tf = kpi.timeframe;
  if ('cycleId' in tf) {
    const cycle = cycles instanceof Map ? cycles.get(tf.cycleId) : (cycles as readonly Cycle[]).find((c) => c.id === tf.cycleId);
    if (cycle === undefined) {
      throw new OkrkitError('unknown_reference', messages.unknownReferenceError(nouns.cycle, tf.cycleId));
    }
    return { start: cycle.start, end: cycle.end };
  }
  if (tf.end < tf.start) invalidArgument(at(where.kpi(kpi.id), messages.kpiEmptyTimeframe(tf.start, tf.end)));
  return { start: tf.start, end: tf.end };
}


/** The aggregate of some measurements, and how many there were. */
export interface Aggregate {
  readonly value: Value | null;
  readonly count: number;
  readonly last: string | null;
}

/**
 * Aggregates the measurements at positions `items[from..to)` (or all when `items` is
 * null) dated from `since` to `until`.
 */
export function aggregate(
  aggregation: KpiAggregation,
  measurements: readonly Measurement[],
  items: Int32Array | null,
  from: number,
  to: number,
  since: string,
  until: string,
  kpiId: string | null,
): Aggregate {
  let acc: Value | null = null;
  let count = 0;
  let latest: Measurement | null = null;
  for (let k = from; k < to; k++) {
    const m = measurements[items === null ? k : (items[k] as number)] as Measurement;
    if (kpiId !== null && m.kpiId !== kpiId) continue;
    const day = dateOf(m.at);
    if (day < since || day > until) continue;
    count++;
    if (aggregation === 'count') {
      if (latest === null || compareTimestamps(m.at, latest.at) > 0) latest = m;
      continue;
    }
    const v = readValue(m.value, where.measurement, m.kpiId);
    if (aggregation === 'last') {
      // The latest reading; two at the same moment resolve to the larger, whatever their order.
      const order = latest === null ? 1 : compareTimestamps(m.at, latest.at);
      if (order > 0 || (order === 0 && acc !== null && compare(v, acc) > 0)) {
        latest = m;
        acc = v;
      }
    } else {
      if (latest === null || compareTimestamps(m.at, latest.at) > 0) latest = m;
      if (acc === null) acc = v;
      else if (aggregation === 'sum' || aggregation === 'average') acc = add(acc, v);
      else if (aggregation === 'min' ? compare(v, acc) < 0 : compare(v, acc) > 0) acc = v;
    }
  }
  const last = latest === null ? null : dateOf(latest.at);
  if (aggregation === 'count') return { value: count, count, last };
  if (acc === null) return { value: null, count, last };
  return { value: aggregation === 'average' ? divideByCount(acc, count) : acc, count, last };
}

/** Attainment of an actual value against a target (or a pro-rated one), at least 0. */
export function attainmentAgainst(kpi: Kpi, actual: Value, share = 1): number {
  const t = kpi.target;
  let a: number;
  if (t.polarity === 'range') {
    const lo = readValue(t.min, where.kpiField, kpi.id, 'target.min');
    const hi = readValue(t.max, where.kpiField, kpi.id, 'target.max');
    if (compare(actual, lo) < 0) {
      if (compare(lo, 0) === 0) invalidArgument(at(where.kpi(kpi.id), messages.kpiZeroTarget('range')));
      a = ratioOfDifferences(actual, 0, lo);
    } else if (compare(actual, hi) > 0) {
      if (compare(hi, 0) === 0) invalidArgument(at(where.kpi(kpi.id), messages.kpiZeroTarget('range')));
      a = ratioOfDifferences(actual, add(hi, hi), hi); // 2 − A/max, exactly
    } else {
      a = 1;
    }
  } else {
    const target = readValue(t.value, where.kpiField, kpi.id, 'target.value');
    if (t.baseline !== undefined) {
      const b = readValue(t.baseline, where.kpiField, kpi.id, 'target.baseline');
      if (compare(b, target) === 0) invalidArgument(at(where.kpi(kpi.id), messages.kpiTargetEqualsBaseline));
      // Linear from the baseline (0) to the target (1), pro-rated: the target moves from the baseline.
      a = share === 1 ? ratioOfDifferences(actual, b, target) : ratioOfDifferences(actual, b, target) / share;
    } else {
      if (compare(target, 0) === 0) invalidArgument(at(where.kpi(kpi.id), messages.kpiZeroTarget(t.polarity)));
      if (share === 1) {
        // A/T, or 2 − A/T = (A − 2T) / (T − 2T), each exact with one rounding.
        a = t.polarity === 'higher' ? ratioOfDifferences(actual, 0, target) : ratioOfDifferences(actual, add(target, target), target);
      } else {
        const ratio = ratioOfDifferences(actual, 0, target) / share;
        a = t.polarity === 'higher' ? ratio : 2 - ratio;
      }
    }
  }
  return a > 0 ? a : 0;
}

/** The default threshold rules: green from attainment 1, amber from 0.9, red below. */
export const DEFAULT_THRESHOLDS: readonly KpiThresholdRule[] = [
  { status: 'green', min: 1 },
  { status: 'amber', min: 0.9 },
  { status: 'red' },
];

/** The first rule that matches an attainment; red when none does. */
export function ragOf(rules: readonly KpiThresholdRule[] | undefined, attainment: number): Rag {
  for (const rule of rules ?? DEFAULT_THRESHOLDS) {
    if ((rule.min === undefined || attainment >= rule.min) && (rule.max === undefined || attainment < rule.max)) return rule.status;
  }
  return 'red';
}

/**
 * The share of a timeframe that cumulative KPIs are paced against: days gone by,
 * counting the day itself, over all its days (1/92 on the first day of a quarter).
 */
export function paceShare(span: Span, day: string): number {
  if (day >= span.end) return 1;
  if (day < span.start) return 0;
  return (daysBetween(span.start, day) + 1) / (daysBetween(span.start, span.end) + 1);
}
