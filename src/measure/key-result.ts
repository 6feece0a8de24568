import { dateOf } from '../_lib/calendar.js';
import { Exact } from '../_lib/exact.js';
import { toNumber } from '../_lib/numeric.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { describeValue } from '../model/plugins.js';
import type { CheckIn } from '../model/check-in.js';
import type { KeyResult } from '../model/key-result.js';
import type { Context } from '../model/context.js';
import { readCheckIns, Reading, type MeasureWindow, type SourcedValue } from './check-ins.js';
import { clampInto, scoreInto } from './exact-progress.js';
import { measureKind } from './kinds.js';

// Where the engine and the tests have always found them.
export { compareCheckIns, type MeasureWindow, type SourcedValue } from './check-ins.js';
export { clampInto, differenceRatioInto, scoreInto } from './exact-progress.js';

/** -0 as 0: JSON may carry -0, results never do. */
const positiveZero = (x: number): number => (x === 0 ? 0 : x);

/**
 * What okrkit knows about one key result at a date.
 *
 * @category Key results
 */
export interface KeyResultProgress {
  /** The key result's id. */
  readonly keyResultId: string;
  /** The current value as a plain number; `null` when there is none (no check-in on a threshold, binary or milestones key result). */
  readonly value: number | null;
  /** Unclamped progress: `(A − S) / (T − S)` for metric key results; `null` for baseline ones. */
  readonly raw: number | null;
  /** `raw` clamped to `[floor, cap]` (`[0, cap]` by default); `null` for baseline key results. */
  readonly progress: number | null;
  /** The score from the key result's scoring rule, or its `finalScore`; `null` for baseline ones. */
  readonly score: number | null;
  /** True when `finalScore` set the score. */
  readonly overridden: boolean;
  /** How many check-ins counted (inside the window, at or before `asOf`). */
  readonly checkIns: number;
  /** Calendar date of the latest check-in that counted, or `null`. */
  readonly lastCheckIn: string | null;
  /** Confidence of the latest check-in that carried one, or `null`. */
  readonly confidence: number | null;
}

/**
 * The registers of one measurement: what the check-ins say, and the exact raw progress,
 * progress and score filled by {@link measureKeyResult}. One is reused from key result
 * to key result.
 */
export class ExactMeasure {
  readonly raw = new Exact();
  readonly progress = new Exact();
  readonly score = new Exact();
  /** Scratch registers for thresholds. */
  readonly a = new Exact();
  readonly b = new Exact();
  /** The cap as an exact register, kept while the cap stays the same. */
  readonly cap = new Exact().setIntegers(1, 1);
  capValue = 1;
  /** The pass over the key result's check-ins. */
  readonly reading = new Reading();
}

/**
 * Measures one key result from its check-ins: one pass over them (see
 * {@link readCheckIns} for `indices`, `from` and `to`), then its kind's raw progress,
 * then the clamp and the score. A sourced key result takes its value from its KPI.
 *
 * @internal
 */
export function measureKeyResult(
  cx: Context,
  kr: KeyResult,
  checkIns: readonly CheckIn[],
  indices: Int32Array | null,
  from: number,
  to: number,
  window: MeasureWindow,
  cap: number,
  floor: number,
  source: SourcedValue | null = null,
  exact: ExactMeasure = new ExactMeasure(),
): KeyResultProgress {
  const r = readCheckIns(exact.reading, kr, checkIns, indices, from, to, window, source);
  const hasRaw = measureKind(cx, exact.raw, kr, r);
  const finalScore = hasRaw ? checkedFinalScore(kr) : undefined;
  let raw: number | null = null;
  let progress: number | null = null;
  let score: number | null = null;
  if (hasRaw) {
    const linear = settle(cx, exact, kr, cap, floor, finalScore);
    raw = positiveZero(exact.raw.toNumber());
    // The nearest double of a progress that was not clamped is raw's.
    progress = sameRegister(exact.progress, exact.raw) ? raw : positiveZero(exact.progress.toNumber());
    score = linear ? progress : positiveZero(exact.score.toNumber());
  }
  const current = r.current;
  const confidence = checkedConfidence(r.latestConfident, kr.id);
  return {
    keyResultId: kr.id,
    value: current === null ? null : toNumber(current),
    raw,
    progress,
    score,
    overridden: finalScore !== undefined,
    checkIns: source !== null ? source.count : r.counted,
    lastCheckIn: source !== null ? source.last : r.latest === null ? null : dateOf(r.latest.at),
    confidence: confidence === undefined ? null : positiveZero(confidence),
  };
}

// An unparsed plan (from JavaScript) reaches the engine unchecked: these two numbers go
// into results as they are, so they are checked where they are read (never NaN out).

/** The key result's `finalScore`, when it is a finite number of zero or more. */
function checkedFinalScore(kr: KeyResult): number | undefined {
  const f: unknown = kr.finalScore;
  if (f === undefined) return undefined;
  if (typeof f !== 'number' || !(f >= 0 && Number.isFinite(f))) invalidArgument('arg.nonNegative', { name: `finalScore of key result "${kr.id}"`, value: describeValue(f) });
  return f;
}

/** The confidence of the latest confident check-in, when it is a number from 0 to 1. */
function checkedConfidence(c: CheckIn | null, id: string): number | undefined {
  const x: unknown = c?.confidence;
  if (x === undefined) return undefined;
  if (typeof x !== 'number' || !(x >= 0 && x <= 1)) invalidArgument('arg.numberBetween', { name: `confidence of a check-in of "${id}"`, min: 0, max: 1, value: describeValue(x) });
  return x;
}

/** Whether two registers hold the same form of a value (a copy: the clamp left it alone). */
function sameRegister(a: Exact, b: Exact): boolean {
  return a.n === b.n && a.d === b.d && a.big === b.big;
}

/**
 * Clamps the exact raw progress to [floor, cap] and scores it (by `finalScore` when set,
 * else the scoring rule). True when the score is the progress (linear scoring).
 */
function settle(cx: Context, exact: ExactMeasure, kr: KeyResult, cap: number, floor: number, finalScore: number | undefined): boolean {
  if (exact.capValue !== cap && cap !== Infinity) {
    exact.cap.setDouble(cap);
    exact.capValue = cap;
  }
  clampInto(exact.progress, exact.raw, floor, cap, exact.cap, true);
  const linear = finalScore === undefined && (kr.scoring === undefined || kr.scoring.type === 'linear');
  if (finalScore !== undefined) exact.score.setDouble(finalScore);
  else if (linear) exact.score.copy(exact.progress);
  else scoreInto(cx, exact.score, kr.scoring, exact.progress, kr, exact.a);
  return linear;
}
