// Weight 'target': a metric key result weighs as much as the size of its target
// (|target|), an objective as the total of its metric key results' targets. Weighing by
// size is what a rollup of money or counts needs: 100,000 / 20,000 / 1,000 USD goals
// weigh 82.6 % / 16.5 % / 0.8 %, not a third each.
import { add, compare, sub, toValue, type Value } from '../_lib/numeric.js';
import { msg, type Message } from '../messages/message.js';
import type { KeyResult } from './key-result.js';
import type { Objective } from './objective.js';

/** The size of a key result's target, |target|, or null when it has none (not a metric, or an unreadable number). */
export function targetSizeOf(kr: KeyResult | undefined): Value | null {
  if (kr?.kind !== 'metric') return null;
  const t = toValue(kr.target);
  if (t === null) return null;
  return compare(t, 0) < 0 ? sub(0, t) : t;
}

/** A problem with weight 'target', at a path into the plan. */
export interface TargetWeightProblem {
  readonly path: readonly (string | number)[];
  readonly message: Message;
}

/** What working out objectives' target weights reads. */
export interface TargetWeightInput {
  readonly objectives: readonly (Objective | undefined)[];
  readonly keyResults: readonly (KeyResult | undefined)[];
  /** Position of an objective by id, or undefined. */
  readonly objectiveAt: (id: string) => number | undefined;
}

/**
 * The weight of every objective weighed by its target (position → the total of its metric
 * key results' targets), and a report of each key result or objective whose weight
 * 'target' has no target to weigh by. Empty when no record uses weight 'target'.
 */
export function targetWeights(input: TargetWeightInput, report: (problem: TargetWeightProblem) => void): Map<number, Value> {
  const { objectives, keyResults } = input;
  const totals = new Map<number, { sum: Value; units: Set<string> }>();
  objectives.forEach((o, i) => {
    if (o?.weight === 'target') totals.set(i, { sum: 0, units: new Set() });
  });
  keyResults.forEach((kr, j) => {
    if (kr === undefined) return;
    const size = targetSizeOf(kr);
    if (kr.weight === 'target' && size === null) report({ path: ['keyResults', j, 'weight'], message: msg('issue.targetWeightKind', { id: kr.id }) });
    if (size === null || totals.size === 0) return;
    const total = totals.get(input.objectiveAt(kr.objectiveId) ?? -1);
    if (total === undefined) return;
    total.sum = add(total.sum, size);
    total.units.add(kr.unit ?? '');
  });
  const weights = new Map<number, Value>();
  for (const [i, { sum, units }] of totals) {
    const id = objectives[i]?.id ?? '?';
    const named = [...units].filter((u) => u !== '');
    if (units.size === 0) report({ path: ['objectives', i, 'weight'], message: msg('issue.targetWeightObjective', { id }) });
    else if (named.length > 1) report({ path: ['objectives', i, 'weight'], message: msg('issue.targetWeightUnits', { id, units: named.join(', ') }) });
    else weights.set(i, sum);
  }
  return weights;
}
