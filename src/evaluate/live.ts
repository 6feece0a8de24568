import { parseArgument } from '../_lib/zod-issues.js';
import { msg } from '../messages/message.js';
import { invalidArgument, OkrkitError } from '../messages/okrkit-error.js';
import { checkCheckInValues } from '../measure/check-ins.js';
import { CheckIn } from '../model/check-in.js';
import { checkTimeZone, type AtInstant } from '../model/instant.js';
import { atWithDays } from '../model/plan-instants.js';
import type { Plan } from '../model/plan.js';
import { PLAIN_CONTEXT, type Context } from '../model/context.js';
import { i32 } from '../_lib/at.js';
import { dictionary } from '../_lib/dictionary.js';
import { idOf, type Engine } from './engine.js';
import { withPlan } from '../model/guard.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { rescoreMarks } from './rescore-marks.js';
import {
  keyResultRecord,
  objectiveRecord,
  runEvaluation,
  type EvaluateOptions,
  type EvaluationRun,
  type Evaluation,
  type KeyResultEvaluation,
  type ObjectiveEvaluation,
} from './evaluate.js';
import { groupOf, measureNode } from './measure-pass.js';
import { scoreNode } from './score-pass.js';

/**
 * What one update changed: the records of the key result and of every objective (and
 * driven key result) above it, by id.
 *
 * @category Rollup
 */
export interface EvaluationChanges {
  readonly keyResults: Readonly<Record<string, KeyResultEvaluation>>;
  readonly objectives: Readonly<Record<string, ObjectiveEvaluation>>;
}

/**
 * An evaluation kept up to date as check-ins arrive: see {@link createLiveEvaluation}.
 *
 * @category Rollup
 */
export interface LiveEvaluation {
  /** The current evaluation. It belongs to this object, which replaces its records as check-ins arrive. */
  readonly evaluation: Evaluation;
  /**
   * Adds a check-in and re-scores only its key result and the nodes above it. Its `at`
   * may be a `Date` or epoch milliseconds when the evaluation was created with a `timeZone`.
   *
   * @returns The records that changed.
   * @throws {OkrkitError} `invalid_argument` for a bad check-in, `unknown_reference` for an unknown key result.
   */
  applyCheckIn(checkIn: AtInstant<DeepReadonly<CheckIn>>): EvaluationChanges;
}

/**
 * Evaluates a plan once and then keeps the evaluation up to date as check-ins arrive,
 * re-scoring only the key result that received a check-in and the objectives (and
 * driven key results) above it, in topological order — work proportional to the depth
 * of the cascade, not the size of the plan. After any sequence of check-ins,
 * `evaluation` equals {@link evaluate} of the plan with those check-ins appended.
 *
 * The plan is never modified; the live object keeps its own record of the check-ins it
 * was given and owns its `evaluation`.
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param options - As for {@link evaluate}.
 * @returns The live evaluation.
 * @throws {OkrkitError} as {@link evaluate}.
 * @example
 * const live = createLiveEvaluation(plan, { asOf: '2026-09-30' });
 * const changes = live.applyCheckIn({ keyResultId: 'kr-churn', at: '2026-09-30', value: 10 });
 * Object.keys(changes.objectives)
 * //=> ['o-sales']
 * live.evaluation.keyResults['kr-churn'].progress
 * //=> 1
 * @category Rollup
 */
export function createLiveEvaluation(plan: DeepReadonly<Plan>, options: EvaluateOptions = {}): LiveEvaluation {
  return createLiveEvaluationIn(PLAIN_CONTEXT, plan, options);
}

