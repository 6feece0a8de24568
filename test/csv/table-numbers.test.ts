import { test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlanCsv, writePlanCsv } from '../../src/csv/index.js';
import { parsePlan, type Plan } from '../../src/index.js';
import { thrown } from '../builders.js';
import { python, readWithPython } from './python-csv.js';

// The table files' numbers: a ;-separated file may be Excel's with a decimal comma, so it is
// read without guessing (1.500 is an error, not 1.5), and writePlanCsv writes numbers that
// its reader takes back exactly with either separator.

const problems = (call: () => unknown) => thrown(call).issues.map((i) => [i.path, i.messageKey, i.params.value]);
const HEAD = 'id;objectiveId;title;kind;start;target';
const targets = (files: Record<string, string>, decimal?: ',' | '.') =>
  (readPlanCsv(files, decimal === undefined ? {} : { decimal }).input.keyResults ?? []).map((k) => ('target' in k ? k.target : undefined));

describe('a ;-separated table file read without the decimal setting', () => {
  it('names 1.500 at its cell instead of reading 1.5; with decimal "," it is 1500, with "." 1.5', () => {
    const files = { 'key-results.csv': `${HEAD}\r\nk1;o1;Revenue;metric;0;1.500\r\nk2;o1;Cost;metric;0;123,456\r\n` };
    expect(problems(() => readPlanCsv(files))).toEqual([
      [['key-results.csv', 2, 'target'], 'csv.numberAmbiguous', '1.500'],
      [['key-results.csv', 3, 'target'], 'csv.numberAmbiguous', '123,456'],
    ]);
    expect(targets(files, ',')).toEqual([1500, 123.456]);
    expect(targets(files, '.')).toEqual([1.5, 123456]);
  });

  it('a tab-separated file too, while a ,-separated one keeps its decimal point', () => {
    const tab = { 'key-results.csv': `${HEAD.replaceAll(';', '\t')}\nk1\to1\tRevenue\tmetric\t0\t1.500\n` };
    expect(problems(() => readPlanCsv(tab))).toEqual([[['key-results.csv', 2, 'target'], 'csv.numberAmbiguous', '1.500']]);
    expect(targets({ 'key-results.csv': `${HEAD.replaceAll(';', ',')}\nk1,o1,Revenue,metric,0,1.500\n` })).toEqual([1.5]);
  });

  it('reads each file in its own context: a ; file beside a , file', () => {
    const files = {
      'key-results.csv': `${HEAD}\r\nk1;o1;Revenue;metric;0,5;1234.125\r\n`,
      'check-ins.csv': 'keyResultId,at,value\r\nk1,2026-08-01,1.500\r\n',
    };
    const read = readPlanCsv(files).input;
    expect(read.keyResults).toEqual([{ id: 'k1', objectiveId: 'o1', title: 'Revenue', kind: 'metric', start: 0.5, target: 1234.125 }]);
    expect(read.checkIns).toEqual([{ keyResultId: 'k1', at: '2026-08-01', value: 1.5 }]);
  });
});

/** A plan with the given numbers as key results' starts, targets, weights and check-in values. */
const planWith = (values: readonly (number | string)[]): Plan =>
  parsePlan({
    cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }],
    objectives: [{ id: 'o1', title: 'Grow', cycleId: 'q3' }],
    keyResults: values.map((v, i) => ({ id: `k${i}`, objectiveId: 'o1', title: `KR ${i}`, kind: 'metric', start: v, target: (i + 1) * 1000 + 0.5, weight: typeof v === 'number' ? Math.abs(v) : 1 })),
    checkIns: values.map((v, i) => ({ keyResultId: `k${i}`, at: '2026-08-01', value: v })),
  });

