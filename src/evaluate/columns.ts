import type { Grade } from '../time/grade.js';
import type { Status } from '../time/status.js';
import { BY_SEVERITY } from '../time/status.js';
import type { Plan } from '../model/plan.js';
import { withPlan } from '../model/guard.js';
import { PLAIN_CONTEXT, type Context } from '../model/context.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import type { EvaluateOptions } from './types.js';
import { gradeOf, scoreAll } from './score-pass.js';
import { keyResultOf, type Engine } from './engine.js';
import { u8 } from '../_lib/at.js';

/**
 * What the codes of a `status` column mean: `STATUS_CODES[code]`. Code 0 is "no status"
 * (a baseline key result); 1 to 6 run from best to worst, so a larger code is a worse
 * status.
 *
 * @category Rollup
 */
export const STATUS_CODES: readonly (Status | null)[] = Object.freeze([null, ...BY_SEVERITY]);

/**
 * What the codes of a `grade` column mean: `GRADE_CODES[code]`. Code 0 is "not graded
 * yet" (the cycle is still running) or "nothing to grade".
 *
 * @category Rollup
 */
export const GRADE_CODES: readonly (Grade | null)[] = Object.freeze([null, 'green', 'yellow', 'red']);

const GRADE_CODE: Readonly<Record<Grade, number>> = { green: 1, yellow: 2, red: 3 };

/**
 * Every objective's results, one column per field and one row per objective in plan
 * order: row `i` is `plan.objectives[i]`. A number that may be missing comes with a
 * `has…` column (1 present, 0 missing; the number is then 0), so no column holds NaN.
 *
 * @category Rollup
 */
export interface ObjectiveColumns {
  /** The objectives' ids. */
  readonly id: readonly string[];
  /** The row of each objective's parent (by `parentId`), or -1 for a root. */
  readonly parent: Int32Array;
  /** The score (`finalScore` when set, else the computed one); see `hasScore`. */
  readonly score: Float64Array;
  /** 1 when the objective has a score. */
  readonly hasScore: Uint8Array;
  /** The weighted mean of the contributors, before any `finalScore`; see `hasComputedScore`. */
  readonly computedScore: Float64Array;
  /** 1 when something was scorable. */
  readonly hasComputedScore: Uint8Array;
  /** Progress expected by the evaluation date. */
  readonly expected: Float64Array;
  /** Pace status, as a code of {@link STATUS_CODES}. */
  readonly status: Uint8Array;
  /** Weighted mean of its key results' latest confidence; see `hasConfidence`. */
  readonly confidence: Float64Array;
  /** 1 when some key result gave a confidence. */
  readonly hasConfidence: Uint8Array;
  /** End-of-cycle grade, as a code of {@link GRADE_CODES}. */
  readonly grade: Uint8Array;
  /** Projected score at the cycle's end with the `forecast` option; else null. */
  readonly forecastScore: Float64Array | null;
}

/**
 * Every key result's results, one column per field and one row per key result in plan
 * order: row `j` is `plan.keyResults[j]`.
 *
 * @category Rollup
 */
export interface KeyResultColumns {
  /** The key results' ids. */
  readonly id: readonly string[];
  /** The row of each key result's objective in {@link ObjectiveColumns}. */
  readonly objective: Int32Array;
  /** The current value; see `hasValue`. */
  readonly value: Float64Array;
  /** 1 when there is a current value. */
  readonly hasValue: Uint8Array;
  /** Unclamped progress; see `hasProgress`. */
  readonly raw: Float64Array;
  /** Progress clamped to `[floor, cap]` (`[0, 1]` by default); see `hasProgress`. */
  readonly progress: Float64Array;
  /** The score; see `hasProgress`. */
  readonly score: Float64Array;
  /** 1 when the key result has a progress, raw progress and score (0 for baseline key results, and driven ones with nothing scored). */
  readonly hasProgress: Uint8Array;
  /** 1 when `finalScore` set the score. */
  readonly overridden: Uint8Array;
  /** Progress expected by the evaluation date. */
  readonly expected: Float64Array;
  /** Pace status, as a code of {@link STATUS_CODES} (0 for baseline key results). */
  readonly status: Uint8Array;
  /** Confidence of the latest check-in that gave one; see `hasConfidence`. */
  readonly confidence: Float64Array;
  /** 1 when a check-in gave a confidence. */
  readonly hasConfidence: Uint8Array;
  /** End-of-cycle grade, as a code of {@link GRADE_CODES}. */
  readonly grade: Uint8Array;
  /** How many check-ins counted. */
  readonly checkIns: Int32Array;
  /** Date of the latest check-in that counted, or null. */
  readonly lastCheckIn: readonly (string | null)[];
  /** With the `forecast` option, the projected score at the cycle's end — or, for key results that are not projected (all but metric ones), the current score (0 when none); else null. */
  readonly forecastScore: Float64Array | null;
}

