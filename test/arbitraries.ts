import fc from 'fast-check';
import type { PlanInput } from '../src/index.js';

const days = Array.from({ length: 92 }, (_, i) => {
  const d = new Date(Date.UTC(2026, 6, 1 + i));
  return d.toISOString().slice(0, 10);
});

/** A calendar date inside Q3 2026. */
export const q3Day = fc.constantFrom(...days);

/** A weight as a product stores it: integers, short decimals, decimal strings, and 0. */
export const weightArb = fc.oneof(
  fc.constantFrom(0, 1, 1, 1, 2, 3, 0.5, '1.5', '0.25', '10'),
  fc.integer({ min: 0, max: 100 }),
);

/** A short decimal as a number or a string: what check-ins and targets hold. */
export const decimalArb = fc
  .tuple(fc.integer({ min: -100_000, max: 100_000 }), fc.constantFrom(0, 1, 2), fc.boolean())
  .map(([n, k, asString]) => {
    const text = (n / 10 ** k).toFixed(k);
    return asString ? text : Number(text);
  });

/**
 * A random valid plan: a forest of objectives in one quarter (each parent is an earlier
 * objective, so there is no loop), metric, threshold, binary and milestones key results
 * with random weights, and check-ins on random dates.
 */
export const planArb: fc.Arbitrary<PlanInput> = fc
  .record({
    objectives: fc.array(
      fc.record({
        parent: fc.option(fc.nat(), { nil: undefined }),
        weight: fc.option(weightArb, { nil: undefined }),
        rollup: fc.constantFrom(undefined, 'both', 'keyResults', 'children'),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    keyResults: fc.array(
      fc.record({
        objective: fc.nat(),
        kind: fc.constantFrom('metric', 'metric', 'metric', 'threshold', 'binary', 'milestones'),
        start: fc.integer({ min: -50, max: 50 }),
        span: fc.integer({ min: -100, max: 100 }).filter((x) => x !== 0),
        weight: fc.option(weightArb, { nil: undefined }),
        valueFrom: fc.constantFrom(undefined, 'latest', 'sum', 'average', 'min', 'max'),
      }),
      { maxLength: 25 },
    ),
    checkIns: fc.array(
      fc.record({ kr: fc.nat(), at: q3Day, value: decimalArb, done: fc.boolean() }),
      { maxLength: 60 },
    ),
  })
  .map(({ objectives, keyResults, checkIns }) => {
    const plan: PlanInput = {
      cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }],
      objectives: objectives.map((o, i) => ({
        id: `o${i}`,
        title: `Objective ${i}`,
        cycleId: 'q3',
        ...(o.parent !== undefined && i > 0 ? { parentId: `o${o.parent % i}` } : {}),
        ...(o.weight !== undefined ? { weight: o.weight } : {}),
        ...(o.rollup !== undefined ? { rollup: o.rollup } : {}),
      })),
      keyResults: keyResults.map((k, j) => {
        const base = {
          id: `k${j}`,
          objectiveId: `o${k.objective % objectives.length}`,
          title: `Key result ${j}`,
          ...(k.weight !== undefined ? { weight: k.weight } : {}),
          ...(k.valueFrom !== undefined ? { valueFrom: k.valueFrom } : {}),
        };
        switch (k.kind) {
          case 'threshold':
            return { ...base, kind: 'threshold' as const, comparator: 'atLeast' as const, value: k.start };
          case 'binary':
            return { ...base, kind: 'binary' as const };
          case 'milestones':
            return { ...base, kind: 'milestones' as const, milestones: [{ title: 'a', doneAt: '2026-08-01' }, { title: 'b', weight: 2 }] };
          default:
            return { ...base, kind: 'metric' as const, start: k.start, target: k.start + k.span };
        }
      }),
      checkIns: keyResults.length === 0 ? [] : checkIns.map((c) => ({
        keyResultId: `k${c.kr % keyResults.length}`,
        at: c.at,
        value: c.value,
        done: c.done,
      })),
    };
    return plan;
  });

/** A permutation of an array, driven by fast-check. */
export function shuffledArb<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

/** Sets the value at a path chosen by `steps` in a copy of a JSON document. */
export function mutate(doc: unknown, steps: readonly number[], value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string, unknown>;
  let node: unknown = copy;
  for (let i = 0; i < steps.length; i++) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[(steps[i] as number) % keys.length] as string;
    const child = (node as Record<string, unknown>)[key];
    if (i === steps.length - 1 || typeof child !== 'object' || child === null) {
      (node as Record<string, unknown>)[key] = value;
      break;
    }
    node = child;
  }
  return copy;
}
