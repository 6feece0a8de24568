// The exact steps from a value to a score: the ratio (A − S) / (T − S), the clamp to
// [floor, cap] and the scoring rule, each into an exact register.
import type { Exact } from '../_lib/exact.js';
import { dividedBy, fractionOfValue, minus } from '../_lib/fraction.js';
import { lastScaled, scaleOf, type Value } from '../_lib/numeric.js';
import type { Scoring } from '../model/key-result.js';
import type { Context } from '../model/context.js';
import { runScoring } from '../model/plugins.js';

/**
 * Applies a scoring rule to an exact progress, into `out`. Bands are judged on the exact
 * progress, so a progress exactly on a band's `min` earns that band, or the band below
 * when the band is `exclusive`.
 */
export function scoreInto(
  cx: Context,
  out: Exact,
  scoring: Scoring | undefined,
  progress: Exact,
  keyResult: { readonly id: string },
  scratch: Exact,
): Exact {
  if (scoring === undefined || scoring.type === 'linear') return out.copy(progress);
  if (scoring.type === 'plugin') return out.setDouble(runScoring(cx, scoring.id, progress.toNumber(), keyResult));
  let best: { min: number; score: number } | null = null;
  for (const step of scoring.steps) {
    if ((best === null || step.min > best.min) && reachesStep(progress.compare(scratch.setDouble(step.min)), step.exclusive)) best = step;
  }
  return out.setDouble(best === null ? 0 : best.score);
}

/** Whether a progress that compares `c` (−1, 0, 1) with a step's `min` is in the step: above it, or on it unless the step is exclusive. */
export function reachesStep(c: number, exclusive: boolean | undefined): boolean {
  return c > 0 || (c === 0 && exclusive !== true);
}

/**
 * progress = raw clamped to [floor, cap], exactly: `floor` is 0 or below (-Infinity for
 * none), `capExact` holds the cap (or is filled with it); `out` must not be `raw`.
 */
export function clampInto(out: Exact, raw: Exact, floor: number, cap: number, capExact: Exact, capReady = false): Exact {
  if (floor !== -Infinity && raw.sign() < 0) {
    if (floor === 0) return out.setIntegers(0, 1);
    // `out` holds the floor while raw is compared with it.
    if (raw.compare(out.setDouble(floor)) < 0) return out;
  }
  if (cap !== Infinity && raw.compare(capReady ? capExact : capExact.setDouble(cap)) > 0) return out.copy(capExact);
  return out.copy(raw);
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9] as const;
const MAX_OPERAND = 2 ** 52;

/** 10^k for a scale k from 0 to 9, from the table (not `at` from _lib, whose reads every array in the code shares). */
function pow10(k: number): number {
  return POW10[k] ?? 10 ** k;
}

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
      // All three as integers over one power of ten: the ratio of two integer differences.
      const k = Math.max(ka, ks, kt);
      const x = na * pow10(k - ka);
      const y = ns * pow10(k - ks);
      const z = nt * pow10(k - kt);
      if (Math.abs(x) <= MAX_OPERAND && Math.abs(y) <= MAX_OPERAND && Math.abs(z) <= MAX_OPERAND) return out.setIntegers(x - y, z - y);
    }
  }
  const fs = fractionOfValue(s);
  return out.setFraction(dividedBy(minus(fractionOfValue(a), fs), minus(fractionOfValue(t), fs)));
}
