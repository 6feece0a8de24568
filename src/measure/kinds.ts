// How each kind of key result turns what its check-ins say (a Reading) into raw progress:
// one small measure per built-in kind, and the plug-in registry for the others. The
// built-in kinds are this table's keys.
import { i32 } from '../_lib/at.js';
import { dateOf } from '../_lib/calendar.js';
import type { Exact } from '../_lib/exact.js';
import { compareFractions, dividedBy, FRACTION_ONE, FRACTION_ZERO, fractionOfValue, minus, plus, signOf } from '../_lib/fraction.js';
import { compare, toNumber } from '../_lib/numeric.js';
import { readValue } from '../_lib/read-value.js';
import { msg } from '../messages/message.js';
import { OkrkitError } from '../messages/okrkit-error.js';
import { at, messages, where } from '../messages/where.js';
import type { CheckIn } from '../model/check-in.js';
import type { BinaryKeyResult, KeyResult, KeyResultKind, MetricKeyResult, MilestonesKeyResult, RangeKeyResult, ThresholdKeyResult } from '../model/key-result.js';
import type { Context } from '../model/context.js';
import { runProgress } from '../model/plugins.js';
import { checkInAt, compareCheckIns, exactCurrent, type Reading } from './check-ins.js';
import { differenceRatioInto } from './exact-progress.js';
import { judgesShare, meets } from './meets.js';

/** Each built-in kind's key result type, by kind. */
type KindMap = { readonly [K in KeyResultKind]: Extract<KeyResult, { readonly kind: K }> };

/**
 * How one kind of key result is measured: its raw progress from what its check-ins say,
 * into `out`; false for a kind that has none (baseline). A kind without a current value
 * (binary, milestones) clears `r.current`.
 */
type MeasureKind<K extends KeyResultKind> = (out: Exact, kr: KindMap[K], r: Reading) => boolean;

const MEASURES: { readonly [K in KeyResultKind]: MeasureKind<K> } = {
  metric: metricRaw,
  threshold: conditionRaw,
  range: conditionRaw,
  binary: binaryRaw,
  milestones: milestonesRaw,
  baseline: () => false,
};

/** The built-in key-result kinds, in the order messages list them. */
const BUILT_IN_KINDS: readonly string[] = /*@__PURE__*/ Object.keys(MEASURES);
const BUILT_IN: ReadonlySet<string> = /*@__PURE__*/ new Set(BUILT_IN_KINDS);

/** Whether a kind is built in (else a plug-in must define it). */
export function isBuiltInKind(kind: string): kind is KeyResultKind {
  return BUILT_IN.has(kind);
}

/**
 * Writes a key result's raw progress into `out` by its kind: a built-in kind's measure,
 * else the plug-in registered for the kind. False when the kind has no progress.
 */
export function measureKind(cx: Context, out: Exact, kr: KeyResult, r: Reading): boolean {
  const kind: string = kr.kind;
  return isBuiltInKind(kind) ? measureBuiltIn(kr.kind, kr, out, r) : measurePlugin(cx, out, kr, r);
}

/** The table's measure for a kind, called with the key result of that kind. */
function measureBuiltIn<K extends KeyResultKind>(kind: K, kr: KindMap[K], out: Exact, r: Reading): boolean {
  return MEASURES[kind](out, kr, r);
}

/** Metric: (A − S) ÷ (T − S), with A exact when the current value is a rounded average. */
function metricRaw(out: Exact, kr: MetricKeyResult, r: Reading): boolean {
  const start = readValue(kr.start, where.keyResultField, kr.id, 'start');
  const target = readValue(kr.target, where.keyResultField, kr.id, 'target');
  if (compare(start, target) === 0) {
    throw new OkrkitError('invalid_argument', messages.invalidArgument(at(where.keyResult(kr.id), messages.targetEqualsStart(String(kr.target)))));
  }
  const exact = exactCurrent(r);
  if (exact === null) {
    differenceRatioInto(out, r.current ?? start, start, target);
  } else {
    const fs = fractionOfValue(start);
    out.setFraction(dividedBy(minus(exact, fs), minus(fractionOfValue(target), fs)));
  }
  return true;
}

