// Rounding a double as people round its decimal form, on the decimal digits themselves,
// so the formatters need no decimal library (a bundle with only formatScore stays small).

/** The decimal form of a finite double as digits × 10^exponent (the digits without leading zeros). */
function decimalOf(x: number): { readonly negative: boolean; readonly digits: string; readonly exponent: number } {
  // String(x) is the shortest decimal that reads back as x: 0.285, 1e-7, 1.5e+21.
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  const [, sign = '', whole = '0', fraction = '', power = '0'] = match ?? [];
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  return { negative: sign === '-', digits, exponent: Number(power) - fraction.length };
}

/**
 * `x × 10^shift` rounded to `places` decimal places, half away from zero, computed on the
 * shortest decimal form of `x` (0.285 × 100 is 28.5, which rounds to 29), then read back
 * as the nearest double. The result is what decimal.js gives for
 * `new Decimal(x).times(10 ** shift).toDecimalPlaces(places, ROUND_HALF_UP).toNumber()`.
 *
 * @param x - A finite number.
 * @param shift - The power of ten to multiply by (0 or 2).
 * @param places - Digits after the decimal point to keep, 0 or more.
 */
export function roundDecimalHalfUp(x: number, shift: number, places: number): number {
  const { negative, digits, exponent } = decimalOf(x);
  const scaled = exponent + shift;
  const drop = -places - scaled;
  const sign = negative ? '-' : '';
  if (drop <= 0) return Number(`${sign}${digits}e${scaled}`);
  const keep = digits.length - drop;
  const kept = keep > 0 ? BigInt(digits.slice(0, keep)) : 0n;
  const roundsUp = keep >= 0 && Number(digits.charAt(keep)) >= 5;
  return Number(`${sign}${kept + (roundsUp ? 1n : 0n)}e${-places}`);
}
