// The OKR process's public face: check a step and take it. Each step is a pure function
// of the plan and the caller's who and when; taking one returns a new plan with the
// record's new state and one more history entry.
import { dateOf } from '../_lib/calendar.js';
import { parseArgument } from '../_lib/zod-issues.js';
import { msg } from '../messages/message.js';
import { issue, OkrkitError, unknownReference, type OkrkitIssue } from '../messages/okrkit-error.js';
import { nouns } from '../messages/where.js';
import { copyPlan } from '../model/copy-plan.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { withPlan } from '../model/guard.js';
import type { Plan } from '../model/plan.js';
import { OkrState, type Grade } from '../model/process.js';
import { evaluateIn } from '../evaluate/evaluate.js';
import { PLAIN_CONTEXT, type Context } from '../model/context.js';
import { grade as gradeOf } from '../time/grade.js';
import { keyResultReasons, objectiveReasons, processView, type Reason, type StepRequest } from './readiness.js';
import { stateOf } from './steps.js';
import { checkStepOptions, type Settings, type TransitionOptions } from './options.js';
import { applyStep } from './apply.js';

export type { TransitionOptions } from './options.js';

/**
 * Whether a step of the OKR process can be taken, and why not: what
 * {@link checkObjectiveTransition} and {@link checkKeyResultTransition} return.
 *
 * @category Process
 */
export interface TransitionCheck {
  /** True when `reasons` is empty: {@link advanceObjective} (or {@link advanceKeyResult}) would take the step. */
  readonly ready: boolean;
  /** The record's state now (`active` when it has none). */
  readonly from: OkrState;
  readonly to: OkrState;
  /** Each reason the step is not ready, with the path of what it is about; code `not_ready`. */
  readonly reasons: readonly OkrkitIssue[];
  /** For closing: the final score the step would record (given, or from `evaluate` at `asOf`); otherwise null. */
  readonly score: number | null;
  /** For closing: the grade of that score; otherwise null. */
  readonly grade: Grade | null;
}

/** Which records a step is about. */
export type Kind = 'objective' | 'keyResult';

/** Finds the record, checks the step and, for closing, finds the score and grade. */
function inspect(cx: Context, plan: DeepReadonly<Plan>, kind: Kind, id: string, to: unknown, options: TransitionOptions): { check: TransitionCheck; index: number; settings: Settings } {
  const target = parseArgument(OkrState, to, 'to');
  const settings = checkStepOptions(options);
  const view = processView(plan);
  const index = (kind === 'objective' ? view.objectiveIndex : view.keyResultIndex).get(id);
  if (typeof id !== 'string' || index === undefined) unknownReference(kind === 'objective' ? nouns.objective : nouns.keyResult, String(id));
  const record = kind === 'objective' ? plan.objectives[index] : plan.keyResults[index];
  const from = stateOf(record ?? {});
  const asOf = settings.asOf ?? dateOf(settings.at);
  const req: StepRequest = { to: target, at: settings.at, note: settings.note, asOf };
  const reasons: Reason[] = kind === 'objective' ? objectiveReasons(view, index, req) : keyResultReasons(view, index, req);
  let score: number | null = null;
  let grade: Grade | null = null;
  if (target === 'closed' && from === 'active') {
    ({ score, grade } = closingScore(cx, plan, kind, id, asOf, settings));
    if (score === null) reasons.push({ path: [kind === 'objective' ? 'objectives' : 'keyResults', index], message: msg('process.noScore', { asOf }) });
  }
  const issues = reasons.map((r) => issue(r.path, 'not_ready', r.message));
  return { check: { ready: issues.length === 0, from, to: target, reasons: issues, score, grade }, index, settings };
}

/** The score a closing records (given, or the evaluation's at asOf) and its grade by the objective's commitment. */
function closingScore(cx: Context, plan: DeepReadonly<Plan>, kind: Kind, id: string, asOf: string, settings: Settings): { score: number | null; grade: Grade | null } {
  const evaluation = settings.score === undefined ? evaluateIn(cx, plan, { ...settings.evaluate, asOf }) : null;
  const record = kind === 'objective' ? evaluation?.objectives[id] : evaluation?.keyResults[id];
  const score = settings.score ?? record?.score ?? null;
  const objectiveId = kind === 'objective' ? id : plan.keyResults.find((k) => k.id === id)?.objectiveId;
  const commitment = plan.objectives.find((o) => o.id === objectiveId)?.commitment ?? 'aspirational';
  return { score, grade: score === null ? null : gradeOf(score, commitment, settings.evaluate.grade) };
}

