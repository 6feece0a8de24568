// What an attacker tried against value rollups and weights by target, each a case that
// gave a wrong number or a plausible result before it was fixed.
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateShard, mergeShards, parsePlan, safeParsePlan, type Plan, type PlanInput } from '../../src/index.js';
import { Q3, thrown } from '../builders.js';

const M = (id: string, extra: object = {}) => ({ id, objectiveId: 'o', title: id, kind: 'metric', start: 0, target: 100, ...extra });
const L = (to: string) => ({ links: [{ to, contributes: true }] });
const plan = (keyResults: object[], checkIns: object[] = [], extra: object = {}): PlanInput =>
  ({ cycles: [Q3], objectives: [{ id: 'o', title: 'O', cycleId: 'q3' }], keyResults, checkIns, ...extra }) as PlanInput;
const problems = (input: PlanInput) => {
  const r = safeParsePlan(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
/** The same plan handed straight to evaluate, as a JavaScript caller may. */
const unparsed = (input: PlanInput) => input as unknown as Plan;

describe('value rollups under attack', () => {
  it('merges shards to exactly what evaluate gives, through JSON, infinite bounds included', () => {
    const p = parsePlan(plan([M('total', { target: '0.3', aggregate: 'sum' }), M('part', { target: 1, ...L('total') })], [{ keyResultId: 'part', at: '2026-08-01', value: 1 / 3 }]));
    const options = { cap: Infinity, floor: -Infinity };
    const shard = JSON.parse(JSON.stringify(evaluateShard(p, options))) as ReturnType<typeof evaluateShard>;
    expect(mergeShards(p, [shard], options)).toEqual(evaluate(p, options));
    const big = parsePlan(plan([M('t', { target: '1e27', aggregate: 'sum' }), M('a', { target: '1e27', ...L('t') })], [{ keyResultId: 'a', at: '2026-08-01', value: '1234567890123456789012345678' }]));
    expect(mergeShards(big, [evaluateShard(big)])).toEqual(evaluate(big));
  });

  it('refuses a shard whose contributor value or dates were changed', () => {
    const p = parsePlan(plan([M('total', { aggregate: 'sum' }), M('a', L('total'))], [{ keyResultId: 'a', at: '2026-08-01', value: 5 }]));
    const shard = evaluateShard(p, { asOf: '2026-08-20' });
    const a = shard.keyResults['a'];
    const tamper = (change: object) => ({ ...shard, keyResults: { ...shard.keyResults, a: { ...a, ...change } } }) as typeof shard;
    expect(thrown(() => mergeShards(p, [tamper({ progress: { ...a?.progress, value: 1e300 } })], { asOf: '2026-08-20' })).code).toBe('invalid_argument');
    expect(thrown(() => mergeShards(p, [tamper({ given: { value: '7', at: '2026-08-01' } })], { asOf: '2026-08-20' })).code).toBe('invalid_argument');
    expect(thrown(() => mergeShards(p, [tamper({ given: { value: '5', at: '2026-09-29' } })], { asOf: '2026-08-20' })).code).toBe('invalid_argument');
    const withCheckIn = parsePlan(plan([M('total', { aggregate: 'sum' }), M('a', L('total'))]));
    expect(thrown(() => evaluateShard({ ...withCheckIn, checkIns: [{ keyResultId: 'total', at: '2026-08-01', value: 1 }] })).code).toBe('invalid_plan');
  });

  it('keeps one unit along a chain, even through an aggregate without one', () => {
    const chain = plan([M('top', { unit: 'USD', aggregate: 'sum' }), M('mid', { aggregate: 'sum', ...L('top') }), M('a', { unit: 'VND', ...L('mid') })]);
    expect(problems(chain).join('\n')).toMatch(/counted in "VND" and "top" in "USD"/);
    const mixed = plan([M('sum', { aggregate: 'sum' }), M('a', { unit: 'USD', ...L('sum') }), M('b', { unit: 'VND', ...L('sum') })]);
    expect(problems(mixed)[0]).toMatch(/^keyResults\.2\.unit: .*"VND"/);
    expect(thrown(() => evaluate(unparsed(mixed))).code).toBe('invalid_plan');
  });

  it('takes contributors only from inside the aggregate’s cycle', () => {
    const q4 = { id: 'q4', name: 'Q4', start: '2026-10-01', end: '2026-12-31' };
    const july = { id: 'jul', name: 'July', start: '2026-07-01', end: '2026-07-31', parentId: 'q3' };
    const input = plan([M('rev', { aggregate: 'sum' }), { ...M('a4', L('rev')), objectiveId: 'o4' }, { ...M('a7', L('rev')), objectiveId: 'o7' }], [], {
      cycles: [Q3, q4, july],
      objectives: [{ id: 'o', title: 'O', cycleId: 'q3' }, { id: 'o4', title: 'O4', cycleId: 'q4' }, { id: 'o7', title: 'O7', cycleId: 'jul' }],
    });
    expect(problems(input)).toEqual(['keyResults.1.links.0.to: Key result "a4" contributes to "rev", but its cycle is not inside the cycle of "rev": a value from another period cannot be added to it.']);
    expect(thrown(() => evaluate(unparsed(input))).code).toBe('invalid_plan');
  });

  it('counts a contributor once, and leaves out key results of a draft objective', () => {
    expect(problems(plan([M('x', { aggregate: 'sum' }), M('a', { links: [{ to: 'x', contributes: true }, { to: 'x', contributes: true }] })]))[0]).toMatch(/contributes to "x" twice/);
    const drafts = plan([M('x', { aggregate: 'sum' }), { ...M('a', L('x')), objectiveId: 'idea' }], [{ keyResultId: 'a', at: '2026-08-01', value: 5 }], {
      objectives: [{ id: 'o', title: 'O', cycleId: 'q3' }, { id: 'idea', title: 'Idea', cycleId: 'q3', state: 'draft' }],
    });
    expect(evaluate(parsePlan(drafts)).keyResults['x']?.value).toBe(0);
    expect(evaluate(parsePlan(drafts), { includeDrafts: true }).keyResults['x']?.value).toBe(5);
  });

  it('refuses what parsePlan refuses when the plan reaches evaluate unparsed', () => {
    const base = [M('x', { aggregate: 'sum' }), M('a', L('x'))];
    for (const aggregate of ['median', '', null, {}]) {
      expect(thrown(() => evaluate(unparsed(plan([M('x', { aggregate }), M('a', L('x'))])))).issues[0]?.path).toEqual(['keyResults', 0, 'aggregate']);
    }
    expect(thrown(() => evaluate(unparsed(plan(base.map((k) => ({ ...k, state: 'Draft' })))))).issues[0]?.path).toEqual(['keyResults', 0, 'state']);
    expect(thrown(() => evaluate(unparsed(plan([M('x', { aggregate: 'sum' }), M('a', { links: [{ to: 'x', contributes: 'true' }] })])))).issues[0]?.path).toEqual(['keyResults', 1, 'links', 0, 'contributes']);
  });

  it('stops an aggregate that leaves the supported range instead of giving Infinity', () => {
    // 2^k fan-in: each level's two aggregates both feed the level above.
    const lattice: object[] = [M('top', { aggregate: 'sum', target: 1 })];
    const checkIns: object[] = [];
    let below = ['top'];
    for (let level = 1; level <= 110; level++) {
      const here = [`a${level}`, `b${level}`];
      for (const id of here) lattice.push(M(id, { target: 1, ...(level < 110 ? { aggregate: 'sum' } : {}), links: below.map((to) => ({ to, contributes: true })) }));
      below = here;
    }
    for (const id of below) checkIns.push({ keyResultId: id, at: '2026-08-01', value: 1e10 });
    const error = thrown(() => evaluate(parsePlan(plan(lattice, checkIns)), { cap: Infinity }));
    expect([error.code, error.issues[0]?.code]).toEqual(['invalid_plan', 'number_out_of_range']);
  });

  it('takes, for latest, the instant of the check-in, not only its day, and only check-ins with a value', () => {
    const input = plan([M('x', { aggregate: 'latest' }), M('a', L('x')), M('b', L('x'))], [
      { keyResultId: 'a', at: '2026-08-01T20:00:00+07:00', value: 10 },
      { keyResultId: 'b', at: '2026-08-01T02:00:00+07:00', value: 30 },
      { keyResultId: 'b', at: '2026-08-02', confidence: 0.5 },
    ]);
    expect(evaluate(parsePlan(input)).keyResults['x']?.value).toBe(10);
  });
});

describe('weight "target" under attack', () => {
  it('refuses a target of 0 and siblings in different units', () => {
    expect(problems(plan([M('a', { weight: 'target', start: 10, target: 0 }), M('b')]))).toEqual([
      'keyResults.0.weight: Key result "a" is weighed by its target, but its target is 0: there is no size to weigh by.',
    ]);
    expect(problems(plan([M('a', { weight: 'target', unit: 'USD', target: 10 }), M('b', { weight: 'target', unit: 'VND', target: 1e9 })]))[0]).toMatch(/^keyResults\.1\.weight: .*another unit/);
  });

  it('weighs an objective by the key results that count: not drafts, not weight 0, not those an aggregate of it already counts', () => {
    const input = plan(
      [
        { ...M('x1', { target: 10 }), objectiveId: 'c' },
        { ...M('x2', { target: 1000000 }), objectiveId: 'c', state: 'draft' },
        { ...M('x3', { target: 500 }), objectiveId: 'c', weight: 0 },
        { ...M('rev', { target: 121, aggregate: 'sum' }), objectiveId: 'd' },
        { ...M('p', { target: 100 }), objectiveId: 'd', ...L('rev') },
      ],
      [],
      { objectives: [{ id: 'o', title: 'O', cycleId: 'q3' }, { id: 'c', title: 'C', cycleId: 'q3', parentId: 'o', weight: 'target' }, { id: 'd', title: 'D', cycleId: 'q3', parentId: 'o', weight: 'target' }] },
    );
    expect(evaluate(parsePlan(input)).objectives['o']?.contributors.map((c) => [c.id, c.weight])).toEqual([['c', 10], ['d', 121]]);
    const mixedUnits = plan([{ ...M('y1', { unit: 'USD' }), objectiveId: 'c' }, { ...M('y2'), objectiveId: 'c' }], [], {
      objectives: [{ id: 'o', title: 'O', cycleId: 'q3' }, { id: 'c', title: 'C', cycleId: 'q3', parentId: 'o', weight: 'target' }],
    });
    expect(problems(mixedUnits)[0]).toMatch(/^objectives\.1\.weight: .*different units/);
  });
});
