import { toValue } from '../_lib/numeric.js';
import { dividedBy, FRACTION_ONE, FRACTION_ZERO, fractionOfDouble, fractionOfValue, plus, signOf, times, toDouble, type Fraction } from '../_lib/fraction.js';
import type { EvaluatedKpi } from './evaluate-kpis.js';
import type { Perspective } from '../model/kpi.js';
import type { Rules } from './scorecard-options.js';
import { ratingOf } from './scorecard-ratings.js';
import { scoreOf } from './scorecard-scores.js';
import { attainmentOf } from '../measure/kpi.js';

/**
 * One line of a scorecard.
 *
 * @category Scorecards
 */
export interface ScorecardLine {
  readonly kpiId: string;
  readonly name: string;
  readonly perspective: Perspective | null;
  /** The weight as given. */
  readonly weight: number;
  /** The weight's share of the scorecard, 0–1 (0 for a skipped line). */
  readonly share: number;
  readonly actual: number | null;
  readonly attainment: number | null;
  /** The line's score, 0–cap (down to the `floor` when one is set); null when skipped for lack of data. */
  readonly score: number | null;
  /** What the line adds to the total: score × share × 100. */
  readonly points: number;
  /** True when the KPI has no measurement yet. */
  readonly noData: boolean;
}

/**
 * A KPI scorecard: its lines, the total on 0–100, the rating band, and the same per
 * balanced-scorecard perspective.
 *
 * @category Scorecards
 */
export interface Scorecard {
  readonly lines: readonly ScorecardLine[];
  /** The weighted mean of the line scores × 100; null with no line. */
  readonly total: number | null;
  readonly rating: string | null;
  /** Per perspective: its total and its share of the weight. */
  readonly byPerspective: Readonly<Partial<Record<Perspective, { readonly total: number | null; readonly share: number }>>>;
}

/** A scorecard and its exact total (for the unit tree). */
export interface Built {
  readonly card: Scorecard;
  readonly total: Fraction | null;
}

/** Exact weighted means of scores. */
export class ExactMean {
  sum = FRACTION_ZERO;
  weight = FRACTION_ZERO;
  add(score: Fraction | null, weight: Fraction): void {
    if (score === null || signOf(weight) <= 0) return;
    this.sum = plus(this.sum, times(weight, score));
    this.weight = plus(this.weight, weight);
  }
  value(): Fraction | null {
    return signOf(this.weight) > 0 ? dividedBy(this.sum, this.weight) : null;
  }
}

const HUNDRED: Fraction = { n: 100n, d: 1n };
const hundred = (x: Fraction | null): Fraction | null => (x === null ? null : times(x, HUNDRED));
const double = (x: Fraction | null): number | null => (x === null ? null : toDouble(x));

/** A line before the total is known: its KPI, weight and exact score. */
interface Draft extends EvaluatedKpi {
  readonly weight: Fraction;
  readonly score: Fraction | null;
}

/** The attainment a line is scored on: as evaluated (at least 0), or again down to a floor below 0 (-Infinity: none). */
function attainmentFor({ kpi, exact: x }: EvaluatedKpi, floor: number): Fraction | null {
  if (floor === 0 || x.actual === null) return x.attainment;
  return attainmentOf(kpi, x.actual, FRACTION_ONE, x.exactActual, floor === -Infinity ? null : fractionOfDouble(floor));
}

function draftOf(item: EvaluatedKpi, rules: Rules, cap: Fraction | null): Draft {
  const { kpi, exact: x } = item;
  const given = rules.weights.get(kpi.id);
  const weight = given !== undefined ? fractionOfDouble(given) : kpi.weight === undefined ? FRACTION_ONE : fractionOfValue(toValue(kpi.weight) ?? 1);
  const score = scoreOf(kpi, x.actual === null ? null : (x.exactActual ?? fractionOfValue(x.actual)), attainmentFor(item, rules.floor), cap);
  return { ...item, weight, score: score ?? (rules.missing === 'zero' ? FRACTION_ZERO : null) };
}

function lineOf({ kpi, exact, weight, score }: Draft, totalWeight: Fraction): ScorecardLine {
  const e = exact.evaluation;
  const share = score === null || signOf(totalWeight) === 0 ? FRACTION_ZERO : dividedBy(weight, totalWeight);
  return {
    kpiId: kpi.id,
    name: kpi.name,
    perspective: kpi.perspective ?? null,
    weight: toDouble(weight),
    share: toDouble(share),
    actual: e.actual,
    attainment: e.attainment,
    score: double(score),
    points: score === null ? 0 : toDouble(times(times(score, share), HUNDRED)),
    noData: e.actual === null,
  };
}

/** A scorecard of evaluated KPIs: weighted lines, the total, its band, and per perspective. */
export function build(items: readonly EvaluatedKpi[], rules: Rules): Built {
  const cap = rules.cap === Infinity ? null : fractionOfDouble(rules.cap);
  const drafts = items.map((item) => draftOf(item, rules, cap));
  const mean = new ExactMean();
  const perPerspective = new Map<Perspective, ExactMean>();
  for (const d of drafts) {
    mean.add(d.score, d.weight);
    const p = d.kpi.perspective;
    if (p !== undefined) {
      const m = perPerspective.get(p) ?? new ExactMean();
      m.add(d.score, d.weight);
      perPerspective.set(p, m);
    }
  }
  const totalWeight = mean.weight;
  const lines = drafts.map((d) => lineOf(d, totalWeight));
  const total = hundred(mean.value());
  const byPerspective: Partial<Record<Perspective, { total: number | null; share: number }>> = {};
  for (const [p, m] of perPerspective) {
    byPerspective[p] = { total: double(hundred(m.value())), share: signOf(totalWeight) === 0 ? 0 : toDouble(dividedBy(m.weight, totalWeight)) };
  }
  return { card: { lines, total: double(total), rating: ratingOf(rules.bands, total), byPerspective }, total };
}
