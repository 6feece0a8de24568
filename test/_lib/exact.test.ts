import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compareProducts, Exact } from '../../src/_lib/exact.js';
import { fraction, fractionOfBinary, fractionOfDouble, toDouble } from '../../src/_lib/fraction.js';
import { compareNear, Near, nearFraction, NearMean, nearQuotient } from '../../src/_lib/near.js';
import * as O from '../exactness/oracle.js';

const big = fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n });
const positive = fc.bigInt({ min: 1n, max: 10n ** 40n });

describe('toDouble', () => {
  test.prop([big, positive])('is the nearest double of the fraction', (n, d) => {
    expect(toDouble(fraction(n, d))).toBe(O.toDouble(O.q(n, d)));
  });

  test.prop([fc.double({ min: 1e-200, max: 1e200, noNaN: true })])('breaks ties to even, exactly between two doubles', (x) => {
    // The midpoint between x and the next double up.
    const a = fractionOfBinary(x);
    const next = fractionOfBinary(nextUp(x));
    const mid = fraction(a.n * next.d + next.n * a.d, 2n * a.d * next.d);
    const even = (mantissaBits(x) & 1n) === 0n ? x : nextUp(x);
    expect(toDouble(mid)).toBe(even);
  });

  it('reads doubles as written: 0.1 is one tenth', () => {
    expect(fractionOfDouble(0.1)).toEqual({ n: 1n, d: 10n });
    expect(fractionOfDouble(0.1 + 0.2)).toEqual(fractionOfBinary(0.30000000000000004));
    expect(toDouble(fraction(1n, 3n))).toBe(1 / 3);
  });
});

function nextUp(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}
function mantissaBits(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0);
}

describe('compareProducts', () => {
  const safe = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
  test.prop([safe, safe, safe, safe])('is the exact sign of a·b − c·d', (a, b, c, d) => {
    const exact = BigInt(a) * BigInt(b) - BigInt(c) * BigInt(d);
    expect(compareProducts(a, b, c, d)).toBe(exact < 0n ? -1 : exact > 0n ? 1 : 0);
  });
});

describe('Exact', () => {
  it('keeps fractions of safe integers without bigints, and falls back to them', () => {
    const x = new Exact().setIntegers(6, -4);
    expect([x.n, x.d, x.big]).toEqual([-6, 4, null]);
    const y = new Exact().setFraction(fraction(10n ** 30n, 3n));
    expect(y.big).toEqual({ n: 10n ** 30n, d: 3n });
    expect(y.toNumber()).toBe(O.toDouble(O.q(10n ** 30n, 3n)));
    expect(new Exact().setDouble(0.7).compare(new Exact().setIntegers(7, 10))).toBe(0);
  });

  it('travels as text and reads it back', () => {
    const x = new Exact().setFraction(fraction(-(10n ** 25n), 7n));
    const back = new Exact();
    expect(back.setText(x.toText())).toBe(true);
    expect(back.fraction()).toEqual(x.fraction());
    expect(back.setText('1/0')).toBe(false);
    expect(back.setText(42)).toBe(false);
  });
});

describe('the fast registers', () => {
  const frac = fc.tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 9 }));
  test.prop([fc.array(fc.tuple(frac, fc.integer({ min: 1, max: 1000 })), { minLength: 1, maxLength: 30 })])(
    'a weighted mean is the nearest double of the exact mean, or says it cannot tell',
    (items) => {
      const mean = new NearMean();
      const x = new Near();
      for (const [[n, d], w] of items) mean.add(w, nearQuotient(x, n, d));
      const out = new Near();
      const settled = mean.valueInto(out);
      const exact = O.mean(items.map(([[n, d], w]) => ({ x: O.q(BigInt(n), BigInt(d)), w: O.q(BigInt(w)) })))!;
      if (settled === true) expect(out.hi).toBe(O.toDouble(exact));
      else expect(settled).toBe('unsure');
    },
  );

  it('cannot tell a mean that is exactly a midpoint between two doubles', () => {
    const a = 1;
    const b = 1 + 2 ** -52;
    const mean = new NearMean().add(1, new Near().set(a, 0, 0)).add(1, new Near().set(b, 0, 0));
    expect(mean.valueInto(new Near())).toBe('unsure');
  });

  test.prop([frac, frac])('compare two fractions correctly, or say they cannot tell', ([n1, d1], [n2, d2]) => {
    const c = compareNear(nearQuotient(new Near(), n1, d1), nearFraction(new Near(), fraction(BigInt(n2), BigInt(d2))));
    const exact = O.cmp(O.q(BigInt(n1), BigInt(d1)), O.q(BigInt(n2), BigInt(d2)));
    if (!Number.isNaN(c)) expect(c).toBe(exact);
    else expect(exact).toBe(0);
  });
});
