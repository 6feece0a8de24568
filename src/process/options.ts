// The options of a step, checked once: who, when, why, judged at which date, and how
// closing scores.
import { parseArgument } from '../_lib/zod-issues.js';
import type { EvaluateOptions } from '../evaluate/evaluate.js';
import { dateOf } from '../_lib/calendar.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { checkDate, checkFlag, checkKnownKeys, checkOptions } from '../model/options.js';
import { FinalScore, Id, Text, Timestamp } from '../model/primitives.js';
import { checkTimeZone, clockOfInstant, isInstant, type DateInput } from '../model/instant.js';

/**
 * Who takes a step of the OKR process and when, given by the caller (okrkit never
 * reads the clock), with what the step may need.
 *
 * @category Process
 */
export interface TransitionOptions {
  /** Who takes the step: a person's (or a system's) id, not empty or only spaces. */
  readonly by: string;
  /**
   * When: a calendar date or a date-time with an offset; not before the record's last
   * history entry. A `Date` or epoch milliseconds is recorded as the date-time it shows
   * in `timeZone` (with that zone's offset), so it counts on that zone's day.
   */
  readonly at: DateInput;
  /** Why; required to send a record back to `draft`. */
  readonly note?: string;
  /**
   * The date the step is judged at (is the cycle over? what is the score?): `at`'s
   * calendar date by default; never after it (a step cannot record a score from the future).
   */
  readonly asOf?: DateInput;
  /** The IANA time zone (`Asia/Ho_Chi_Minh`) that decides the calendar day of an `at` or `asOf` given as a `Date` or epoch milliseconds. */
  readonly timeZone?: string;
  /** For closing: the final score (0–1) to record instead of the one `evaluate` gives at `asOf`. */
  readonly score?: number;
  /**
   * Leaving `closed` (reopening, or sending back to draft) removes the `finalScore` that
   * closing set and records its value as the new history entry's `score`, so the record
   * is scored live again and nothing is lost. True keeps `finalScore`.
   */
  readonly keepFinalScore?: boolean;
  /**
   * Options of the evaluation that scores a closing (`cap`, `floor`, `status`, `grade`,
   * `forecast`, `includeDrafts`); its `asOf` is the step's own, so `asOf` here is refused.
   */
  readonly evaluate?: Omit<EvaluateOptions, 'asOf' | 'timeZone'>;
}

/** The options, checked. */
export interface Settings {
  readonly by: string;
  readonly at: string;
  readonly note: string | undefined;
  readonly asOf: string | null;
  readonly score: number | undefined;
  readonly keepFinalScore: boolean;
  readonly evaluate: Omit<EvaluateOptions, 'asOf' | 'timeZone'>;
}

/** The keys a step's options may have; any other is refused (a typo would otherwise be ignored). */
const KEYS = ['by', 'at', 'note', 'asOf', 'timeZone', 'score', 'keepFinalScore', 'evaluate'];
/** The keys of `options.evaluate`: those of `evaluate`'s options but `asOf`, which is the step's. */
const EVALUATE_KEYS = ['cap', 'floor', 'status', 'grade', 'forecast', 'includeDrafts'];

/**
 * Checks a step's options: no unknown keys, `by` an id that is not only spaces, `at` a
 * timestamp, `asOf` a date not after `at`'s, `score` from 0 to 1.
 */
export function checkStepOptions(options: TransitionOptions): Settings {
  const o = checkOptions(options, 'options');
  checkKnownKeys(o, KEYS, 'options');
  const evaluate = checkOptions(o.evaluate, 'options.evaluate');
  if (Object.hasOwn(evaluate, 'asOf')) invalidArgument('arg.stepEvaluateAsOf', { name: 'options.evaluate' });
  checkKnownKeys(evaluate, EVALUATE_KEYS, 'options.evaluate');
  const by = parseArgument(Id, o.by, 'options.by');
  if (by.trim() === '') invalidArgument('arg.blank', { name: 'options.by' });
  const zone = checkTimeZone(o.timeZone, 'options.timeZone');
  const at = isInstant(o.at) ? clockOfInstant(o.at, zone, 'options.at').stamp : parseArgument(Timestamp, o.at, 'options.at');
  const asOf = checkDate(o.asOf, 'options.asOf', zone);
  if (asOf !== null && asOf > dateOf(at)) invalidArgument('arg.asOfAfterAt', { name: 'options.asOf', asOf, day: dateOf(at) });
  return {
    by,
    at,
    note: o.note === undefined ? undefined : parseArgument(Text, o.note, 'options.note'),
    asOf,
    score: o.score === undefined ? undefined : parseArgument(FinalScore, o.score, 'options.score'),
    keepFinalScore: checkFlag(o.keepFinalScore, 'options.keepFinalScore'),
    evaluate: { ...evaluate },
  };
}
