import { parseArgument } from '../_lib/zod-issues.js';
import { nouns } from '../messages/where.js';
import { unknownReference } from '../messages/okrkit-error.js';
import { CheckIn } from '../model/check-in.js';
import type { Plan } from '../model/plan.js';
import { NO_PLUGINS, type Registry } from '../model/plugin-registry.js';
import { withPlan } from '../model/guard.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { rescoreMarks } from './rescore-marks.js';
import {
  keyResultRecord,
  objectiveRecord,
  runEvaluation,
  type EvaluateOptions,
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
 * An evaluation kept up to date as check-ins arrive: see {@link liveEvaluation}.
 *
 * @category Rollup
 */
export interface LiveEvaluation {
  /** The current evaluation. It belongs to this object, which replaces its records as check-ins arrive. */
  readonly evaluation: Evaluation;
  /**
   * Adds a check-in and re-scores only its key result and the nodes above it.
   *
   * @returns The records that changed.
   * @throws {OkrkitError} `invalid_argument` for a bad check-in, `unknown_reference` for an unknown key result.
   */
  applyCheckIn(checkIn: DeepReadonly<CheckIn>): EvaluationChanges;
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
 * const live = liveEvaluation(plan, { asOf: '2026-09-30' });
 * const changes = live.applyCheckIn({ keyResultId: 'kr-churn', at: '2026-09-30', value: 10 });
 * Object.keys(changes.objectives)
 * //=> ['o-sales']
 * live.evaluation.keyResults['kr-churn'].progress
 * //=> 1
 * @category Rollup
 */
export function liveEvaluation(plan: DeepReadonly<Plan>, options: EvaluateOptions = {}): LiveEvaluation {
  return liveEvaluationWith(plan, options, NO_PLUGINS);
}

/** A live evaluation with plug-ins (see createOkrkit). */
export function liveEvaluationWith(plan: DeepReadonly<Plan>, options: EvaluateOptions, registry: Registry): LiveEvaluation {
  const { evaluation, state } = withPlan(plan, () => runEvaluation(plan, options, registry));
  const added = new Map<number, CheckIn[]>();
  const keyResults = evaluation.keyResults as Record<string, KeyResultEvaluation>;
  const objectives = evaluation.objectives as Record<string, ObjectiveEvaluation>;
  const { O, K, byChildStart, byChild, edgeParent, driven, rank } = state;
  const marks = rescoreMarks(O + K);
  state.marks = marks;

  return {
    evaluation,
    applyCheckIn(input) {
      const checkIn = parseArgument(CheckIn, input, 'checkIn');
      const j = state.krIndex.get(checkIn.keyResultId);
      if (j === undefined) unknownReference(nouns.keyResult, checkIn.keyResultId);
      const extra = added.get(j) ?? [];
      const own = groupOf(state.checkIns, state.groups.items, state.groups.from[j] as number, state.groups.to[j] as number);
      own.push(...extra, checkIn);
      marks.epoch++;
      const wasScored = state.nodes.isScored(O + j);
      // A check-in the key result cannot take (a plug-in rejects it) leaves the evaluation as it was.
      measureNode(state, j, own);
      extra.push(checkIn);
      added.set(j, extra);
      marks.mark(state, O + j, wasScored);

      // The nodes above the key result (and the key result itself when objectives drive it).
      const start = O + j;
      const seen = new Set<number>(driven[j] === 1 ? [start] : []);
      const stack = [start];
      while (stack.length > 0) {
        const n = stack.pop() as number;
        for (let k = byChildStart[n] as number; k < (byChildStart[n + 1] as number); k++) {
          const parent = edgeParent[byChild[k] as number] as number;
          if (!seen.has(parent)) {
            seen.add(parent);
            stack.push(parent);
          }
        }
      }
      const order = [...seen].sort((a, b) => (rank[a] as number) - (rank[b] as number));
      for (const n of order) scoreNode(state, n, false);

      const changedKeyResults = Object.create(null) as Record<string, KeyResultEvaluation>;
      const changedObjectives = Object.create(null) as Record<string, ObjectiveEvaluation>;
      const updateKeyResult = (jj: number) => {
        const record = keyResultRecord(state, jj);
        keyResults[record.keyResultId] = record;
        changedKeyResults[record.keyResultId] = record;
      };
      updateKeyResult(j);
      for (const n of order) {
        if (n >= O) {
          updateKeyResult(n - O);
          continue;
        }
        const id = state.objectives[n]!.id;
        const old = objectives[id] as ObjectiveEvaluation;
        const record = objectiveRecord(state, n, old.keyResultIds, old.childIds);
        objectives[id] = record;
        changedObjectives[id] = record;
      }
      return { keyResults: changedKeyResults, objectives: changedObjectives };
    },
  };
}
