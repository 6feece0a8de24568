import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readNumber } from '../../src/csv/cells.js';
import { cycleFromLabel } from '../../src/csv/cycle-label.js';
import { readPlanCsv, readPlanSheet, type CsvPlan } from '../../src/csv/index.js';
import { fieldOfHeader } from '../../src/csv/sheet-headers.js';
import { parsePlan } from '../../src/index.js';
import { thrown } from '../builders.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/local-formats/${name}`, import.meta.url), 'utf8');
const HEAD = 'objective;key result;start;target;current;cycle;updated';
const sheet = (...rows: string[]) => [HEAD, ...rows].join('\r\n');
/** The target of the first key result read. */
const target = (read: CsvPlan): unknown => {
  const kr = read.input.keyResults?.[0];
  return kr !== undefined && 'target' in kr ? kr.target : undefined;
};
const problems = (call: () => unknown) => thrown(call).issues.map((i) => [i.path, i.messageKey, i.params.value]);

describe('numbers with a decimal comma or point', () => {
  it.each([
    ['1,500.5', '.', 1500.5],
    ['1.500', '.', 1.5],
    ['-1,234,567.25', '.', -1234567.25],
    ['1.500,5', ',', 1500.5],
    ['0,5', ',', 0.5],
    ['1.500', ',', 1500],
    ['12.345.678,5', ',', 12345678.5],
    ['0,1234567890123456789', ',', '0.1234567890123456789'],
  ] as const)('reads %s with decimal "%s" as %s', (text, decimal, value) => {
    expect(readNumber(text, decimal)).toEqual({ ok: true, value });
  });

  it.each([
    ['1,50', '.', 'csv.numberPoint'],
    ['1.5', ',', 'csv.numberComma'],
    ['1,5.0', ',', 'csv.numberComma'],
    ['abc', ',', 'csv.numberComma'],
    ['abc', '.', 'csv.numberPoint'],
    ['abc', 'point', 'csv.number'],
    ['abc', 'unknown', 'csv.numberUnknown'],
    ['1.2.3', 'unknown', 'csv.numberUnknown'],
    ['0.500', ',', 'csv.numberComma'],
    ['1.500', 'unknown', 'csv.numberAmbiguous'],
    ['1,500', 'unknown', 'csv.numberAmbiguous'],
    ['123.456', 'unknown', 'csv.numberAmbiguous'],
    ['-999,999', 'unknown', 'csv.numberAmbiguous'],
    ['1.500,5', 'unknown', 'csv.numberAmbiguous'],
    ['1.500.00', 'unknown', 'csv.numberUnknown'],
    ['1.500,000.5', 'unknown', 'csv.numberUnknown'],
    ['1.500.000.5', 'unknown', 'csv.numberUnknown'],
    ['1,500,000,5', 'unknown', 'csv.numberUnknown'],
    ['0.500.000', 'unknown', 'csv.numberUnknown'],
    ['1.500.000', 'point', 'csv.number'],
    ['1,500,000', 'point', 'csv.numberAmbiguous'],
    ['1,500.5', 'unknown', 'csv.numberAmbiguous'],
    ['1,500', 'point', 'csv.numberAmbiguous'],
    ['12,5', 'point', 'csv.numberAmbiguous'],
  ] as const)('refuses %s in context %s, echoing it', (text, context, key) => {
    const read = readNumber(text, context);
    expect(read.ok).toBe(false);
    if (!read.ok) expect([read.message.key, read.message.params?.value]).toEqual([key, text]);
  });

  it('reads a number with one mark when the mark cannot be grouping thousands, the mark being unknown', () => {
    const texts = ['0,5', '2.75', '12', '-3,25', '1.5e3', '1234.125', '0.125', '1.5000', '1234,125', '0,500', '-0.125', '12.3456'];
    expect(texts.map((t) => readNumber(t, 'unknown'))).toEqual([0.5, 2.75, 12, -3.25, 1500, 1234.125, 0.125, 1.5, 1234.125, 0.5, -0.125, 12.3456].map((value) => ({ ok: true, value })));
  });

  it('keeps the dot decimal of a ,-separated sheet without the setting, and refuses 1.500 in a ;-separated one', () => {
    const comma = readPlanSheet('objective,key result,target,cycle\nA,B,1.500,Q3 2026\n');
    expect(target(comma)).toBe(1.5);
    expect(problems(() => readPlanSheet(sheet('A;B;0;1.500;;Q3 2026;'), { file: 'vi.csv' }))).toEqual([[['vi.csv', 2, 'target'], 'csv.numberAmbiguous', '1.500']]);
    expect(problems(() => readPlanSheet('objective,key result,target,cycle\nA,B,1.500,Q3 2026\n', { file: 'vi.csv', locale: 'vi' }))).toEqual([
      [['vi.csv', 2, 'target'], 'csv.numberAmbiguous', '1.500'],
    ]);
    expect(target(readPlanSheet(sheet('A;B;0;1.500;;Q3 2026;'), { decimal: ',' }))).toBe(1500);
    expect(target(readPlanSheet(sheet('A;B;0;1.500;;Q3 2026;'), { decimal: '.' }))).toBe(1.5);
  });

  it('reads the tables with the setting too, and refuses a bad setting', () => {
    const files = { 'key-results.csv': 'id;objectiveId;title;kind;start;target\nk1;o1;Revenue;metric;0,5;1.500,25\n' };
    expect(readPlanCsv(files, { decimal: ',' }).input.keyResults).toEqual([{ id: 'k1', objectiveId: 'o1', title: 'Revenue', kind: 'metric', start: 0.5, target: 1500.25 }]);
    // Without it a ;-separated table is read as a ;-separated sheet is: 0,5 is read, a number with two marks is an error.
    expect(problems(() => readPlanCsv(files))).toEqual([[['key-results.csv', 2, 'target'], 'csv.numberAmbiguous', '1.500,25']]);
    expect(thrown(() => readPlanCsv(files, { decimal: ';' as never })).code).toBe('invalid_argument');
    // Without the setting, the tables are read as writePlanCsv writes them (a decimal point), with either separator.
    const own = { 'key-results.csv': 'id;objectiveId;title;kind;start;target\nk1;o1;Revenue;metric;0;0.125\n' };
    expect(readPlanCsv(own).input.keyResults).toEqual([{ id: 'k1', objectiveId: 'o1', title: 'Revenue', kind: 'metric', start: 0, target: 0.125 }]);
    expect(thrown(() => readPlanSheet(sheet(), { decimal: 'comma' as never })).code).toBe('invalid_argument');
  });

  /** An exact decimal written with thousands groups and either decimal mark. */
  const decimalArb = fc.record({
    negative: fc.boolean(),
    whole: fc.bigInt({ min: 0n, max: 10n ** 15n }),
    fraction: fc.stringMatching(/^\d{0,20}$/),
  });
  const written = (d: { negative: boolean; whole: bigint; fraction: string }, mark: ',' | '.') => {
    const group = mark === ',' ? '.' : ',';
    const whole = d.whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, group);
    return `${d.negative ? '-' : ''}${whole}${d.fraction === '' ? '' : `${mark}${d.fraction}`}`;
  };
  const plain = (d: { negative: boolean; whole: bigint; fraction: string }) => `${d.negative ? '-' : ''}${d.whole}${d.fraction === '' ? '' : `.${d.fraction}`}`;

  test.prop([fc.stringMatching(/^-?[\d.,]{1,12}$/)], { numRuns: 1000 })('never guesses: without a setting, a number that reads differently with , and . is an error', (text) => {
    const comma = readNumber(text, ',');
    const point = readNumber(text, '.');
    const read = readNumber(text, 'unknown');
    if (comma.ok && point.ok && comma.value !== point.value) expect(read.ok).toBe(false);
    // With one mark, the number is read exactly when only one of the two readings is possible.
    const marks = text.replace(/[^.,]/g, '');
    if (marks.length === 1 && comma.ok !== point.ok) expect(read).toEqual(comma.ok ? comma : point);
    if (marks.length === 1) expect(read.ok).toBe(comma.ok !== point.ok);
    // Whatever is read is what one of the settings reads.
    if (read.ok) expect([comma, point].filter((r) => r.ok).map((r) => r.ok && r.value)).toContain(read.value);
    // A ,-separated sheet without the setting reads a decimal point, as before, and nothing with a comma.
    const legacy = readNumber(text, 'point');
    if (legacy.ok) expect(legacy).toEqual(point);
    if (text.includes(',')) expect(legacy.ok).toBe(false);
  });

  test.prop([decimalArb, fc.constantFrom<',' | '.'>(',', '.')], { numRuns: 300 })('a number written with either setting reads back exactly', (d, mark) => {
    const read = readNumber(written(d, mark), mark);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const expected = plain(d);
    // Exact: a number only when the double holds the decimal exactly, else the decimal text itself.
    if (typeof read.value === 'number') expect(read.value).toBe(Number(expected));
    else expect(read.value).toBe(expected);
    const sheetRead = readPlanSheet(sheet(`A;B;0;"${written(d, mark)}";;Q3 2026;`), { decimal: mark });
    expect(target(sheetRead)).toEqual(read.value);
  });
});

