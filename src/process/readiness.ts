// What each step of the OKR process needs, as reasons it is not ready yet: one function
// for objectives and one for key results, over a small view of the plan that the
// transitions and the coach's rule share. Closing's score is the caller's to find (it
// needs an evaluation); everything else is here.
import { dateOf } from '../_lib/calendar.js';
import { msg, type Message } from '../messages/message.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import type { Cycle } from '../model/cycle.js';
import type { KeyResult } from '../model/key-result.js';
import type { Objective } from '../model/objective.js';
import { compareStepTimes } from '../model/integrity-process.js';
import { isStep, type OkrState, type StateChange } from '../model/process.js';
import type { Unit } from '../model/unit.js';
import { nextStates, stateOf } from './steps.js';

/** The seeds: each objective has 2 to 5 key results. */
const MIN_KEY_RESULTS = 2;
const MAX_KEY_RESULTS = 5;

/** One reason a step is not ready: where it points and what it says. */
export interface Reason {
  readonly path: readonly (string | number)[];
  readonly message: Message;
}

/** The collections the rules read; a plan and the coach's view both have them. */
interface Collections {
  readonly cycles: readonly DeepReadonly<Cycle>[];
  readonly units: readonly DeepReadonly<Unit>[];
  readonly objectives: readonly DeepReadonly<Objective>[];
  readonly keyResults: readonly DeepReadonly<KeyResult>[];
}

/** Lookups the rules share, built once per plan. */
export interface ProcessView {
  readonly cycleIndex: ReadonlyMap<string, number>;
  readonly cycles: readonly DeepReadonly<Cycle>[];
  readonly unitById: ReadonlyMap<string, DeepReadonly<Unit>>;
  readonly objectiveIndex: ReadonlyMap<string, number>;
  readonly objectives: readonly DeepReadonly<Objective>[];
  readonly keyResultIndex: ReadonlyMap<string, number>;
  readonly keyResults: readonly DeepReadonly<KeyResult>[];
  /**
   * Each objective's key results that its score counts, by objective id: not baselines,
   * not draft or proposed ones (`evaluate` leaves those out), not those of weight 0.
   */
  readonly scoredOf: ReadonlyMap<string, readonly DeepReadonly<KeyResult>[]>;
}

const indexOf = (items: readonly { readonly id: string }[]): Map<string, number> => {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (!index.has(item.id)) index.set(item.id, i);
  });
  return index;
};

/** Whether a key result counts in its objective's score by default (see {@link ProcessView.scoredOf}). */
function isCounted(k: DeepReadonly<KeyResult>): boolean {
  if (k.kind === 'baseline' || k.state === 'draft' || k.state === 'proposed') return false;
  return k.weight === undefined || k.weight === 'target' || Number(k.weight) > 0;
}

/** Builds the lookups of a plan. */
export function processView(plan: Collections): ProcessView {
  const scoredOf = new Map<string, DeepReadonly<KeyResult>[]>();
  for (const k of plan.keyResults) {
    if (!isCounted(k)) continue;
    const list = scoredOf.get(k.objectiveId);
    if (list === undefined) scoredOf.set(k.objectiveId, [k]);
    else list.push(k);
  }
  return {
    cycleIndex: indexOf(plan.cycles),
    cycles: plan.cycles,
    unitById: new Map(plan.units.map((u) => [u.id, u])),
    objectiveIndex: indexOf(plan.objectives),
    objectives: plan.objectives,
    keyResultIndex: indexOf(plan.keyResults),
    keyResults: plan.keyResults,
    scoredOf,
  };
}

/** What a step is asked with: when, with which note, judged at which date. */
export interface StepRequest {
  readonly to: OkrState;
  readonly at: string | null;
  readonly note: string | undefined;
  readonly asOf: string;
}

