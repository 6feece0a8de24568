import type { AtInstant, DateInput } from '../model/instant.js';
import { PLAIN_CONTEXT } from '../model/context.js';
import { dateOf } from '../_lib/calendar.js';
import { parseArgument } from '../_lib/zod-issues.js';
import { CheckIn } from '../model/check-in.js';
import { Cycle } from '../model/cycle.js';
import { measureKeyResult } from '../measure/key-result.js';
import { parseKeyResultArguments } from '../measure/progress.js';
import { KeyResult } from '../model/key-result.js';
import { expectedAt } from './expected.js';
import type { DeepReadonly } from '../model/deep-readonly.js';

/**
 * One point of a key result's history.
 *
 * @category Pace
 */
export interface HistoryPoint {
  /** The calendar date. */
  readonly date: string;
  /** The current value as of that date (null where the kind has none). */
  readonly value: number | null;
  /** Progress as of that date. */
  readonly progress: number | null;
  /** Progress expected by that date. */
  readonly expected: number;
  /** The latest confidence given by that date. */
  readonly confidence: number | null;
  /** True when a check-in is dated that day; false for the cycle's start and the `asOf` point. */
  readonly checkIn: boolean;
}

/**
 * Options of {@link keyResultHistory}.
 *
 * @category Pace
 */
export interface KeyResultHistoryOptions {
  /** The last date of the series: the cycle's end when omitted. A `Date` or epoch milliseconds counts on its day in `timeZone`. */
  readonly asOf?: DateInput;
  /** The IANA time zone (`Asia/Ho_Chi_Minh`) that decides the calendar day of a date given as a `Date` or epoch milliseconds. */
  readonly timeZone?: string;
  /** Progress cap: 1 by default. */
  readonly cap?: number;
  /** Progress floor: 0 by default; below 0 (or `-Infinity`) keeps progress below the start. */
  readonly floor?: number;
}


/**
 * A key result's history over its cycle, for charts: one point at the cycle's start,
 * one for each date with a check-in, and one at `asOf` — each with the value, progress,
 * expected progress and confidence as they stood that day.
 *
 * @param keyResult - The key result.
 * @param checkIns - Its check-ins (others are ignored).
 * @param cycle - Its objective's cycle.
 * @param options - `asOf`, `cap` and `floor`.
 * @returns The points in date order.
 * @throws {OkrkitError} `invalid_argument` for bad input.
 * @example
 * keyResultHistory(kr, checkIns, q3, { asOf: '2026-08-15' }).map((p) => [p.date, p.progress, p.expected])
 * //=> [['2026-07-01', 0, 0], ['2026-07-31', 0.3, 0.3296…], ['2026-08-15', 0.3, 0.4945…]]
 * @category Pace
 */
export function keyResultHistory(
  keyResult: DeepReadonly<KeyResult>,
  checkIns: readonly AtInstant<DeepReadonly<CheckIn>>[],
  cycle: DeepReadonly<Cycle>,
  options: KeyResultHistoryOptions = {},
): HistoryPoint[] {
  const { kr, list: all, cap, floor, asOf } = parseKeyResultArguments(keyResult, checkIns, options);
  const list = all.filter((c) => c.keyResultId === kr.id);
  const c = parseArgument(Cycle, cycle, 'cycle');
  const last = asOf !== null && asOf < c.end ? asOf : c.end;

  const days = new Set<string>();
  for (const checkIn of list) {
    const d = dateOf(checkIn.at);
    if (d >= c.start && d <= last) days.add(d);
  }
  const dates = [...new Set([c.start, ...days, last])].filter((d) => d <= last).sort();
  return dates.map((date) => {
    const m = measureKeyResult(PLAIN_CONTEXT, kr, list, null, 0, list.length, { since: c.start, until: date }, cap, floor);
    return {
      date,
      value: m.value,
      progress: m.progress,
      expected: expectedAt(kr, c, date),
      confidence: m.confidence,
      checkIn: days.has(date),
    };
  });
}
