import { compare, isInSupportedRange, toText, toValue, type Value } from '../_lib/numeric.js';
import { findLoop } from '../_lib/graph.js';
import { messages, nouns } from '../messages/where.js';
import { msg, type Message } from '../messages/message.js';
import { NO_PLUGINS, type Registry } from './plugin-registry.js';
import { formatPath, issue, type OkrkitIssue } from '../messages/okrkit-error.js';
import type { Plan } from './plan.js';

type Path = readonly (string | number)[];
/** A plan in which elements that failed their schema are left as holes. */
export type PartialPlan = { readonly [K in keyof Plan]: Plan[K] extends readonly (infer T)[] ? readonly (T | undefined)[] : Plan[K] };

/** Ids of elements that failed their schema but still named an id: not "unknown". */
export type KnownIds = { readonly [K in keyof Plan]?: ReadonlySet<string> };

interface IdIndex {
  readonly positions: Map<string, number>;
}

function indexIds(
  name: string,
  items: readonly ({ id?: string | undefined } | undefined)[],
  issues: OkrkitIssue[],
): IdIndex {
  const positions = new Map<string, number>();
  items.forEach((item, i) => {
    if (item?.id === undefined) return;
    const first = positions.get(item.id);
    if (first === undefined) positions.set(item.id, i);
    else issues.push(issue([name, i, 'id'], 'duplicate_id', messages.duplicateId(name, item.id, formatPath([name, first]))));
  });
  return { positions };
}

/**
 * Checks what a schema cannot: unique ids, references that resolve, cycles inside
 * their parents, metric key results whose target differs from the start, numbers in
 * range, and an acyclic cascade. Returns every problem found.
 */
