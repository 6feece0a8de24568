import { i32 } from '../_lib/at.js';
import { compareTimestamps, dateOf } from '../_lib/calendar.js';
import type { Fraction } from '../_lib/fraction.js';
import { add, compare, type Value } from '../_lib/numeric.js';
import { readValue } from '../_lib/read-value.js';
import { where } from '../messages/where.js';
import type { CheckIn } from '../model/check-in.js';
import type { KeyResult, ValueFrom } from '../model/key-result.js';
import { Accumulator } from './accumulate.js';
import { judgesShare, meets } from './meets.js';

/** A key result's current value taken from a KPI: the aggregate, how many measurements and the latest date. */
export interface SourcedValue {
  readonly value: Value | null;
  /** The value exactly when `value` is rounded (an average). */
  readonly exact?: Fraction | null;
  readonly count: number;
  readonly last: string | null;
}

/** The dates a measurement looks at: check-ins dated from `since` to `until`, inclusive. */
export interface MeasureWindow {
  readonly since: string | null;
  readonly until: string | null;
}

/** Total order on check-ins of one key result, so "latest" never depends on input order. */
export function compareCheckIns(a: CheckIn, b: CheckIn): number {
  const byTime = compareTimestamps(a.at, b.at);
  if (byTime !== 0) return byTime;
  const ia = a.id ?? '';
  const ib = b.id ?? '';
  if (ia !== ib) return ia < ib ? -1 : 1;
  if (a.value !== undefined && b.value !== undefined) {
    const c = compare(readValue(a.value, where.checkInValue, a.keyResultId), readValue(b.value, where.checkInValue, b.keyResultId));
    if (c !== 0) return c;
  } else if (a.value !== b.value) {
    return a.value === undefined ? -1 : 1;
  }
  if (a.done !== b.done) return a.done ? 1 : -1;
  return (a.confidence ?? -1) - (b.confidence ?? -1);
}

/**
 * Checks every check-in's value by the rules `parsePlan` applies (a decimal within the
 * supported magnitudes), whether or not the measurement will read it: the entry points
 * that take check-ins without a plan call it, so none accepts what `parsePlan` rejects.
 */
export function checkCheckInValues(checkIns: readonly CheckIn[]): void {
  for (const c of checkIns) if (c.value !== undefined) readValue(c.value, where.checkInValue, c.keyResultId);
}

/**
 * The check-in at a position the caller took from the list (or from its groups). Not
 * `at` from _lib: that one is shared by every array in the code, so its reads are
 * polymorphic, and this loop is the engine's hottest.
 */
export function checkInAt(list: readonly CheckIn[], i: number): CheckIn {
  const c = list[i];
  if (c === undefined) throw new RangeError(`no check-in at ${i}`);
  return c;
}

/**
 * What one pass over a key result's check-ins found, and where they are (a plug-in kind
 * is given the ones that counted). One is reused from key result to key result, so the
 * pass allocates nothing.
 */
export class Reading {
  checkIns: readonly CheckIn[] = [];
  /** Positions of the key result's check-ins in `checkIns`, or null to look at all of them. */
  indices: Int32Array | null = null;
  from = 0;
  to = 0;
  window: MeasureWindow = { since: null, until: null };
  source: SourcedValue | null = null;
  mode: ValueFrom = 'latest';
  /** Check-ins inside the window. */
  counted = 0;
  /** Of them, those with a value. */
  valued = 0;
  /** Of them, those whose value met a threshold or range key result's condition (when it is judged on that share). */
  met = 0;
  latest: CheckIn | null = null;
  latestValued: CheckIn | null = null;
  latestConfident: CheckIn | null = null;
  /** The values by the key result's `valueFrom` (all but `latest`, which is `latestValued`'s value). */
  readonly values = new Accumulator();
  /** The current value: the KPI's for a sourced key result, else from the check-ins, else the start value. */
  current: Value | null = null;
}

