import type { AtInstant, DateInput } from '../model/instant.js';
import { readValue } from '../_lib/read-value.js';
import { where } from '../messages/where.js';
import { dateOf, daysBetween } from '../_lib/calendar.js';
import { add, Dec, toNumber, type Value } from '../_lib/numeric.js';
import { Exact } from '../_lib/exact.js';
import { FRACTION_ONE } from '../_lib/fraction.js';
import { Near } from '../_lib/near.js';
import { PLAIN_CONTEXT, type Context } from '../model/context.js';
import { parseArgument } from '../_lib/zod-issues.js';
import { CheckIn } from '../model/check-in.js';
import { Cycle } from '../model/cycle.js';
import { Accumulator } from '../measure/accumulate.js';
import { compareCheckIns } from '../measure/check-ins.js';
import { clampInto, differenceRatioInto, scoreInto } from '../measure/exact-progress.js';
import { parseKeyResultArguments } from '../measure/progress.js';
import { KeyResult, type MetricKeyResult } from '../model/key-result.js';
import { classifyExact, PaceScratch, statusRules, type Status, type StatusOptions, type StatusRules } from './status.js';
import type { DeepReadonly } from '../model/deep-readonly.js';

/**
 * Where a key result is heading: its value projected to the end of the cycle, with the
 * progress, score and status that value would give.
 *
 * @category Pace
 */
export interface Forecast {
  /** The projected value at the cycle's last day. */
  readonly value: number;
  /** Unclamped projected progress. */
  readonly raw: number;
  /** Projected progress, clamped to [floor, cap] ([0, 1] by default). */
  readonly progress: number;
  /** The score the projected progress would earn. */
  readonly score: number;
  /** `achieved` when the projection reaches the target; otherwise judged against full progress. */
  readonly status: Status;
  /** How many check-in dates the trend was fitted to. */
  readonly points: number;
}

/**
 * Options of {@link forecastKeyResult}.
 *
 * @category Pace
 */
export interface ForecastOptions {
  /** Use check-ins dated on or before this date; all in the cycle when omitted. A `Date` or epoch milliseconds counts on its day in `timeZone`. */
  readonly asOf?: DateInput;
  /** The IANA time zone (`Asia/Ho_Chi_Minh`) that decides the calendar day of a date given as a `Date` or epoch milliseconds. */
  readonly timeZone?: string;
  /** Progress cap: 1 by default. */
  readonly cap?: number;
  /** Progress floor: 0 by default; below 0 (or `-Infinity`) keeps a projection below the start. */
  readonly floor?: number;
  /** Status thresholds. */
  readonly status?: StatusOptions;
}

/** A key result's own number (checked by its schema); the field is named if it is not one. */
const value = (x: string | number, id: string, field: string): Value => readValue(x, where.keyResultField, id, field);

/**
 * A key result's forecast and its exact score. Before the cycle's last day the trend
 * of the check-ins is projected to that day; from the last day on (the cycle has ended)
 * the forecast is the measured value itself, so it never differs from the final score.
 * Scoring rules, plug-in ones included, come from the context.
 */
export function forecastExactIn(
  cx: Context,
  kr: KeyResult,
  checkIns: readonly CheckIn[],
  cycle: { readonly start: string; readonly end: string },
  until: string,
  cap: number,
  floor: number,
  rules: StatusRules,
  ended = false,
): { forecast: Forecast; score: Exact } | null {
  if (kr.kind !== 'metric') return null;
  const last = until < cycle.end ? until : cycle.end;
  const points = checkIns.filter((c): c is Valued => c.keyResultId === kr.id && c.value !== undefined && inDays(c, cycle.start, last)).sort(compareCheckIns);
  const series = seriesOf(kr, points);
  if (ended && series.last !== null) {
    // The cycle is over: nothing is left to project, the forecast is what was measured.
    return forecastOf(cx, kr, series.last, series.values.size, { cap, floor }, rules);
  }
  if (series.values.size < 2) return null;
  return forecastOf(cx, kr, leastSquares(series.values, cycle), series.values.size, { cap, floor }, rules);
}

/** A check-in with a value. */
type Valued = CheckIn & { readonly value: string | number };

function inDays(c: CheckIn, first: string, last: string): boolean {
  const d = dateOf(c.at);
  return d >= first && d <= last;
}

/**
 * The key result's value after each check-in date (by its `valueFrom`, the last state of
 * each date), and the value after the last one.
 */
function seriesOf(kr: MetricKeyResult, points: readonly Valued[]): { values: Map<string, Dec>; last: Dec | null } {
  const values = new Map<string, Dec>();
  const acc = new Accumulator().start(kr.valueFrom ?? 'latest');
  const start = value(kr.start, kr.id, 'start');
  let last: Dec | null = null;
  for (const c of points) {
    // The points are in order, so each is the latest so far.
    acc.add(readValue(c.value, where.checkInValue, kr.id), 1);
    const current = acc.result() ?? start; // never null once a value is in
    last = toDec(acc.aggregation === 'sum' ? add(start, current) : current);
    values.set(dateOf(c.at), last);
  }
  return { values, last };
}

