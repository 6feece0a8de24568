import { msg, type Message } from '../../messages/message.js';
import type { DeepReadonly } from '../../model/deep-readonly.js';
import type { KeyResult } from '../../model/key-result.js';
import type { Objective } from '../../model/objective.js';
import type { OkrState } from '../../model/process.js';
import { processView, keyResultReasons, objectiveReasons, type ProcessView, type Reason } from '../../process/readiness.js';
import type { PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';

// Seed 004's six steps: draft, align, initiatives, measure, check in, review. The coach
// names the step each objective and key result with a `state` is in and what its next
// step needs. Records without a state say nothing here, so plans that do not use states
// get no new findings.

/** The forward step from each state the coach looks at. */
const NEXT: Partial<Record<OkrState, OkrState>> = { proposed: 'approved', approved: 'active' };

type OkrRecord = DeepReadonly<Objective> | DeepReadonly<KeyResult>;

const TERM = { objectives: msg('term.objective'), keyResults: msg('term.keyResult') } as const;

/** The findings of one record: a draft, a next step that is or is not ready, or a cycle over. */
function* findingsOf(view: PlanView, pv: ProcessView, kind: 'objectives' | 'keyResults', i: number, r: OkrRecord, cycleId: string | undefined): Generator<RuleFinding> {
  const state = r.state;
  if (state === undefined) return;
  const path = [kind, i];
  const words = { what: TERM[kind], id: r.id, state: msg(`state.${state}`) };
  const found = (message: Message, severity?: 'warning'): RuleFinding => ({ path, id: r.id, message, ...(severity ? { severity } : {}) });
  if (state === 'draft') yield found(msg('lint.processDraft', words));
  const to = NEXT[state];
  if (to !== undefined) {
    const req = { to, at: null, note: undefined, asOf: view.asOf ?? '' };
    const reasons: Reason[] = kind === 'objectives' ? objectiveReasons(pv, i, req) : keyResultReasons(pv, i, req);
    const next = msg(`state.${to}`);
    for (const reason of reasons) yield found(msg('lint.processNotReady', { ...words, to: next, reason: reason.message }), 'warning');
    if (reasons.length === 0) yield found(msg('lint.processReady', { ...words, to: next }));
  }
  if (state === 'active' && view.asOf !== null) {
    const cycle = cycleId === undefined ? undefined : view.cycleById.get(cycleId);
    if (cycle !== undefined && view.asOf > cycle.end) yield found(msg('lint.processCloseDue', { what: TERM[kind], id: r.id, cycle: cycle.id, end: cycle.end }));
  }
}

/** Scored key results still drafted or proposed under an approved or active objective: left out of its score. */
function* unapproved(view: PlanView, pv: ProcessView): Generator<RuleFinding> {
  for (const [j, k] of view.keyResults.entries()) {
    // A baseline is never scored, so being left out of the score says nothing about it.
    if ((k.state !== 'draft' && k.state !== 'proposed') || k.kind === 'baseline') continue;
    const o = pv.objectives[pv.objectiveIndex.get(k.objectiveId) ?? -1];
    if (o?.state === 'approved' || o?.state === 'active') {
      yield { path: ['keyResults', j], id: k.id, message: msg('process.keyResultsNotReady', { keyResult: k.id, state: msg(`state.${k.state}`) }), severity: 'warning' };
    }
  }
}

function* check(view: PlanView): Generator<RuleFinding> {
  if (!view.objectives.some((o) => o.state !== undefined) && !view.keyResults.some((k) => k.state !== undefined)) return;
  const pv = processView(view);
  for (const [i, o] of view.objectives.entries()) yield* findingsOf(view, pv, 'objectives', i, o, o.cycleId);
  for (const [j, k] of view.keyResults.entries()) {
    yield* findingsOf(view, pv, 'keyResults', j, k, pv.objectives[pv.objectiveIndex.get(k.objectiveId) ?? -1]?.cycleId);
  }
  yield* unapproved(view, pv);
}

/** The step each objective and key result with a state is in, and what its next step needs. */
export const processNextStep = { code: 'process-next-step', severity: 'info', check } as const satisfies LintRule;
