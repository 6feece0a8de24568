// The steps of the OKR process (seed 004: draft, align, initiatives, measure, check in,
// review): which state may follow which (the table is in model/process.ts, which parsePlan's
// history check shares). Everything else about a step — what it needs — is in readiness.ts.
import { parseArgument } from '../_lib/zod-issues.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { isRecord } from '../model/guard.js';
import { forwardOf, OkrState } from '../model/process.js';

/**
 * The states an objective or a key result in a state may move to next, forward steps
 * first, then `draft` (sending it back), which every state but `draft` may take.
 *
 * @param from - The current state.
 * @returns The states it may move to, in that order.
 * @throws {OkrkitError} `invalid_argument` for a value that is not a state.
 * @example
 * nextStates('proposed')
 * //=> ['approved', 'draft']
 * nextStates('closed')
 * //=> ['active', 'draft'] (reopen, or send back)
 * @category Process
 */
export function nextStates(from: OkrState): OkrState[] {
  const state = parseArgument(OkrState, from, 'from');
  return forwardOf(state);
}

/**
 * The state of an objective or a key result: its `state`, or `active` when it has none
 * (plans written before states existed behave as before).
 *
 * @param record - An objective or a key result.
 * @returns Its state.
 * @throws {OkrkitError} `invalid_argument` for a record that is not an object or a state that is not one.
 * @example
 * stateOf({ id: 'o1', title: 'Grow sales', cycleId: 'q3' })
 * //=> 'active'
 * stateOf({ id: 'o1', title: 'Grow sales', cycleId: 'q3', state: 'draft' })
 * //=> 'draft'
 * @category Process
 */
export function stateOf(record: { readonly state?: OkrState | undefined }): OkrState {
  if (!isRecord(record)) invalidArgument('arg.object', { name: 'record' });
  return record.state === undefined ? 'active' : parseArgument(OkrState, record.state, 'record.state');
}
