import type { KeyResult } from '../model/key-result.js';
import type { Objective } from '../model/objective.js';
import { BY_SEVERITY, type Status } from '../time/status.js';
import type { Plan } from '../model/plan.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { withPlan } from '../model/guard.js';
import { NO_PLUGINS, type Registry } from '../model/plugin-registry.js';
import { gradeOf, scoreAll } from './scoring.js';
import { EMPTY, idOf, type Measured, type Scoring } from './state.js';

export type { Measured } from './state.js';

export type { Contribution, EvaluateOptions, Evaluation, KeyResultEvaluation, ObjectiveEvaluation } from './types.js';
import type { Evaluation, KeyResultEvaluation, ObjectiveEvaluation, EvaluateOptions } from './types.js';


/**
 * Scores a whole plan: every key result's progress, score, expected progress, status
 * and grade, and every objective's score as the weighted mean of its contributing
 * children — its key results, child objectives (by `parentId`) and objectives that
 * link to it with `contributes: true` — following each objective's `rollup` mode,
 * weights and `finalScore` override, with its expected progress, status, confidence
 * and grade.
 *
 * One pass in topological order, linear in objectives + key results + check-ins + edges.
 * Each key result counts the check-ins dated inside its objective's cycle, up to
 * `asOf`. Grades appear once `asOf` is past a cycle's end or the cycle's state is
 * `grading` or `closed`. The input is never modified.
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param options - `asOf`, `cap`, `status`, `grade` and `forecast`.
 * @returns The {@link Evaluation}.
 * @throws {OkrkitError} `cascade_loop` when contributions form a loop, `unknown_reference`
 *   for an id that does not resolve, `invalid_argument` for bad options or values.
 * @example
 * // plan: examples/plans/xyz-corp.json
 * const evaluation = evaluate(plan, { asOf: '2026-08-15' });
 * evaluation.objectives['o-sales'].score
 * //=> 0.2305… (83/360: the mean of 6/20, 4/15 and 0.5/4)
 * evaluation.objectives['o-sales'].status
 * //=> 'offTrack'
 * evaluation.objectives['o-sales'].contributors[0]
 * //=> { id: 'kr-sales-growth', type: 'keyResult', weight: 1, share: 0.333…, score: 0.3 }
 * @category Rollup
 */
export function evaluate(plan: DeepReadonly<Plan>, options: EvaluateOptions = {}): Evaluation {
  return evaluateWith(plan, options, NO_PLUGINS);
}

/** Scores a plan with plug-ins (see createOkrkit). */
export function evaluateWith(plan: DeepReadonly<Plan>, options: EvaluateOptions, registry: Registry): Evaluation {
  return withPlan(plan, () => runEvaluation(plan, options, registry).evaluation);
}

/** Ids of the nodes that node n feeds. */
function parentIdsOf(st: Scoring, n: number): readonly string[] {
  const from = st.byChildStart[n] as number;
  const to = st.byChildStart[n + 1] as number;
  if (from === to) return EMPTY;
  if (from + 1 === to) {
    // One parent (every key result, most objectives): share one frozen array per parent.
    const parent = st.edgeParent[st.byChild[from] as number] as number;
    return (st.onlyParent[parent] ??= Object.freeze([idOf(st, parent)]));
  }
  const ids: string[] = [];
  for (let k = from; k < to; k++) ids.push(idOf(st, st.edgeParent[st.byChild[k] as number] as number));
  return ids;
}

/** The plain record of objective i. */
export function objectiveRecord(st: Scoring, i: number, keyResultIds: readonly string[], childIds: readonly string[]): ObjectiveEvaluation {
  const o = st.objectives[i] as Objective;
  const score = st.scored[i] === 1 ? (st.scores[i] as number) : null;
  return {
    objectiveId: o.id,
    cycleId: o.cycleId,
    score,
    computedScore: st.hasComputed[i] === 1 ? (st.computed[i] as number) : null,
    overridden: o.finalScore !== undefined,
    expected: st.expected[i] as number,
    status: BY_SEVERITY[st.severity[i] as number] as Status,
    confidence: st.confident[i] === 1 ? (st.confidence[i] as number) : null,
    grade: gradeOf(st, i),
    forecastScore: st.withForecast ? (st.forecastScores[i] as number) : null,
    contributors: st.contributorsOf[i] ?? EMPTY,
    contributesTo: parentIdsOf(st, i),
    keyResultIds,
    childIds,
  };
}

/** The plain record of key result j. */
export function keyResultRecord(st: Scoring, j: number): KeyResultEvaluation {
  const kr = st.keyResults[j] as KeyResult;
  const n = st.O + j;
  const has = st.scored[n] === 1;
  const score = has ? (st.scores[n] as number) : null;
  // An explicit literal (not a spread): one object shape for every key result.
  return {
    keyResultId: kr.id,
    value: st.hasValue[j] === 1 ? (st.value[j] as number) : null,
    raw: has ? (st.raw[j] as number) : null,
    progress: has ? (st.progress[j] as number) : null,
    score,
    overridden: st.overridden[j] === 1,
    checkIns: st.checkInCount[j] as number,
    lastCheckIn: st.lastCheckIn[j] ?? null,
    confidence: st.confident[n] === 1 ? (st.confidence[n] as number) : null,
    objectiveId: kr.objectiveId,
    expected: st.expected[n] as number,
    status: kr.kind === 'baseline' ? null : (BY_SEVERITY[st.severity[n] as number] as Status),
    grade: gradeOf(st, n),
    forecast: st.withForecast ? (st.forecasts[j] ?? null) : null,
    contributesTo: parentIdsOf(st, n),
    drivenBy: st.driven[j] === 1 ? (st.contributorsOf[n] ?? EMPTY) : null,
  };
}

/** Runs a whole evaluation and keeps its state (for the live evaluation). */
export function runEvaluation(
  plan: DeepReadonly<Plan>,
  options: EvaluateOptions,
  registry: Registry,
  measuredElsewhere: ((id: string) => Measured) | null = null,
): { evaluation: Evaluation; state: Scoring } {
  const st = scoreAll(plan, options, registry, true, measuredElsewhere);
  return { evaluation: records(st), state: st };
}

/** The plain records of a scored state. */
function records(st: Scoring): Evaluation {
  const { O, K } = st;
  // Assemble plain results.
  const krIdsOf: string[][] = Array.from({ length: O }, () => []);
  for (let j = 0; j < K; j++) krIdsOf[st.krObjective[j] as number]!.push(st.keyResults[j]!.id);
  const childIdsOf: string[][] = Array.from({ length: O }, () => []);
  const roots: string[] = [];
  for (let i = 0; i < O; i++) {
    const p = st.parentOf[i] as number;
    if (p === -1) roots.push(st.objectives[i]!.id);
    else childIdsOf[p]!.push(st.objectives[i]!.id);
  }
  const objectiveResults = Object.create(null) as Record<string, ObjectiveEvaluation>;
  for (let i = 0; i < O; i++) objectiveResults[st.objectives[i]!.id] = objectiveRecord(st, i, krIdsOf[i]!, childIdsOf[i]!);
  const keyResultResults = Object.create(null) as Record<string, KeyResultEvaluation>;
  for (let j = 0; j < K; j++) keyResultResults[st.keyResults[j]!.id] = keyResultRecord(st, j);
  return { asOf: st.asOf, cap: st.cap, objectives: objectiveResults, keyResults: keyResultResults, roots };
}

