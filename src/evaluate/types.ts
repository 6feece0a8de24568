// The public types of an evaluation: its options and its records. Kept apart from the
// engine so that every part of it can name them without importing another.
import type { Grade, GradeOptions } from '../time/grade.js';
import type { Forecast } from '../time/forecast.js';
import type { KeyResultProgress } from '../measure/key-result.js';
import type { Status, StatusOptions } from '../time/status.js';
import type { ValueContribution } from './value-rollups.js';
import type { DateInput } from '../model/instant.js';

/**
 * Options of {@link evaluate}.
 *
 * @category Rollup
 */
export interface EvaluateOptions {
  /**
   * The calendar date to evaluate at: check-ins after it are not counted, and pace is
   * judged on it. A `Date` or epoch milliseconds counts on its day in `timeZone`. When
   * omitted, every check-in inside its cycle counts and pace is judged at each cycle's
   * end, so a running cycle reads as if it were over (see docs/dates.md).
   */
  readonly asOf?: DateInput;
  /** The IANA time zone (`Asia/Ho_Chi_Minh`) that decides the calendar day of an `asOf` given as a `Date` or epoch milliseconds. */
  readonly timeZone?: string;
  /** Upper bound of key-result progress: 1 by default, 1.2 for over-achievement, `Infinity` for none. */
  readonly cap?: number;
  /**
   * Lower bound of key-result progress: 0 by default, so a key result that moved the
   * wrong way counts as 0; a negative number (−0.5) or `-Infinity` keeps it below 0 in
   * every rollup, as products that do not clamp do.
   */
  readonly floor?: number;
  /** How statuses are decided (thresholds, mode, objective rule). */
  readonly status?: StatusOptions;
  /** Grade thresholds. */
  readonly grade?: GradeOptions;
  /** Also project every metric key result's trend to its cycle's end, and objectives' scores from those projections. Off by default. */
  readonly forecast?: boolean;
  /** Let draft and proposed objectives and key results (their `state`) feed their parents' scores and aggregated values, as approved ones do. Off by default: an OKR not yet approved is evaluated on its own but left out of every rollup. */
  readonly includeDrafts?: boolean;
}

/**
 * One child's part in a score: its id, what it is, its weight as given, its share of
 * the total weight among the scored children, and its score.
 *
 * @category Rollup
 */
export interface Contribution {
  /** The child's id (for `initiatives`, the objective's own id). */
  readonly id: string;
  /** A key result, a child or linked objective, or the objective's initiatives as one item. */
  readonly type: 'keyResult' | 'objective' | 'initiatives';
  /** The weight as given (relative). */
  readonly weight: number;
  /** The weight's share of the total among the scored children, from 0 to 1; 0 when the child has no score. */
  readonly share: number;
  /** The child's score, or null when it has none. */
  readonly score: number | null;
}

/**
 * A key result in an {@link Evaluation}.
 *
 * @category Rollup
 */
export interface KeyResultEvaluation extends KeyResultProgress {
  /** The objective the key result belongs to. */
  readonly objectiveId: string;
  /** Progress expected by the evaluation date (see {@link expectedProgress}). */
  readonly expected: number;
  /** Pace status; null for baseline key results. */
  readonly status: Status | null;
  /** End-of-cycle grade by its objective's commitment, once the cycle is past or closed; else null. */
  readonly grade: Grade | null;
  /** Projection to the cycle's end, with the `forecast` option; else null. */
  readonly forecast: Forecast | null;
  /** Ids of the objectives whose score this key result feeds (empty for baseline or weight-0 ones). */
  readonly contributesTo: readonly string[];
  /** When objectives linked to this key result with `contributes: true`, its progress is their weighted score, listed here. */
  readonly drivenBy: readonly Contribution[] | null;
  /** For a key result with `aggregate`: the key results whose values made its value, and what each gave; else null. */
  readonly aggregatedFrom: readonly ValueContribution[] | null;
}

/**
 * An objective in an {@link Evaluation}.
 *
 * @category Rollup
 */
export interface ObjectiveEvaluation {
  /** The objective's id. */
  readonly objectiveId: string;
  /** The objective's cycle. */
  readonly cycleId: string;
  /** The score: `finalScore` when set, else `computedScore`. */
  readonly score: number | null;
  /** The weighted mean of the contributors; null when nothing was scorable. */
  readonly computedScore: number | null;
  /** True when `finalScore` set the score. */
  readonly overridden: boolean;
  /** Progress expected by the evaluation date: the weighted mean of the contributors' expected progress. */
  readonly expected: number;
  /** Pace status: the worst contributor's by default, or from the objective's own score (`status.objective: 'mean'`). */
  readonly status: Status;
  /** Weighted mean of its key results' latest confidence; null when none gave one. */
  readonly confidence: number | null;
  /** End-of-cycle grade by commitment, once the cycle is past or closed; else null. */
  readonly grade: Grade | null;
  /** Projected score at the cycle's end (contributors' forecasts, or their scores where none), with the `forecast` option; else null. */
  readonly forecastScore: number | null;
  /** The children that fed the score, with their normalised weights. */
  readonly contributors: readonly Contribution[];
  /** Ids of the objectives and key results this objective's score feeds. */
  readonly contributesTo: readonly string[];
  /** The objective's key results, in plan order (including baseline and weight-0 ones). */
  readonly keyResultIds: readonly string[];
  /** Objectives whose `parentId` is this one, in plan order. */
  readonly childIds: readonly string[];
}

/**
 * The result of {@link evaluate}: every objective and key result by id, and the root
 * objectives (those without a parent) in plan order. Plain, JSON-serialisable data.
 *
 * @category Rollup
 */
export interface Evaluation {
  /** The date evaluated at, or null when every check-in in each cycle counted. */
  readonly asOf: string | null;
  /** The progress cap used. */
  readonly cap: number;
  /** Every objective's evaluation, by id. */
  readonly objectives: Readonly<Record<string, ObjectiveEvaluation>>;
  /** Every key result's evaluation, by id. */
  readonly keyResults: Readonly<Record<string, KeyResultEvaluation>>;
  /** Objectives without a parent, in plan order: where a tree display starts. */
  readonly roots: readonly string[];
}