export function checkIntegrity(plan: PartialPlan, known: KnownIds = {}, registry: Registry = NO_PLUGINS): OkrkitIssue[] {
  const issues: OkrkitIssue[] = [];
  const push = (path: Path, code: OkrkitIssue['code'], message: Message) => issues.push(issue(path, code, message));

  const cycles = indexIds('cycles', plan.cycles, issues);
  const units = indexIds('units', plan.units, issues);
  const objectives = indexIds('objectives', plan.objectives, issues);
  const keyResults = indexIds('keyResults', plan.keyResults, issues);
  indexIds('initiatives', plan.initiatives, issues);
  indexIds('checkIns', plan.checkIns, issues);
  const kpis = indexIds('kpis', plan.kpis, issues);

  for (const [id, i] of keyResults.positions) {
    const o = objectives.positions.get(id);
    if (o !== undefined) push(['keyResults', i, 'id'], 'duplicate_id', messages.sharedAlignmentId(id, formatPath(['objectives', o])));
  }

  const exists = (index: IdIndex, extra: ReadonlySet<string> | undefined, id: string) =>
    index.positions.has(id) || (extra?.has(id) ?? false);
  const ref = (path: Path, what: Message, index: IdIndex, extra: ReadonlySet<string> | undefined, id: string | undefined) => {
    if (id !== undefined && !exists(index, extra, id)) push(path, 'unknown_reference', messages.unknownReference(what, id));
  };
  const num = (path: Path, x: string | number | undefined) => {
    if (x === undefined) return;
    const v = toValue(x);
    if (v === null) push(path, 'invalid_number', messages.invalidNumber);
    else if (!isInSupportedRange(v)) push(path, 'number_out_of_range', messages.numberOutOfRange(String(x)));
  };

  // Cycles: dates in order, inside their parent, no loop of parents.
  plan.cycles.forEach((c, i) => {
    if (c === undefined) return;
    if (c.end < c.start) push(['cycles', i, 'end'], 'cycle_range', messages.cycleEndsBeforeStart(c.start, c.end));
    ref(['cycles', i, 'parentId'], nouns.cycle, cycles, known.cycles, c.parentId);
    if (c.parentId === undefined) return;
    const p = plan.cycles[cycles.positions.get(c.parentId) ?? -1];
    if (p !== undefined && p !== c && (c.start < p.start || c.end > p.end)) {
      push(['cycles', i, 'parentId'], 'cycle_outside_parent', messages.cycleOutsideParent(c.id, p.id));
    }
  });
  parentLoops('cycles', nouns.cycle, plan.cycles, cycles, push);

  plan.units.forEach((u, i) => {
    if (u !== undefined) ref(['units', i, 'parentId'], nouns.unit, units, known.units, u.parentId);
  });
  parentLoops('units', nouns.unit, plan.units, units, push);

  plan.objectives.forEach((o, i) => {
    if (o === undefined) return;
    const at = (...rest: (string | number)[]) => ['objectives', i, ...rest];
    ref(at('cycleId'), nouns.cycle, cycles, known.cycles, o.cycleId);
    ref(at('unitId'), nouns.unit, units, known.units, o.unitId);
    ref(at('parentId'), nouns.objective, objectives, known.objectives, o.parentId);
    num(at('weight'), o.weight);
    num(at('initiativeWeight'), o.initiativeWeight);
    o.links?.forEach((link, j) => {
      if (link.to === o.id) push(at('links', j, 'to'), 'cascade_loop', messages.selfLink(o.id));
      else if (!exists(objectives, known.objectives, link.to) && !exists(keyResults, known.keyResults, link.to)) {
        push(at('links', j, 'to'), 'unknown_reference', messages.unknownReference(nouns.objectiveOrKeyResult, link.to));
      }
      num(at('links', j, 'weight'), link.weight);
    });
  });

  plan.keyResults.forEach((kr, i) => {
    if (kr === undefined) return;
    const at = (...rest: (string | number)[]) => ['keyResults', i, ...rest];
    ref(at('objectiveId'), nouns.objective, objectives, known.objectives, kr.objectiveId);
    if (kr.source !== undefined) ref(at('source', 'kpiId'), nouns.kpi, kpis, known.kpis, kr.source.kpiId);
    num(at('weight'), kr.weight);
    switch (kr.kind) {
      case 'metric': {
        num(at('start'), kr.start);
        num(at('target'), kr.target);
        kr.phases?.forEach((p, j) => num(at('phases', j, 'target'), p.target));
        const s = toValue(kr.start);
        const t = toValue(kr.target);
        if (s !== null && t !== null && compare(s, t) === 0) push(at('target'), 'target_equals_start', messages.targetEqualsStart(toText(t)));
        if (s !== null && t !== null && kr.phases !== undefined) checkPhases(kr.phases, s, t, (j, code, message) => push(at('phases', j, code === 'phase_order' ? 'target' : 'at'), 'phase_order', message));
        break;
      }
      case 'threshold':
        num(at('value'), kr.value);
        break;
      case 'range': {
        num(at('min'), kr.min);
        num(at('max'), kr.max);
        num(at('tolerance'), kr.tolerance);
        const lo = toValue(kr.min);
        const hi = toValue(kr.max);
        if (lo !== null && hi !== null && compare(lo, hi) > 0) push(at('max'), 'range_bounds', messages.rangeMinAboveMax(toText(lo), toText(hi)));
        if (kr.tolerance !== undefined) {
          const tol = toValue(kr.tolerance);
          if (tol !== null && compare(tol, 0) < 0) push(at('tolerance'), 'invalid_value', messages.negativeTolerance);
        }
        break;
      }
      case 'milestones':
        kr.milestones.forEach((m, j) => num(at('milestones', j, 'weight'), m.weight));
        break;
      case 'baseline':
        num(at('start'), kr.start);
        break;
      case 'binary':
        break;
    }
    if (kr.scoring?.type === 'plugin' && !registry.scorings.has(kr.scoring.id)) {
      push(at('scoring', 'id'), 'unknown_reference', msg('plugin.unknownScoring', { id: kr.scoring.id, keyResult: kr.id }));
    }
    if (kr.scoring?.type === 'steps') {
      const seen = new Set<number>();
      kr.scoring.steps.forEach((step, j) => {
        if (seen.has(step.min)) push(at('scoring', 'steps', j, 'min'), 'invalid_value', messages.duplicateStep(String(step.min)));
        seen.add(step.min);
      });
    }
  });

  plan.initiatives.forEach((it, i) => {
    if (it === undefined) return;
    if ((it.keyResultId === undefined) === (it.objectiveId === undefined)) {
      push(['initiatives', i], 'invalid_value', messages.initiativeTarget);
    }
    ref(['initiatives', i, 'keyResultId'], nouns.keyResult, keyResults, known.keyResults, it.keyResultId);
    ref(['initiatives', i, 'objectiveId'], nouns.objective, objectives, known.objectives, it.objectiveId);
  });

  plan.checkIns.forEach((c, i) => {
    if (c === undefined) return;
    ref(['checkIns', i, 'keyResultId'], nouns.keyResult, keyResults, known.keyResults, c.keyResultId);
    num(['checkIns', i, 'value'], c.value);
  });

  plan.kpis.forEach((k, i) => {
    if (k === undefined) return;
    const at = (...rest: (string | number)[]) => ['kpis', i, ...rest];
    if ('cycleId' in k.timeframe) ref(at('timeframe', 'cycleId'), nouns.cycle, cycles, known.cycles, k.timeframe.cycleId);
    else if (k.timeframe.end < k.timeframe.start) push(at('timeframe', 'end'), 'cycle_range', messages.kpiEmptyTimeframe(k.timeframe.start, k.timeframe.end));
    ref(at('unitId'), nouns.unit, units, known.units, k.unitId);
    num(at('weight'), k.weight);
    const t = k.target;
    if (t.polarity === 'range') {
      num(at('target', 'min'), t.min);
      num(at('target', 'max'), t.max);
      const lo = toValue(t.min);
      const hi = toValue(t.max);
      if (lo !== null && hi !== null && compare(lo, hi) > 0) push(at('target', 'max'), 'range_bounds', messages.rangeMinAboveMax(toText(lo), toText(hi)));
    } else {
      num(at('target', 'value'), t.value);
      num(at('target', 'baseline'), t.baseline);
      const v = toValue(t.value);
      const b = t.baseline === undefined ? undefined : toValue(t.baseline);
      if (v !== null && b === undefined && compare(v, 0) === 0) push(at('target', 'value'), 'kpi_target', messages.kpiZeroTarget(t.polarity));
      if (v !== null && b !== undefined && b !== null && compare(v, b) === 0) push(at('target', 'baseline'), 'kpi_target', messages.kpiTargetEqualsBaseline);
    }
    if (k.scoring?.type === 'scale') {
      num(at('scoring', 'goal'), k.scoring.goal);
      num(at('scoring', 'redFlag'), k.scoring.redFlag);
      const g = toValue(k.scoring.goal);
      const r = toValue(k.scoring.redFlag);
      if (g !== null && r !== null && compare(g, r) === 0) push(at('scoring', 'goal'), 'kpi_target', messages.scaleGoalEqualsRedFlag);
    }
  });

  plan.measurements.forEach((m, i) => {
    if (m === undefined) return;
    ref(['measurements', i, 'kpiId'], nouns.kpi, kpis, known.kpis, m.kpiId);
    num(['measurements', i, 'value'], m.value);
  });

  cascadeLoop(plan, objectives, keyResults, push);
  return issues;
}

