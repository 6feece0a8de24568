import { checkOptions } from '../model/options.js';
import { compareFractions, fractionOfDouble, type Fraction } from '../_lib/fraction.js';
import { compareNear, Near, nearDouble } from '../_lib/near.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import type { Commitment } from '../model/objective.js';
import type { Grade } from '../model/process.js';

// The grade's schema lives in the model, so a closed objective's history can record it.
export { Grade } from '../model/process.js';

/**
 * Grade thresholds. Aspirational OKRs: green from 0.7, yellow from 0.4 (a 0.7 on a
 * stretch goal is a success). Committed OKRs are expected to reach 1.0: green only at 1,
 * yellow from 0.7.
 *
 * @category Pace
 */
export interface GradeOptions {
  readonly aspirational?: { readonly green?: number; readonly yellow?: number };
  readonly committed?: { readonly green?: number; readonly yellow?: number };
}

/** Grade thresholds with defaults filled in and checked. */
export interface GradeRules {
  readonly aspirational: { readonly green: number; readonly yellow: number };
  readonly committed: { readonly green: number; readonly yellow: number };
}

function pair(given: { readonly green?: number; readonly yellow?: number } | undefined, green: number, yellow: number, name: string) {
  const band = checkOptions(given, name);
  const g = band.green ?? green;
  const y = band.yellow ?? yellow;
  for (const [k, v] of [['green', g], ['yellow', y]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) invalidArgument('arg.nonNegative', { name: `${name}.${k}`, value: String(v) });
  }
  if (y > g) invalidArgument('arg.atMost', { name: `${name}.yellow`, value: y, other: `${name}.green`, otherValue: g });
  return { green: g, yellow: y };
}

/** Fills in and checks {@link GradeOptions}. */
export function gradeRules(given?: GradeOptions): GradeRules {
  const options = checkOptions(given, 'grade');
  return {
    aspirational: pair(options.aspirational, 0.7, 0.4, 'grade.aspirational'),
    committed: pair(options.committed, 1, 0.7, 'grade.committed'),
  };
}

/** A band's threshold in both exact forms. */
interface Band {
  readonly near: Near;
  readonly fraction: Fraction;
}
const bandsCache = new WeakMap<GradeRules, Record<Commitment, { green: Band; yellow: Band }>>();
const bandOf = (x: number): Band => ({ near: nearDouble(new Near(), x), fraction: fractionOfDouble(x) });

function bandsOf(rules: GradeRules): Record<Commitment, { green: Band; yellow: Band }> {
  let b = bandsCache.get(rules);
  if (b === undefined) {
    b = {
      aspirational: { green: bandOf(rules.aspirational.green), yellow: bandOf(rules.aspirational.yellow) },
      committed: { green: bandOf(rules.committed.green), yellow: bandOf(rules.committed.yellow) },
    };
    bandsCache.set(rules, b);
  }
  return b;
}

/**
 * The grade of an exact score held in a register; `exact` gives the score as a fraction
 * when the register is too close to a band's threshold to settle it. A score exactly on
 * a threshold earns that band.
 */
export function gradeExact(score: Near | null, exact: () => Fraction, commitment: Commitment, rules: GradeRules): Grade | null {
  if (score === null) return null;
  const t = bandsOf(rules)[commitment];
  const atLeast = (band: Band): boolean => {
    const c = compareNear(score, band.near);
    return (Number.isNaN(c) ? compareFractions(exact(), band.fraction) : c) >= 0;
  };
  return atLeast(t.green) ? 'green' : atLeast(t.yellow) ? 'yellow' : 'red';
}

/** The grade for a checked score, read as the decimal it prints as. */
function gradeTrusted(score: number | null, commitment: Commitment, rules: GradeRules): Grade | null {
  if (score === null) return null;
  return gradeExact(nearDouble(new Near(), score), () => fractionOfDouble(score), commitment, rules);
}

/**
 * Grades a final score: aspirational OKRs are green from 0.7 and yellow from 0.4;
 * committed OKRs are green only at 1.0 and yellow from 0.7; red below.
 *
 * @param score - The score at the end of the cycle (0–1), or null.
 * @param commitment - `aspirational` (default) or `committed`.
 * @param options - Other thresholds.
 * @returns The grade, or null for a null score.
 * @throws {OkrkitError} `invalid_argument` for a NaN score or bad thresholds.
 * @example
 * grade(0.72)
 * //=> 'green'
 * grade(0.72, 'committed')
 * //=> 'yellow'
 * @category Pace
 */
export function grade(score: number | null, commitment: Commitment = 'aspirational', options: GradeOptions = {}): Grade | null {
  if (score !== null && (typeof score !== 'number' || !Number.isFinite(score))) invalidArgument('arg.numberOrNull', { name: 'score', value: String(score) });
  if (commitment !== 'aspirational' && commitment !== 'committed') invalidArgument('arg.oneOf', { name: 'commitment', options: "'aspirational', 'committed'", value: String(commitment) });
  return gradeTrusted(score, commitment, gradeRules(options));
}
