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

/** A line's exact score from its KPI's scoring rule, capped; null without an actual. */
export function scoreOf(kpi: DeepReadonly<Kpi>, actual: Fraction | null, attainment: Fraction | null, cap: Fraction | null): Fraction | null {
  if (actual === null || attainment === null) return null;
  const s = kpi.scoring;
  let raw: Fraction;
  if (s?.type === 'scale') raw = dividedBy(scalePoints(kpi, actual), TEN);
  else if (s?.type === 'steps') {
    let best: { readonly min: number; readonly score: number } | null = null;
    for (const step of s.steps) {
      if ((best === null || step.min > best.min) && reachesStep(compareFractions(attainment, fractionOfDouble(step.min)), step.exclusive)) best = step;
    }
    raw = best === null ? FRACTION_ZERO : fractionOfDouble(best.score);
  } else raw = attainment;
  return cap !== null && compareFractions(raw, cap) > 0 ? cap : raw;
}
