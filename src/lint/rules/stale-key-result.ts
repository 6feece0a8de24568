import { dateOf, daysBetween } from '../../_lib/calendar.js';
import { msg } from '../../messages/message.js';
import { isAggregated } from '../../model/value-links.js';
import { inDraft } from '../../evaluate/graph.js';
import type { PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';

/** The day of each key result's latest check-in up to `asOf`. */
function lastCheckIns(view: PlanView, asOf: string): ReadonlyMap<string, string> {
  const last = new Map<string, string>();
  for (const c of view.checkIns) {
    const day = dateOf(c.at);
    if (day > asOf) continue;
    const seen = last.get(c.keyResultId);
    if (seen === undefined || day > seen) last.set(c.keyResultId, day);
  }
  return last;
}

function* check(view: PlanView): Generator<RuleFinding> {
  const { asOf, checkInEvery: every } = view;
  if (asOf === null) return;
  const last = lastCheckIns(view, asOf);
  for (const [j, k] of view.keyResults.entries()) {
    // Milestones move when a phase is done, not on a rhythm; a key result with a source is
    // fed by it, an aggregated one by its contributors (which this rule checks themselves).
    if (k.kind === 'milestones' || k.source !== undefined || isAggregated(k)) continue;
    // A draft or proposed key result is not tracked yet.
    if (inDraft(k, view.objectiveById.get(k.objectiveId))) continue;
    const cycle = view.cycleById.get(view.objectiveById.get(k.objectiveId)?.cycleId ?? '');
    if (cycle === undefined || asOf < cycle.start || asOf > cycle.end) continue;
    const seen = last.get(k.id);
    const since = seen !== undefined && seen >= cycle.start ? seen : cycle.start;
    const days = daysBetween(since, asOf);
    if (days > every) yield { path: ['keyResults', j], id: k.id, message: msg('lint.staleKeyResult', { days, every }) };
  }
}

/** No check-in within `checkInEvery` days of `asOf`, in a running cycle. */
export const staleKeyResult = { code: 'stale-key-result', severity: 'warning', check } as const satisfies LintRule;