/**
 * Checks whether an objective can take a step of the OKR process, without taking it:
 * the reasons it cannot yet, each with the path of what it is about. The steps and what
 * each needs are those of {@link advanceObjective}. Never throws for a step that is not
 * ready; that is what `reasons` says.
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param objectiveId - The objective's id.
 * @param to - The state to move it to.
 * @param options - `by` and `at` (who and when), `note`, `asOf`, `score`, `evaluate`.
 * @returns Whether it is ready, from which state, and every reason it is not.
 * @throws {OkrkitError} `unknown_reference` for an id the plan lacks; `invalid_argument` for bad options.
 * @example
 * // seed 004, step 2: the sales team's objective is proposed with one key result
 * checkObjectiveTransition(plan, 'o-sales-team', 'approved', { by: 'u-lan', at: '2026-06-20' }).reasons.map((r) => r.message)
 * //=> ['It needs 2 to 5 key results with a target (baseline key results do not count): it has 1.']
 * @category Process
 */
export function checkObjectiveTransition(plan: DeepReadonly<Plan>, objectiveId: string, to: OkrState, options: TransitionOptions): TransitionCheck {
  return checkTransitionIn(PLAIN_CONTEXT, 'objective', plan, objectiveId, to, options);
}

/**
 * Checks whether a key result can take a step of the OKR process, without taking it;
 * see {@link advanceKeyResult} for the steps a key result takes.
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param keyResultId - The key result's id.
 * @param to - The state to move it to.
 * @param options - `by` and `at` (who and when), `note`, `asOf`, `score`, `evaluate`.
 * @returns Whether it is ready, from which state, and every reason it is not.
 * @throws {OkrkitError} `unknown_reference` for an id the plan lacks; `invalid_argument` for bad options.
 * @example
 * checkKeyResultTransition(plan, 'kr-leads', 'active', { by: 'u-lan', at: '2026-07-01' }).ready
 * //=> false (its objective is still proposed)
 * @category Process
 */
export function checkKeyResultTransition(plan: DeepReadonly<Plan>, keyResultId: string, to: OkrState, options: TransitionOptions): TransitionCheck {
  return checkTransitionIn(PLAIN_CONTEXT, 'keyResult', plan, keyResultId, to, options);
}

/** {@link checkObjectiveTransition} or {@link checkKeyResultTransition} in a kit's context (its plug-ins score a closing). */
export function checkTransitionIn(cx: Context, kind: Kind, plan: DeepReadonly<Plan>, id: string, to: OkrState, options: TransitionOptions): TransitionCheck {
  return withPlan(plan, () => inspect(cx, plan, kind, id, to, options).check);
}

/** {@link advanceObjective} or {@link advanceKeyResult} in a kit's context (its plug-ins score a closing). */
export function advanceIn(cx: Context, kind: Kind, plan: DeepReadonly<Plan>, id: string, to: OkrState, options: TransitionOptions): Plan {
  return withPlan(plan, () => advance(cx, plan, kind, id, to, options));
}

function advance(cx: Context, plan: DeepReadonly<Plan>, kind: Kind, id: string, to: OkrState, options: TransitionOptions): Plan {
  const { check, index, settings } = inspect(cx, plan, kind, id, to, options);
  if (!check.ready) {
    const key = check.reasons.length === 1 ? 'error.notReady.one' : 'error.notReady.other';
    const what = kind === 'objective' ? nouns.objective : nouns.keyResult;
    throw new OkrkitError('not_ready', msg(key, { what, id, from: msg(`state.${check.from}`), to: msg(`state.${check.to}`), count: check.reasons.length }), check.reasons);
  }
  const next = copyPlan(plan);
  if (kind === 'objective') next.objectives = next.objectives.map((o, i) => (i === index ? applyStep(o, check, settings) : o));
  else next.keyResults = next.keyResults.map((k, i) => (i === index ? applyStep(k, check, settings) : k));
  return next;
}

