import { compareTimestamps, dateOf } from '../_lib/calendar.js';
import {
  add,
  compare,
  divideByCount,
  lastScaled,
  scaleOf,
  sub,
  toNumber,
  type Value,
} from '../_lib/numeric.js';
import { Exact } from '../_lib/exact.js';
import { compareFractions, dividedBy, FRACTION_ONE, FRACTION_ZERO, fractionOfIntegers, fractionOfValue, minus, plus, signOf, type Fraction } from '../_lib/fraction.js';
import { readValue as valueOrThrow } from '../_lib/read-value.js';

/** -0 as 0: JSON may carry -0, results never do. */
const positiveZero = (x: number): number => (x === 0 ? 0 : x);
import { OkrkitError } from '../messages/okrkit-error.js';
import { at, messages, where } from '../messages/where.js';
import type { CheckIn } from '../model/check-in.js';
import type { KeyResult, Scoring } from '../model/key-result.js';
import { msg } from '../messages/message.js';
import { NO_PLUGINS, runProgress, runScoring, type Registry } from '../model/plugin-registry.js';

/**
 * What okrkit knows about one key result at a date.
 *
 * @category Key results
 */
export interface KeyResultProgress {
  /** The key result's id. */
  readonly keyResultId: string;
  /** The current value as a plain number; `null` when there is none (no check-in on a threshold, binary or milestones key result). */
  readonly value: number | null;
  /** Unclamped progress: `(A − S) / (T − S)` for metric key results; `null` for baseline ones. */
  readonly raw: number | null;
  /** `raw` clamped to `[0, cap]`; `null` for baseline key results. */
  readonly progress: number | null;
  /** The score from the key result's scoring rule, or its `finalScore`; `null` for baseline ones. */
  readonly score: number | null;
  /** True when `finalScore` set the score. */
  readonly overridden: boolean;
  /** How many check-ins counted (inside the window, at or before `asOf`). */
  readonly checkIns: number;
  /** Calendar date of the latest check-in that counted, or `null`. */
  readonly lastCheckIn: string | null;
  /** Confidence of the latest check-in that carried one, or `null`. */
  readonly confidence: number | null;
}

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
    const c = compare(valueOrThrow(a.value, where.checkInValue, a.keyResultId), valueOrThrow(b.value, where.checkInValue, b.keyResultId));
    if (c !== 0) return c;
  } else if (a.value !== b.value) {
    return a.value === undefined ? -1 : 1;
  }
  if (a.done !== b.done) return a.done ? 1 : -1;
  return (a.confidence ?? -1) - (b.confidence ?? -1);
}

/**
 * The exact numbers of one measurement (raw, progress and score), filled by
 * {@link measureKeyResult}. One is reused from key result to key result.
 */
export class ExactMeasure {
  readonly raw = new Exact();
  readonly progress = new Exact();
  readonly score = new Exact();
  /** Scratch registers for thresholds. */
  readonly a = new Exact();
  readonly b = new Exact();
  /** The cap as an exact register, kept while the cap stays the same. */
  readonly cap = new Exact().setIntegers(1, 1);
  capValue = 1;
}

/**
 * Applies a scoring rule to an exact progress, into `out`. Bands are judged on the exact
 * progress, so a progress exactly on a band's `min` earns that band.
 */
export function scoreInto(
  out: Exact,
  scoring: Scoring | undefined,
  progress: Exact,
  keyResult: { readonly id: string },
  registry: Registry,
  scratch: Exact,
): Exact {
  if (scoring === undefined || scoring.type === 'linear') return out.copy(progress);
  if (scoring.type === 'plugin') return out.setDouble(runScoring(registry, scoring.id, progress.toNumber(), keyResult));
  let best: { min: number; score: number } | null = null;
  for (const step of scoring.steps) {
    if ((best === null || step.min > best.min) && progress.compare(scratch.setDouble(step.min)) >= 0) best = step;
  }
  return out.setDouble(best === null ? 0 : best.score);
}


/** progress = raw clamped to [0, cap], exactly; `capExact` holds the cap (or is filled with it). */
export function clampInto(out: Exact, raw: Exact, cap: number, capExact: Exact, capReady = false): Exact {
  if (raw.sign() < 0) return out.setIntegers(0, 1);
  if (cap !== Infinity && raw.compare(capReady ? capExact : capExact.setDouble(cap)) > 0) return out.copy(capExact);
  return out.copy(raw);
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9] as const;
const MAX_OPERAND = 2 ** 52;

/** (a − s) ÷ (t − s) exactly into `out`; the caller guarantees t ≠ s. */
export function differenceRatioInto(out: Exact, a: Value, s: Value, t: Value): Exact {
  if (typeof a === 'number' && typeof s === 'number' && typeof t === 'number') {
    const ka = scaleOf(a);
    const na = lastScaled();
    const ks = scaleOf(s);
    const ns = lastScaled();
    const kt = scaleOf(t);
    const nt = lastScaled();
    if (ka >= 0 && ks >= 0 && kt >= 0) {
      const k = Math.max(ka, ks, kt);
      const x = na * (POW10[k - ka] as number);
      const y = ns * (POW10[k - ks] as number);
      const z = nt * (POW10[k - kt] as number);
      if (Math.abs(x) <= MAX_OPERAND && Math.abs(y) <= MAX_OPERAND && Math.abs(z) <= MAX_OPERAND) return out.setIntegers(x - y, z - y);
    }
  }
  const fs = fractionOfValue(s);
  return out.setFraction(dividedBy(minus(fractionOfValue(a), fs), minus(fractionOfValue(t), fs)));
}

