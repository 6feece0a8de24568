import { computeBottomUp } from '../_lib/bottom-up.js';
import { dictionary } from '../_lib/dictionary.js';
import { Near, NearMean, nearFraction } from '../_lib/near.js';
import { FRACTION_ONE, type Fraction } from '../_lib/fraction.js';
import { evaluatedKpis, type EvaluatedKpi } from './evaluate-kpis.js';
import type { Plan } from '../model/plan.js';
import type { Unit } from '../model/unit.js';
import { withPlan } from '../model/guard.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { rulesOf, type ScorecardOptions } from './scorecard-options.js';
import { ratingNear, type RatingBand } from './scorecard-ratings.js';
import { build, ExactMean, type Scorecard } from './scorecard-totals.js';

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

/** Each unit's child units, by id. */
function childrenOf(units: readonly DeepReadonly<Unit>[], ids: ReadonlySet<string>): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === undefined || !ids.has(u.parentId)) continue;
    const list = children.get(u.parentId);
    if (list) list.push(u.id);
    else children.set(u.parentId, [u.id]);
  }
  return children;
}

/** The unit ids, deepest first, so each unit comes after its children (parsePlan rejects loops; guard anyway). */
function leavesFirst(units: readonly DeepReadonly<Unit>[], ids: ReadonlySet<string>): string[] {
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
    const known = at === undefined ? undefined : depths.get(at);
    let d = known === undefined ? 0 : known + 1;
    for (const unit of path.reverse()) depths.set(unit, d++);
    // The last depth set, or the known one the walk stopped at, is the unit's own.
    return d - 1;
  };
  return units
    .map((u) => ({ id: u.id, d: depth(u.id) }))
    .sort((a, b) => b.d - a.d)
    .map((u) => u.id);
}

/** The evaluated KPIs of each unit. */
function kpisByUnit(items: readonly EvaluatedKpi[]): Map<string, EvaluatedKpi[]> {
  const byUnit = new Map<string, EvaluatedKpi[]>();
  for (const item of items) {
    const { unitId } = item.kpi;
    if (unitId === undefined) continue;
    const list = byUnit.get(unitId);
    if (list) list.push(item);
    else byUnit.set(unitId, [item]);
  }
  return byUnit;
}

/**
 * Unit totals up the tree: the plain mean of a unit's own total and its child units'
 * totals. Exact fractions would grow level by level down a deep unit tree; registers
 * settle the rounding and the band, and the exact total is computed only when they
 * cannot. Units must be added leaves first.
 */
function unitTotals(children: ReadonlyMap<string, readonly string[]>, bands: readonly RatingBand[]) {
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
  return (id: string, own: Fraction | null): { total: number | null; rating: string | null } => {
    ownTotals.set(id, own);
    const mean = new NearMean();
    if (own !== null) mean.add(1, nearFraction(new Near(), own));
    for (const c of children.get(id) ?? []) {
      const t = nearTotals.get(c);
      if (t !== undefined) mean.add(1, t);
    }
    const near = new Near();
    const settled = mean.valueInto(near);
    if (settled === false) return { total: null, rating: null };
    if (settled === 'unsure') {
      const exact = exactTotal(id);
      if (exact !== null) nearFraction(near, exact);
    }
    nearTotals.set(id, near);
    return { total: near.hi, rating: ratingNear(bands, near, () => exactTotal(id)) };
  };
}

/**
 * Scorecards for every unit, rolled up the unit tree: a unit's total is the plain mean
 * of its own scorecard's total and its child units' totals, so a department's total
 * weighs each team equally with the department's own KPIs.
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param options - `asOf`, `weights`, `bands`, `cap`, `floor` and `missing` (as {@link scorecard}).
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
  const rules = rulesOf(options);
  const units = plan.units ?? [];
  const kpis = kpisByUnit(evaluatedKpis(plan, { asOf: options.asOf, timeZone: options.timeZone }));
  const ids = new Set(units.map((u) => u.id));
  const children = childrenOf(units, ids);
  const totalOf = unitTotals(children, rules.bands);
  const out = dictionary<UnitScorecard>();
  for (const id of leavesFirst(units, ids)) {
    const own = build(kpis.get(id) ?? [], rules);
    out[id] = { unitId: id, own: own.card, ...totalOf(id, own.total), childIds: children.get(id) ?? [] };
  }
  return out;
}
