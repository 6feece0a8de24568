import { describe, expect, it } from 'vitest';
import { evaluate, evaluateShard, mergeShards, createLiveEvaluation, OkrkitError, parsePlan, type Plan } from '../../src/index.js';

const q3 = { id: 'q3', name: 'Q3', start: '2026-07-01', end: '2026-09-30' };

/** A chain of objectives `depth` deep, each with one key result at 1/3 or 0 and a weight. */
function chain(depth: number, weight: string): Plan {
  const objectives = Array.from({ length: depth }, (_, i) => ({ id: `o${i}`, title: `O${i}`, cycleId: 'q3', ...(i > 0 ? { parentId: `o${i - 1}`, weight } : {}) }));
  const keyResults = objectives.map((o, i) => ({ id: `k${i}`, objectiveId: o.id, title: 'KR', kind: 'metric', start: 0, target: 3, weight }));
  const checkIns = keyResults.map((k, i) => ({ keyResultId: k.id, at: '2026-08-01', value: i % 2 }));
  return parsePlan({ cycles: [q3], objectives, keyResults, checkIns });
}

describe('weights with many decimals', () => {
  it('keep the fast path node by node (a spreadsheet’s 33.3333333333333)', () => {
    // 2,000 levels: in fractions this would take minutes (denominators grow level by level).
    const e = evaluate(chain(2000, '33.3333333333333'), { asOf: '2026-08-15' });
    // Equal weights at every node: the same scores as weight 1.
    const plain = evaluate(chain(2000, '1'), { asOf: '2026-08-15' });
    expect(e.objectives['o0']!.score).toBe(plain.objectives['o0']!.score);
    expect(e.objectives['o1999']!.score).toBe(plain.objectives['o1999']!.score);
  });
});

describe('shards', () => {
  const plan = chain(3, '1');
  it('reject exact numbers that do not round to the measurement', () => {
    const shard = evaluateShard(plan, { asOf: '2026-08-15' });
    const tampered = JSON.parse(JSON.stringify(shard)) as typeof shard;
    (tampered.keyResults['k1'] as unknown as { exact: string[] }).exact = ['5/1', '5/1'];
    expect(() => mergeShards(plan, [tampered], { asOf: '2026-08-15' })).toThrow(OkrkitError);
    expect(() => mergeShards(plan, [tampered], { asOf: '2026-08-15' })).toThrow(/k1/);
    // The untouched shard, through JSON, merges to evaluate's numbers.
    const merged = mergeShards(plan, [JSON.parse(JSON.stringify(shard)) as typeof shard], { asOf: '2026-08-15' });
    expect(merged).toEqual(evaluate(plan, { asOf: '2026-08-15' }));
  });
});

describe('live evaluation', () => {
  it('leaves the evaluation as it was when a check-in is rejected', () => {
    const plan = chain(2, '1');
    const live = createLiveEvaluation(plan, { asOf: '2026-08-15' });
    expect(() => live.applyCheckIn({ keyResultId: 'k1', at: '2026-08-02', value: '1e40' })).toThrow(OkrkitError);
    live.applyCheckIn({ keyResultId: 'k1', at: '2026-08-03', value: 2 });
    const fresh = evaluate({ ...plan, checkIns: [...plan.checkIns, { keyResultId: 'k1', at: '2026-08-03', value: 2 }] }, { asOf: '2026-08-15' });
    expect(live.evaluation.objectives['o0']!.score).toBe(fresh.objectives['o0']!.score);
  });
});
