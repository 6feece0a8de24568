import { dateOf } from '../_lib/calendar.js';
import { msg } from '../messages/message.js';
import { pathIn, type Checks } from './integrity-checks.js';
import { forwardOf, isStep, type OkrState, type StateChange } from './process.js';

/** A record that may carry a state and its history, and may be a carried-over copy. */
interface Stateful {
  readonly state?: OkrState | undefined;
  readonly history?: readonly StateChange[] | undefined;
  readonly carriedFrom?: string | undefined;
}

/**
 * Orders two steps' times, the one rule the history check and the transitions share: two
 * date-times by their instants (`2026-07-06T05:00:00+14:00` is before
 * `2026-07-05T23:00:00+00:00`), and a bare date against anything by its day (a day has no
 * time: `2026-07-05` and `2026-07-05T23:00Z` are the same day, so neither is before the
 * other). Negative when `a` is before `b`, 0 when neither is, positive when after.
 */
export function compareStepTimes(a: string, b: string): number {
  if (a.length > 10 && b.length > 10) {
    const ta = Date.parse(a);
    const tb = Date.parse(b);
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  }
  const da = dateOf(a);
  const db = dateOf(b);
  return da < db ? -1 : da > db ? 1 : 0;
}

/**
 * Objectives' and key results' histories: each entry is a step the OKR process has (the
 * table the transitions use), starts where the one before it ended and is not dated
 * before it (see {@link compareStepTimes}); a step to `closed` records its score; the
 * last entry ends at the record's state (no state reads as `active`). A carried-over
 * copy's first entry records its arrival from the original's state, to any state but
 * `closed`, as `carryOver` writes it.
 */
export function checkHistories(checks: Checks): void {
  checks.plan.objectives.forEach((o, i) => {
    if (o !== undefined) checkHistory(checks, o, pathIn('objectives', i));
  });
  checks.plan.keyResults.forEach((k, i) => {
    if (k !== undefined) checkHistory(checks, k, pathIn('keyResults', i));
  });
}

function checkHistory({ push }: Checks, record: Stateful, at: ReturnType<typeof pathIn>): void {
  const history = record.history;
  if (history === undefined || history.length === 0) return;
  let previous: StateChange | undefined;
  history.forEach((step, j) => {
    const arrival = j === 0 && record.carriedFrom !== undefined && step.to !== 'closed';
    if (!arrival && !isStep(step.from, step.to)) {
      push(at('history', j, 'to'), 'history_chain', msg('issue.historyStep', { from: step.from, to: step.to, options: forwardOf(step.from).join(', ') }));
    }
    if (step.to === 'closed' && step.score === undefined) push(at('history', j), 'history_chain', msg('issue.historyScore'));
    if (previous !== undefined && step.from !== previous.to) {
      push(at('history', j, 'from'), 'history_chain', msg('issue.historyChain', { from: step.from, previous: previous.to }));
    }
    if (previous !== undefined && compareStepTimes(step.at, previous.at) < 0) {
      push(at('history', j, 'at'), 'history_chain', msg('issue.historyOrder', { at: step.at, previous: previous.at }));
    }
    previous = step;
  });
  const state = record.state ?? 'active';
  if (previous !== undefined && previous.to !== state) {
    push(record.state === undefined ? at('history', history.length - 1, 'to') : at('state'), 'history_chain', msg('issue.historyState', { last: previous.to, state }));
  }
}
