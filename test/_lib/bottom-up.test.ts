import { describe, expect, it } from 'vitest';
import { computeBottomUp } from '../../src/_lib/bottom-up.js';

describe('computeBottomUp', () => {
  it('computes children first, each node once, down a chain of 200,000 and across 200,000 children', () => {
    const n = 200_000;
    const chainMemo = new Map<number, number>();
    let calls = 0;
    const depth = computeBottomUp(0, chainMemo, (i, visit) => (i + 1 < n ? visit(i + 1) : undefined), (i) => {
      calls++;
      return i + 1 < n ? (chainMemo.get(i + 1) as number) + 1 : 0;
    });
    expect(depth).toBe(n - 1);
    expect(calls).toBe(n);
    const starMemo = new Map<number, number>();
    const sum = computeBottomUp(-1, starMemo, (i, visit) => {
      if (i === -1) for (let c = 0; c < n; c++) visit(c);
    }, (i) => (i === -1 ? Array.from({ length: n }, (_, c) => starMemo.get(c) as number).reduce((a, b) => a + b, 0) : 1));
    expect(sum).toBe(n);
    // Known nodes are not computed again.
    expect(computeBottomUp(0, chainMemo, () => undefined, () => -1)).toBe(n - 1);
  });
});
