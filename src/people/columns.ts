import type { DeepReadonly } from '../model/deep-readonly.js';
import type { Plan } from '../model/plan.js';
import type { Status } from '../time/status.js';
import { STATUS_CODES } from '../evaluate/columns.js';
import type { Evaluation } from '../evaluate/types.js';
import { performance } from './performance.js';
import type { PerformanceOf, PerformanceOptions, PerformanceSummary } from './types.js';

/**
 * The numbers of a {@link PerformanceSummary} as columns, one row per unit or owner. A
 * number that may be missing comes with a `has…` column (1 present, 0 missing; the number
 * is then 0), so no column holds NaN.
 *
 * @category People
 */
export interface SummaryColumns {
  /** The score; see `hasScore`. */
  readonly score: Float64Array;
  /** 1 when something was scored. */
  readonly hasScore: Uint8Array;
  readonly objectives: Int32Array;
  readonly keyResults: Int32Array;
  readonly scored: Int32Array;
  /** The worst status, as a code of {@link STATUS_CODES} (0: no item). */
  readonly worst: Uint8Array;
}

/**
 * Every unit's performance as columns, one row per unit in plan order.
 *
 * @category People
 */
export interface UnitPerformanceColumns extends SummaryColumns {
  readonly id: readonly string[];
  /** The row of each unit's parent, or -1 for a root. */
  readonly parent: Int32Array;
  /** The subtree's numbers (see {@link UnitPerformance}'s `rolledUp`). */
  readonly rolledUp: SummaryColumns;
  /** The KPI scorecard total, rolled up the unit tree (0–100); see `hasKpiTotal`. */
  readonly kpiTotal: Float64Array;
  readonly hasKpiTotal: Uint8Array;
}

/**
 * Every owner's performance as columns, one row per owner in the order of
 * {@link Performance}'s `ownerIds`.
 *
 * @category People
 */
export interface OwnerPerformanceColumns extends SummaryColumns {
  readonly id: readonly string[];
  /** The row of the owner's own unit (level `individual`, same id), or -1. */
  readonly unit: Int32Array;
  /** The total of the owner's KPI scorecard (0–100); see `hasKpiTotal`. */
  readonly kpiTotal: Float64Array;
  readonly hasKpiTotal: Uint8Array;
}

/**
 * The result of {@link performanceColumns}.
 *
 * @category People
 */
export interface PerformanceColumns {
  readonly of: PerformanceOf;
  readonly asOf: string | null;
  readonly cycleId: string | null;
  readonly units: UnitPerformanceColumns;
  readonly owners: OwnerPerformanceColumns;
}

const CODE: ReadonlyMap<Status | null, number> = new Map(STATUS_CODES.map((s, i) => [s, i]));

function summaryColumns(rows: readonly PerformanceSummary[]): SummaryColumns {
  const n = rows.length;
  const c = { score: new Float64Array(n), hasScore: new Uint8Array(n), objectives: new Int32Array(n), keyResults: new Int32Array(n), scored: new Int32Array(n), worst: new Uint8Array(n) };
  rows.forEach((r, i) => {
    if (r.score !== null) {
      c.score[i] = r.score;
      c.hasScore[i] = 1;
    }
    c.objectives[i] = r.objectives;
    c.keyResults[i] = r.keyResults;
    c.scored[i] = r.scored;
    c.worst[i] = CODE.get(r.worst) ?? 0;
  });
  return c;
}

function totals(values: readonly (number | null)[]): { kpiTotal: Float64Array; hasKpiTotal: Uint8Array } {
  const kpiTotal = new Float64Array(values.length);
  const hasKpiTotal = new Uint8Array(values.length);
  values.forEach((v, i) => {
    if (v === null) return;
    kpiTotal[i] = v;
    hasKpiTotal[i] = 1;
  });
  return { kpiTotal, hasKpiTotal };
}

/**
 * The numbers of {@link performance} as columns — typed arrays with one row per unit
 * (plan order) and per owner — for writing to a database or handing to a worker, beside
 * {@link evaluateColumns}. The numbers are the same, bit for bit; the contributor lists,
 * status counts and scorecard lines are left out.
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param evaluation - What {@link evaluate} returned for this plan.
 * @param options - As for {@link performance}.
 * @returns The {@link PerformanceColumns}.
 * @throws {OkrkitError} as {@link performance}.
 * @example
 * // plan: examples/plans/abc-kpis.json
 * const { units } = performanceColumns(plan, evaluate(plan, { asOf: '2026-12-31' }));
 * units.kpiTotal[units.id.indexOf('sales')]
 * //=> 87
 * @category People
 */
export function performanceColumns(plan: DeepReadonly<Plan>, evaluation: DeepReadonly<Evaluation>, options: PerformanceOptions = {}): PerformanceColumns {
  const p = performance(plan, evaluation, options);
  const units = Object.values(p.units);
  const row = new Map(units.map((u, i) => [u.unitId, i]));
  const owners = p.ownerIds.map((id) => p.owners[id]).filter((o) => o !== undefined);
  return {
    of: p.of,
    asOf: p.asOf,
    cycleId: p.cycleId,
    units: {
      id: units.map((u) => u.unitId),
      parent: Int32Array.from(units, (u) => (u.parentId === null ? -1 : (row.get(u.parentId) ?? -1))),
      ...summaryColumns(units),
      rolledUp: summaryColumns(units.map((u) => u.rolledUp)),
      ...totals(units.map((u) => u.kpis.total)),
    },
    owners: {
      id: owners.map((o) => o.ownerId),
      unit: Int32Array.from(owners, (o) => (o.unitId === null ? -1 : (row.get(o.unitId) ?? -1))),
      ...summaryColumns(owners),
      ...totals(owners.map((o) => o.kpis.total)),
    },
  };
}
