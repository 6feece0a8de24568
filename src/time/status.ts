import { checkOptions } from '../model/options.js';
import * as z from 'zod/v4';
import { at } from '../_lib/at.js';
import { compareFractions, FRACTION_ONE, fractionOfDouble, minus, times, type Fraction } from '../_lib/fraction.js';
import { compareNear, multiplyNear, Near, nearDouble, subtractNear } from '../_lib/near.js';
import { invalidArgument } from '../messages/okrkit-error.js';

/**
 * Where a key result or objective stands against the pace its cycle sets:
 *
 * - `notStarted`: the cycle has not begun;
 * - `noData`: the cycle has begun but nothing has been measured yet;
 * - `achieved`: progress reached 1;
 * - `onTrack`, `atRisk`, `offTrack`: progress compared with the expected progress.
 *
 * @example
 * Status.parse('atRisk')
 * //=> 'atRisk'
 * @category Pace
 */
export const Status = /*@__PURE__*/ z.enum(['notStarted', 'noData', 'achieved', 'onTrack', 'atRisk', 'offTrack']);
/** @category Pace */
export type Status = z.infer<typeof Status>;

/**
 * How statuses are decided. In `ratio` mode (default) a key result is on track when
 * progress ÷ expected ≥ `onTrack` (0.95) and at risk when ≥ `atRisk` (0.75). In
 * `difference` mode the thresholds are allowed shortfalls: on track when
 * expected − progress ≤ `onTrack` (0.05), at risk when ≤ `atRisk` (0.25).
 *
 * @category Pace
 */
export interface StatusOptions {
  /** `ratio` (default) or `difference`. */
  readonly mode?: 'ratio' | 'difference';
  /** On-track threshold: 0.95 in ratio mode, 0.05 in difference mode. */
  readonly onTrack?: number;
  /** At-risk threshold: 0.75 in ratio mode, 0.25 in difference mode. */
  readonly atRisk?: number;
  /** An objective's status: its `worst` contributing child's (default), or from its own score and expected progress (`mean`). */
  readonly objective?: 'worst' | 'mean';
  /** Judge key results by `progress` against pace (default) or by their latest `confidence`, falling back to progress without one. */
  readonly from?: 'progress' | 'confidence';
  /** Confidence thresholds when `from` is `confidence`: on track ≥ 0.7, at risk ≥ 0.4 by default. */
  readonly confidence?: { readonly onTrack?: number; readonly atRisk?: number };
}

/** A threshold as given, and its exact value in both forms the judging needs. */
interface Threshold {
  readonly near: Near;
  readonly fraction: Fraction;
}

const thresholdOf = (x: number): Threshold => ({ near: nearDouble(new Near(), x), fraction: fractionOfDouble(x) });

/** Status options with every default filled in and checked. */
export interface StatusRules {
  readonly mode: 'ratio' | 'difference';
  readonly onTrack: number;
  readonly atRisk: number;
  readonly objective: 'worst' | 'mean';
  readonly from: 'progress' | 'confidence';
  readonly confidenceOnTrack: number;
  readonly confidenceAtRisk: number;
  /** The two thresholds in exact form. */
  readonly exact: { readonly onTrack: Threshold; readonly atRisk: Threshold };
}

function threshold(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) invalidArgument('arg.nonNegative', { name, value: String(value) });
  return value;
}

