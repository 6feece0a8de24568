import * as z from 'zod/v4';
import { civilDay, civilOf, dateOfDay, dayNumber, weekdayOf } from '../_lib/calendar.js';
import { toNumber } from '../_lib/numeric.js';
import { parseArgument } from '../_lib/zod-issues.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { Cycle } from '../model/cycle.js';
import { checkAsOf } from '../model/options.js';
import { checkTimeZone, type AtInstant } from '../model/instant.js';
import { atWithDays } from '../model/plan-instants.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import type { KpiOptions } from './evaluate-kpi.js';
import { aggregate, checkMeasurementValues, timeframeOf, type Span } from '../measure/kpi.js';
import { Kpi, Measurement, type TrackingFrequency } from '../model/kpi.js';

/**
 * One tracking period of a KPI.
 *
 * @category KPIs
 */
export interface KpiBucket {
  /** First day of the period (clipped to the timeframe). */
  readonly start: string;
  /** Last day of the period (clipped to the timeframe). */
  readonly end: string;
  /** The period's measurements combined by the KPI's aggregation; null with none (0 for `count`). */
  readonly value: number | null;
  /** Measurements in the period. */
  readonly count: number;
  /** True once `asOf` is past the period's last day (always, without `asOf`). */
  readonly complete: boolean;
  /** True when the period is over and has no measurement. */
  readonly missing: boolean;
}

/**
 * A KPI's series: its buckets, how many completed periods lack a measurement, and
 * whether it is stale (the last completed period has none).
 *
 * @category KPIs
 */
export interface KpiSeries {
  readonly kpiId: string;
  readonly frequency: TrackingFrequency;
  readonly buckets: readonly KpiBucket[];
  /** Completed periods without a measurement. */
  readonly missing: number;
  /** True when the last completed period has no measurement: a weekly KPI with no value last week. */
  readonly stale: boolean;
}

/**
 * Options of {@link kpiSeries}.
 *
 * @category KPIs
 */
export interface KpiSeriesOptions extends KpiOptions {
  /** First day of the week, 0 (Sunday) to 6; the KPI's `weekStartsOn`, else 1 (Monday). */
  readonly weekStartsOn?: number;
}

/** A first day of the week, 0 (Sunday) to 6. */
export type Day = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Whether a number is a first day of the week. */
function isDay(n: number): n is Day {
  return Number.isInteger(n) && n >= 0 && n <= 6;
}

/**
 * The day number of the first day of the period after the one containing day number
 * `n`. Whole-number calendar arithmetic: no Date, so no machine time zone (Samoa's
 * skipped 2011-12-30 is a day like any other).
 */
function nextPeriod(n: number, frequency: TrackingFrequency, weekStartsOn: Day): number {
  if (frequency === 'daily') return n + 1;
  if (frequency === 'weekly') return n - ((weekdayOf(n) - weekStartsOn + 7) % 7) + 7;
  const { year, month } = civilOf(n);
  if (frequency === 'monthly') return civilDay(year, month + 1, 1);
  if (frequency === 'quarterly') return civilDay(year, month - ((month - 1) % 3) + 3, 1);
  return civilDay(year + 1, 1, 1);
}

/** The periods of a timeframe, clipped to it. */
function periods(span: Span, frequency: TrackingFrequency, weekStartsOn: Day): Span[] {
  const out: Span[] = [];
  const last = dayNumber(span.end);
  // Day numbers, never strings: past 9999-12-31 a date string would sort before it.
  for (let start = dayNumber(span.start); start <= last; ) {
    const next = nextPeriod(start, frequency, weekStartsOn);
    out.push({ start: dateOfDay(start), end: next - 1 < last ? dateOfDay(next - 1) : span.end });
    start = next;
  }
  return out;
}

const Measurements = /*@__PURE__*/ z.array(Measurement);
const Cycles = /*@__PURE__*/ z.array(Cycle);

/**
 * Splits a KPI's timeframe into its tracking periods (days, weeks starting on Monday
 * unless told otherwise, calendar months, quarters or years, the first and last clipped
 * to the timeframe) and aggregates each period's measurements. Completed periods with no
 * measurement are flagged `missing`; the series is `stale` when the last completed
 * period is missing.
 *
 * @param kpi - The KPI.
 * @param measurements - Its measurements (others are ignored).
 * @param options - `asOf`, `cycles` and `weekStartsOn`.
 * @returns The {@link KpiSeries}.
 * @throws {OkrkitError} `invalid_argument` for bad input; `unknown_reference` for an unknown cycle.
 * @example
 * const s = kpiSeries(leads, measurements, { asOf: '2026-10-20' });
 * s.buckets.slice(0, 3).map((b) => [b.start, b.end, b.value, b.missing])
 * //=> [['2026-10-01', '2026-10-04', 2, false], ['2026-10-05', '2026-10-11', null, true], ['2026-10-12', '2026-10-18', 3, false]]
 * @category KPIs
 */
export function kpiSeries(kpi: DeepReadonly<Kpi>, measurements: readonly AtInstant<DeepReadonly<Measurement>>[], options: KpiSeriesOptions = {}): KpiSeries {
  const k = parseArgument(Kpi, kpi, 'kpi');
  const list = parseArgument(Measurements, atWithDays(measurements, checkTimeZone(options.timeZone, 'timeZone'), 'measurements'), 'measurements');
  checkMeasurementValues(list);
  const span = timeframeOf(k, parseArgument(Cycles, options.cycles ?? [], 'cycles'));
  const asOf = checkAsOf(options);
  const weekStartsOn = options.weekStartsOn ?? k.weekStartsOn ?? 1;
  if (!isDay(weekStartsOn)) invalidArgument('arg.integerBetween', { name: 'weekStartsOn', min: 0, max: 6, value: String(weekStartsOn) });
  return seriesOf(k, list, span, asOf, weekStartsOn);
}

/** The series of a checked KPI; `list` may hold other KPIs' measurements (they are skipped). */
export function seriesOf(k: DeepReadonly<Kpi>, list: readonly DeepReadonly<Measurement>[], span: Span, asOf: string | null, weekStartsOn: Day): KpiSeries {
  const aggregation = k.aggregation ?? 'last';
  const day = asOf ?? span.end;

  const buckets: KpiBucket[] = periods(span, k.frequency, weekStartsOn).map((p) => {
    const until = day < p.end ? day : p.end;
    const agg = until < p.start ? { value: null, count: 0 } : aggregate(aggregation, list, null, 0, list.length, p.start, until, k.id);
    // A period is over once asOf is past its last day (all are, without asOf).
    const complete = asOf === null || asOf > p.end;
    return {
      start: p.start,
      end: p.end,
      value: agg.value === null ? null : toNumber(agg.value),
      count: agg.count,
      complete,
      missing: complete && agg.count === 0,
    };
  });
  const completed = buckets.filter((b) => b.complete);
  return {
    kpiId: k.id,
    frequency: k.frequency,
    buckets,
    missing: completed.filter((b) => b.missing).length,
    stale: completed.at(-1)?.missing ?? false,
  };
}
