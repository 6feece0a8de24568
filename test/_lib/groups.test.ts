import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { bucket, groupByRef } from '../../src/_lib/buckets.js';
import { IdIndex } from '../../src/_lib/id-index.js';

const fail = (id: string): never => {
  throw new Error(`unknown ${id}`);
};

/** Each key's positions, read back from groups. */
function positions(groups: ReturnType<typeof groupByRef>, keyCount: number): number[][] {
  return Array.from({ length: keyCount }, (_, k) => {
    const out: number[] = [];
    for (let p = groups.from[k]!; p < groups.to[k]!; p++) out.push(groups.items === null ? p : groups.items[p]!);
    return out;
  });
}

describe('bucket', () => {
  test.prop([fc.integer({ min: 0, max: 8 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.nat({ max: Math.max(0, n - 1) }), { maxLength: n === 0 ? 0 : 50 })))])(
    'lists each key\'s positions in ascending order, buckets back to back',
    ([keyCount, keys]) => {
      const { starts, items } = bucket(keys, keyCount);
      expect(starts).toHaveLength(keyCount + 1);
      expect(starts[0]).toBe(0);
      expect(starts[keyCount]).toBe(keys.length);
      for (let k = 0; k < keyCount; k++) {
        expect(Array.from(items.subarray(starts[k], starts[k + 1]))).toEqual(keys.flatMap((x, i) => (x === k ? [i] : [])));
      }
    },
  );
});

describe('groupByRef', () => {
  const ids = ['a', 'b', '__proto__', 'constructor', 'e'];
  const find = (id: string) => ids.indexOf(id);

  test.prop([fc.array(fc.nat({ max: ids.length - 1 }), { maxLength: 60 })])('puts every record under its key, in input order, for any order', (keys) => {
    const records = keys.map((k) => ({ ref: ids[k]! }));
    const groups = groupByRef(records, (r) => r.ref, find, ids.length, fail);
    expect(positions(groups, ids.length)).toEqual(ids.map((_, k) => keys.flatMap((x, i) => (x === k ? [i] : []))));
  });

  it('reads runs in place and reports each as it ends', () => {
    const records = ['b', 'b', 'e', 'a', 'a', 'a'].map((ref) => ({ ref }));
    const runs: number[][] = [];
    const groups = groupByRef(records, (r) => r.ref, find, ids.length, fail, (k, from, to) => runs.push([k, from, to]));
    expect(groups.items).toBeNull();
    expect(runs).toEqual([[1, 0, 2], [4, 2, 3], [0, 3, 6]]);
    expect(positions(groups, ids.length)).toEqual([[3, 4, 5], [0, 1], [], [], [2]]);
  });

  it('sorts when a key comes back after another', () => {
    const records = ['b', 'a', 'b'].map((ref) => ({ ref }));
    const groups = groupByRef(records, (r) => r.ref, find, ids.length, fail, () => {});
    expect(groups.items).not.toBeNull();
    expect(positions(groups, ids.length)).toEqual([[1], [0, 2], [], [], []]);
  });

  it('calls unknown for an id that does not resolve, even first or undefined', () => {
    expect(() => groupByRef([{ ref: 'zzz' }], (r) => r.ref, find, ids.length, fail)).toThrow('unknown zzz');
    expect(() => groupByRef([{ ref: undefined as never }], (r) => r.ref, find, ids.length, fail)).toThrow('unknown undefined');
    expect(() => groupByRef([{ ref: 'a' }, { ref: 'a' }, { ref: 'q' }], (r) => r.ref, find, ids.length, fail)).toThrow('unknown q');
  });
});

describe('IdIndex', () => {
  test.prop([fc.uniqueArray(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty')), { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 60 })])(
    'finds what indexOf finds, whatever the order of the questions',
    (ids, questions) => {
      const index = new IdIndex(ids.map((id) => ({ id })));
      const read = index.reader();
      for (const q of questions) {
        const id = ids.length === 0 ? 'missing' : ids[q % ids.length]!;
        expect(read(id)).toBe(ids.indexOf(id));
        expect(index.get(id)).toBe(ids.includes(id) ? ids.indexOf(id) : undefined);
      }
      expect(read('\u0000 not an id')).toBe(ids.indexOf('\u0000 not an id'));
    },
  );

  it('answers in-order questions without building a map', () => {
    const records = Array.from({ length: 1000 }, (_, i) => ({ id: `k${i}` }));
    const index = new IdIndex(records);
    const read = index.reader();
    for (let i = 0; i < 1000; i++) for (let r = 0; r < 3; r++) expect(read(`k${i}`)).toBe(i);
    expect((index as unknown as { map: unknown }).map).toBeNull();
    expect(read('k5')).toBe(5);
    expect((index as unknown as { map: unknown }).map).not.toBeNull();
  });
});