describe('dates written dd/mm/yyyy', () => {
  it('reads d/m/yyyy with the setting, and detects a column with a day above 12', () => {
    const rows = ['A;B;0;10;5;Q4 2026;5/11/2026', 'A;C;0;10;5;Q4 2026;15/11/2026'];
    expect(readPlanSheet(sheet(...rows)).input.checkIns?.map((c) => c.at)).toEqual(['2026-11-05', '2026-11-15']);
    expect(readPlanSheet(sheet(rows[0] ?? ''), { dateFormat: 'dd/mm/yyyy' }).input.checkIns?.map((c) => c.at)).toEqual(['2026-11-05']);
  });

  it('never guesses month/day, and echoes the value', () => {
    expect(problems(() => readPlanSheet(sheet('A;B;0;10;5;Q4 2026;5/11/2026'), { file: 's.csv' }))).toEqual([[['s.csv', 2, 'updated'], 'csv.dateAmbiguous', '5/11/2026']]);
    expect(problems(() => readPlanSheet(sheet('A;B;0;10;5;Q4 2026;11/25/2026'), { file: 's.csv', dateFormat: 'dd/mm/yyyy' }))).toEqual([
      [['s.csv', 2, 'updated'], 'csv.dateDayFirst', '11/25/2026'],
    ]);
    expect(problems(() => readPlanSheet(sheet('A;B;0;10;5;Q4 2026;15/11/2026'), { file: 's.csv', dateFormat: 'yyyy-mm-dd' }))).toEqual([
      [['s.csv', 2, 'updated'], 'csv.date', '15/11/2026'],
    ]);
    expect(problems(() => readPlanSheet(sheet('A;B;0;10;5;Q4 2026;31/02/2026'), { file: 's.csv' }))).toEqual([[['s.csv', 2, 'updated'], 'csv.dateDayFirst', '31/02/2026']]);
    expect(thrown(() => readPlanSheet(sheet(), { dateFormat: 'mm/dd/yyyy' as never })).code).toBe('invalid_argument');
  });

  it('reports every problem of a row: a wrong number does not hide a wrong date or cycle', () => {
    expect(problems(() => readPlanSheet(sheet('A;B;x;1.500;abc;Autumn;2026-13-45'), { file: 's.csv' }))).toEqual([
      [['s.csv', 2, 'cycle'], 'csv.cycle', 'Autumn'],
      [['s.csv', 2, 'start'], 'csv.numberUnknown', 'x'],
      [['s.csv', 2, 'target'], 'csv.numberAmbiguous', '1.500'],
      [['s.csv', 2, 'current'], 'csv.numberUnknown', 'abc'],
      [['s.csv', 2, 'updated'], 'csv.date', '2026-13-45'],
    ]);
  });
});

