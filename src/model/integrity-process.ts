import { compareTimestamps } from '../_lib/calendar.js';
import { msg } from '../messages/message.js';
import { pathIn, type Checks } from './integrity-checks.js';
import type { OkrState, StateChange } from './process.js';

/** A record that may carry a state and its history. */
interface Stateful {
  readonly state?: OkrState | undefined;
  readonly history?: readonly StateChange[] | undefined;
}

/**
 * Objectives' and key results' histories: each step starts where the one before it
 * ended and is not dated before it, and the last one ends at the record's state (no
 * state reads as `active`). A step may keep the state: carrying over records a copy's
 * arrival in `draft` from a draft.
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
    if (previous !== undefined && step.from !== previous.to) {
      push(at('history', j, 'from'), 'history_chain', msg('issue.historyChain', { from: step.from, previous: previous.to }));
    }
    if (previous !== undefined && compareTimestamps(step.at, previous.at) < 0) {
      push(at('history', j, 'at'), 'history_chain', msg('issue.historyOrder', { at: step.at, previous: previous.at }));
    }
    previous = step;
  });
  const state = record.state ?? 'active';
  if (previous !== undefined && previous.to !== state) {
    push(record.state === undefined ? at('history', history.length - 1, 'to') : at('state'), 'history_chain', msg('issue.historyState', { last: previous.to, state }));
  }
}