/** {@link createLiveEvaluation} in a kit's context (its plug-ins). */
export function createLiveEvaluationIn(cx: Context, plan: DeepReadonly<Plan>, options: EvaluateOptions): LiveEvaluation {
  const run = withPlan(plan, () => runEvaluation(cx, plan, options));
  const st = run.state;
  const zone = checkTimeZone(options.timeZone, 'timeZone');
  st.marks = rescoreMarks(st.O + st.K);
  const added = new Map<number, CheckIn[]>();
  return {
    evaluation: run.evaluation,
    applyCheckIn(input) {
      const checkIn = parseArgument(CheckIn, atWithDays(input, zone, 'checkIn'), 'checkIn');
      checkCheckInValues([checkIn]);
      const j = st.krIndex.get(checkIn.keyResultId) ?? unknownKeyResult(checkIn.keyResultId);
      if (st.values?.isAggregated(j) === true) invalidArgument(msg('issue.checkInOnAggregate', { id: checkIn.keyResultId }));
      remeasure(st, j, checkIn, added);
      // Aggregated key results fed by j (and by them) take its new value.
      const measured = [j, ...(st.values?.affectedBy(j) ?? [])];
      for (const t of measured.slice(1)) remeasureAggregated(st, t);
      const order = ancestorsOf(st, measured);
      for (const n of order) scoreNode(st, n, false);
      return renewRecords(st, run, measured, order);
    },
  };
}

/** A live check-in's key result is not in the plan: the check-in is wrong, not the plan. */
function unknownKeyResult(id: string): never {
  throw new OkrkitError('unknown_reference', msg('error.checkInUnknownKeyResult', { id }));
}

/** Measures key result j again with one more check-in (kept only once it has been accepted). */
function remeasure(st: Engine, j: number, checkIn: CheckIn, added: Map<number, CheckIn[]>): void {
  const extra = added.get(j) ?? [];
  const own = groupOf(st.checkIns, st.groups.items, i32(st.groups.from, j), i32(st.groups.to, j));
  own.push(...extra, checkIn);
  const marks = st.marks;
  if (marks !== null) marks.epoch++;
  const wasScored = st.nodes.isScored(st.O + j);
  // A check-in the key result cannot take (a plug-in rejects it) leaves the evaluation as it was.
  measureNode(st, j, own);
  extra.push(checkIn);
  added.set(j, extra);
  marks?.mark(st, st.O + j, wasScored);
}

/** Measures aggregated key result j again, from its contributors' new values. */
function remeasureAggregated(st: Engine, j: number): void {
  const wasScored = st.nodes.isScored(st.O + j);
  measureNode(st, j);
  st.marks?.mark(st, st.O + j, wasScored);
}

/** The nodes above key results `js` (and those among them that objectives drive), in scoring order. */
function ancestorsOf(st: Engine, js: readonly number[]): number[] {
  const { byChildStart, byChild, edgeParent, rank } = st;
  const seen = new Set<number>(js.filter((j) => st.driven[j] === 1).map((j) => st.O + j));
  const stack = js.map((j) => st.O + j);
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    for (let k = i32(byChildStart, n); k < i32(byChildStart, n + 1); k++) {
      const parent = i32(edgeParent, i32(byChild, k));
      if (seen.has(parent)) continue;
      seen.add(parent);
      stack.push(parent);
    }
  }
  return [...seen].sort((a, b) => i32(rank, a) - i32(rank, b));
}

/** Replaces the records of the key results measured again and of the re-scored nodes; returns them. */
function renewRecords(st: Engine, run: EvaluationRun, measured: readonly number[], order: readonly number[]): EvaluationChanges {
  const keyResults = dictionary<KeyResultEvaluation>();
  const objectives = dictionary<ObjectiveEvaluation>();
  const renewKeyResult = (jj: number) => {
    const record = keyResultRecord(st, jj);
    run.keyResults[record.keyResultId] = record;
    keyResults[record.keyResultId] = record;
  };
  for (const j of measured) renewKeyResult(j);
  for (const n of order) {
    if (n >= st.O) {
      renewKeyResult(n - st.O);
      continue;
    }
    const id = idOf(st, n);
    const old = run.objectives[id];
    const record = objectiveRecord(st, n, old?.keyResultIds ?? [], old?.childIds ?? []);
    run.objectives[id] = record;
    objectives[id] = record;
  }
  return { keyResults, objectives };
}
