// The steps of the OKR process (seed 004: draft, align, initiatives, measure, check in,
// review) as a table: which state may follow which. Everything else about a step — what
// it needs — is in readiness.ts.
import { parseArgument } from '../_lib/zod-issues.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { isRecord } from '../model/guard.js';
import { OkrState } from '../model/process.js';

/**
 * The steps forward from each state; every state but `draft` may also be sent back to
 * `draft` (with a note). `closed → active` is reopening.
 */
const FORWARD: Readonly<Record<OkrState, readonly OkrState[]>> = {
  draft: ['proposed'],
  proposed: ['approved'],
  approved: ['active'],
  active: ['closed'],
  closed: ['active'],
};

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
  const forward = FORWARD[state];
  return state === 'draft' ? [...forward] : [...forward, 'draft'];
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

/** Whether `to` may follow `from`. */
export function isStep(from: OkrState, to: OkrState): boolean {
  return FORWARD[from].includes(to) || (to === 'draft' && from !== 'draft');
}