/** Fills in and checks {@link StatusOptions}. */
export function statusRules(given?: StatusOptions): StatusRules {
  const options = checkOptions(given, 'status');
  const mode = options.mode ?? 'ratio';
  if (mode !== 'ratio' && mode !== 'difference') invalidArgument('arg.oneOf', { name: 'status.mode', options: "'ratio', 'difference'", value: String(mode) });
  const onTrack = threshold(options.onTrack, mode === 'ratio' ? 0.95 : 0.05, 'status.onTrack');
  const atRisk = threshold(options.atRisk, mode === 'ratio' ? 0.75 : 0.25, 'status.atRisk');
  if (mode === 'ratio' ? atRisk > onTrack : atRisk < onTrack) {
    invalidArgument(mode === 'ratio' ? 'arg.atMost' : 'arg.atLeast', { name: 'status.atRisk', value: atRisk, other: 'status.onTrack', otherValue: onTrack });
  }
  const objective = options.objective ?? 'worst';
  if (objective !== 'worst' && objective !== 'mean') invalidArgument('arg.oneOf', { name: 'status.objective', options: "'worst', 'mean'", value: String(objective) });
  const from = options.from ?? 'progress';
  if (from !== 'progress' && from !== 'confidence') invalidArgument('arg.oneOf', { name: 'status.from', options: "'progress', 'confidence'", value: String(from) });
  const confidence = checkOptions(options.confidence, 'status.confidence');
  const confidenceOnTrack = threshold(confidence.onTrack, 0.7, 'status.confidence.onTrack');
  const confidenceAtRisk = threshold(confidence.atRisk, 0.4, 'status.confidence.atRisk');
  return { mode, onTrack, atRisk, objective, from, confidenceOnTrack, confidenceAtRisk, exact: { onTrack: thresholdOf(onTrack), atRisk: thresholdOf(atRisk) } };
}

const ONE = /*@__PURE__*/ thresholdOf(1);
/**
 * The exact progress and expected progress behind two registers, computed only when the
 * registers are too close to a threshold to settle it.
 */
export interface ExactPace {
  progress(): Fraction;
  expected(): Fraction;
}

/** Registers used while judging (one set per caller, so nothing is shared between calls). */
export class PaceScratch {
  readonly t = new Near();
}

/**
 * The pace status from exact values held in registers: every comparison with a
 * threshold is settled on the exact progress and expected progress, so a ratio or gap
 * exactly on a threshold falls in the band the threshold names.
 */
export function classifyExact(
  progress: Near | null,
  expected: Near,
  started: boolean,
  hasData: boolean,
  rules: StatusRules,
  confidence: number | null,
  exact: ExactPace,
  scratch: PaceScratch,
): Status {
  if (!started) return 'notStarted';
  if (!hasData || progress === null) return 'noData';
  let c = compareNear(progress, ONE.near);
  if (Number.isNaN(c)) c = compareFractions(exact.progress(), FRACTION_ONE);
  if (c >= 0) return 'achieved';
  if (rules.from === 'confidence' && confidence !== null) {
    // Two doubles read as written compare exactly as doubles.
    return confidence >= rules.confidenceOnTrack ? 'onTrack' : confidence >= rules.confidenceAtRisk ? 'atRisk' : 'offTrack';
  }
  const { onTrack, atRisk } = rules.exact;
  if (rules.mode === 'difference') {
    // gap = expected − progress; on track while gap ≤ onTrack.
    const gap = subtractNear(scratch.t, expected, progress);
    return withinGap(gap, onTrack, exact) ? 'onTrack' : withinGap(gap, atRisk, exact) ? 'atRisk' : 'offTrack';
  }
  // Nothing expected yet: on track, unless progress went below 0 (with a `floor`): off.
  if (expected.hi <= 0) return progress.hi < 0 ? 'offTrack' : 'onTrack';
  return reaches(progress, expected, onTrack, exact, scratch) ? 'onTrack' : reaches(progress, expected, atRisk, exact, scratch) ? 'atRisk' : 'offTrack';
}

/** gap ≤ θ, on the exact values when the register cannot tell. */
function withinGap(gap: Near, th: Threshold, exact: ExactPace): boolean {
  const r = compareNear(gap, th.near);
  return (Number.isNaN(r) ? compareFractions(minus(exact.expected(), exact.progress()), th.fraction) : r) <= 0;
}

