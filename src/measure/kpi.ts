import { readValue } from '../_lib/read-value.js';
import { compareTimestamps, dateOf, daysBetween } from '../_lib/calendar.js';
import { i32 } from '../_lib/at.js';
import { compare, type Value } from '../_lib/numeric.js';
import { compareFractions, dividedBy, FRACTION_ONE, FRACTION_ZERO, fractionOfDouble, fractionOfIntegers, fractionOfValue, minus, plus, signOf, times, toDouble, type Fraction } from '../_lib/fraction.js';
import { at, messages, nouns, where } from '../messages/where.js';
import { invalidArgument, unknownReference } from '../messages/okrkit-error.js';
import type { Cycle } from '../model/cycle.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import type { Kpi, KpiAggregation, KpiThresholdRule, Measurement, Rag } from '../model/kpi.js';
import { Accumulator } from './accumulate.js';

/** A KPI's timeframe as dates. */
export interface Span {
  readonly start: string;
  readonly end: string;
}

function isCycleList(cycles: ReadonlyMap<string, Cycle> | readonly Cycle[]): cycles is readonly Cycle[] {
  return Array.isArray(cycles);
}

/** Resolves a KPI's timeframe against the plan's cycles. */
export function timeframeOf(kpi: Kpi, cycles: ReadonlyMap<string, Cycle> | readonly Cycle[]): Span {
  const tf = kpi.timeframe;
  if ('cycleId' in tf) {
    const cycle = isCycleList(cycles) ? cycles.find((c) => c.id === tf.cycleId) : cycles.get(tf.cycleId);
    if (cycle === undefined) {
      unknownReference(nouns.cycle, tf.cycleId);
    }
    return { start: cycle.start, end: cycle.end };
  }
  if (tf.end < tf.start) invalidArgument(at(where.kpi(kpi.id), messages.kpiEmptyTimeframe(tf.start, tf.end)));
  return { start: tf.start, end: tf.end };
}

/** The aggregate of some measurements, and how many there were. */
export interface Aggregate {
  readonly value: Value | null;
  /** The value exactly, when `value` is rounded (an average that does not terminate). */
  readonly exact: Fraction | null;
  readonly count: number;
  readonly last: string | null;
}

/** The measurement at a position taken from the list or its index (not `at` from _lib, whose reads every array in the code shares). */
function measurementAt(list: readonly Measurement[], i: number): Measurement {
  const m = list[i];
  if (m === undefined) throw new RangeError(`no measurement at ${i}`);
  return m;
}

/** Checks every measurement's value by `parsePlan`'s rules, whether or not aggregating reads it. */
export function checkMeasurementValues(measurements: readonly Measurement[]): void {
  for (const m of measurements) readValue(m.value, where.measurement, m.kpiId);
}

/**
 * Aggregates the measurements at positions `items[from..to)` (or all when `items` is
 * null) dated from `since` to `until`. For `last`, two readings at the same moment
 * resolve to the larger, whatever their order.
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
  const acc = new Accumulator().start(aggregation);
  let latest: Measurement | null = null;
  for (let k = from; k < to; k++) {
    const m = measurementAt(measurements, items === null ? k : i32(items, k));
    if (kpiId !== null && m.kpiId !== kpiId) continue;
    const day = dateOf(m.at);
    if (day < since || day > until) continue;
    const order = latest === null ? 1 : compareTimestamps(m.at, latest.at);
    if (order > 0) latest = m;
    if (aggregation === 'count') acc.tally();
    else acc.add(readValue(m.value, where.measurement, m.kpiId), order);
  }
  const count = acc.count;
  // An average of one is that value; of more, rounded, with its exact value beside it.
  const exact = aggregation === 'average' && count > 1 ? acc.exactAverage() : null;
  return { value: acc.result(), exact, count, last: latest === null ? null : dateOf(latest.at) };
}

/**
 * Attainment of an actual value against a target, or against the target pro-rated by
 * `share` of the timeframe, as an exact fraction, at least `floor` (0 unless given; null
 * for none).
 */
