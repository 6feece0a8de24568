import { isList } from '../_lib/is-list.js';
import { toValue } from '../_lib/numeric.js';
import { compareFractions, dividedBy, FRACTION_ZERO, fractionOfDouble, fractionOfValue, minus, plus, signOf, times, type Fraction } from '../_lib/fraction.js';
import { at, where } from '../messages/where.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { msg } from '../messages/message.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import type { Kpi } from '../model/kpi.js';
import { reachesStep } from '../measure/exact-progress.js';

const TEN: Fraction = { n: 10n, d: 1n };
const clamp = (x: Fraction, hi: Fraction): Fraction => (signOf(x) < 0 ? FRACTION_ZERO : compareFractions(x, hi) > 0 ? hi : x);

/** Points on the 0–10 scale, from the red flag's points to the goal's, clamped; exact. */
function scalePoints(kpi: DeepReadonly<Kpi>, actual: Fraction): Fraction {
  const s = kpi.scoring;
  if (s?.type !== 'scale') return FRACTION_ZERO;
  const goal = toValue(s.goal);
  const red = toValue(s.redFlag);
  if (goal === null || red === null) invalidArgument(at(where.kpi(kpi.id), msg('arg.scaleNumbers')));
  const low = fractionOfDouble(s.redFlagPoints ?? 0);
  const high = fractionOfDouble(s.goalPoints ?? 10);
  const r = fractionOfValue(red);
  const span = minus(fractionOfValue(goal), r);
  if (signOf(span) === 0) invalidArgument(at(where.kpi(kpi.id), msg('arg.scaleNumbers')));
  const p = plus(low, times(minus(high, low), dividedBy(minus(actual, r), span)));
  return clamp(p, TEN);
}

/** An anchor read exactly: its value and its points. */
interface Anchor {
  readonly v: Fraction;
  readonly p: Fraction;
}

/**
 * The anchors of an `anchors` scale, exactly, checked again here: a plan from JavaScript
 * reaches a scorecard unparsed. Two or more, numeric, values strictly monotone, points 0–10.
 */
function anchorsOf(kpi: DeepReadonly<Kpi>, anchors: readonly unknown[]): Anchor[] {
  const bad = (): never => invalidArgument(at(where.kpi(kpi.id), msg('arg.scaleAnchors')));
  if (!isList(anchors) || anchors.length < 2) return bad();
  const out: Anchor[] = [];
  let direction = 0;
  for (const a of anchors) {
    const value: unknown = typeof a === 'object' && a !== null ? Reflect.get(a, 'value') : undefined;
    const points: unknown = typeof a === 'object' && a !== null ? Reflect.get(a, 'points') : undefined;
    const v = typeof value === 'number' || typeof value === 'string' ? toValue(value) : null;
    if (v === null || typeof points !== 'number' || !(points >= 0 && points <= 10)) return bad();
    const anchor = { v: fractionOfValue(v), p: fractionOfDouble(points) };
    const previous = out[out.length - 1];
    if (previous !== undefined) {
      const c = compareFractions(anchor.v, previous.v);
      if (c === 0 || (direction !== 0 && c !== direction)) return bad();
      direction = c;
    }
    out.push(anchor);
  }
  return out;
}

/**
 * Points on an `anchors` scale, exactly: on a straight line between the two anchors the
 * actual lies between, the first anchor's points before it, the last's after it.
 */
function anchorPoints(kpi: DeepReadonly<Kpi>, anchors: readonly unknown[], actual: Fraction): Fraction {
  const list = anchorsOf(kpi, anchors);
  let previous: Anchor | null = null;
  let sign = 0;
  for (const a of list) {
    if (previous === null) {
      previous = a;
      continue;
    }
    if (sign === 0) sign = compareFractions(a.v, previous.v);
    // Before the first anchor (in the scale's direction): its points.
    if (previous === list[0] && compareFractions(actual, previous.v) * sign <= 0) return previous.p;
    if (compareFractions(actual, a.v) * sign <= 0) {
      return plus(previous.p, times(minus(a.p, previous.p), dividedBy(minus(actual, previous.v), minus(a.v, previous.v))));
    }
    previous = a;
  }
  return previous === null ? FRACTION_ZERO : previous.p;
}

/** A line's exact score from its KPI's scoring rule, capped; null without an actual. */
export function scoreOf(kpi: DeepReadonly<Kpi>, actual: Fraction | null, attainment: Fraction | null, cap: Fraction | null): Fraction | null {
  if (actual === null || attainment === null) return null;
  const s = kpi.scoring;
  let raw: Fraction;
  if (s?.type === 'scale') raw = dividedBy(scalePoints(kpi, actual), TEN);
  else if (s?.type === 'anchors') raw = dividedBy(anchorPoints(kpi, s.anchors, actual), TEN);
  else if (s?.type === 'steps') {
    let best: { readonly min: number; readonly score: number } | null = null;
    for (const step of s.steps) {
      if ((best === null || step.min > best.min) && reachesStep(compareFractions(attainment, fractionOfDouble(step.min)), step.exclusive)) best = step;
    }
    raw = best === null ? FRACTION_ZERO : fractionOfDouble(best.score);
  } else raw = attainment;
  return cap !== null && compareFractions(raw, cap) > 0 ? cap : raw;
}