describe('bilingual headers and cycle labels', () => {
  it.each([
    ['Mục tiêu (Objective)', 'objective'],
    ['Objective (Mục tiêu)', 'objective'],
    ['Kết quả then chốt (Key result)', 'keyResult'],
    ['Chỉ tiêu (Target)', 'target'],
    ['Ngày cập nhật (Updated)', 'updated'],
    ['Revenue (bn VND)', undefined],
    ['Ghi chú (Notes)', undefined],
  ] as const)('%s is %s', (header, field) => expect(fieldOfHeader(header)).toBe(field));

  it.each(['Quý IV/2026', 'Quý 4 năm 2026', 'Q4/2026', 'Q4 2026', 'quý iv 2026', 'Quy 4 nam 2026', '2026-Q4', ' Quý  IV / 2026 ', 'Quy\u0301 IV/2026'])('%s is Q4 2026, named as written', (label) => {
    expect(cycleFromLabel(label)).toEqual({ id: '2026-q4', name: label.normalize('NFC').trim(), start: '2026-10-01', end: '2026-12-31' });
  });

  it('keeps the label as the cycle\'s name; two spellings of one quarter are one cycle, named by the first', () => {
    const read = readPlanSheet(sheet('A;B;0;10;;Quý IV/2026;', 'C;D;0;10;;Q4 2026;', 'E;F;0;10;;  Tháng 7/2026 ;'));
    expect(read.input.cycles).toEqual([
      { id: '2026-q4', name: 'Quý IV/2026', start: '2026-10-01', end: '2026-12-31' },
      { id: '2026-07', name: 'Tháng 7/2026', start: '2026-07-01', end: '2026-07-31' },
    ]);
    expect(read.input.objectives?.map((o) => o.cycleId)).toEqual(['2026-q4', '2026-q4', '2026-07']);
    // The other way round, the other name.
    expect(readPlanSheet(sheet('C;D;0;10;;Q4 2026;', 'A;B;0;10;;Quý IV/2026;')).input.cycles?.map((c) => c.name)).toEqual(['Q4 2026']);
  });

  it.each(['Quý V/2026', 'Quý IIII/2026', 'Quý 5 năm 2026', 'Q4 năm'])('%s is no cycle', (label) => expect(cycleFromLabel(label)).toBeNull());
});