/** Threshold and range: 1 or 0 as the current value meets the condition, or the share of check-ins that met it. */
function conditionRaw(out: Exact, kr: ThresholdKeyResult | RangeKeyResult, r: Reading): boolean {
  if (judgesShare(kr) && r.source === null) out.setIntegers(r.met, r.valued === 0 ? 1 : r.valued);
  else out.setIntegers(r.current !== null && meets(kr, r.current) ? 1 : 0, 1);
  return true;
}

/**
 * Binary: 1 when the latest check-in that says something about it (`done`, or a value) is
 * done (or carries a non-zero value), else 0. A check-in with only a confidence or a note
 * does not undo an earlier `done`.
 */
function binaryRaw(out: Exact, kr: BinaryKeyResult, r: Reading): boolean {
  const last = latestMarked(r, kr.id);
  out.setIntegers(last !== null && isDone(last, kr.id) ? 1 : 0, 1);
  r.current = null;
  return true;
}

const isMarked = (c: CheckIn): boolean => c.done !== undefined || c.value !== undefined;

/** The latest counted check-in with `done` or a value: usually the latest of all, else found in a second pass. */
function latestMarked(r: Reading, id: string): CheckIn | null {
  const latest = r.latest;
  if (latest === null || isMarked(latest)) return latest;
  let found: CheckIn | null = null;
  for (const c of countedCheckIns(r, id)) if (isMarked(c)) found = c;
  return found;
}

function isDone(c: CheckIn, id: string): boolean {
  if (c.done !== undefined) return c.done;
  return c.value !== undefined && compare(readValue(c.value, where.checkInValue, id), 0) !== 0;
}

/** Milestones: the weighted share done by the window's last day, exactly, at most 1. */
function milestonesRaw(out: Exact, kr: MilestonesKeyResult, r: Reading): boolean {
  const until = r.window.until;
  let done = FRACTION_ZERO;
  let all = FRACTION_ZERO;
  for (const m of kr.milestones) {
    const w = m.weight === undefined ? FRACTION_ONE : fractionOfValue(readValue(m.weight, where.milestoneWeight, kr.id));
    all = plus(all, w);
    const isDone = m.doneAt !== undefined ? until === null || m.doneAt <= until : m.done === true;
    if (isDone) done = plus(done, w);
  }
  if (signOf(all) === 0) out.setIntegers(0, 1);
  else {
    const share = dividedBy(done, all);
    if (compareFractions(share, FRACTION_ONE) > 0) out.setIntegers(1, 1);
    else out.setFraction(share);
  }
  r.current = null;
  return true;
}

/** A plug-in kind: its own rule, given the current value and the check-ins that counted. */
function measurePlugin(cx: Context, out: Exact, kr: { readonly kind: string; readonly id: string }, r: Reading): boolean {
  const plugin = cx.kinds.get(kr.kind);
  if (plugin === undefined) {
    throw new OkrkitError('invalid_argument', messages.invalidArgument(at(where.keyResult(kr.id), msg('issue.unknownKind', { kind: kr.kind, options: BUILT_IN_KINDS.join(', ') }))));
  }
  const value = r.current === null ? null : toNumber(r.current);
  out.setDouble(runProgress(plugin, kr, { value, checkIns: countedCheckIns(r, kr.id), asOf: r.window.until }));
  return true;
}

/** The check-ins of the reading that counted, oldest first. */
function countedCheckIns(r: Reading, id: string): CheckIn[] {
  const { checkIns, indices } = r;
  const { since, until } = r.window;
  const counted: CheckIn[] = [];
  for (let i = r.from; i < r.to; i++) {
    const c = checkInAt(checkIns, indices === null ? i : i32(indices, i));
    const day = dateOf(c.at);
    if ((indices !== null || c.keyResultId === id) && (since === null || day >= since) && (until === null || day <= until)) counted.push(c);
  }
  return counted.sort(compareCheckIns);
}
