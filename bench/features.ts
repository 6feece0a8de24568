// Issue 15's features on a generated org, each as a ratio of a plain evaluate of the same
// org measured in the same run: value rollups (one aggregated key result per objective
// summing the objective's key results), weights by target, and people's performance.
import { evaluate, performance } from '../src/index.js';
import type { Plan } from '../src/index.js';

/** The org with, per objective, one more key result that sums the others' values. */
function withValueRollups(plan: Plan): Plan {
  const links = new Map<string, string>();
  for (const kr of plan.keyResults) if (!links.has(kr.objectiveId)) links.set(kr.objectiveId, `sum-${kr.objectiveId}`);
  const keyResults = plan.keyResults.map((kr) => ({ ...kr, links: [{ to: links.get(kr.objectiveId) ?? '', contributes: true }] }));
  const sums = [...links].map(([objectiveId, id]) => ({ id, objectiveId, title: 'Total', kind: 'metric' as const, start: 0, target: 1000, aggregate: 'sum' as const }));
  return { ...plan, keyResults: [...keyResults, ...sums] };
}

/** The org with every key result weighed by its target and owned by one of 500 people in 50 units. */
function withTargetsAndOwners(plan: Plan): Plan {
  const units = Array.from({ length: 50 }, (_, i) => ({ id: `u${i}`, name: `Unit ${i}`, level: 'team' as const }));
  const objectives = plan.objectives.map((o, i) => ({ ...o, unitId: `u${i % 50}`, ownerId: `p${i % 500}` }));
  const keyResults = plan.keyResults.map((kr) => ({ ...kr, weight: 'target' as const }));
  return { ...plan, units, objectives, keyResults };
}

/** Prints one table row per size: each feature's time and its ratio to evaluate. */
export function benchFeatures(plans: readonly Plan[], asOf: string, time: (fn: () => unknown, repeat: number) => number): void {
  console.log('\n| key results | evaluate | with value rollups | ratio | weights by target | ratio | performance (after evaluate) | ratio |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const plan of plans) {
    const repeat = plan.keyResults.length >= 1_000_000 ? 3 : plan.keyResults.length >= 100_000 ? 5 : 15;
    const rolled = withValueRollups(plan);
    const owned = withTargetsAndOwners(plan);
    const evaluation = evaluate(owned, { asOf });
    performance(owned, evaluation); // warm-up
    const base = time(() => evaluate(plan, { asOf }), repeat);
    const values = time(() => evaluate(rolled, { asOf }), repeat);
    const targets = time(() => evaluate(owned, { asOf }), repeat);
    const people = time(() => performance(owned, evaluation), repeat);
    const cell = (ms: number) => `${ms.toFixed(0)} ms | ${(ms / base).toFixed(2)}×`;
    console.log(`| ${plan.keyResults.length.toLocaleString('en')} | ${base.toFixed(0)} ms | ${cell(values)} | ${cell(targets)} | ${cell(people)} |`);
  }
}
