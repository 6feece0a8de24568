import type { Plan } from '../src/index.js';

/**
 * The baseline: a hand-written loop with plain numbers over the same plan — latest
 * check-in per key result, (A − S) / (T − S) clamped to [0, 1], and objectives as
 * weighted means of their key results and children, leaves first. No validation, no
 * exactness, no explanation of scores: the least work a rollup can do.
 */
export function plainRollup(plan: Plan, asOf: string): Float64Array {
  const krIndex = new Map<string, number>();
  plan.keyResults.forEach((k, j) => krIndex.set(k.id, j));
  const latestAt: string[] = new Array(plan.keyResults.length).fill('');
  const latestValue = new Float64Array(plan.keyResults.length);
  const has = new Uint8Array(plan.keyResults.length);
  for (const c of plan.checkIns) {
    if (c.at > asOf) continue;
    const j = krIndex.get(c.keyResultId)!;
    if (has[j] === 0 || c.at >= latestAt[j]!) {
      latestAt[j] = c.at;
      latestValue[j] = Number(c.value);
      has[j] = 1;
    }
  }
  const objIndex = new Map<string, number>();
  plan.objectives.forEach((o, i) => objIndex.set(o.id, i));
  const sum = new Float64Array(plan.objectives.length);
  const weights = new Float64Array(plan.objectives.length);
  plan.keyResults.forEach((k, j) => {
    if (k.kind !== 'metric') return;
    const s = Number(k.start);
    const t = Number(k.target);
    const a = has[j] ? latestValue[j]! : s;
    const p = Math.min(1, Math.max(0, (a - s) / (t - s)));
    const w = k.weight === undefined ? 1 : Number(k.weight);
    const i = objIndex.get(k.objectiveId)!;
    sum[i] = sum[i]! + w * p;
    weights[i] = weights[i]! + w;
  });
  const score = new Float64Array(plan.objectives.length);
  // Generated plans list parents before children, so a reverse pass is leaves first.
  for (let i = plan.objectives.length - 1; i >= 0; i--) {
    score[i] = weights[i]! > 0 ? sum[i]! / weights[i]! : 0;
    const parent = plan.objectives[i]!.parentId;
    if (parent !== undefined) {
      const p = objIndex.get(parent)!;
      sum[p] = sum[p]! + score[i]!;
      weights[p] = weights[p]! + 1;
    }
  }
  return score;
}
