import { describe, expect, it } from 'vitest';
import { evaluate, evaluateColumns, OkrkitError, parsePlan, type Plan, type PlanInput } from '../../src/index.js';
import { deepFreeze, loadPlan } from '../fixtures.js';
import { Q3, objectiveIn } from '../builders.js';

const q3 = Q3;
const objective = objectiveIn;
const metric = (id: string, objectiveId: string, extra: object = {}) => ({
  id, objectiveId, title: `KR ${id}`, kind: 'metric' as const, start: 0, target: 100, ...extra,
});
const checkIn = (keyResultId: string, value: number, at = '2026-08-01') => ({ keyResultId, at, value });
const plan = (input: PlanInput): Plan => parsePlan({ cycles: [q3], ...input });

describe('evaluate', () => {
  it('weighs key results by their relative weights', () => {
    const { objectives } = evaluate(
      plan({
        objectives: [objective('o')],
        keyResults: [metric('a', 'o', { weight: 3 }), metric('b', 'o', { weight: '1' }), metric('c', 'o', { weight: 0 })],
        checkIns: [checkIn('a', 80), checkIn('b', 40), checkIn('c', 0)],
      }),
    );
    expect(objectives['o']!.score).toBe(0.7); // (3·0.8 + 1·0.4) / 4
    expect(objectives['o']!.contributors.map((c) => [c.id, c.share])).toEqual([['a', 0.75], ['b', 0.25]]);
  });

  it('gives null, never NaN or 0, to an objective with nothing scorable', () => {
    const { objectives } = evaluate(
      plan({
        objectives: [objective('empty'), objective('baseline-only'), objective('zero', { parentId: 'empty', weight: 0 })],
        keyResults: [{ id: 'b', objectiveId: 'baseline-only', title: 'today', kind: 'baseline' }],
      }),
    );
    expect(objectives['empty']!.score).toBeNull();
    expect(objectives['baseline-only']!.score).toBeNull();
    expect(objectives['baseline-only']!.contributors).toEqual([]);
  });

  it('follows each objective’s rollup mode', () => {
    const input = (rollup: string) =>
      plan({
        objectives: [objective('p', { rollup }), objective('c', { parentId: 'p' })],
        keyResults: [metric('kp', 'p'), metric('kc', 'c')],
        checkIns: [checkIn('kp', 100), checkIn('kc', 50)],
      });
    expect(evaluate(input('keyResults')).objectives['p']!.score).toBe(1);
    expect(evaluate(input('children')).objectives['p']!.score).toBe(0.5);
    expect(evaluate(input('both')).objectives['p']!.score).toBe(0.75);
  });

  it('rolls contributing links into objectives and drives key results from aligned objectives', () => {
    const { objectives, keyResults } = evaluate(
      plan({
        objectives: [
          objective('company'),
          objective('sales', { links: [{ to: 'kr-revenue', contributes: true, weight: 3 }] }),
          objective('marketing', { links: [{ to: 'kr-revenue', contributes: true }, { to: 'company' }] }),
        ],
        keyResults: [metric('kr-revenue', 'company'), metric('kr-s', 'sales'), metric('kr-m', 'marketing')],
        checkIns: [checkIn('kr-revenue', 5), checkIn('kr-s', 80), checkIn('kr-m', 40)],
      }),
    );
    // kr-revenue is driven: (3·0.8 + 1·0.4) / 4 = 0.7; its own check-in is not used for progress.
    expect(keyResults['kr-revenue']).toMatchObject({ value: 5, progress: 0.7, score: 0.7 });
    expect(keyResults['kr-revenue']!.drivenBy!.map((c) => c.id)).toEqual(['sales', 'marketing']);
    expect(objectives['company']!.score).toBe(0.7);
    // marketing's plain link to company does not contribute
    expect(objectives['company']!.contributors.map((c) => c.id)).toEqual(['kr-revenue']);
    expect(objectives['sales']!.contributesTo).toEqual(['kr-revenue']);
  });

  it('counts initiatives only where an objective opts in with a weight', () => {
    const input = (initiativeWeight?: number) =>
      plan({
        objectives: [objective('o', initiativeWeight === undefined ? {} : { initiativeWeight })],
        keyResults: [metric('k', 'o')],
        checkIns: [checkIn('k', 20)],
        initiatives: [
          { id: 'i1', title: 'a', keyResultId: 'k', status: 'done' },
          { id: 'i2', title: 'b', objectiveId: 'o', status: 'inProgress', progress: 0.5 },
          { id: 'i3', title: 'c', objectiveId: 'o', status: 'blocked' },
        ],
      });
    expect(evaluate(input()).objectives['o']!.score).toBe(0.2);
    const { objectives } = evaluate(input(1));
    expect(objectives['o']!.score).toBe(0.35); // (0.2 + mean(1, 0.5, 0)) / 2
    expect(objectives['o']!.contributors.at(-1)).toEqual({ id: 'o', type: 'initiatives', weight: 1, share: 0.5, score: 0.5 });
  });

  it('lets a finalScore override win and passes the override up the cascade', () => {
    const { objectives } = evaluate(
      plan({
        objectives: [objective('p'), objective('c', { parentId: 'p', finalScore: 0.9 })],
        keyResults: [metric('k', 'c')],
        checkIns: [checkIn('k', 10)],
      }),
    );
    expect(objectives['c']).toMatchObject({ score: 0.9, computedScore: 0.1, overridden: true });
    expect(objectives['p']).toMatchObject({ score: 0.9, overridden: false });
  });

  it('counts only check-ins inside the objective’s cycle', () => {
    const { keyResults } = evaluate(
      plan({
        objectives: [objective('o')],
        keyResults: [metric('k', 'o', { valueFrom: 'sum' })],
        checkIns: [checkIn('k', 10, '2026-06-30'), checkIn('k', 20, '2026-07-01'), checkIn('k', 30, '2026-09-30'), checkIn('k', 40, '2026-10-01')],
      }),
    );
    expect(keyResults['k']!.value).toBe(50);
  });

  it('applies the cap to every key result', () => {
    const p = plan({ objectives: [objective('o')], keyResults: [metric('k', 'o')], checkIns: [checkIn('k', 150)] });
    expect(evaluate(p).objectives['o']!.score).toBe(1);
    expect(evaluate(p, { cap: 1.2 }).objectives['o']!.score).toBe(1.2);
    expect(evaluate(p, { cap: Infinity }).objectives['o']!.score).toBe(1.5);
  });

  it('works with ids such as __proto__, constructor and toString', () => {
    const { objectives, keyResults } = evaluate(
      plan({
        objectives: [objective('__proto__'), objective('constructor', { parentId: '__proto__' })],
        keyResults: [metric('toString', 'constructor'), metric('hasOwnProperty', '__proto__')],
        checkIns: [checkIn('toString', 50), checkIn('hasOwnProperty', 100)],
      }),
    );
    expect(Object.keys(objectives)).toEqual(['__proto__', 'constructor']);
    expect(objectives['__proto__']!.score).toBe(0.75);
    expect(keyResults['toString']!.score).toBe(0.5);
    expect(JSON.parse(JSON.stringify(objectives))['__proto__'].score).toBe(0.75);
  });

  it('is idempotent and leaves a deep-frozen plan untouched', () => {
    const input = deepFreeze(parsePlan(loadPlan('saas-cascade')));
    const copy = structuredClone(input);
    const first = evaluate(input, { asOf: '2026-09-01' });
    expect(evaluate(input, { asOf: '2026-09-01' })).toEqual(first);
    expect(input).toEqual(copy);
  });

  it('handles a cascade 100,000 levels deep and an objective with 200,000 key results', () => {
    const n = 100_000;
    const deep = evaluate(
      plan({
        objectives: Array.from({ length: n }, (_, i) => objective(`o${i}`, i === 0 ? {} : { parentId: `o${i - 1}` })),
        keyResults: [metric('leaf', `o${n - 1}`)],
        checkIns: [checkIn('leaf', 30)],
      }),
    );
    expect(deep.objectives['o0']!.score).toBe(0.3);
    const wide = evaluate({
      ...plan({ objectives: [objective('o')] }),
      keyResults: Array.from({ length: 200_000 }, (_, i) => metric(`k${i}`, 'o', { start: 0, target: 4 })),
      checkIns: Array.from({ length: 200_000 }, (_, i) => checkIn(`k${i}`, i % 5)),
    });
    // progress 0, .25, .5, .75, 1 (capped) repeating: mean 0.5
    expect(wide.objectives['o']!.score).toBe(0.5);
  });

  it('scores an objective with 1,000,000 key results (the columns, to keep the suite quick)', () => {
    const n = 1_000_000;
    const columns = evaluateColumns({
      ...plan({ objectives: [objective('o')] }),
      keyResults: Array.from({ length: n }, (_, i) => metric(`k${i}`, 'o', { start: 0, target: 4 })),
      checkIns: Array.from({ length: n }, (_, i) => checkIn(`k${i}`, i % 5)),
    });
    expect(columns.objectives.score[0]).toBe(0.5);
    expect(columns.keyResults.progress[n - 1]).toBe(1);
    expect(columns.keyResults.objective.every((o) => o === 0)).toBe(true);
  });

  describe('errors', () => {
    it('names a loop that only contribution edges form', () => {
      const input = {
        ...plan({ objectives: [objective('a'), objective('b')], keyResults: [metric('k', 'a')] }),
      };
      const looped: Plan = {
        ...input,
        objectives: [objective('a', { links: [{ to: 'b', contributes: true }] }), objective('b', { parentId: 'a' })],
      };
      expect(() => evaluate(looped)).toThrowErrorMatchingInlineSnapshot(`[OkrkitError: okrkit: the cascade contains a loop: a → b → a]`);
    });

    it('reports an unknown id in an unparsed plan as an OkrkitError', () => {
      const base = plan({ objectives: [objective('o')], keyResults: [metric('k', 'o')] });
      const bad = { ...base, checkIns: [checkIn('ghost', 1)] };
      expect(() => evaluate(bad)).toThrowErrorMatchingInlineSnapshot(
        `[OkrkitError: okrkit: the plan refers to an unknown key result "ghost"; parse it with parsePlan first]`,
      );
      let error: unknown;
      try {
        evaluate({ ...base, objectives: [objective('o', { cycleId: 'q9' })] });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(OkrkitError);
      expect((error as OkrkitError).code).toBe('unknown_reference');
    });

    it('rejects bad options and non-plans', () => {
      const p = plan({});
      expect(() => evaluate(p, { asOf: '2026-13-01' })).toThrow(OkrkitError);
      expect(() => evaluate(p, { cap: 0 })).toThrow(OkrkitError);
      expect(() => evaluate(null as unknown as Plan)).toThrow(OkrkitError);
      expect(() => evaluate({ objectives: 'x' } as unknown as Plan)).toThrow(/plan.objectives must be an array/);
    });
  });
});