/**
 * Phase targets, in date order, must move monotonically from the start towards the
 * target and stay between them, so expected progress never goes backwards.
 */
function checkPhases(
  phases: readonly { at: string; target: string | number }[],
  start: Value,
  target: Value,
  report: (index: number, code: 'phase_order' | 'phase_date', message: Message) => void,
): void {
  const up = compare(target, start) > 0;
  const order = phases.map((p, i) => ({ p, i })).sort((a, b) => (a.p.at < b.p.at ? -1 : a.p.at > b.p.at ? 1 : a.i - b.i));
  let previous = start;
  let previousAt: string | null = null;
  for (const { p, i } of order) {
    if (p.at === previousAt) report(i, 'phase_date', messages.phaseDuplicate(p.at));
    previousAt = p.at;
    const v = toValue(p.target);
    if (v === null) continue;
    const forward = up ? compare(v, previous) >= 0 && compare(v, target) <= 0 : compare(v, previous) <= 0 && compare(v, target) >= 0;
    if (!forward) report(i, 'phase_order', messages.phaseOutOfOrder(p.at));
    else previous = v;
  }
}

function parentLoops(
  name: 'cycles' | 'units',
  what: Message,
  items: readonly ({ id: string; parentId?: string | undefined } | undefined)[],
  index: IdIndex,
  push: (path: Path, code: OkrkitIssue['code'], message: Message) => void,
): void {
  const adjacency = items.map((item) => {
    const p = item?.parentId === undefined ? undefined : index.positions.get(item.parentId);
    return p === undefined ? [] : [p];
  });
  const loop = findLoop(adjacency);
  if (loop === null) return;
  const first = loop[0] as number;
  push([name, first, 'parentId'], 'cascade_loop', messages.parentLoop(what, loop.map((k) => items[k]?.id ?? '?')));
}

/**
 * The alignment graph — key result → objective, objective → parent, objective → link
 * target — must be acyclic; report the first loop found, naming every node on it.
 */
function cascadeLoop(
  plan: PartialPlan,
  objectives: IdIndex,
  keyResults: IdIndex,
  push: (path: Path, code: OkrkitIssue['code'], message: Message) => void,
): void {
  const k = plan.keyResults.length;
  const node = (id: string): number | undefined => {
    const o = objectives.positions.get(id);
    if (o !== undefined) return k + o;
    return keyResults.positions.get(id);
  };
  const adjacency: number[][] = [];
  plan.keyResults.forEach((kr, i) => {
    const o = kr === undefined ? undefined : objectives.positions.get(kr.objectiveId);
    adjacency[i] = o === undefined ? [] : [k + o];
  });
  plan.objectives.forEach((o, i) => {
    const edges: number[] = [];
    if (o !== undefined) {
      const p = o.parentId === undefined ? undefined : objectives.positions.get(o.parentId);
      if (p !== undefined) edges.push(k + p);
      for (const link of o.links ?? []) {
        const t = link.to === o.id ? undefined : node(link.to);
        if (t !== undefined) edges.push(t);
      }
    }
    adjacency[k + i] = edges;
  });
  const loop = findLoop(adjacency);
  if (loop === null) return;
  const idOf = (n: number) => (n < k ? plan.keyResults[n]?.id : plan.objectives[n - k]?.id) ?? '?';
  const first = loop[0] as number;
  const path: Path = first < k ? ['keyResults', first, 'objectiveId'] : ['objectives', first - k];
  push(path, 'cascade_loop', messages.cascadeLoop(loop.map(idOf)));
}