export function attainmentOf(kpi: DeepReadonly<Kpi>, actual: Value, share: Fraction = FRACTION_ONE, exactActual: Fraction | null = null, floor: Fraction | null = FRACTION_ZERO): Fraction {
  const t = kpi.target;
  const a = exactActual ?? fractionOfValue(actual);
  let r: Fraction;
  if (t.polarity === 'range') {
    const lo = readValue(t.min, where.kpiField, kpi.id, 'target.min');
    const hi = readValue(t.max, where.kpiField, kpi.id, 'target.max');
    if (compare(actual, lo) < 0) {
      if (compare(lo, 0) === 0) invalidArgument(at(where.kpi(kpi.id), messages.kpiZeroTarget('range')));
      r = relativeTo(a, fractionOfValue(lo), 1);
    } else if (compare(actual, hi) > 0) {
      if (compare(hi, 0) === 0) invalidArgument(at(where.kpi(kpi.id), messages.kpiZeroTarget('range')));
      r = relativeTo(a, fractionOfValue(hi), -1);
    } else {
      r = FRACTION_ONE;
    }
  } else {
    const target = readValue(t.value, where.kpiField, kpi.id, 'target.value');
    if (t.baseline !== undefined) {
      const b = readValue(t.baseline, where.kpiField, kpi.id, 'target.baseline');
      if (compare(b, target) === 0) invalidArgument(at(where.kpi(kpi.id), messages.kpiTargetEqualsBaseline));
      // Linear from the baseline (0) to the target (1), pro-rated: the target moves from the baseline.
      const fb = fractionOfValue(b);
      r = dividedBy(dividedBy(minus(a, fb), minus(fractionOfValue(target), fb)), share);
    } else {
      if (compare(target, 0) === 0) invalidArgument(at(where.kpi(kpi.id), messages.kpiZeroTarget(t.polarity)));
      // 1 ± (A − T′) ÷ |T′|, T′ = T × share: A ÷ T′ or 2 − A ÷ T′ for a positive target.
      r = relativeTo(a, times(fractionOfValue(target), share), t.polarity === 'higher' ? 1 : -1);
    }
  }
  return floor === null || compareFractions(r, floor) > 0 ? r : floor;
}

/**
 * 1 at the target T, moving by the distance from it in units of |T|: 1 + (A − T) ÷ |T|
 * when more is better (`sign` 1), 1 − (A − T) ÷ |T| when less is (−1). For a positive T
 * that is A ÷ T and 2 − A ÷ T; for a negative one it still rises with a better actual
 * (docs/kpis.md). T is not 0.
 */
function relativeTo(a: Fraction, target: Fraction, sign: 1 | -1): Fraction {
  const scale = signOf(target) < 0 ? minus(FRACTION_ZERO, target) : target;
  const deviation = dividedBy(minus(a, target), scale);
  return sign === 1 ? plus(FRACTION_ONE, deviation) : minus(FRACTION_ONE, deviation);
}

/** Attainment as the nearest double of the exact value (see {@link attainmentOf}). */
export function attainmentAgainst(kpi: Kpi, actual: Value): number {
  return toDouble(attainmentOf(kpi, actual));
}


/** The default threshold rules: green from attainment 1, amber from 0.9, red below. */
const DEFAULT_THRESHOLDS: readonly KpiThresholdRule[] = [
  { status: 'green', min: 1 },
  { status: 'amber', min: 0.9 },
  { status: 'red' },
];

/** The first rule that matches an exact attainment (bounds read as written); red when none does. */
export function ragOf(rules: readonly KpiThresholdRule[] | undefined, attainment: Fraction): Rag {
  for (const rule of rules ?? DEFAULT_THRESHOLDS) {
    if ((rule.min === undefined || compareFractions(attainment, fractionOfDouble(rule.min)) >= 0) && (rule.max === undefined || compareFractions(attainment, fractionOfDouble(rule.max)) < 0)) return rule.status;
  }
  return 'red';
}

/**
 * The share of a timeframe that cumulative KPIs are paced against: days gone by,
 * counting the day itself, over all its days (1/92 on the first day of a quarter).
 */
export function paceShare(span: Span, day: string): Fraction {
  if (day >= span.end) return FRACTION_ONE;
  if (day < span.start) return FRACTION_ZERO;
  return fractionOfIntegers(daysBetween(span.start, day) + 1, daysBetween(span.start, span.end) + 1);
}
