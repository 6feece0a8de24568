// The options of a step, checked once: who, when, why, judged at which date, and how
// closing scores.
import { parseArgument } from '../_lib/zod-issues.js';
import type { EvaluateOptions } from '../evaluate/evaluate.js';
import { checkDate, checkFlag, checkOptions } from '../model/options.js';
import { FinalScore, Id, Text, Timestamp } from '../model/primitives.js';

/**
 * Who takes a step of the OKR process and when, given by the caller (okrkit never
 * reads the clock), with what the step may need.
 *
 * @category Process
 */
export interface TransitionOptions {
  /** Who takes the step: a person's (or a system's) id. */
  readonly by: string;
  /** When: a calendar date or a date-time with an offset; not before the record's last history entry. */
  readonly at: string;
  /** Why; required to send a record back to `draft`. */
  readonly note?: string;
  /** The date the step is judged at (is the cycle over? what is the score?): `at`'s calendar date by default. */
  readonly asOf?: string;
  /** For closing: the final score (0–1) to record instead of the one `evaluate` gives at `asOf`. */
  readonly score?: number;
  /**
   * Leaving `closed` (reopening, or sending back to draft) removes the `finalScore` that
   * closing set and records its value as the new history entry's `score`, so the record
   * is scored live again and nothing is lost. True keeps `finalScore`.
   */
  readonly keepFinalScore?: boolean;
  /** Options of the evaluation that scores a closing (`cap`, `grade`…); its `asOf` is the step's. */
  readonly evaluate?: Omit<EvaluateOptions, 'asOf'>;
}

/** The options, checked. */
export interface Settings {
  readonly by: string;
  readonly at: string;
  readonly note: string | undefined;
  readonly asOf: string | null;
  readonly score: number | undefined;
  readonly keepFinalScore: boolean;
  readonly evaluate: Omit<EvaluateOptions, 'asOf'>;
}

/** Checks a step's options: `by` an id, `at` a timestamp, `asOf` a date, `score` from 0 to 1. */
export function checkStepOptions(options: TransitionOptions): Settings {
  const o = checkOptions(options, 'options');
  const evaluate = checkOptions(o.evaluate, 'options.evaluate');
  return {
    by: parseArgument(Id, o.by, 'options.by'),
    at: parseArgument(Timestamp, o.at, 'options.at'),
    note: o.note === undefined ? undefined : parseArgument(Text, o.note, 'options.note'),
    asOf: checkDate(o.asOf, 'options.asOf'),
    score: o.score === undefined ? undefined : parseArgument(FinalScore, o.score, 'options.score'),
    keepFinalScore: checkFlag(o.keepFinalScore, 'options.keepFinalScore'),
    evaluate: { ...evaluate },
  };
}
