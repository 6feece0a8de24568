// The plan as the rules read it: every collection present, the lookups several rules
// share built once, and the options that change what a rule looks for.
import type { CheckIn } from '../model/check-in.js';
import type { Cycle } from '../model/cycle.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import type { KeyResult } from '../model/key-result.js';
import type { Span } from '../measure/kpi.js';
import type { Kpi, Measurement } from '../model/kpi.js';
import type { Objective } from '../model/objective.js';
import type { Plan } from '../model/plan.js';
import type { Unit } from '../model/unit.js';

/** What a rule may read. Collections a plan leaves out read as empty. */
export interface PlanView {
  readonly cycles: readonly DeepReadonly<Cycle>[];
  readonly units: readonly DeepReadonly<Unit>[];
  readonly objectives: readonly DeepReadonly<Objective>[];
  readonly keyResults: readonly DeepReadonly<KeyResult>[];
  readonly checkIns: readonly DeepReadonly<CheckIn>[];
  readonly kpis: readonly DeepReadonly<Kpi>[];
  readonly measurements: readonly DeepReadonly<Measurement>[];
  readonly cycleById: ReadonlyMap<string, DeepReadonly<Cycle>>;
  readonly unitById: ReadonlyMap<string, DeepReadonly<Unit>>;
  readonly objectiveById: ReadonlyMap<string, DeepReadonly<Objective>>;
  /** Each objective's key results, in plan order, baselines left out: they are measured, never scored. */
  readonly scoredKeyResultsOf: ReadonlyMap<string, readonly DeepReadonly<KeyResult>[]>;
  /** The date staleness is judged at, or null: the staleness rules then find nothing. */
  readonly asOf: string | null;
  /** Days allowed between check-ins. */
  readonly checkInEvery: number;
  /** The team asks for key-result weights that add up to 100 in each objective. */
  readonly weightsSumTo100: boolean;
}

/** What the options set for the rules, already checked. */
export type ViewSettings = Pick<PlanView, 'asOf' | 'checkInEvery' | 'weightsSumTo100'>;

/** Builds the view of a parsed plan once, for every rule to share. */
export function planView(plan: DeepReadonly<Plan>, settings: ViewSettings): PlanView {
  const cycles = plan.cycles ?? [];
  const units = plan.units ?? [];
  const objectives = plan.objectives ?? [];
  const keyResults = plan.keyResults ?? [];
  return {
    cycles,
    units,
    objectives,
    keyResults,
    checkIns: plan.checkIns ?? [],
    kpis: plan.kpis ?? [],
    measurements: plan.measurements ?? [],
    cycleById: new Map(cycles.map((c) => [c.id, c])),
    unitById: new Map(units.map((u) => [u.id, u])),
    objectiveById: new Map(objectives.map((o) => [o.id, o])),
    scoredKeyResultsOf: groupBy(keyResults.filter((k) => k.kind !== 'baseline'), (k) => k.objectiveId),
    ...settings,
  };
}

/** Items grouped by a key, each group in the items' order. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): ReadonlyMap<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The dates a KPI covers: its own, or its cycle's; undefined for a cycle the plan lacks. */
export function kpiSpan(view: PlanView, kpi: DeepReadonly<Kpi>): Span | undefined {
  return 'cycleId' in kpi.timeframe ? view.cycleById.get(kpi.timeframe.cycleId) : kpi.timeframe;
}
