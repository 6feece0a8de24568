// Weight 'target': a metric key result weighs as much as the size of its target
// (|target|), an objective as the total of its metric key results' targets. Weighing by
// size is what a rollup of money or counts needs: 100,000 / 20,000 / 1,000 USD goals
// weigh 82.6 % / 16.5 % / 0.8 %, not a third each. Sizes are only comparable in one unit,
// so siblings weighed by target must share theirs.
import { add, compare, sub, toValue, type Value } from '../_lib/numeric.js';
import { msg, type Message } from '../messages/message.js';
import type { DeepReadonly } from './deep-readonly.js';
import type { KeyResult } from './key-result.js';
import type { Objective } from './objective.js';
import { isAggregated } from './value-links.js';

/** The size of a key result's target, |target|, or null when it has none (not a metric, or an unreadable number). */
export function targetSizeOf(kr: { readonly kind: string; readonly target?: unknown } | undefined): Value | null {
  if (kr?.kind !== 'metric' || (typeof kr.target !== 'number' && typeof kr.target !== 'string')) return null;
  const t = toValue(kr.target);
  if (t === null) return null;
  return compare(t, 0) < 0 ? sub(0, t) : t;
}

/** A problem with weight 'target', at a path into the plan. */
interface TargetWeightProblem {
  readonly path: readonly (string | number)[];
  readonly message: Message;
}

/** What working out target weights reads. */
export interface TargetWeightInput {
  readonly objectives: readonly (DeepReadonly<Objective> | undefined)[];
  readonly keyResults: readonly (DeepReadonly<KeyResult> | undefined)[];
  /** Position of an objective by id, or undefined. */
  readonly objectiveAt: (id: string) => number | undefined;
  /** Key results that count for nothing (draft and proposed ones in an evaluation). */
  readonly leftOut?: (j: number) => boolean;
}

type Report = (problem: TargetWeightProblem) => void;

/** A key result's weight is zero when given as 0 (it then counts for nothing). */
function weighsNothing(kr: DeepReadonly<KeyResult>): boolean {
  if (kr.weight === undefined || kr.weight === 'target') return false;
  const w = toValue(kr.weight);
  return w !== null && compare(w, 0) === 0;
}

/** Records the unit of a sibling weighed by target; reports the first one in another unit. */
function sameUnit(units: Map<number, string>, group: number, unit: string | undefined, report: () => void): void {
  const seen = units.get(group);
  if (seen === undefined) units.set(group, unit ?? '');
  else if (seen !== (unit ?? '')) report();
}

/**
 * Checks weight 'target' on key results (a metric one, with a target other than 0, in the
 * unit of its siblings weighed by target) and works out the weight of every objective
 * weighed by its target: the total of its metric key results' target sizes, leaving out
 * baseline, weight-0 and left-out key results and those whose value an aggregated key
 * result of the same objective already counts. Returns objective position → weight.
 */
export function targetWeights(input: TargetWeightInput, report: Report): Map<number, Value> {
  const { objectives, keyResults } = input;
  // Most plans weigh nothing by target: one pass to find out, and nothing else to do.
  if (!objectives.some((o) => o?.weight === 'target') && !keyResults.some((kr) => kr?.weight === 'target')) return new Map();
  const totals = new Map<number, { sum: Value; unit: string | null; mixed: boolean }>();
  objectives.forEach((o, i) => {
    if (o?.weight === 'target') totals.set(i, { sum: 0, unit: null, mixed: false });
  });
  const krUnits = new Map<number, string>();
  keyResults.forEach((kr, j) => {
    if (kr === undefined) return;
    const oi = input.objectiveAt(kr.objectiveId) ?? -1;
    const size = targetSizeOf(kr);
    if (kr.weight === 'target') {
      const path = ['keyResults', j, 'weight'];
      if (size === null) report({ path, message: msg('issue.targetWeightKind', { id: kr.id }) });
      else if (compare(size, 0) === 0) report({ path, message: msg('issue.targetWeightZero', { id: kr.id }) });
      sameUnit(krUnits, oi, kr.unit, () => report({ path, message: msg('issue.targetWeightSiblingUnits', { id: kr.id }) }));
    }
    const total = totals.get(oi);
    if (total === undefined || size === null || weighsNothing(kr) || input.leftOut?.(j) === true || countedByAggregate(input, kr, oi)) return;
    total.sum = add(total.sum, size);
    if (total.unit === null) total.unit = kr.unit ?? '';
    else if (total.unit !== (kr.unit ?? '')) total.mixed = true;
  });
  return objectiveTotals(objectives, totals, report);
}

/** Whether a key result's value is already counted by an aggregated key result of the same objective. */
function countedByAggregate(input: TargetWeightInput, kr: DeepReadonly<KeyResult>, oi: number): boolean {
  if (kr.links === undefined) return false;
  return kr.links.some((l) => l.contributes === true && input.keyResults.some((t) => t?.id === l.to && isAggregated(t) && input.objectiveAt(t.objectiveId) === oi));
}

/** Each objective's total, reported when there is none or it mixes units; siblings weighed by target must share a unit. */
function objectiveTotals(objectives: TargetWeightInput['objectives'], totals: Map<number, { sum: Value; unit: string | null; mixed: boolean }>, report: Report): Map<number, Value> {
  const weights = new Map<number, Value>();
  const siblingUnits = new Map<number, string>();
  const parents = new Map<string, number>();
  for (const [i, { sum, unit, mixed }] of totals) {
    const o = objectives[i];
    const id = o?.id ?? '?';
    const path = ['objectives', i, 'weight'];
    if (unit === null || compare(sum, 0) === 0) report({ path, message: msg('issue.targetWeightObjective', { id }) });
    else if (mixed) report({ path, message: msg('issue.targetWeightUnits', { id }) });
    else weights.set(i, sum);
    if (unit === null || o?.parentId === undefined) continue;
    const group = parents.get(o.parentId) ?? parents.size;
    parents.set(o.parentId, group);
    sameUnit(siblingUnits, group, unit, () => report({ path, message: msg('issue.targetWeightSiblingUnits', { id }) }));
  }
  return weights;
}
