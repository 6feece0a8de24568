import type { DeepReadonly } from './deep-readonly.js';
import type { KeyResult, Phase, Scoring } from './key-result.js';
import type { KpiScoring, KpiThresholdRule } from './kpi.js';
import type { AlignmentLink } from './objective.js';
import type { Plan } from './plan.js';
import type { StateChange } from './process.js';

// A plan that a function returns is the caller's to change, so it holds no array of the
// read-only plan it was made from: every array, and each record in one, is new. Other
// nested values (a KPI's target, `meta`) are shared, as okrkit never writes to them.
// Each field is replaced in its place, so a copy lists its keys in the original order.

type Copied<T, K extends keyof T, V> = Omit<T, K> & { [P in K]?: V };

function withLinks<T extends { readonly links?: readonly DeepReadonly<AlignmentLink>[] | undefined }>(o: T): Copied<T, 'links', AlignmentLink[]> {
  if (o.links === undefined) {
    const { links: _none, ...rest } = o;
    return rest;
  }
  return { ...o, links: o.links.map((l) => ({ ...l })) };
}

function withHistory<T extends { readonly history?: readonly DeepReadonly<StateChange>[] | undefined }>(r: T): Copied<T, 'history', StateChange[]> {
  if (r.history === undefined) {
    const { history: _none, ...rest } = r;
    return rest;
  }
  return { ...r, history: r.history.map((h) => ({ ...h })) };
}

function withPhases<T extends { readonly phases?: readonly DeepReadonly<Phase>[] | undefined }>(kr: T): Copied<T, 'phases', Phase[]> {
  if (kr.phases === undefined) {
    const { phases: _none, ...rest } = kr;
    return rest;
  }
  return { ...kr, phases: kr.phases.map((p) => ({ ...p })) };
}

function withThresholds<T extends { readonly thresholds?: readonly DeepReadonly<KpiThresholdRule>[] | undefined }>(k: T): Copied<T, 'thresholds', KpiThresholdRule[]> {
  if (k.thresholds === undefined) {
    const { thresholds: _none, ...rest } = k;
    return rest;
  }
  return { ...k, thresholds: k.thresholds.map((t) => ({ ...t })) };
}

function withScoring<T extends { readonly scoring?: DeepReadonly<Scoring> | undefined }>(kr: T): Copied<T, 'scoring', Scoring> {
  const { scoring } = kr;
  if (scoring === undefined) {
    const { scoring: _none, ...rest } = kr;
    return rest;
  }
  if (scoring.type !== 'steps') return { ...kr, scoring };
  return { ...kr, scoring: { ...scoring, steps: scoring.steps.map((s) => ({ ...s })) } };
}

function withKpiScoring<T extends { readonly scoring?: DeepReadonly<KpiScoring> | undefined }>(k: T): Copied<T, 'scoring', KpiScoring> {
  const { scoring } = k;
  if (scoring === undefined) {
    const { scoring: _none, ...rest } = k;
    return rest;
  }
  if (scoring.type === 'anchors') return { ...k, scoring: { ...scoring, anchors: scoring.anchors.map((a) => ({ ...a })) } };
  if (scoring.type !== 'steps') return { ...k, scoring };
  return { ...k, scoring: { ...scoring, steps: scoring.steps.map((s) => ({ ...s })) } };
}

function copyKeyResult(kr: DeepReadonly<KeyResult>): KeyResult {
  switch (kr.kind) {
    case 'metric':
      return withHistory(withScoring(withLinks(withPhases(kr))));
    case 'milestones':
      return withHistory(withScoring(withLinks({ ...kr, milestones: kr.milestones.map((m) => ({ ...m })) })));
    case 'threshold':
      return withHistory(withScoring(withLinks(kr)));
    case 'range':
      return withHistory(withScoring(withLinks(kr)));
    case 'binary':
      return withHistory(withScoring(withLinks(kr)));
    case 'baseline':
      return withHistory(withScoring(withLinks(kr)));
    default:
      // A plug-in kind (see createOkrkit): its own fields are its own business.
      return kr;
  }
}

/**
 * A copy of a plan that the caller may change without changing the original: the same
 * values, in new arrays.
 */
export function copyPlan(plan: DeepReadonly<Plan>): Plan {
  return {
    ...plan,
    cycles: plan.cycles.map((c) => ({ ...c })),
    units: plan.units.map((u) => ({ ...u })),
    objectives: plan.objectives.map((o) => withHistory(withLinks(o))),
    keyResults: plan.keyResults.map(copyKeyResult),
    initiatives: plan.initiatives.map((i) => ({ ...i })),
    checkIns: plan.checkIns.map((c) => ({ ...c })),
    kpis: plan.kpis.map((k) => withKpiScoring(withThresholds(k))),
    measurements: plan.measurements.map((m) => ({ ...m })),
  };
}