/**
 * The result of {@link evaluateColumns}: the numbers of an {@link Evaluation} as typed
 * arrays.
 *
 * @category Rollup
 */
export interface EvaluationColumns {
  /** The date evaluated at, or null when every check-in in each cycle counted. */
  readonly asOf: string | null;
  /** The progress cap used. */
  readonly cap: number;
  /** One row per objective, in plan order. */
  readonly objectives: ObjectiveColumns;
  /** One row per key result, in plan order. */
  readonly keyResults: KeyResultColumns;
}

/**
 * Scores a whole plan like {@link evaluate} and returns the numbers as columns — typed
 * arrays with one row per objective and per key result, in plan order — instead of a
 * record per id. The scores are the same, bit for bit; what is left out is the
 * explanation (contributor lists, `contributesTo`, `drivenBy`), which {@link evaluate}
 * builds for every node.
 *
 * Made for large plans and bulk work: writing every score to a database, ranking,
 * charting, handing results to a worker (structured clone copies typed arrays fast; the
 * objectives' and key results' column of one field are views over one shared buffer). It
 * allocates a few typed arrays instead of a million objects, so on a large plan it runs in
 * about half of `evaluate`'s time and its result holds a fifth of the memory (see
 * docs/performance.md).
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param options - As for {@link evaluate}.
 * @returns The {@link EvaluationColumns}.
 * @throws {OkrkitError} as {@link evaluate}.
 * @example
 * // plan: examples/plans/xyz-corp.json
 * const { objectives } = evaluateColumns(plan, { asOf: '2026-08-15' });
 * const i = objectives.id.indexOf('o-sales');
 * objectives.score[i]
 * //=> 0.2305…
 * STATUS_CODES[objectives.status[i]]
 * //=> 'offTrack'
 * @category Rollup
 */
export function evaluateColumns(plan: DeepReadonly<Plan>, options: EvaluateOptions = {}): EvaluationColumns {
  return evaluateColumnsIn(PLAIN_CONTEXT, plan, options);
}

/** {@link evaluateColumns} in a kit's context (its plug-ins). */
export function evaluateColumnsIn(cx: Context, plan: DeepReadonly<Plan>, options: EvaluateOptions): EvaluationColumns {
  return withPlan(plan, () => columnsOf(scoreAll(cx, plan, options, false)));
}

function columnsOf(st: Engine): EvaluationColumns {
  const { O, K, objectives, keyResults, krObjective } = st;
  const N = O + K;
  const status = new Uint8Array(N);
  const grade = new Uint8Array(N);
  for (let n = 0; n < N; n++) {
    // Baseline key results have no status (code 0); everything else is its severity + 1.
    if (n < O || keyResultOf(st, n - O).kind !== 'baseline') status[n] = u8(st.nodes.severity, n) + 1;
    const g = gradeOf(st, n);
    if (g !== null) grade[n] = GRADE_CODE[g];
  }
  const ids = (records: readonly { readonly id: string }[]) => records.map((r) => r.id);
  // The node table holds objectives at 0..O-1 and key results at O..N-1: views, not copies.
  const { objectives: o, keyResults: k } = st.nodes.columns();
  // Fields in the order of the column types (a JSON dump of the columns keeps it).
  return {
    asOf: st.asOf,
    cap: st.cap,
    objectives: {
      id: ids(objectives),
      parent: st.parentOf,
      score: o.score,
      hasScore: o.hasScore,
      computedScore: o.computedScore,
      hasComputedScore: o.hasComputedScore,
      expected: o.expected,
      status: status.subarray(0, O),
      confidence: o.confidence,
      hasConfidence: o.hasConfidence,
      grade: grade.subarray(0, O),
      forecastScore: o.forecastScore,
    },
    keyResults: {
      id: ids(keyResults),
      objective: krObjective,
      value: k.value,
      hasValue: k.hasValue,
      raw: k.raw,
      progress: k.progress,
      score: k.score,
      hasProgress: k.hasProgress,
      overridden: k.overridden,
      expected: k.expected,
      status: status.subarray(O, N),
      confidence: k.confidence,
      hasConfidence: k.hasConfidence,
      grade: grade.subarray(O, N),
      checkIns: k.checkIns,
      lastCheckIn: k.lastCheckIn,
      forecastScore: k.forecastScore,
    },
  };
}
