// The instants in a plan (a `Date` or epoch milliseconds where a date belongs), written as
// the text the schemas read, before they read it: a calendar date becomes its day in the
// caller's time zone, a timestamp its date-time with that zone's offset. So a parsed plan,
// and everything downstream, holds strings only. A plan without instants is returned as
// it is (the same object); the input is never modified.
import { issue, OkrkitError, type OkrkitIssue } from '../messages/okrkit-error.js';
import { msg } from '../messages/message.js';
import { messages } from '../messages/where.js';
import { isRecord } from './guard.js';
import { instantIssue, isInstant, wallClockOf } from './instant.js';

/** What a date field holds: a calendar date (`day`), a timestamp (`stamp`), or records with such fields. */
type Spec = { readonly [field: string]: 'day' | 'stamp' | Spec };

const HISTORY: Spec = { at: 'stamp' };

/** The plan's date fields, by collection. */
const PLAN_DATES: Spec = {
  cycles: { start: 'day', end: 'day' },
  objectives: { history: HISTORY },
  keyResults: { history: HISTORY, milestones: { doneAt: 'day', due: 'day' } },
  initiatives: { due: 'day' },
  checkIns: { at: 'stamp' },
  kpis: { timeframe: { start: 'day', end: 'day' } },
  measurements: { at: 'stamp' },
};

/** The records of a list of check-ins or measurements: their `at`. */
const AT_DATES: Spec = { at: 'stamp' };

/** The state of one conversion: the zone, the path being read (a stack), the problems found. */
interface Walk {
  readonly zone: string | null;
  readonly path: (string | number)[];
  readonly issues: OkrkitIssue[];
  /** The paths (as JSON) of the instants that had no day: the schemas' issues there are left out. */
  readonly bad: Set<string>;
}

function convertValue(value: unknown, kind: 'day' | 'stamp', w: Walk): unknown {
  if (!isInstant(value)) return value;
  const clock = wallClockOf(value, w.zone);
  if ('day' in clock) return kind === 'day' ? clock.day : clock.stamp;
  w.issues.push(issue(w.path.slice(), 'invalid_date', instantIssue(clock)));
  w.bad.add(JSON.stringify(w.path));
  return undefined;
}

function convertNested(value: unknown, spec: Spec, w: Walk): unknown {
  if (!Array.isArray(value)) return convertRecord(value, spec, w);
  let out: unknown[] | null = null;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    w.path.push(i);
    const next = convertRecord(item, spec, w);
    w.path.pop();
    if (next !== item) (out ??= value.slice())[i] = next;
  }
  return out ?? value;
}

function convertRecord(record: unknown, spec: Spec, w: Walk): unknown {
  if (!isRecord(record)) return record;
  let out: Record<string, unknown> | null = null;
  for (const field in spec) {
    if (!Object.hasOwn(record, field)) continue;
    const kind = spec[field];
    const value = record[field];
    if (kind === undefined || value === null || typeof value === 'string') continue;
    w.path.push(field);
    const next = typeof kind === 'string' ? convertValue(value, kind, w) : convertNested(value, kind, w);
    w.path.pop();
    if (next === value) continue;
    out ??= { ...record };
    if (next === undefined) delete out[field];
    else out[field] = next;
  }
  return out ?? record;
}

/** The result of a conversion: the input with its instants written as text, and the instants that have no day. */
export interface Converted {
  readonly value: unknown;
  readonly issues: readonly OkrkitIssue[];
  /** Whether a schema issue at this path stands for an instant already reported. */
  readonly reported: (path: readonly PropertyKey[]) => boolean;
}

function convert(value: unknown, spec: Spec, zone: string | null, path: (string | number)[]): Converted {
  const w: Walk = { zone, path, issues: [], bad: new Set() };
  const out = convertNested(value, spec, w);
  return { value: out, issues: w.issues, reported: (p) => w.bad.size > 0 && w.bad.has(JSON.stringify(p)) };
}

/** A plan's instants written as calendar dates and timestamps in `zone` (null: none given, so an instant is an issue). */
export function planWithDays(plan: Readonly<Record<string, unknown>>, zone: string | null): Converted {
  return convert(plan, PLAN_DATES, zone, []);
}

/**
 * An argument — a check-in, or a list of check-ins or measurements — with its `at`
 * instants written as timestamps in `zone`; throws `invalid_argument` naming each one
 * that has no day (no zone given, or not a valid instant).
 */
export function atWithDays(value: unknown, zone: string | null, name: string): unknown {
  const c = convert(value, AT_DATES, zone, [name]);
  if (c.issues.length > 0) throw new OkrkitError('invalid_argument', messages.invalidArgument(msg('arg.invalid', { name })), c.issues);
  return c.value;
}