/** progress ÷ expected ≥ θ, that is progress ≥ θ × expected, on the exact values when the registers cannot tell. */
function reaches(progress: Near, expected: Near, th: Threshold, exact: ExactPace, scratch: PaceScratch): boolean {
  // Far from the threshold, plain doubles decide (their error is a few units in the 16th digit).
  const quick = progress.hi - th.near.hi * expected.hi;
  const margin = 1e-12 * (Math.abs(progress.hi) + Math.abs(th.near.hi * expected.hi));
  if (quick > margin) return true;
  if (quick < -margin) return false;
  const r = compareNear(progress, multiplyNear(scratch.t, th.near, expected));
  return (Number.isNaN(r) ? compareFractions(exact.progress(), times(th.fraction, exact.expected())) : r) >= 0;
}

/** The pace status for checked doubles, each read as the decimal it prints as. */
function classify(
  progress: number | null,
  expected: number,
  started: boolean,
  hasData: boolean,
  rules: StatusRules,
  confidence: number | null = null,
): Status {
  const p = progress === null ? null : nearDouble(new Near(), progress);
  const e = nearDouble(new Near(), expected);
  const exact: ExactPace = { progress: () => fractionOfDouble(progress ?? 0), expected: () => fractionOfDouble(expected) };
  return classifyExact(p, e, started, hasData, rules, confidence, exact, new PaceScratch());
}

/** Severity of each status, for "worst child" rollups: higher is worse. */
export const SEVERITY: Readonly<Record<Status, number>> = {
  achieved: 0,
  notStarted: 1,
  onTrack: 2,
  noData: 3,
  atRisk: 4,
  offTrack: 5,
};
/** Statuses by severity. */
export const BY_SEVERITY: readonly Status[] = ['achieved', 'notStarted', 'onTrack', 'noData', 'atRisk', 'offTrack'];

/**
 * The status of a progress against the progress expected by now.
 *
 * @param progress - Progress so far (0–1, above with a cap, below 0 with a floor), or null when nothing was measured.
 * @param expected - Progress expected by now, 0–1 (see {@link expectedProgress}).
 * @param options - Thresholds and mode.
 * @returns `achieved` at progress 1; otherwise `onTrack`, `atRisk` or `offTrack`; `noData` for a null progress.
 * @throws {OkrkitError} `invalid_argument` for NaN inputs or inconsistent thresholds.
 * @example
 * paceStatus(0.45, 0.5)
 * //=> 'atRisk' (0.45 / 0.5 = 0.9, below 0.95)
 * paceStatus(0.45, 0.5, { mode: 'difference' })
 * //=> 'onTrack' (0.05 behind)
 * @category Pace
 */
export function paceStatus(progress: number | null, expected: number, options: StatusOptions = {}): Status {
  if (progress !== null && (typeof progress !== 'number' || !Number.isFinite(progress))) invalidArgument('arg.numberOrNull', { name: 'progress', value: String(progress) });
  if (typeof expected !== 'number' || !(expected >= 0 && expected <= 1)) invalidArgument('arg.numberBetween', { name: 'expected', min: 0, max: 1, value: String(expected) });
  return classify(progress, expected, true, progress !== null, statusRules(options));
}

/**
 * The worst of several statuses, the default status of an objective: `offTrack`, then
 * `atRisk`, `noData`, `onTrack`, `notStarted`, `achieved`.
 *
 * @param statuses - Statuses of the children.
 * @returns The worst, or null for none.
 * @example
 * worstStatus(['onTrack', 'achieved', 'atRisk'])
 * //=> 'atRisk'
 * @category Pace
 */
export function worstStatus(statuses: readonly Status[]): Status | null {
  let worst = -1;
  for (const s of statuses) {
    const level = SEVERITY[s];
    if (level === undefined) invalidArgument('arg.unknownStatus', { value: String(s) });
    if (level > worst) worst = level;
  }
  return worst < 0 ? null : at(BY_SEVERITY, worst);
}
