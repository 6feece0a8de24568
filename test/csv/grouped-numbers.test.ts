import { test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNumber } from '../../src/csv/cells.js';
import { readPlanCsv } from '../../src/csv/index.js';

// A mark found twice in groups of three can only group thousands: read without a setting.
describe('grouped thousands read without the decimal setting (a ; file, or vi)', () => {
  it.each([
    ['1.500.000', 1500000],
    ['1,500,000', 1500000],
    ['1.500.000,5', 1500000.5],
    ['1,500,000.5', 1500000.5],
    ['-12.345.678,25', -12345678.25],
    ['+999,999,999.125', 999999999.125],
    ['1.000.000.000.000.000.000.000,1', '1000000000000000000000.1'],
  ] as const)('reads %s as %s', (text, value) => {
    expect(readNumber(text, 'unknown')).toEqual({ ok: true, value });
  });

  it('a ; table with 1.500.000 in it reads without --decimal; one group (1.500) or a mixed grouping is still an error at its cell', () => {
    const head = 'id;objectiveId;title;kind;start;target\r\n';
    const read = readPlanCsv({ 'key-results.csv': `${head}k1;o1;Doanh thu;metric;0;1.500.000\r\nk2;o1;Chi phí;metric;1.500.000,5;0\r\n` });
    expect(read.input.keyResults?.map((k) => ('target' in k ? [k.start, k.target] : []))).toEqual([[0, 1500000], [1500000.5, 0]]);
    expect(() => readPlanCsv({ 'key-results.csv': `${head}k1;o1;Doanh thu;metric;0;1.500\r\nk2;o1;Chi phí;metric;0;1.500,000.5\r\n` })).toThrow(
      /key-results\.csv[\s\S]*"1\.500"[\s\S]*"1\.500,000\.5"/,
    );
  });

  /** A number ≥ 1,000,000 (so two group marks or more) with up to 6 decimals, and its exact value. */
  const bigArb = fc.tuple(fc.bigInt({ min: 1_000_000n, max: 10n ** 24n }), fc.stringMatching(/^\d{0,6}$/), fc.boolean());
  const grouped = (whole: bigint, group: string): string => whole.toString().replace(/\B(?=(\d{3})+$)/g, group);

  test.prop([bigArb, fc.constantFrom<',' | '.'>(',', '.')])('formatted with grouping in either convention, it reads back exactly without a setting', ([whole, decimals, negative], mark) => {
    const group = mark === ',' ? '.' : ',';
    const text = `${negative ? '-' : ''}${grouped(whole, group)}${decimals === '' ? '' : `${mark}${decimals}`}`;
    const read = readNumber(text, 'unknown');
    expect(read.ok).toBe(true);
    const exact = new Decimal(`${negative ? '-' : ''}${whole.toString()}${decimals === '' ? '' : `.${decimals}`}`);
    if (read.ok) expect([text, new Decimal(String(read.value)).eq(exact)]).toEqual([text, true]);
    // And the same with the setting that names the mark.
    const told = readNumber(text, mark);
    if (told.ok) expect(new Decimal(String(told.value)).eq(exact)).toBe(true);
    else expect.unreachable(text);
  });
});
