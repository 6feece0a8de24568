import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionOf } from '../../src/cli/json-position.js';

const TEXT = `{
  "name": "Plan, \\"quoted\\" [not an array]",
  "objectives": [
    { "id": "o1", "title": "A" },
    { "id": "o2", "title": "B", "links": [] }
  ],
  "keyResults": [{"id":"k1","target":5}]
}`;

describe('positionOf', () => {
  it.each([
    [[], 1, 1],
    [['name'], 2, 11],
    [['objectives'], 3, 17],
    [['objectives', 1], 5, 5],
    [['objectives', 1, 'title'], 5, 28],
    [['objectives', 1, 'links'], 5, 42],
    [['keyResults', 0, 'target'], 7, 38],
    [['objectives', 1, 'weight'], 5, 5], // missing: its object
    [['objectives', 7], 3, 17], // missing: its array
    [['nothing', 0], 1, 1],
  ])('finds %j at line %i, column %i', (path, line, column) => {
    expect(positionOf(TEXT, path as (string | number)[])).toEqual({ line, column });
  });

  it('never recurses, however deep the text nests', () => {
    const deep = `${'['.repeat(200_000)}1${']'.repeat(200_000)}`;
    expect(positionOf(deep, new Array(200_000).fill(0))).toEqual({ line: 1, column: 200_001 });
  });

  test.prop([fc.json(), fc.array(fc.oneof(fc.nat(3), fc.constantFrom('a', 'b', '')), { maxLength: 4 })])(
    'points at the text of the value at the deepest existing part of the path',
    (text, path) => {
      const value = JSON.parse(text) as unknown;
      let node = value;
      let depth = 0;
      for (const key of path) {
        const next = typeof node === 'object' && node !== null && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
        if (next === undefined || (Array.isArray(node) !== (typeof key === 'number'))) break;
        node = next;
        depth++;
      }
      const at = positionOf(text, path)!;
      const lines = text.split('\n');
      const offset = lines.slice(0, at.line - 1).reduce((n, l) => n + l.length + 1, 0) + at.column - 1;
      // The value starting there parses to the node the path reaches.
      const rest = text.slice(offset);
      const prefix = Array.from({ length: rest.length }, (_, i) => i + 1).find((n) => {
        try {
          JSON.parse(rest.slice(0, n));
          return /^\s*$/.test(rest.slice(n, n + 1)) || /^[,\]}]/.test(rest.slice(n)) || n === rest.length;
        } catch {
          return false;
        }
      });
      expect(prefix === undefined ? undefined : JSON.parse(rest.slice(0, prefix))).toEqual(node);
      expect(depth).toBeLessThanOrEqual(path.length);
    },
  );
});