/**
 * Least squares, exactly, read at the cycle's last day: projected = (Σy·D + N·(n·x_end − Σx)) / (n·D),
 * with N = nΣxy − ΣxΣy and D = nΣx² − (Σx)², x the days from the cycle's start.
 */
function leastSquares(series: ReadonlyMap<string, Dec>, cycle: { readonly start: string; readonly end: string }): Dec {
  const n = series.size;
  let sx = new Dec(0);
  let sy = new Dec(0);
  let sxx = new Dec(0);
  let sxy = new Dec(0);
  for (const [day, y] of series) {
    const x = daysBetween(cycle.start, day);
    sx = sx.plus(x);
    sy = sy.plus(y);
    sxx = sxx.plus(x * x);
    sxy = sxy.plus(y.times(x));
  }
  const numerator = sxy.times(n).minus(sx.times(sy));
  const denominator = sxx.times(n).minus(sx.times(sx));
  const xEnd = daysBetween(cycle.start, cycle.end);
  return sy.times(denominator).plus(numerator.times(sx.neg().plus(xEnd * n))).div(denominator.times(n));
}

/** The forecast of a projected (or, at the end, measured) value: progress, score and status, exactly. */
function forecastOf(cx: Context, kr: MetricKeyResult, projected: Dec, points: number, bounds: { cap: number; floor: number }, rules: StatusRules): { forecast: Forecast; score: Exact } {
  const raw = differenceRatioInto(new Exact(), projected, value(kr.start, kr.id, 'start'), value(kr.target, kr.id, 'target'));
  const scratch = new Exact();
  const clamped = clampInto(new Exact(), raw, bounds.floor, bounds.cap, scratch);
  const score = new Exact();
  if (kr.finalScore !== undefined) score.setDouble(kr.finalScore);
  else scoreInto(cx, score, kr.scoring, clamped, kr, scratch);
  const progress = clamped.toNumber();
  return {
    forecast: {
      value: toNumber(projected),
      raw: raw.toNumber(),
      progress: progress === 0 ? 0 : progress,
      score: score.toNumber(),
      status: classifyExact(clamped.near(new Near()), new Near().set(1, 0, 0), true, true, rules, null, { progress: () => clamped.fraction(), expected: () => FRACTION_ONE }, new PaceScratch()),
      points,
    },
    score,
  };
}

function toDec(v: Value): Dec {
  return typeof v === 'number' ? new Dec(v) : v;
}

/**
 * Projects a metric key result's trend to the end of its cycle: a least-squares line
 * through its value at each check-in date (up to `asOf`), read at the cycle's last day.
 * Once the cycle has ended — `asOf` on or after its last day, no `asOf` (judged at the
 * end, as {@link evaluate} does), or a cycle in grading or closed — nothing is left to
 * project and the forecast is the measured value, as the final score is.
 *
 * @param keyResult - A metric key result.
 * @param checkIns - Its check-ins (others are ignored).
 * @param cycle - Its objective's cycle.
 * @param options - `asOf`, `cap`, `floor` and status thresholds.
 * @returns The forecast, or null for other kinds, for fewer than two check-in dates
 *   before the end, and for none at all.
 * @throws {OkrkitError} `invalid_argument` for bad input.
 * @example
 * const q3 = { id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' };
 * const kr = { id: 'k', objectiveId: 'o', title: 'Leads', kind: 'metric', start: 0, target: 120 } as const;
 * const checkIns = [{ keyResultId: 'k', at: '2026-07-31', value: 30 }, { keyResultId: 'k', at: '2026-08-30', value: 60 }];
 * forecastKeyResult(kr, checkIns, q3, { asOf: '2026-09-01' })
 * //=> { value: 90, raw: 0.75, progress: 0.75, score: 0.75, status: 'atRisk', points: 2 }
 * forecastKeyResult(kr, checkIns, q3).value // the cycle is over: what was measured
 * //=> 60
 * @category Pace
 */
export function forecastKeyResult(
  keyResult: DeepReadonly<KeyResult>,
  checkIns: readonly AtInstant<DeepReadonly<CheckIn>>[],
  cycle: DeepReadonly<Cycle>,
  options: ForecastOptions = {},
): Forecast | null {
  return forecastKeyResultIn(PLAIN_CONTEXT, keyResult, checkIns, cycle, options);
}

/** {@link forecastKeyResult} in a kit's context: its key-result schema and scorings. */
export function forecastKeyResultIn(cx: Context, keyResult: unknown, checkIns: unknown, cycle: unknown, options: ForecastOptions): Forecast | null {
  const { kr, list, cap, floor, asOf } = parseKeyResultArguments(keyResult, checkIns, options, cx.schemas?.keyResult);
  const c = parseArgument(Cycle, cycle, 'cycle');
  const ended = asOf === null || asOf >= c.end || c.state === 'grading' || c.state === 'closed';
  return forecastExactIn(cx, kr, list, c, asOf ?? c.end, cap, floor, statusRules(options.status), ended)?.forecast ?? null;
}