/** Exact numbers, many of them written like grouped thousands (`123.456`), and decimals a double cannot hold. */
const numberArb = fc.oneof(
  fc.tuple(fc.integer({ min: -999, max: 999 }), fc.integer({ min: 0, max: 999 })).map(([w, f]) => Number(`${w}.${String(f).padStart(3, '0')}`)),
  fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.stringMatching(/^\d{1,6}$/)).map(([w, f]) => Number(`${w}.${f}`)),
  fc.double({ min: -1e25, max: 1e25, noNaN: true }).filter((v) => v === 0 || Math.abs(v) >= 1e-30),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.stringMatching(/^\d{17}[1-9]$/)).map(([w, f]) => `${w}.${f}`),
).filter((v) => !Object.is(v, -0));
/** Each separator with each decimal mark it may write (`,` and `,` is refused), and whether the reader is told the mark. */
const settingsArb = fc
  .record({ separator: fc.constantFrom<',' | ';'>(',', ';'), decimal: fc.constantFrom<',' | '.' | undefined>(undefined, ',', '.'), told: fc.boolean() })
  .filter(({ separator, decimal }) => !(separator === ',' && decimal === ','));

describe('writePlanCsv writes numbers its reader takes back exactly', () => {
  it('gives a number that could be grouped thousands a trailing zero in a ; file only, with the decimal comma by default there', () => {
    const plan = planWith([123.456, -1.5, 100.001, 1234.125, 0.125, 12]);
    const semi = writePlanCsv(plan, { separator: ';', bom: false })['check-ins.csv']!.split('\r\n').slice(1, -1).map((l) => l.split(';').at(-1));
    // A cell with a comma is quoted in either separator (RFC 4180 quoting of both separators).
    expect(semi).toEqual(['"123,4560"', '"-1,5"', '"100,0010"', '"1234,125"', '"0,125"', '12']);
    const point = writePlanCsv(plan, { separator: ';', decimal: '.', bom: false })['check-ins.csv']!.split('\r\n').slice(1, -1).map((l) => l.split(';').at(-1));
    expect(point).toEqual(['123.4560', '-1.5', '100.0010', '1234.125', '0.125', '12']);
    const comma = writePlanCsv(plan, { bom: false })['check-ins.csv']!.split('\r\n').slice(1, -1).map((l) => l.split(',').at(-1));
    expect(comma).toEqual(['123.456', '-1.5', '100.001', '1234.125', '0.125', '12']);
  });

  test.prop([fc.array(numberArb, { minLength: 1, maxLength: 12 }), settingsArb], { numRuns: 200 })(
    'plan → CSV tables (each separator) → plan (without and with the decimal setting) is the identity',
    (values, { separator, decimal, told }) => {
      const plan = planWith(values);
      const before = structuredClone(plan);
      const files = writePlanCsv(plan, { separator, ...(decimal === undefined ? {} : { decimal }) });
      expect(plan).toEqual(before);
      const mark = decimal ?? (separator === ';' ? ',' : '.');
      // No number is grouped: the only marks in a number cell are the decimal one (and an exponent's sign).
      expect(parsePlan(readPlanCsv(files, told ? { decimal: mark } : {}).input)).toEqual(plan);
    },
  );

  it.skipIf(!python)("Python's csv module reads each number cell of a ; file as the plan's number", () => {
    const values = fc.sample(numberArb, { numRuns: 300, seed: 16_2026 });
    const plan = planWith(values);
    const rows = readWithPython({ 'check-ins.csv': writePlanCsv(plan, { separator: ';' })['check-ins.csv']! }, ';')['check-ins.csv']!;
    expect(rows[0]).toEqual(['id', 'keyResultId', 'at', 'value']);
    const cells = rows.slice(1).map((r) => r[3]!);
    expect(cells.length).toBe(values.length);
    cells.forEach((cell, i) => expect([cell, new Decimal(cell.replace(',', '.')).eq(new Decimal(String(values[i])))]).toEqual([cell, true]));
    // A decimal comma, never a point or grouping, and none of them has the look of grouped thousands.
    expect(cells.filter((c) => c.includes('.') || c.split(',').length > 2)).toEqual([]);
    expect(cells.filter((c) => /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/.test(c))).toEqual([]);
  });
});
