import { messages } from '../messages/where.js';
import { invalidArgument, OkrkitError } from '../messages/okrkit-error.js';
import { msg, type Message } from '../messages/message.js';

const COLLECTIONS = ['cycles', 'units', 'objectives', 'keyResults', 'initiatives', 'checkIns', 'kpis', 'measurements'] as const;

/** A plain object, as JSON has them: not null, not an array. */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** An object as JSON.parse makes them: its prototype is Object.prototype (of any realm) or null. */
export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** What a value that is not a plan object is, by name: `Buffer`, `Promise`, `array`, `null`, a class's name. */
function kindOf(x: unknown): string {
  if (x === null || x === undefined) return String(x);
  if (Array.isArray(x)) return 'an array';
  if (typeof x !== 'object') return typeof x === 'number' && Number.isNaN(x) ? 'NaN' : `a ${typeof x}`;
  if (typeof Buffer !== 'undefined' && Buffer.isBuffer(x)) return 'a Buffer';
  const proto: unknown = Object.getPrototypeOf(x);
  const ctor: unknown = isRecord(proto) && Object.hasOwn(proto, 'constructor') ? proto['constructor'] : undefined;
  const name = typeof ctor === 'function' ? ctor.name : '';
  return name === '' ? 'an object with a custom prototype' : `a ${name}`;
}

/** The issue for a value that is not a plan object, with a hint for the usual mistakes. */
export function notAPlan(x: unknown): Message {
  const got = kindOf(x);
  if (typeof x === 'string' || x instanceof Uint8Array || x instanceof ArrayBuffer) return msg('schema.notPlanObjectText', { got });
  if (x instanceof Promise || (isRecord(x) && typeof x['then'] === 'function')) return msg('schema.notPlanObjectPromise', { got });
  return msg('schema.notPlanObject', { got });
}

/**
 * Runs a function that reads a parsed plan, at the public boundary: checks the plan's
 * shape (an object whose collections are arrays of objects, a cheap scan), and turns any
 * other error from data that `parsePlan` would have rejected into an `OkrkitError`, so bad
 * input never escapes as a `TypeError`.
 */
export function withPlan<T>(plan: unknown, run: () => T): T {
  if (!isPlainObject(plan)) throw new OkrkitError('invalid_argument', messages.invalidArgument(notAPlan(plan)));
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
