import { BY_SEVERITY, type Status } from '../time/status.js';
import type { Plan } from '../model/plan.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { withPlan } from '../model/guard.js';
import { PLAIN_CONTEXT, type Context } from '../model/context.js';
import { gradeOf, scoreAll } from './score-pass.js';
import { keyResultOf, objectiveOf, EMPTY, idOf, type Engine, type Measured } from './engine.js';
import { at, i32, u8 } from '../_lib/at.js';
import { dictionary } from '../_lib/dictionary.js';

export type { Measured } from './engine.js';

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
  return evaluateIn(PLAIN_CONTEXT, plan, options);
}

/** {@link evaluate} in a kit's context (its plug-ins). */
export function evaluateIn(cx: Context, plan: DeepReadonly<Plan>, options: EvaluateOptions): Evaluation {
  return withPlan(plan, () => runEvaluation(cx, plan, options).evaluation);
}

/** Ids of the nodes that node n feeds. */
function parentIdsOf(st: Engine, n: number): readonly string[] {
  const from = i32(st.byChildStart, n);
  const to = i32(st.byChildStart, n + 1);
  if (from === to) return EMPTY;
  if (from + 1 === to) {
    // One parent (every key result, most objectives): share one frozen array per parent.
    const parent = i32(st.edgeParent, i32(st.byChild, from));
    return (st.onlyParent[parent] ??= Object.freeze([idOf(st, parent)]));
  }
  const ids: string[] = [];
  for (let k = from; k < to; k++) ids.push(idOf(st, i32(st.edgeParent, i32(st.byChild, k))));
  return ids;
}

/** The plain record of objective i. */
export function objectiveRecord(st: Engine, i: number, keyResultIds: readonly string[], childIds: readonly string[]): ObjectiveEvaluation {
  const o = objectiveOf(st, i);
  const { nodes } = st;
  return {
    objectiveId: o.id,
    cycleId: o.cycleId,
    score: nodes.scoreOf(i),
    computedScore: nodes.computedOf(i),
    overridden: o.finalScore !== undefined,
    expected: nodes.expected.get(i),
    status: statusOf(nodes.severity, i),
    confidence: nodes.confidenceOf(i),
    grade: gradeOf(st, i),
    forecastScore: st.withForecast ? nodes.forecast.get(i) : null,
    contributors: st.contributorsOf[i] ?? EMPTY,
    contributesTo: parentIdsOf(st, i),
    keyResultIds,
    childIds,
  };
}

/** The plain record of key result j. */
export function keyResultRecord(st: Engine, j: number): KeyResultEvaluation {
  const kr = keyResultOf(st, j);
  const n = st.O + j;
  const { nodes } = st;
  const has = nodes.isScored(n);
  // An explicit literal (not a spread): one object shape for every key result.
  return {
    keyResultId: kr.id,
    value: nodes.valueOf(j),
    raw: has ? nodes.rawOf(j) : null,
    progress: has ? nodes.progressOf(j) : null,
    score: nodes.scoreOf(n),
    overridden: nodes.isOverridden(j),
    checkIns: nodes.checkInsOf(j),
    lastCheckIn: nodes.lastCheckInOf(j),
    confidence: nodes.confidenceOf(n),
    objectiveId: kr.objectiveId,
    expected: nodes.expected.get(n),
    status: kr.kind === 'baseline' ? null : statusOf(nodes.severity, n),
    grade: gradeOf(st, n),
    forecast: st.withForecast ? nodes.forecastOf(j) : null,
    contributesTo: parentIdsOf(st, n),
    drivenBy: st.driven[j] === 1 ? (st.contributorsOf[n] ?? EMPTY) : null,
    aggregatedFrom: st.values === null ? null : st.values.explain(j),
  };
}

/** A whole evaluation, its records by id (which a live evaluation replaces), and its engine. */
export interface EvaluationRun {
  readonly evaluation: Evaluation;
  readonly objectives: Record<string, ObjectiveEvaluation>;
  readonly keyResults: Record<string, KeyResultEvaluation>;
  readonly state: Engine;
}

/** Runs a whole evaluation and keeps its engine (for the live evaluation). */
export function runEvaluation(cx: Context, plan: DeepReadonly<Plan>, options: EvaluateOptions, measuredElsewhere: ((id: string) => Measured) | null = null): EvaluationRun {
  const st = scoreAll(cx, plan, options, true, measuredElsewhere);
  return { ...records(st), state: st };
}

/** The plain records of a scored state. */
function records(st: Engine): Omit<EvaluationRun, 'state'> {
  const { O, objectives, keyResults } = st;
  const krIdsOf: string[][] = Array.from({ length: O }, () => []);
  keyResults.forEach((kr, j) => at(krIdsOf, i32(st.krObjective, j)).push(kr.id));
  const childIdsOf: string[][] = Array.from({ length: O }, () => []);
  const roots: string[] = [];
  objectives.forEach((o, i) => {
    const p = i32(st.parentOf, i);
    if (p === -1) roots.push(o.id);
    else at(childIdsOf, p).push(o.id);
  });
  const objectiveResults = dictionary<ObjectiveEvaluation>();
  objectives.forEach((o, i) => (objectiveResults[o.id] = objectiveRecord(st, i, at(krIdsOf, i), at(childIdsOf, i))));
  const keyResultResults = dictionary<KeyResultEvaluation>();
  keyResults.forEach((kr, j) => (keyResultResults[kr.id] = keyResultRecord(st, j)));
  const evaluation = { asOf: st.asOf, cap: st.cap, objectives: objectiveResults, keyResults: keyResultResults, roots };
  return { evaluation, objectives: objectiveResults, keyResults: keyResultResults };
}

/** The status of node n, from its severity. */
function statusOf(severity: Uint8Array, n: number): Status {
  return at(BY_SEVERITY, u8(severity, n));
}
