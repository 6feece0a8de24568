import { computeBottomUp } from '../_lib/bottom-up.js';
import { toValue } from '../_lib/numeric.js';
import { compareNear, Near, NearMean, nearDouble, nearFraction } from '../_lib/near.js';
import { compareFractions, dividedBy, FRACTION_ONE, FRACTION_ZERO, fractionOfDouble, fractionOfValue, minus, plus, signOf, times, toDouble, type Fraction } from '../_lib/fraction.js';
import { at, where } from '../messages/where.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { msg } from '../messages/message.js';
import { checkCap } from '../measure/progress.js';
import { kpisOf, type ExactKpi } from '../kpi/evaluate-kpis.js';
import type { Kpi, Perspective } from '../model/kpi.js';
import type { Plan } from '../model/plan.js';
import { withPlan } from '../model/guard.js';
import type { DeepReadonly } from '../model/deep-readonly.js';

/**
 * A rating band: a total (0–100) of at least `min` earns `label`.
 *
 * @category Scorecards
 */
export interface RatingBand {
  readonly label: string;
  readonly min: number;
}

/** The default bands: A from 90, B from 75, C from 60, D below. */
const DEFAULT_BANDS: readonly RatingBand[] = [
  { label: 'A', min: 90 },
  { label: 'B', min: 75 },
  { label: 'C', min: 60 },
  { label: 'D', min: -Infinity },
];

/**
 * Options of {@link scorecard}.
 *
 * @category Scorecards
 */
export interface ScorecardOptions {
  /** The date to evaluate at; each KPI's whole timeframe when omitted. */
  readonly asOf?: string;
  /** Only KPIs of this unit. */
  readonly unitId?: string;
  /** Only KPIs of this owner (a person's evaluation sheet). */
  readonly ownerId?: string;
  /** Only KPIs of this perspective. */
  readonly perspective?: Perspective;
  /** Only these KPIs. */
  readonly kpiIds?: readonly string[];
  /** Weights for this scorecard, overriding the KPIs' own `weight` (default 1). */
  readonly weights?: readonly { readonly kpiId: string; readonly weight: number }[];
  /** Rating bands, checked from the highest `min` down: A ≥ 90, B ≥ 75, C ≥ 60, D below by default. */
  readonly bands?: readonly RatingBand[];
  /** Upper bound of an item's score: 1 by default (no extra credit), 1.2 to reward over-achievement. */
  readonly cap?: number;
  /** A KPI with no measurement scores 0 (`zero`, default, as evaluation sheets do) or is left out (`skip`). */
  readonly missing?: 'zero' | 'skip';
}

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
  /** The line's score, 0–cap; null when skipped for lack of data. */
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

interface Rules {
  readonly bands: readonly RatingBand[];
  readonly cap: number;
  readonly missing: 'zero' | 'skip';
}

function rulesOf(options: ScorecardOptions): Rules {
  const bands = options.bands ?? DEFAULT_BANDS;
  if (!Array.isArray(bands) || bands.length === 0) invalidArgument('arg.bands');
  for (const b of bands) {
    if (typeof b?.label !== 'string' || typeof b.min !== 'number' || Number.isNaN(b.min)) invalidArgument('arg.band', { value: JSON.stringify(b) ?? String(b) });
  }
  const missing = options.missing ?? 'zero';
  if (missing !== 'zero' && missing !== 'skip') invalidArgument('arg.oneOf', { name: 'missing', options: "'zero', 'skip'", value: String(missing) });
  return { bands: [...bands].sort((a, b) => b.min - a.min), cap: checkCap(options.cap), missing };
}

/** The band of a total held in a register; `exact` gives it as a fraction when the register cannot tell. */
function ratingNear(bands: readonly RatingBand[], total: Near, exact: () => Fraction): string | null {
  for (const b of bands) {
    if (b.min === Infinity) continue;
    if (b.min === -Infinity) return b.label;
    let c = compareNear(total, nearDouble(new Near(), b.min));
    if (Number.isNaN(c)) c = compareFractions(exact(), fractionOfDouble(b.min));
    if (c >= 0) return b.label;
  }
  return null;
}