function meets(kr: KeyResult, v: Value): boolean {
  if (kr.kind === 'threshold') {
    const c = compare(v, valueOrThrow(kr.value, where.keyResultField, kr.id, 'value'));
    const inclusive = kr.inclusive ?? true;
    return kr.comparator === 'atLeast' ? c > 0 || (inclusive && c === 0) : c < 0 || (inclusive && c === 0);
  }
  if (kr.kind === 'range') {
    const tol = kr.tolerance === undefined ? 0 : valueOrThrow(kr.tolerance, where.keyResultField, kr.id, 'tolerance');
    const lo = sub(valueOrThrow(kr.min, where.keyResultField, kr.id, 'min'), tol);
    const hi = add(valueOrThrow(kr.max, where.keyResultField, kr.id, 'max'), tol);
    return compare(v, lo) >= 0 && compare(v, hi) <= 0;
  }
  return false;
}

function milestonesShareInto(out: Exact, kr: Extract<KeyResult, { kind: 'milestones' }>, until: string | null): Exact {
  let done = FRACTION_ZERO;
  let all = FRACTION_ZERO;
  for (const m of kr.milestones) {
    const w = m.weight === undefined ? FRACTION_ONE : fractionOfValue(valueOrThrow(m.weight, where.milestoneWeight, kr.id));
    all = plus(all, w);
    const isDone = m.doneAt !== undefined ? until === null || m.doneAt <= until : m.done === true;
    if (isDone) done = plus(done, w);
  }
  if (signOf(all) === 0) return out.setIntegers(0, 1);
  const share = dividedBy(done, all);
  return compareFractions(share, FRACTION_ONE) > 0 ? out.setIntegers(1, 1) : out.setFraction(share);
}

/** The start value of a metric or baseline key result, or null. */
function startValue(kr: KeyResult): Value | null {
  if (kr.kind === 'metric' || (kr.kind === 'baseline' && kr.start !== undefined)) {
    return valueOrThrow(kr.start as string | number, where.keyResultField, kr.id, 'start');
  }
  return null;
}

/**
 * Measures one key result from its check-ins. With `indices` null, every check-in is
 * looked at and other key results' ones are skipped; otherwise only the positions
 * `indices[from..to)` are read, known to belong to this key result.
 *
 * @internal
 */