/**
 * Reads a key result's check-ins in one pass into `r`: the counts, the latest check-in
 * (of all, valued, confident) and its current value. With `indices` null, every
 * check-in is looked at and other key results' ones are skipped; otherwise only the
 * positions `indices[from..to)` are read, known to belong to this key result.
 */
export function readCheckIns(
  r: Reading,
  kr: KeyResult,
  checkIns: readonly CheckIn[],
  indices: Int32Array | null,
  from: number,
  to: number,
  window: MeasureWindow,
  source: SourcedValue | null,
): Reading {
  const mode = kr.valueFrom ?? 'latest';
  const values = r.values.start(mode);
  const { since, until } = window;
  const judge = judgesShare(kr);
  // Locals in the loop (the engine's hottest), stored into the reading once at the end.
  let counted = 0;
  let valued = 0;
  let met = 0;
  let latest: CheckIn | null = null;
  let latestValued: CheckIn | null = null;
  let latestConfident: CheckIn | null = null;
  for (let i = from; i < to; i++) {
    const c = checkInAt(checkIns, indices === null ? i : i32(indices, i));
    if (indices === null && c.keyResultId !== kr.id) continue;
    const day = dateOf(c.at);
    if ((since !== null && day < since) || (until !== null && day > until)) continue;
    counted++;
    // The order is total, and the latest valued or confident check-in is one of those
    // seen, so a check-in later than the latest of all is later than both, and one that
    // is not cannot be later than either when it is the latest: one comparison usually
    // decides all three. (Written out rather than as a helper: measurably faster here.)
    const previous = latest;
    const newest = previous === null || compareCheckIns(c, previous) > 0;
    if (newest) latest = c;
    if (c.confidence !== undefined && (newest || (latestConfident !== previous && (latestConfident === null || compareCheckIns(c, latestConfident) > 0)))) latestConfident = c;
    if (c.value === undefined) continue;
    valued++;
    if (mode === 'latest') {
      if (newest || (latestValued !== previous && (latestValued === null || compareCheckIns(c, latestValued) > 0))) latestValued = c;
      // Only the latest value counts: the others are not read.
      if (!judge) continue;
    }
    const v = readValue(c.value, where.checkInValue, kr.id);
    if (judge && meets(kr, v)) met++;
    if (mode !== 'latest') values.add(v, 0);
  }
  r.checkIns = checkIns;
  r.indices = indices;
  r.from = from;
  r.to = to;
  r.window = window;
  r.source = source;
  r.mode = mode;
  r.counted = counted;
  r.valued = valued;
  r.met = met;
  r.latest = latest;
  r.latestValued = latestValued;
  r.latestConfident = latestConfident;
  r.current = currentOf(r, kr, source);
  return r;
}

/** The current value: the KPI's actual for a sourced key result, else from the check-ins that counted, else the start. */
function currentOf(r: Reading, kr: KeyResult, source: SourcedValue | null): Value | null {
  // The KPI's aggregation already made the value.
  if (source !== null) return source.value ?? startValue(kr);
  const latest = r.latestValued;
  const current = r.mode !== 'latest' ? r.values.result() : latest?.value === undefined ? null : readValue(latest.value, where.checkInValue, kr.id);
  if (r.mode !== 'sum') return current ?? startValue(kr);
  // Each check-in of a sum is an increment on the start.
  const start = startValue(kr);
  return start === null ? current : current === null ? start : add(start, current);
}

/** The start value of a metric or baseline key result, or null. */
function startValue(kr: KeyResult): Value | null {
  if ((kr.kind !== 'metric' && kr.kind !== 'baseline') || kr.start === undefined) return null;
  return readValue(kr.start, where.keyResultField, kr.id, 'start');
}

/** The current value exactly when `r.current` is rounded (an average, the KPI's or the check-ins'), else null. */
export function exactCurrent(r: Reading): Fraction | null {
  const source = r.source;
  if (source !== null) return source.value === null ? null : (source.exact ?? null);
  return r.mode === 'average' ? r.values.exactAverage() : null;
}
