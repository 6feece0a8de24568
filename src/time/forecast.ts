import { readValue } from '../_lib/read-value.js';
import { where } from '../messages/where.js';
import { dateOf, daysBetween } from '../_lib/calendar.js';
import { Dec, toNumber, type Value } from '../_lib/numeric.js';
import { Exact } from '../_lib/exact.js';
import { FRACTION_ONE } from '../_lib/fraction.js';
import { Near } from '../_lib/near.js';
import { NO_PLUGINS, type Registry } from '../model/plugin-registry.js';
import { parseArgument } from '../_lib/zod-issues.js';
import { CheckIn } from '../model/check-in.js';
import { Cycle } from '../model/cycle.js';
import { clampInto, compareCheckIns, differenceRatioInto, ExactMeasure, scoreInto } from '../measure/key-result.js';
import { parseKeyResultArguments } from '../measure/progress.js';
import { KeyResult } from '../model/key-result.js';
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
  /** Projected progress, clamped to [0, cap]. */
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
  /** Use check-ins dated on or before this date; all in the cycle when omitted. */
  readonly asOf?: string;
  /** Progress cap: 1 by default. */
  readonly cap?: number;
  /** Status thresholds. */
  readonly status?: StatusOptions;
}

/** A key result's own number (checked by its schema); the field is named if it is not one. */
const value = (x: string | number, id = '', field = ''): Value => readValue(x, where.keyResultField, id, field);

/**
 * A key result's forecast and its exact score. Before the cycle's last day the trend
 * of the check-ins is projected to that day; from the last day on (the cycle has ended)
 * the forecast is the measured value itself, so it never differs from the final score.
 * Scoring rules, plug-in ones included, come from `registry`.
 */
export function forecastExactWith(
  kr: KeyResult,
  checkIns: readonly CheckIn[],
  cycle: { readonly start: string; readonly end: string },
  until: string,
  cap: number,
  rules: StatusRules,
  registry: Registry = NO_PLUGINS,
  ended = false,
): { forecast: Forecast; score: Exact } | null {
  if (kr.kind !== 'metric') return null;
  const mode = kr.valueFrom ?? 'latest';
  const points = checkIns
    .filter((c) => c.keyResultId === kr.id && c.value !== undefined)
    .filter((c) => {
      const d = dateOf(c.at);
      return d >= cycle.start && d <= until && d <= cycle.end;
    })
    .sort(compareCheckIns);
  // Running current value after each check-in; the last state of each date counts.
  const series = new Map<string, Dec>();
  let acc: Dec | null = null;
  let count = 0;
  const start = value(kr.start);
  for (const c of points) {
    const v = toDec(value(c.value as string | number));
    count++;
    if (acc === null) acc = v;
    else if (mode === 'sum' || mode === 'average') acc = acc.plus(v);
    else if (mode === 'min') acc = v.lt(acc) ? v : acc;
    else if (mode === 'max') acc = v.gt(acc) ? v : acc;
    else acc = v;
    series.set(dateOf(c.at), mode === 'sum' ? toDec(start).plus(acc) : mode === 'average' ? acc.div(count) : acc);
  }
  if (ended && series.size > 0) {
    // The cycle is over: nothing is left to project, the forecast is what was measured.
    return forecastOf(kr, [...series.values()].pop() as Dec, series.size, cap, rules, registry);
  }
  if (series.size < 2) return null;

  // Least squares, exactly: projected = (Σy·D + N·(n·x_end − Σx)) / (n·D), with
  // N = nΣxy − ΣxΣy and D = nΣx² − (Σx)².
  const n = series.size;
  let sx = new Dec(0);
  let sy = new Dec(0);
  let sxx = new Dec(0);
  let sxy = new Dec(0);
  for (const [day, y] of series) {
    const x = daysBetween(cycle.start, day);
    const yd = y;
    sx = sx.plus(x);
    sy = sy.plus(yd);
    sxx = sxx.plus(x * x);
    sxy = sxy.plus(yd.times(x));
  }
  const numerator = sxy.times(n).minus(sx.times(sy));
  const denominator = sxx.times(n).minus(sx.times(sx));
  const xEnd = daysBetween(cycle.start, cycle.end);
  const projected = sy.times(denominator).plus(numerator.times(sx.neg().plus(xEnd * n))).div(denominator.times(n));
  return forecastOf(kr, projected, n, cap, rules, registry);
}

/** The forecast of a projected (or, at the end, measured) value: progress, score and status, exactly. */
function forecastOf(kr: Extract<KeyResult, { kind: 'metric' }>, projected: Dec, points: number, cap: number, rules: StatusRules, registry: Registry): { forecast: Forecast; score: Exact } {
  const m = new ExactMeasure();
  differenceRatioInto(m.raw, projected, value(kr.start), value(kr.target));
  clampInto(m.progress, m.raw, cap, m.a);
  const score = new Exact();
  if (kr.finalScore !== undefined) score.setDouble(kr.finalScore);
  else scoreInto(score, kr.scoring, m.progress, kr, registry, m.a);
  const progress = m.progress.toNumber();
  return {
    forecast: {
      value: toNumber(projected),
      raw: m.raw.toNumber(),
      progress: progress === 0 ? 0 : progress,
      score: score.toNumber(),
      status: classifyExact(m.progress.near(new Near()), new Near().set(1, 0, 0), true, true, rules, null, { progress: () => m.progress.fraction(), expected: () => FRACTION_ONE }, new PaceScratch()),
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
 * @param options - `asOf`, `cap` and status thresholds.
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
  checkIns: readonly DeepReadonly<CheckIn>[],
  cycle: DeepReadonly<Cycle>,
  options: ForecastOptions = {},
): Forecast | null {
  const { kr, list, cap, asOf } = parseKeyResultArguments(keyResult, checkIns, options);
  const c = parseArgument(Cycle, cycle, 'cycle');
  return forecastKeyResultWith(kr, list, c, asOf, cap, options, NO_PLUGINS);
}

/** {@link forecastKeyResult} for checked input, with plug-in scorings (see createOkrkit). */
export function forecastKeyResultWith(kr: KeyResult, checkIns: readonly CheckIn[], c: Cycle, asOf: string | null, cap: number, options: ForecastOptions, registry: Registry): Forecast | null {
  const ended = asOf === null || asOf >= c.end || c.state === 'grading' || c.state === 'closed';
  return forecastExactWith(kr, checkIns, c, asOf ?? c.end, cap, statusRules(options.status), registry, ended)?.forecast ?? null;
}