/**
 * Moves an objective one step through the OKR process (seed 004: draft → align →
 * initiatives → measure → check in → review) and returns a new plan in which it has the
 * new `state` and one more `history` entry `{ from, to, by, at, note? }`; the plan given
 * is not changed. The steps, and what each needs:
 *
 * - `draft → proposed`: nothing; the objective is put forward for alignment.
 * - `proposed → approved`: 2 to 5 key results that its score counts (not baselines, not
 *   draft or proposed ones, not of weight 0: approve its key results first) and, for a
 *   team's or a person's objective, an aligned parent (`parentId` or a link).
 * - `approved → active`: nothing; work and check-ins start.
 * - `active → closed`: the cycle over: the day of `at` after its end (unless the cycle is
 *   `closed`) and `asOf` past its end (or the cycle `grading` / `closed`); and a score:
 *   `options.score`, or the objective's score from `evaluate` at `asOf`. The entry
 *   records `score` and `grade`, and `finalScore` is set to the score.
 * - `closed → active` (reopen): nothing; `finalScore` is removed and its value recorded as
 *   the entry's `score` (`keepFinalScore: true` keeps it). The history is kept.
 * - any state → `draft` (send back): a `note` that says why.
 *
 * Every step needs `at` not before the last history entry (two date-times compared by
 * instant, a bare date by its day), and `asOf` not after `at`'s day. A record without a
 * state is `active`, even under a draft objective. It throws rather than returning a result so that a plan is never saved with
 * a step that was not ready; {@link checkObjectiveTransition} returns the same reasons
 * without throwing, for a UI that shows what is missing.
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param objectiveId - The objective's id.
 * @param to - The state to move it to.
 * @param options - `by` and `at` (who and when), `note`, `asOf`, `score`, `keepFinalScore`, `evaluate`.
 * @returns A new plan.
 * @throws {OkrkitError} `not_ready` with one issue per reason; `unknown_reference` for an id the plan lacks; `invalid_argument` for bad options.
 * @example
 * const approved = advanceObjective(plan, 'o-sales', 'approved', { by: 'u-ceo', at: '2026-06-25' });
 * approved.objectives[0].history
 * //=> [{ from: 'draft', to: 'proposed', … }, { from: 'proposed', to: 'approved', by: 'u-ceo', at: '2026-06-25' }]
 * @category Process
 */
export function advanceObjective(plan: DeepReadonly<Plan>, objectiveId: string, to: OkrState, options: TransitionOptions): Plan {
  return advanceIn(PLAIN_CONTEXT, 'objective', plan, objectiveId, to, options);
}

/**
 * Moves a key result one step through the OKR process, as {@link advanceObjective} does
 * an objective, by its own rules:
 *
 * - `draft → proposed`: nothing.
 * - `proposed → approved`: its objective is no longer a draft (it is agreed with its objective).
 * - `approved → active`: its objective is approved or active.
 * - `active → closed`: its objective's cycle over, as for objectives, and a score (`options.score`
 *   or the key result's score from `evaluate`), recorded with its grade (by its
 *   objective's commitment) and set as `finalScore`.
 * - `closed → active` (reopen): its objective is not closed; `finalScore` is removed and
 *   recorded as for objectives.
 * - any state → `draft`: a `note`.
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param keyResultId - The key result's id.
 * @param to - The state to move it to.
 * @param options - `by` and `at` (who and when), `note`, `asOf`, `score`, `keepFinalScore`, `evaluate`.
 * @returns A new plan.
 * @throws {OkrkitError} `not_ready` with one issue per reason; `unknown_reference` for an id the plan lacks; `invalid_argument` for bad options.
 * @example
 * const next = advanceKeyResult(plan, 'kr-leads', 'closed', { by: 'u-lan', at: '2026-10-02' });
 * next.keyResults[0].finalScore
 * //=> 0.8 (its score at 2026-10-02)
 * @category Process
 */
export function advanceKeyResult(plan: DeepReadonly<Plan>, keyResultId: string, to: OkrState, options: TransitionOptions): Plan {
  return advanceIn(PLAIN_CONTEXT, 'keyResult', plan, keyResultId, to, options);
}
