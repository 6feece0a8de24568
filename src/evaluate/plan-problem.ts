// A problem the engine finds in a plan it was given unparsed (parsePlan reports the same
// problem with every other one): thrown as `invalid_plan` with its place.
import type { Message } from '../messages/message.js';
import { issue, OkrkitError, type OkrkitIssueCode } from '../messages/okrkit-error.js';
import { messages } from '../messages/where.js';

/** Throws `invalid_plan` for one problem at `path` (ids may stand in for positions). */
export function planProblem(path: readonly (string | number)[], message: Message, code: OkrkitIssueCode = 'invalid_value'): never {
  throw new OkrkitError('invalid_plan', messages.invalidPlan(1), [issue(path, code, message)]);
}
