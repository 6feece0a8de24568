import * as z from 'zod/v4';
import { toNumber, type Value } from '../_lib/numeric.js';
import { parseArgument } from '../_lib/zod-issues.js';
import { Cycle } from '../model/cycle.js';
import { checkAsOf } from '../model/options.js';
import { checkTimeZone, type AtInstant, type DateInput } from '../model/instant.js';
import { atWithDays } from '../model/plan-instants.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { Numeric } from '../model/primitives.js';
import { msg } from '../messages/message.js';
import { readValue } from '../_lib/read-value.js';
import { aggregate, attainmentAgainst, attainmentOf, checkMeasurementValues, paceShare, ragOf, timeframeOf, type Span } from '../measure/kpi.js';
import { compareFractions, FRACTION_ONE, signOf, toDouble, type Fraction } from '../_lib/fraction.js';
import { Kpi, Measurement, type Rag } from '../model/kpi.js';

/**
 * Options of the KPI functions.
 *
 * @category KPIs
 */
export interface KpiOptions {
  /** Count measurements dated on or before this date; the whole timeframe when omitted. A `Date` or epoch milliseconds counts on its day in `timeZone`. */
  readonly asOf?: DateInput;
  /** The IANA time zone (`Asia/Ho_Chi_Minh`) that decides the calendar day of an `asOf` given as a `Date` or epoch milliseconds. */
  readonly timeZone?: string;
  /** The plan's cycles, needed when the KPI's timeframe names a cycle. */
  readonly cycles?: readonly DeepReadonly<Cycle>[];
}

/**
 * A KPI's result at a date.
 *
 * @category KPIs
 */
export interface KpiEvaluation {
  readonly kpiId: string;
  /** The timeframe as dates. */
  readonly timeframe: { readonly start: string; readonly end: string };
  /** The aggregate of the measurements so far, or null with none (0 for `count`). */
  readonly actual: number | null;
  /** Measurements counted. */
  readonly count: number;
  /** Calendar date of the latest measurement counted. */
  readonly lastMeasured: string | null;
  /** Attainment against the full target (see {@link kpiAttainment}); null without an actual. */
  readonly attainment: number | null;
  /** For cumulative KPIs (`sum`, `count`) before the timeframe ends: attainment against the target pro-rated to the share of the timeframe gone by; else null. */
  readonly pacedAttainment: number | null;
  /** Red, amber or green from the threshold rules (on the paced attainment when there is one); null without an actual. */
  readonly status: Rag | null;
}

const Measurements = /*@__PURE__*/ z.array(Measurement);
const Cycles = /*@__PURE__*/ z.array(Cycle);

/** A KPI's evaluation with its exact actual and attainment (for scorecards). */
export interface ExactKpi {
  readonly evaluation: KpiEvaluation;
  readonly actual: Value | null;
  /** The actual exactly when `actual` is a rounded average. */
  readonly exactActual: Fraction | null;
  readonly attainment: Fraction | null;
}


/**
 * The part of a KPI that measure/ reads (target, timeframe, aggregation), as the `Kpi`
 * its functions take: a read-only KPI fits once the two parts that hold lists, thresholds
 * and scoring, are left out.
 */
export function measuredPart({ thresholds: _thresholds, scoring: _scoring, ...kpi }: DeepReadonly<Kpi>): Kpi {
  return kpi;
}

/** {@link evaluateKpi}, with the exact numbers behind it. */
export function evaluateKpiExact(
  kpi: DeepReadonly<Kpi>,
  measurements: readonly DeepReadonly<Measurement>[],
  items: Int32Array | null,
  from: number,
  to: number,
  span: Span,
  asOf: string | null,
): ExactKpi {
  const day = asOf ?? span.end;
  const until = day < span.end ? day : span.end;
  const aggregation = kpi.aggregation ?? 'last';
  const agg = aggregate(aggregation, measurements, items, from, to, span.start, until, items === null ? kpi.id : null);
  const actual = agg.value === null ? null : toNumber(agg.value);
  const measured = measuredPart(kpi);
  const exactAttainment = agg.value === null ? null : attainmentOf(measured, agg.value, FRACTION_ONE, agg.exact);
  const cumulative = (aggregation === 'sum' || aggregation === 'count') && kpi.target.polarity !== 'range';
  const share = paceShare(span, day);
  const paced = agg.value !== null && cumulative && signOf(share) > 0 && compareFractions(share, FRACTION_ONE) < 0 ? attainmentOf(measured, agg.value, share, agg.exact) : null;
  const judged = paced ?? exactAttainment;
  const attainment = exactAttainment === null ? null : toDouble(exactAttainment);
  const pacedAttainment = paced === null ? null : toDouble(paced);
  const evaluation: KpiEvaluation = {
    kpiId: kpi.id,
    timeframe: { start: span.start, end: span.end },
    actual,
    count: agg.count,
    lastMeasured: agg.last,
    attainment,
    pacedAttainment,
    status: judged === null ? null : ragOf(kpi.thresholds, judged),
  };
  return { evaluation, actual: agg.value, exactActual: agg.exact, attainment: exactAttainment };
}

