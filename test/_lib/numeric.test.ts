import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { add, compare, isInSupportedRange, toNumber, toValue } from '../../src/_lib/numeric.js';
import { Exact } from '../../src/_lib/exact.js';
import { differenceRatioInto } from '../../src/measure/key-result.js';
import * as O from '../exactness/oracle.js';
import { ExactSum } from '../../src/_lib/exact-sum.js';

const big = fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n });
/** n / 10^k written out exactly (decimal.js's default precision would round long ones). */
const asDecimalString = (n: bigint, k: number) => {
  const digits = (n < 0n ? -n : n).toString().padStart(k + 1, '0');
  const text = k === 0 ? digits : `${digits.slice(0, digits.length - k)}.${digits.slice(digits.length - k)}`;
  return n < 0n ? `-${text}` : text;
};

describe('numeric core', () => {
  it('reads decimal strings and numbers as the same decimals', () => {
    expect(toValue('0.1')).toBe(0.1);
    expect(toValue('-12.50')).toBe(-12.5);
    expect(toValue('1e3')).toBe(1000);
    expect(toValue('-0')).toBe(0);
    expect(Object.is(toValue(-0), -0) ? 'negative zero' : 'zero').toBe('negative zero'); // -0 is kept as a value…
    expect(Object.is(toNumber(toValue(-0)!), 0)).toBe(true); // …but never leaves as a result
    expect(toValue('12,5')).toBeNull();
    expect(toValue('')).toBeNull();
    expect(toValue(Number.NaN)).toBeNull();
    expect(toValue(Infinity)).toBeNull();
  });

  it('keeps values the fast path cannot hold as decimals', () => {
    expect(toValue('0.1234567890123')).toBeInstanceOf(Decimal);
    expect(toValue('123456789012345678901234567890')).toBeInstanceOf(Decimal);
  });

  it('adds 0.1 and 0.2 to 0.3', () => {
    expect(add(0.1, 0.2)).toBe(0.3);
    expect(toNumber(add(toValue('0.1')!, toValue('0.2')!))).toBe(0.3);
  });

  it('checks the supported magnitude range', () => {
    expect(isInSupportedRange(toValue('1e30')!)).toBe(true);
    expect(isInSupportedRange(toValue('1.1e30')!)).toBe(false);
    expect(isInSupportedRange(toValue('1e-30')!)).toBe(true);
    expect(isInSupportedRange(toValue('1e-31')!)).toBe(false);
    expect(isInSupportedRange(0)).toBe(true);
  });

  test.prop([big, big, big, fc.integer({ min: 0, max: 12 })])(
    'computes (a − s) / (t − s) as the decimal quotient rounded once, fast path or not',
    (a, s, t, k) => {
      fc.pre(s !== t);
      const [A, S, T] = [a, s, t].map((n) => asDecimalString(n, k)) as [string, string, string];
      const expected = O.toDouble(O.div(O.sub(O.dec(A), O.dec(S)), O.sub(O.dec(T), O.dec(S))));
      const got = differenceRatioInto(new Exact(), toValue(A)!, toValue(S)!, toValue(T)!).toNumber();
      expect(got).toBe(expected);
    },
  );

  test.prop([fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: 0, max: 6 })])(
    'adds short decimals exactly and compares them like decimals',
    (x, y, k) => {
      const a = toValue(asDecimalString(BigInt(x), k))!;
      const b = toValue(asDecimalString(BigInt(y), k))!;
      const expected = new Decimal(asDecimalString(BigInt(x), k)).plus(asDecimalString(BigInt(y), k));
      expect(new Decimal(toNumber(add(a, b))).eq(expected.toNumber())).toBe(true);
      expect(compare(a, b)).toBe(Math.sign(x - y));
    },
  );
});

describe('ExactSum', () => {
  test.prop([fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e100, max: 1e100 }), { maxLength: 40 })])(
    'adding numbers and then their negatives gives exactly 0',
    (xs) => {
      const sum = new ExactSum();
      for (const x of xs) sum.add(x);
      for (const x of xs) sum.add(-x);
      expect(sum.value()).toBe(0);
    },
  );

  test.prop([fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e20, max: 1e20 }), { maxLength: 40 }), fc.double({ noNaN: true, min: -1e20, max: 1e20 })])(
    'a tiny term survives next to huge ones that cancel',
    (xs, tiny) => {
      const sum = new ExactSum();
      for (const x of xs) sum.add(x * 1e200);
      sum.add(tiny);
      for (const x of xs) sum.add(-x * 1e200);
      expect(sum.value()).toBe(tiny === 0 ? 0 : tiny);
    },
  );

  it('merges two partial sums into the sum of all terms', () => {
    const a = new ExactSum().add(1e16).add(1);
    const b = new ExactSum().add(1).add(-1e16);
    expect(a.merge(b).value()).toBe(2);
  });

  it('adds exact products', () => {
    const s = new ExactSum().addProduct(0.1, 3).addProduct(-0.1, 3);
    expect(s.value()).toBe(0);
    expect(new ExactSum().addProduct(134217729, 134217729).add(-(134217729 * 134217729)).value()).toBe(1);
  });
});
