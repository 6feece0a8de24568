import { Decimal } from 'decimal.js';
import { DECIMAL_STRING } from './decimal-string.js';

/**
 * okrkit's private decimal constructor. A clone, so the caller's global decimal.js
 * settings are never read or changed. 100 significant digits cover every difference
 * of two supported inputs (magnitudes 1e-30 to 1e30) exactly.
 */
export const Dec = /*@__PURE__*/ Decimal.clone({
  precision: 100,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -7,
  toExpPos: 21,
});
export type Dec = Decimal;

/**
 * An exact decimal inside okrkit. A `number` stands for the decimal n / 10^k with
 * |n| ≤ 2^50 and k ≤ 9 (the common values: integers, money, percentages); such a
 * double identifies its decimal uniquely, and integer arithmetic on n is exact.
 * Everything else is a decimal.js value.
 */
export type Value = number | Decimal;

const MAX_SCALED = 2 ** 50;
const MAX_OPERAND = 2 ** 52;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9] as const;
const MAX_SCALE = 9;

/** Numerator found by the last successful {@link scaleOf} (a scratch register). */
let scaled = 0;

/**
 * Finds the smallest k ≤ 9 with x = n / 10^k for an integer |n| ≤ 2^50, leaving n in
 * `scaled`; -1 when there is none.
 */
export function scaleOf(x: number): number {
  if (Number.isInteger(x)) {
    if (x <= MAX_SCALED && x >= -MAX_SCALED) {
      scaled = x;
      return 0;
    }
    return -1;
  }
  for (let k = 1; k <= MAX_SCALE; k++) {
    const p = POW10[k] as number;
    const n = Math.round(x * p);
    if (n > MAX_SCALED || n < -MAX_SCALED) return -1;
    if (n / p === x) {
      scaled = n;
      return k;
    }
  }
  return -1;
}

/** The numerator found by the last successful {@link scaleOf}. */
export function lastScaled(): number {
  return scaled;
}

/** The integer n = x × 10^k, for k = {@link scaleOf}(x) ≥ 0. */
export function scaledBy(x: number, k: number): number {
  return k === 0 ? x : Math.round(x * (POW10[k] as number));
}

/** A decimal string whose digits before the exponent are not all zero. */
const NONZERO_MANTISSA = /^[+-]?[0-9.]*[1-9]/;
/** The smallest magnitude decimal.js holds: what an underflowing decimal string stands for. */
const UNDERFLOW = /*@__PURE__*/ new Dec(`1e${Dec.minE}`);
const SIMPLE_DECIMAL = /^(-?)(\d{1,16})(?:\.(\d{1,9}))?$/;
export { DECIMAL_STRING };

/**
 * Turns a JSON number or decimal string into a {@link Value}. The caller has checked
 * the input (schema); a string that is not a decimal yields `null`.
 */
export function toValue(x: number | string): Value | null {
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) return null;
    return scaleOf(x) >= 0 ? x : new Dec(x);
  }
  const m = SIMPLE_DECIMAL.exec(x);
  if (m) {
    const frac = m[3] ?? '';
    const n = Number(m[2]! + frac);
    if (n <= MAX_SCALED) {
      const v = n / (POW10[frac.length] as number);
      return m[1] ? (v === 0 ? 0 : -v) : v;
    }
  }
  if (!DECIMAL_STRING.test(x)) return null;
  const d = new Dec(x);
  // An exponent past decimal.js's limits underflows to 0 ("1e-99999999999999999"): keep it
  // a non-zero value below every supported magnitude, so it is rejected like 1e-31.
  if (d.isZero() && NONZERO_MANTISSA.test(x)) return new Dec(x.startsWith('-') ? UNDERFLOW.neg() : UNDERFLOW);
  const back = d.toNumber();
  // Keep the fast form when the decimal is one of the common values.
  if (Number.isFinite(back) && scaleOf(back) >= 0 && new Dec(back).eq(d)) return back === 0 ? 0 : back;
  return d;
}

function dec(v: Value): Decimal {
  return typeof v === 'number' ? new Dec(v) : v;
}

/** Normalises a decimal result back to the fast form when it is a common value. */
function fromDec(d: Decimal): Value {
  const n = d.toNumber();
  if (Number.isFinite(n) && scaleOf(n) >= 0 && new Dec(n).eq(d)) return n === 0 ? 0 : n;
  return d;
}

/** a + b, exactly. */
export function add(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const ka = scaleOf(a);
    const kb = scaleOf(b);
    if (ka >= 0 && kb >= 0) {
      const na = scaledBy(a, ka);
      const nb = scaledBy(b, kb);
      const k = ka > kb ? ka : kb;
      const x = na * (POW10[k - ka] as number);
      const y = nb * (POW10[k - kb] as number);
      const s = x + y;
      if (Math.abs(x) <= MAX_OPERAND && Math.abs(y) <= MAX_OPERAND && Math.abs(s) <= MAX_SCALED) {
        const v = s / (POW10[k] as number);
        return v === 0 ? 0 : v;
      }
    }
  }
  return fromDec(dec(a).plus(dec(b)));
}

/** a − b, exactly. */
export function sub(a: Value, b: Value): Value {
  return add(a, negate(b));
}

/** −a. */
function negate(a: Value): Value {
  return typeof a === 'number' ? (a === 0 ? 0 : -a) : a.neg();
}

/** a ÷ n for a positive integer n (an average), exact to 100 significant digits. */
export function divideByCount(a: Value, n: number): Value {
  if (n === 1) return a;
  return fromDec(dec(a).div(n));
}

/** Compares two values: -1, 0 or 1. */
export function compare(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return dec(a).cmp(dec(b));
}

/** The nearest double. */
export function toNumber(v: Value): number {
  if (typeof v === 'number') return v === 0 ? 0 : v;
  const n = v.toNumber();
  return n === 0 ? 0 : n;
}

/** The value as a plain decimal string, for messages. */
export function toText(v: Value): string {
  return typeof v === 'number' ? String(v) : v.toString();
}

const MIN_MAGNITUDE = /*@__PURE__*/ new Dec('1e-30');
const MAX_MAGNITUDE = /*@__PURE__*/ new Dec('1e30');

/** Whether a value is zero or has a magnitude from 1e-30 to 1e30. */
export function isInSupportedRange(v: Value): boolean {
  if (typeof v === 'number') {
    const m = Math.abs(v);
    return m === 0 || (m >= 1e-30 && m <= 1e30);
  }
  if (v.isZero()) return true;
  const m = v.abs();
  return m.gte(MIN_MAGNITUDE) && m.lte(MAX_MAGNITUDE);
}
