import { describe, expect, it } from 'vitest';
import { formatScore, OkrkitError, toScale } from '../../src/index.js';

describe('toScale and formatScore', () => {
  it('shows a score on the 0–100 scale by default, rounding as people do', () => {
    expect(toScale(0.285)).toBe(29);
    expect(toScale(0.7666666666666667)).toBe(77);
    expect(toScale(1.25)).toBe(125);
    expect(toScale(0.6667, { digits: 1 })).toBe(66.7);
    expect(toScale(0.125, { scale: 'fraction', digits: 2 })).toBe(0.13);
  });

  it('formats fractions, hundreds and percents, and a dash for no score', () => {
    expect(formatScore(0.725)).toBe('73');
    expect(formatScore(0.725, { scale: 'percent' })).toBe('73%');
    expect(formatScore(0.725, { scale: 'fraction' })).toBe('0.73');
    expect(formatScore(0.7, { scale: 'percent', digits: 1 })).toBe('70.0%');
    expect(formatScore(null)).toBe('–');
    expect(formatScore(null, { empty: 'n/a' })).toBe('n/a');
  });

  it('rejects NaN, Infinity and bad digits with an OkrkitError', () => {
    expect(() => formatScore(Number.NaN)).toThrowErrorMatchingInlineSnapshot(`[OkrkitError: okrkit: invalid argument: score must be a finite number or null, got NaN]`);
    expect(() => toScale(Infinity)).toThrow(OkrkitError);
    expect(() => toScale(0.5, { digits: 1.5 })).toThrow(/digits must be an integer/);
  });
});