function ratingOf(bands: readonly RatingBand[], total: Fraction | null): string | null {
  if (total === null) return null;
  for (const b of bands) {
    if (b.min === Infinity) continue;
    if (b.min === -Infinity || compareFractions(total, fractionOfDouble(b.min)) >= 0) return b.label;
  }
  return null;
}

const TEN: Fraction = { n: 10n, d: 1n };
const HUNDRED: Fraction = { n: 100n, d: 1n };
const clamp = (x: Fraction, hi: Fraction): Fraction => (signOf(x) < 0 ? FRACTION_ZERO : compareFractions(x, hi) > 0 ? hi : x);

/** Points on the 0–10 scale, from the red flag's points to the goal's, clamped; exact. */
function scalePoints(kpi: Kpi, actual: Fraction): Fraction {
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
function scoreOf(kpi: Kpi, actual: Fraction | null, attainment: Fraction | null, cap: Fraction | null): Fraction | null {
  if (actual === null || attainment === null) return null;
  const s = kpi.scoring;
  let raw: Fraction;
  if (s?.type === 'scale') raw = dividedBy(scalePoints(kpi, actual), TEN);
  else if (s?.type === 'steps') {
    let best: { min: number; score: number } | null = null;
    for (const step of s.steps) {
      if ((best === null || step.min > best.min) && compareFractions(attainment, fractionOfDouble(step.min)) >= 0) best = step;
    }
    raw = best === null ? FRACTION_ZERO : fractionOfDouble(best.score);
  } else raw = attainment;
  return cap !== null && compareFractions(raw, cap) > 0 ? cap : raw;
}

/** A scorecard and its exact total (for the unit tree). */
interface Built {
  readonly card: Scorecard;
  readonly total: Fraction | null;
}

/** Exact weighted means of line scores. */
class ExactMean {
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

const hundred = (x: Fraction | null): Fraction | null => (x === null ? null : times(x, HUNDRED));
const double = (x: Fraction | null): number | null => (x === null ? null : toDouble(x));

function build(kpis: readonly Kpi[], evaluations: ReturnType<typeof kpisOf>, exact: ReadonlyMap<string, ExactKpi>, weights: ReadonlyMap<string, number>, rules: Rules): Built {
  const cap = rules.cap === Infinity ? null : fractionOfDouble(rules.cap);
  const drafts = kpis.map((kpi) => {
    const e = evaluations[kpi.id]!;
    const x = exact.get(kpi.id) as ExactKpi;
    const given = weights.get(kpi.id);
    const weight = given !== undefined ? fractionOfDouble(given) : kpi.weight === undefined ? FRACTION_ONE : fractionOfValue(toValue(kpi.weight) ?? 1);
    const score = scoreOf(kpi, x.actual === null ? null : (x.exactActual ?? fractionOfValue(x.actual)), x.attainment, cap);
    const counted = score ?? (rules.missing === 'zero' ? FRACTION_ZERO : null);
    return { kpi, e, weight, score: counted, noData: e.actual === null };
  });
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
  const lines: ScorecardLine[] = drafts.map((d) => {
    const share = d.score === null || signOf(totalWeight) === 0 ? FRACTION_ZERO : dividedBy(d.weight, totalWeight);
    return {
      kpiId: d.kpi.id,
      name: d.kpi.name,
      perspective: d.kpi.perspective ?? null,
      weight: toDouble(d.weight),
      share: toDouble(share),
      actual: d.e.actual,
      attainment: d.e.attainment,
      score: double(d.score),
      points: d.score === null ? 0 : toDouble(times(times(d.score, share), HUNDRED)),
      noData: d.noData,
    };
  });
  const total = hundred(mean.value());
  const byPerspective: Partial<Record<Perspective, { total: number | null; share: number }>> = {};
  for (const [p, m] of perPerspective) {
    byPerspective[p] = { total: double(hundred(m.value())), share: signOf(totalWeight) === 0 ? 0 : toDouble(dividedBy(m.weight, totalWeight)) };
  }
  return { card: { lines, total: double(total), rating: ratingOf(rules.bands, total), byPerspective }, total };
}

function weightsOf(options: ScorecardOptions): Map<string, number> {
  const weights = new Map<string, number>();
  for (const w of options.weights ?? []) {
    if (typeof w?.weight !== 'number' || !Number.isFinite(w.weight) || w.weight < 0) invalidArgument('arg.scoreWeight', { id: String(w?.kpiId) });
    weights.set(w.kpiId, w.weight);
  }
  return weights;
}

/**
 * A KPI scorecard — the seeds' KPI evaluation sheet: each selected KPI's score from its
 * scoring rule (attainment by default, `steps`, or the goal/red-flag 0–10 `scale`),
 * weighted (weights need not add up to 100: they are normalised), a total on 0–100, a
 * rating band, and the same per perspective. Select KPIs by owner, unit, perspective or
 * id.
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param options - Selection, `asOf`, `weights`, `bands`, `cap` and `missing`.
 * @returns The {@link Scorecard}.
 * @throws {OkrkitError} `invalid_argument` for bad options or KPIs that cannot be measured.
 * @example
 * // plan: examples/plans/abc-kpis.json
 * const sheet = scorecard(plan, { ownerId: 'lan', asOf: '2026-12-31' });
 * [sheet.total, sheet.rating]
 * //=> [92, 'A']
 * @category Scorecards
 */
export function scorecard(plan: DeepReadonly<Plan>, options: ScorecardOptions = {}): Scorecard {
  return withPlan(plan, () => sheet(plan, options));
}

function sheet(plan: DeepReadonly<Plan>, options: ScorecardOptions): Scorecard {
  if (typeof options !== 'object' || options === null) invalidArgument('arg.object', { name: 'options' });
  const rules = rulesOf(options);
  const weights = weightsOf(options);
  const wanted = options.kpiIds === undefined ? null : new Set(options.kpiIds);
  const kpis = ((plan as Plan).kpis ?? []).filter(
    (k) =>
      (options.unitId === undefined || k.unitId === options.unitId) &&
      (options.ownerId === undefined || k.ownerId === options.ownerId) &&
      (options.perspective === undefined || k.perspective === options.perspective) &&
      (wanted === null || wanted.has(k.id)),
  );
  // Only the selected KPIs are evaluated (the plan was checked by the caller's guard).
  const exact = new Map<string, ExactKpi>();
  const evaluations = kpisOf(plan, options.asOf === undefined ? {} : { asOf: options.asOf }, new Set(kpis.map((k) => k.id)), exact);
  return build(kpis, evaluations, exact, weights, rules).card;
}

/**
 * A unit's scorecard in the unit tree.
 *
 * @category Scorecards
 */
export interface UnitScorecard {
  readonly unitId: string;
  /** The scorecard of the unit's own KPIs. */
  readonly own: Scorecard;
  /** The plain mean of its own total (when it has KPIs) and its child units' totals; null when none has a total. */
  readonly total: number | null;
  readonly rating: string | null;
  readonly childIds: readonly string[];
}

/**
 * Scorecards for every unit, rolled up the unit tree: a unit's total is the plain mean
 * of its own scorecard's total and its child units' totals, so a department's total
 * weighs each team equally with the department's own KPIs.
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param options - `asOf`, `weights`, `bands`, `cap` and `missing` (as {@link scorecard}).
 * @returns Each unit's {@link UnitScorecard}, by id.
 * @throws {OkrkitError} `invalid_argument` for bad options.
 * @example
 * // plan: examples/plans/abc-kpis.json — Sales is the mean of Lan (92) and Minh (82)
 * scorecardByUnit(plan, { asOf: '2026-12-31' })['sales'].total
 * //=> 87
 * @category Scorecards
 */
export function scorecardByUnit(plan: DeepReadonly<Plan>, options: Omit<ScorecardOptions, 'unitId' | 'ownerId' | 'perspective' | 'kpiIds'> = {}): Readonly<Record<string, UnitScorecard>> {
  return withPlan(plan, () => byUnit(plan, options));
}

function byUnit(plan: DeepReadonly<Plan>, options: Omit<ScorecardOptions, 'unitId' | 'ownerId' | 'perspective' | 'kpiIds'>): Readonly<Record<string, UnitScorecard>> {
  if (typeof options !== 'object' || options === null) invalidArgument('arg.object', { name: 'options' });
  const rules = rulesOf(options);
  const weights = weightsOf(options);
  const p = plan as Plan;
  const units = p.units ?? [];
  const exact = new Map<string, ExactKpi>();
  const evaluations = kpisOf(plan, options.asOf === undefined ? {} : { asOf: options.asOf }, null, exact);
  const ownTotals = new Map<string, Fraction | null>();
  const nearTotals = new Map<string, Near>();
  const exactTotals = new Map<string, Fraction | null>();
  /** A unit's exact total (the slow path), from its subtree, iteratively. */
  const exactTotal = (root: string): Fraction | null =>
    computeBottomUp(
      root,
      exactTotals,
      (id, visit) => (children.get(id) ?? []).forEach(visit),
      (id) => {
        const m = new ExactMean();
        m.add(ownTotals.get(id) ?? null, FRACTION_ONE);
        for (const c of children.get(id) ?? []) m.add(exactTotals.get(c) ?? null, FRACTION_ONE);
        return m.value();
      },
    );
  const byUnit = new Map<string, Kpi[]>();
  for (const k of p.kpis ?? []) {
    if (k.unitId === undefined) continue;
    const list = byUnit.get(k.unitId);
    if (list) list.push(k);
    else byUnit.set(k.unitId, [k]);
  }
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === undefined || !ids.has(u.parentId)) continue;
    const list = children.get(u.parentId);
    if (list) list.push(u.id);
    else children.set(u.parentId, [u.id]);
  }
  // Leaves first: order units by depth, deepest first (parsePlan rejects loops; guard anyway).
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  // Each unit's depth once, walking up only to the first unit whose depth is known.
  const depths = new Map<string, number>();
  const depth = (id: string): number => {
    const path: string[] = [];
    const seen = new Set<string>();
    let at: string | undefined = id;
    while (at !== undefined && ids.has(at) && !depths.has(at) && !seen.has(at)) {
      seen.add(at);
      path.push(at);
      at = parentOf.get(at);
    }
    let d = at !== undefined && depths.has(at) ? (depths.get(at) as number) + 1 : 0;
    for (let i = path.length - 1; i >= 0; i--) depths.set(path[i] as string, d++);
    return depths.get(id) as number;
  };
  const order = units.map((u) => ({ id: u.id, d: depth(u.id) })).sort((a, b) => b.d - a.d);
  const out = Object.create(null) as Record<string, UnitScorecard>;
  for (const { id } of order) {
    const own = build(byUnit.get(id) ?? [], evaluations, exact, weights, rules);
    const childIds = children.get(id) ?? [];
    // The plain mean of the unit's own total and its child units' totals, exactly.
    // The plain mean of the unit's own total and its child units' totals. Exact fractions
    // would grow level by level down a deep unit tree; registers settle the rounding and
    // the band, and the exact total is computed only when they cannot.
    ownTotals.set(id, own.total);
    const mean = new NearMean();
    if (own.total !== null) mean.add(1, nearFraction(new Near(), own.total));
    for (const c of childIds) {
      const t = nearTotals.get(c);
      if (t !== undefined) mean.add(1, t);
    }
    const near = new Near();
    const settled = mean.valueInto(near);
    if (settled === 'unsure') nearFraction(near, exactTotal(id) as Fraction);
    if (settled !== false) nearTotals.set(id, near);
    const total = settled === false ? null : near.hi;
    out[id] = { unitId: id, own: own.card, total, rating: settled === false ? null : ratingNear(rules.bands, near, () => exactTotal(id) as Fraction), childIds };
  }
  return out;
}
