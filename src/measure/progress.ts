import * as z from 'zod/v4';
import { parseArgument } from '../_lib/zod-issues.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { CheckIn } from '../model/check-in.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { checkAsOf, checkCap, checkDate, checkFloor, checkOptions } from '../model/options.js';
import { checkTimeZone, type AtInstant, type DateInput } from '../model/instant.js';
import { atWithDays } from '../model/plan-instants.js';
import { measureKeyResult, type KeyResultProgress } from './key-result.js';
import { PLAIN_CONTEXT, type Context } from '../model/context.js';
import { KeyResult } from '../model/key-result.js';
import { checkCheckInValues } from './check-ins.js';

/**
 * Options of {@link keyResultProgress}.
 *
 * @category Key results
 */
export interface KeyResultProgressOptions {
  /** Count check-ins dated on or before this calendar date; all of them when omitted. A `Date` or epoch milliseconds counts on its day in `timeZone`. */
  readonly asOf?: DateInput;
  /** Count check-ins dated on or after this calendar date (the cycle's start, say). A `Date` or epoch milliseconds counts on its day in `timeZone`. */
  readonly since?: DateInput;
  /** The IANA time zone (`Asia/Ho_Chi_Minh`) that decides the calendar day of a date given as a `Date` or epoch milliseconds. */
  readonly timeZone?: string;
  /** Upper bound of `progress`: 1 by default, 1.2 to show over-achievement, `Infinity` for none. */
  readonly cap?: number;
  /** Lower bound of `progress`: 0 by default, a negative number (−0.5, say) or `-Infinity` to keep a key result that moved the wrong way below 0. */
  readonly floor?: number;
}

const CheckIns = /*@__PURE__*/ z.array(CheckIn);

/**
 * Whether what a key-result schema accepted is measured as a key result. The schema is
 * `KeyResult` or the kit's, which adds plug-in kinds; the engine measures those as key
 * results too, through the registry (so the type `KeyResult` stands for them inside).
 */
function isKeyResult(x: unknown): x is KeyResult {
  return typeof x === 'object' && x !== null && 'kind' in x && typeof x.kind === 'string' && 'id' in x && typeof x.id === 'string';
}

/**
 * Computes a key result's current value, progress and score from its check-ins.
 *
 * For a metric key result `raw = (A − S) / (T − S)`, A the current value (the start
 * value before any check-in), and `progress` is `raw` clamped to `[floor, cap]`
 * (`[0, 1]` by default). Threshold
 * and range key results give 1 or 0 (or the share of check-ins that met the
 * condition), binary ones 1 or 0, milestones the weighted share done; baseline key
 * results are measured but have no progress. Check-ins of other key results are
 * ignored, so a whole plan's check-ins may be passed.
 *
 * @param keyResult - The key result.
 * @param checkIns - Its check-ins, in any order.
 * @param options - `asOf`, `since`, `cap` and `floor`.
 * @returns Value, raw progress, progress, score and check-in facts.
 * @throws {OkrkitError} `invalid_argument` when the key result, a check-in or an option is invalid.
 * @example
 * const bugs = { id: 'bugs', objectiveId: 'o2', title: 'Open bugs down to 60', kind: 'metric', start: 100, target: 60 } as const;
 * keyResultProgress(bugs, [{ keyResultId: 'bugs', at: '2026-09-01', value: 50 }])
 * //=> { value: 50, raw: 1.25, progress: 1, score: 1, … }
 * keyResultProgress(bugs, [{ keyResultId: 'bugs', at: '2026-09-01', value: 50 }], { cap: Infinity }).progress
 * //=> 1.25
 * keyResultProgress(bugs, [{ keyResultId: 'bugs', at: '2026-09-01', value: 110 }], { floor: -Infinity }).progress
 * //=> -0.25
 * @category Key results
 */
export function keyResultProgress(
  keyResult: DeepReadonly<KeyResult>,
  checkIns: readonly AtInstant<DeepReadonly<CheckIn>>[] = [],
  options: KeyResultProgressOptions = {},
): KeyResultProgress {
  return keyResultProgressIn(PLAIN_CONTEXT, keyResult, checkIns, options);
}

/** {@link keyResultProgress} in a kit's context: its key-result schema and plug-ins. */
export function keyResultProgressIn(cx: Context, keyResult: unknown, checkIns: unknown, options: KeyResultProgressOptions): KeyResultProgress {
  const { kr, list, cap, floor, asOf: until } = parseKeyResultArguments(keyResult, checkIns, options, cx.schemas?.keyResult);
  const since = checkDate(options.since, 'since', checkTimeZone(options.timeZone, 'timeZone'));
  return measureKeyResult(cx, kr, list, null, 0, list.length, { since, until }, cap, floor, null);
}

/** Checks the arguments the key-result functions share: the key result, its check-ins, `asOf`, `cap` and `floor`. */
export function parseKeyResultArguments(
  keyResult: unknown,
  checkIns: unknown,
  options: { readonly asOf?: DateInput; readonly timeZone?: string; readonly cap?: number; readonly floor?: number },
  schema: z.ZodType = KeyResult,
): { kr: KeyResult; list: CheckIn[]; cap: number; floor: number; asOf: string | null } {
  const o = checkOptions(options, 'options');
  const kr = parseArgument(schema, keyResult, 'keyResult');
  if (!isKeyResult(kr)) invalidArgument('arg.invalid', { name: 'keyResult' });
  const list = parseArgument(CheckIns, atWithDays(checkIns, checkTimeZone(o.timeZone, 'timeZone'), 'checkIns'), 'checkIns');
  checkCheckInValues(list);
  return { kr, list, cap: checkCap(o.cap), floor: checkFloor(o.floor), asOf: checkAsOf(o) };
}

export type { KeyResultProgress };