describe('a sheet as Vietnamese Excel saves it (; separator, decimal comma, dd/mm/yyyy, bilingual headers)', () => {
  const text = fixture('vi-excel.csv');
  const expected: unknown = JSON.parse(fixture('vi-excel.json'));

  it('gives the same plan as the JSON, with the settings or by detection of the dates', () => {
    expect(readPlanSheet(text, { decimal: ',', dateFormat: 'dd/mm/yyyy' }).input).toEqual(expected);
    expect(readPlanSheet(text, { decimal: ',' }).input).toEqual(expected);
    expect(parsePlan(readPlanSheet(text, { decimal: ',' }).input)).toEqual(parsePlan(expected));
  });

  it('without the decimal setting, names each ambiguous cell instead of guessing (12.345.678,5 is not: two group marks)', () => {
    expect(problems(() => readPlanSheet(text, { file: 'vi-excel.csv' }))).toEqual([
      [['vi-excel.csv', 2, 'Chỉ tiêu'], 'csv.numberAmbiguous', '1.500'],
      [['vi-excel.csv', 5, 'Bắt đầu'], 'csv.numberAmbiguous', '1.250,75'],
      [['vi-excel.csv', 5, 'Hiện tại'], 'csv.numberAmbiguous', '2.000'],
    ]);
  });
});
