import { evaluatedKpis } from './evaluate-kpis.js';
import type { Plan } from '../model/plan.js';
import { withPlan } from '../model/guard.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { rulesOf, type ScorecardOptions } from './scorecard-options.js';
import { build, type Scorecard } from './scorecard-totals.js';

export type { RatingBand } from './scorecard-ratings.js';
export type { ScorecardOptions } from './scorecard-options.js';
export type { Scorecard, ScorecardLine } from './scorecard-totals.js';
export { scorecardByUnit, type UnitScorecard } from './scorecard-units.js';

/**
 * A KPI scorecard — the seeds' KPI evaluation sheet: each selected KPI's score from its
 * scoring rule (attainment by default, `steps`, the goal/red-flag 0–10 `scale`, or a
 * piecewise 0–10 scale through `anchors`),
 * weighted (weights need not add up to 100: they are normalised), a total on 0–100, a
 * rating band, and the same per perspective. Select KPIs by owner, unit, perspective or
 * id.
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param options - Selection, `asOf`, `weights`, `bands`, `cap`, `floor` and `missing`.
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
  const rules = rulesOf(options);
  const wanted = options.kpiIds === undefined ? null : new Set(options.kpiIds);
  const selected = (plan.kpis ?? []).filter(
    (k) =>
      (options.unitId === undefined || k.unitId === options.unitId) &&
      (options.ownerId === undefined || k.ownerId === options.ownerId) &&
      (options.perspective === undefined || k.perspective === options.perspective) &&
      (wanted === null || wanted.has(k.id)),
  );
  // Only the selected KPIs are evaluated (the plan was checked by the caller's guard).
  const items = evaluatedKpis(plan, { asOf: options.asOf, timeZone: options.timeZone }, new Set(selected.map((k) => k.id)));
  return build(items, rules).card;
}
