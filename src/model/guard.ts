import { messages } from '../messages/where.js';
import { invalidArgument, OkrkitError } from '../messages/okrkit-error.js';
import { msg } from '../messages/message.js';

const COLLECTIONS = ['cycles', 'units', 'objectives', 'keyResults', 'initiatives', 'checkIns', 'kpis', 'measurements'] as const;

/** A plain object, as JSON has them: not null, not an array. */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Runs a function that reads a parsed plan, at the public boundary: checks the plan's
 * shape (an object whose collections are arrays of objects, a cheap scan), and turns any
 * other error from data that `parsePlan` would have rejected into an `OkrkitError`, so bad
 * input never escapes as a `TypeError`.
 */
export function withPlan<T>(plan: unknown, run: () => T): T {
  if (!isRecord(plan)) invalidArgument('arg.plan');
  for (const name of COLLECTIONS) {
    const items = plan[name];
    if (items === undefined) continue;
    if (!Array.isArray(items)) invalidArgument('arg.array', { name: `plan.${name}` });
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i];
      if (typeof item !== 'object' || item === null || Array.isArray(item)) invalidArgument('arg.object', { name: `plan.${name}[${i}]` });
    }
  }
  try {
    return run();
  } catch (error) {
    if (error instanceof OkrkitError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new OkrkitError('invalid_argument', messages.invalidArgument(msg('arg.unparsedPlan', { reason })));
  }
}