export function measureKeyResult(
  kr: KeyResult,
  checkIns: readonly CheckIn[],
  indices: Int32Array | null,
  from: number,
  to: number,
  window: MeasureWindow,
  cap: number,
  source: SourcedValue | null = null,
  registry: Registry = NO_PLUGINS,
  exact: ExactMeasure = new ExactMeasure(),
): KeyResultProgress {
  const { since, until } = window;
  const mode = kr.valueFrom ?? 'latest';

  let counted = 0;
  let latest: CheckIn | null = null;
  let latestValued: CheckIn | null = null;
  let latestConfident: CheckIn | null = null;
  let acc: Value | null = null;
  let valued = 0;
  let met = 0;
  const judgeShare = (kr.kind === 'threshold' || kr.kind === 'range') && kr.measure === 'shareOfCheckIns';

  for (let i = from; i < to; i++) {
    const c = checkIns[indices === null ? i : (indices[i] as number)] as CheckIn;
    if (indices === null && c.keyResultId !== kr.id) continue;
    const day = dateOf(c.at);
    if ((since !== null && day < since) || (until !== null && day > until)) continue;
    counted++;
    // The order of check-ins is total, and the latest confident or valued check-in is one
    // of those seen, so a check-in later than the latest of all is later than both, and
    // one that is not cannot be later than either when it is the latest: one comparison
    // usually decides all three.
    const previous = latest;
    const newest = previous === null || compareCheckIns(c, previous) > 0;
    if (newest) latest = c;
    if (c.confidence !== undefined && (newest || (latestConfident !== previous && (latestConfident === null || compareCheckIns(c, latestConfident) > 0)))) {
      latestConfident = c;
    }
    if (c.value === undefined) continue;
    valued++;
    if (mode === 'latest' && !judgeShare) {
      if (newest || (latestValued !== previous && (latestValued === null || compareCheckIns(c, latestValued) > 0))) latestValued = c;
      continue;
    }
    const v = valueOrThrow(c.value, where.checkInValue, kr.id);
    if (judgeShare && meets(kr, v)) met++;
    if (mode === 'latest') {
      if (latestValued === null || compareCheckIns(c, latestValued) > 0) latestValued = c;
    } else if (acc === null) {
      acc = v;
    } else if (mode === 'sum' || mode === 'average') {
      acc = add(acc, v);
    } else if (mode === 'min' ? compare(v, acc) < 0 : compare(v, acc) > 0) {
      acc = v;
    }
  }

  // The current value: the KPI's actual for a sourced key result, else from the check-ins that counted.
  let current: Value | null = null;
  if (source !== null) {
    current = source.value ?? startValue(kr);
  } else if (mode === 'latest') {
    current = latestValued === null ? null : valueOrThrow(latestValued.value as string | number, where.checkInValue, kr.id);
  } else if (acc !== null) {
    current = mode === 'average' ? divideByCount(acc, valued) : acc;
  }
  if (source !== null) {
    // The KPI's aggregation already made the value.
  } else if (mode === 'sum') {
    const start = startValue(kr);
    if (start !== null) current = current === null ? start : add(start, current);
  } else if (current === null) {
    current = startValue(kr);
  }

  const rawExact = exact.raw;
  let hasRaw = true;
  switch (kr.kind) {
    case 'metric': {
      const start = valueOrThrow(kr.start, where.keyResultField, kr.id, 'start');
      const target = valueOrThrow(kr.target, where.keyResultField, kr.id, 'target');
      if (compare(start, target) === 0) {
        throw new OkrkitError('invalid_argument', messages.invalidArgument(at(where.keyResult(kr.id), messages.targetEqualsStart(String(kr.target)))));
      }
      // An average is rounded in `current`; its exact value is the sum over the count.
      const exactCurrent =
        source !== null ? (source.value === null ? null : (source.exact ?? null)) : mode === 'average' && acc !== null ? dividedBy(fractionOfValue(acc), fractionOfIntegers(valued, 1)) : null;
      if (exactCurrent === null) differenceRatioInto(rawExact, current ?? start, start, target);
      else {
        const fs = fractionOfValue(start);
        rawExact.setFraction(dividedBy(minus(exactCurrent, fs), minus(fractionOfValue(target), fs)));
      }
      break;
    }
    case 'threshold':
    case 'range':
      if (judgeShare && source === null) rawExact.setIntegers(met, valued === 0 ? 1 : valued);
      else rawExact.setIntegers(current !== null && meets(kr, current) ? 1 : 0, 1);
      break;
    case 'binary': {
      const last = latest;
      rawExact.setIntegers(last === null ? 0 : last.done !== undefined ? (last.done ? 1 : 0) : last.value !== undefined && compare(valueOrThrow(last.value, where.checkInValue, kr.id), 0) !== 0 ? 1 : 0, 1);
      current = null;
      break;
    }
    case 'milestones':
      milestonesShareInto(rawExact, kr, until);
      current = null;
      break;
    case 'baseline':
      hasRaw = false;
      break;
    default: {
      // A plug-in kind: its own rule, given the current value and the check-ins that counted.
      const k = kr as { readonly kind: string; readonly id: string };
      const plugin = registry.kinds.get(k.kind);
      if (plugin === undefined) throw new OkrkitError('invalid_argument', messages.invalidArgument(at(where.keyResult(k.id), msg('issue.unknownKind', { kind: k.kind, options: 'metric, threshold, range, binary, milestones, baseline' }))));
      const counted: CheckIn[] = [];
      for (let i = from; i < to; i++) {
        const c = checkIns[indices === null ? i : (indices[i] as number)] as CheckIn;
        const day = dateOf(c.at);
        if ((indices !== null || c.keyResultId === k.id) && (since === null || day >= since) && (until === null || day <= until)) counted.push(c);
      }
      counted.sort((a, b) => compareCheckIns(a, b));
      rawExact.setDouble(runProgress(plugin, k, { value: current === null ? null : toNumber(current), checkIns: counted, asOf: until }));
      break;
    }
  }

  const overridden = kr.finalScore !== undefined && hasRaw;
  let raw: number | null = null;
  let progress: number | null = null;
  let score: number | null = null;
  if (hasRaw) {
    if (exact.capValue !== cap && cap !== Infinity) {
      exact.cap.setDouble(cap);
      exact.capValue = cap;
    }
    clampInto(exact.progress, rawExact, cap, exact.cap, true);
    const linear = !overridden && (kr.scoring === undefined || kr.scoring.type === 'linear');
    if (overridden) exact.score.setDouble(kr.finalScore as number);
    else if (linear) exact.score.copy(exact.progress);
    else scoreInto(exact.score, kr.scoring, exact.progress, kr, registry, exact.a);
    raw = positiveZero(rawExact.toNumber());
    const clamped = exact.progress.n !== rawExact.n || exact.progress.d !== rawExact.d || exact.progress.big !== rawExact.big;
    progress = clamped ? positiveZero(exact.progress.toNumber()) : raw;
    score = linear ? progress : positiveZero(exact.score.toNumber());
  }
  return {
    keyResultId: kr.id,
    value: current === null ? null : toNumber(current),
    raw,
    progress,
    score,
    overridden,
    checkIns: source !== null ? source.count : counted,
    lastCheckIn: source !== null ? source.last : latest === null ? null : dateOf(latest.at),
    confidence: latestConfident === null ? null : positiveZero(latestConfident.confidence as number),
  };
}