/** The reasons every step shares: a step that exists, a note to go back, a date in order. */
function commonReasons(
  record: { readonly state?: OkrState | undefined; readonly history?: readonly DeepReadonly<StateChange>[] | undefined },
  at: (...rest: (string | number)[]) => readonly (string | number)[],
  req: StepRequest,
): Reason[] {
  const from = stateOf(record);
  const reasons: Reason[] = [];
  if (!isStep(from, req.to)) {
    reasons.push({ path: at('state'), message: msg('process.noStep', { from: msg(`state.${from}`), to: msg(`state.${req.to}`), options: nextStates(from).join(', ') }) });
  }
  if (req.to === 'draft' && from !== 'draft' && (req.note ?? '').trim() === '') reasons.push({ path: at(), message: msg('process.noteRequired') });
  const history = record.history ?? [];
  const last = history[history.length - 1];
  if (req.at !== null && last !== undefined && compareStepTimes(req.at, last.at) < 0) {
    reasons.push({ path: at('history', history.length - 1, 'at'), message: msg('process.beforeLastStep', { at: req.at, last: last.at }) });
  }
  return reasons;
}

/**
 * A cycle that is over for a closing: the day of `at` after its end (unless the plan
 * closed the cycle), and at `asOf` past its end, or graded or closed by the plan.
 */
function cycleReasons(view: ProcessView, cycleId: string, req: StepRequest): Reason[] {
  const i = view.cycleIndex.get(cycleId);
  const cycle = i === undefined ? undefined : view.cycles[i];
  if (i === undefined || cycle === undefined || cycle.state === 'closed') return [];
  const day = req.at === null ? null : dateOf(req.at);
  const notOver = (date: string): Reason[] => [{ path: ['cycles', i, 'end'], message: msg('process.cycleNotOver', { cycle: cycle.id, end: cycle.end, asOf: date }) }];
  if (day !== null && day <= cycle.end) return notOver(day);
  if (cycle.state === 'grading' || req.asOf > cycle.end) return [];
  return notOver(req.asOf);
}

/** Why objective i cannot take the step yet (closing's score aside); empty when it can. */
export function objectiveReasons(view: ProcessView, i: number, req: StepRequest): Reason[] {
  const o = view.objectives[i];
  if (o === undefined) return [];
  const at = (...rest: (string | number)[]) => ['objectives', i, ...rest];
  const reasons = commonReasons(o, at, req);
  if (reasons.length > 0 && !isStep(stateOf(o), req.to)) return reasons;
  if (req.to === 'approved') {
    const count = view.scoredOf.get(o.id)?.length ?? 0;
    if (count < MIN_KEY_RESULTS || count > MAX_KEY_RESULTS) reasons.push({ path: at(), message: msg('process.keyResultCount', { count }) });
    const unit = o.unitId === undefined ? undefined : view.unitById.get(o.unitId);
    if ((unit?.level === 'team' || unit?.level === 'individual') && o.parentId === undefined && (o.links ?? []).length === 0) {
      reasons.push({ path: at('parentId'), message: msg('process.unaligned', { level: msg(`level.${unit.level}`) }) });
    }
  }
  if (req.to === 'closed') reasons.push(...cycleReasons(view, o.cycleId, req));
  return reasons;
}

/** Why key result j cannot take the step yet (closing's score aside); empty when it can. */
export function keyResultReasons(view: ProcessView, j: number, req: StepRequest): Reason[] {
  const k = view.keyResults[j];
  if (k === undefined) return [];
  const at = (...rest: (string | number)[]) => ['keyResults', j, ...rest];
  const reasons = commonReasons(k, at, req);
  if (reasons.length > 0 && !isStep(stateOf(k), req.to)) return reasons;
  const oi = view.objectiveIndex.get(k.objectiveId);
  const o = oi === undefined ? undefined : view.objectives[oi];
  if (o === undefined) return reasons;
  const objectiveState = stateOf(o);
  const objective = o.id;
  if (req.to === 'approved' && objectiveState === 'draft') reasons.push({ path: at('objectiveId'), message: msg('process.objectiveDraft', { objective }) });
  if (req.to === 'active' && stateOf(k) !== 'closed' && objectiveState !== 'approved' && objectiveState !== 'active') {
    reasons.push({ path: at('objectiveId'), message: msg('process.objectiveNotApproved', { objective, state: msg(`state.${objectiveState}`) }) });
  }
  if (req.to === 'active' && stateOf(k) === 'closed' && objectiveState === 'closed') {
    reasons.push({ path: at('objectiveId'), message: msg('process.objectiveClosed', { objective }) });
  }
  if (req.to === 'closed') reasons.push(...cycleReasons(view, o.cycleId, req));
  return reasons;
}