function checkKpiArguments(kpi: DeepReadonly<Kpi>, measurements: readonly AtInstant<DeepReadonly<Measurement>>[], options: KpiOptions) {
  const k = parseArgument(Kpi, kpi, 'kpi');
  const list = parseArgument(Measurements, atWithDays(measurements, checkTimeZone(options.timeZone, 'timeZone'), 'measurements'), 'measurements');
  checkMeasurementValues(list);
  const cycles = parseArgument(Cycles, options.cycles ?? [], 'cycles');
  const asOf = checkAsOf(options);
  return { k, list, span: timeframeOf(k, cycles), asOf };
}

/**
 * Evaluates one KPI at a date: its actual value over the timeframe, attainment, paced
 * attainment for cumulative KPIs, and red/amber/green status.
 *
 * @param kpi - The KPI.
 * @param measurements - Its measurements (others are ignored).
 * @param options - `asOf`, and `cycles` when the timeframe names a cycle.
 * @returns The {@link KpiEvaluation}.
 * @throws {OkrkitError} `invalid_argument` for bad input or a target attainment cannot be measured against; `unknown_reference` for an unknown cycle.
 * @example
 * const leads = { id: 'leads', name: 'New leads', target: { polarity: 'higher', value: 20 }, timeframe: { start: '2026-10-01', end: '2026-12-31' }, dataSource: { name: 'CRM' }, frequency: 'weekly', aggregation: 'sum' } as const;
 * evaluateKpi(leads, [{ kpiId: 'leads', at: '2026-11-15', value: 12 }], { asOf: '2026-11-15' })
 * //=> { actual: 12, attainment: 0.6, pacedAttainment: 1.2, status: 'green', … } (46 of 92 days gone: 10 due)
 * @category KPIs
 */
export function evaluateKpi(kpi: DeepReadonly<Kpi>, measurements: readonly AtInstant<DeepReadonly<Measurement>>[], options: KpiOptions = {}): KpiEvaluation {
  const { k, list, span, asOf } = checkKpiArguments(kpi, measurements, options);
  return evaluateKpiExact(k, list, null, 0, list.length, span, asOf).evaluation;
}

/**
 * How far an actual value attains a KPI's target: `higher` 1 + (A − T) / |T|, `lower`
 * 1 − (A − T) / |T| (A / T and 2 − A / T for a positive target), `range` 1 inside and
 * 1 − distance / |bound| outside; with a `baseline`, linear from the baseline (0) to the
 * target (1). A better actual never scores lower, also for negative targets. Never below
 * 0; above 1 means over-achieved.
 *
 * @param kpi - The KPI.
 * @param actual - The actual value, as a number or decimal string.
 * @returns The attainment.
 * @throws {OkrkitError} `invalid_argument` for a zero target without a baseline (the ratio has no meaning), a target equal to its baseline, or a bad value.
 * @example
 * kpiAttainment({ ...costPerLead, target: { polarity: 'lower', value: '0.5' } }, '0.55')
 * //=> 0.9
 * @category KPIs
 */
export function kpiAttainment(kpi: DeepReadonly<Kpi>, actual: number | string): number {
  const k = parseArgument(Kpi, kpi, 'kpi');
  const a = readValue(parseArgument(Numeric, actual, 'actual'), (name) => msg('where.name', { name }), 'actual');
  return attainmentAgainst(k, a);
}

