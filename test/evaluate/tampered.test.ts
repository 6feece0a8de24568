// Unparsed plans and tampered shards (issue 14): never NaN, never a value outside its
// range in a result; an OkrkitError naming the key result and the field instead.
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateShard, mergeShards, parsePlan, type EvaluationShard } from '../../src/index.js';
import { thrown } from '../builders.js';
import { loadPlan } from '../fixtures.js';

const base = {
  cycles: [{ id: 'c', name: 'C', start: '2026-01-01', end: '2026-03-31' }],
  objectives: [{ id: 'o', cycleId: 'c', title: 'O' }],
  keyResults: [{ id: 'k', objectiveId: 'o', title: 'K', kind: 'metric', start: 0, target: 10 }],
  checkIns: [{ keyResultId: 'k', at: '2026-02-01', value: 5 }],
};

describe('evaluate of an unparsed plan', () => {
  it.each([NaN, Infinity, -1, '0.5', null])('rejects finalScore %s', (finalScore) => {
    const plan = { ...base, keyResults: [{ ...base.keyResults[0], finalScore }] };
    const e = thrown(() => evaluate(plan as never));
    expect(e.code).toBe('invalid_argument');
    expect(e.message).toContain('finalScore of key result "k"');
  });

  it.each([7, -0.5, NaN, '0.5'])('rejects confidence %s', (confidence) => {
    const plan = { ...base, checkIns: [{ ...base.checkIns[0], confidence }] };
    expect(thrown(() => evaluate(plan as never)).message).toContain('confidence of a check-in of "k" must be a number from 0 to 1');
  });
});

describe('mergeShards of tampered shards', () => {
  const plan = parsePlan(loadPlan('saas-cascade'));
  const options = { asOf: '2026-09-10', forecast: true };
  const shard = evaluateShard(plan, options);
  const id = plan.keyResults.find((k) => shard.keyResults[k.id]?.forecast !== null && shard.keyResults[k.id]?.forecast?.score !== shard.keyResults[k.id]?.progress.score)!.id;
  const tamper = (change: (m: Record<string, any>) => void): EvaluationShard => {
    const copy = JSON.parse(JSON.stringify(shard));
    change(copy.keyResults[id]);
    return copy;
  };

  it('the untampered shard merges to evaluate', () => {
    expect(mergeShards(plan, [shard], options)).toEqual(evaluate(plan, options));
  });

  it.each([
    ['value', (m: any) => { m.progress.value = 'x'; }],
    ['value', (m: any) => { m.progress.value = null; m.progress.value = {}; }],
    ['confidence', (m: any) => { m.progress.confidence = 3; }],
    ['confidence', (m: any) => { m.progress.confidence = -0.1; }],
    ['lastCheckIn', (m: any) => { m.progress.lastCheckIn = 'yesterday'; }],
    ['lastCheckIn', (m: any) => { m.progress.lastCheckIn = '2026-02-30'; }],
    ['checkIns', (m: any) => { m.progress.checkIns = -1; }],
    ['checkIns', (m: any) => { m.progress.checkIns = 1.5; }],
    ['forecastExact', (m: any) => { m.forecastExact = '1/1000'; }],
    ['forecastExact', (m: any) => { m.forecastExact = 'abc'; }],
    ['forecast.score', (m: any) => { m.forecast.score = NaN; }],
  ])('rejects a tampered %s', (field, change) => {
    const e = thrown(() => mergeShards(plan, [tamper(change)], options));
    expect(e.code).toBe('invalid_argument');
    expect(e.message).toContain(`key result "${id}" has a ${field}`);
  });

  it('rejects a shard measuring a key result the plan does not have', () => {
    const copy = JSON.parse(JSON.stringify(shard));
    copy.keyResults['ghost'] = copy.keyResults[id];
    expect(thrown(() => mergeShards(plan, [copy], options)).message).toContain('a shard measured key result "ghost", which the plan does not have');
  });

  it('a shard without forecastExact falls back to forecast.score and still merges to evaluate', () => {
    const copy = JSON.parse(JSON.stringify(shard));
    for (const m of Object.values<any>(copy.keyResults)) delete m.forecastExact;
    expect(mergeShards(plan, [copy], options)).toEqual(evaluate(plan, options));
  });
});

describe('forecast errors name the key result', () => {
  it('an unparsed plan with an out-of-range check-in that only the forecast reads', () => {
    const plan = { ...base, checkIns: [{ keyResultId: 'k', at: '2026-01-10', value: '1e400' }, ...base.checkIns] };
    const e = thrown(() => evaluate(plan as never, { asOf: '2026-02-15', forecast: true }));
    expect(e.message).toContain('check-in value of "k"');
    expect(e.message).not.toContain('key result ""');
  });
});
