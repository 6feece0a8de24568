import { describe, expect, it } from 'vitest';
import { readPlanCsv, readPlanSheet } from '../../src/csv/index.js';
import { localizeIssue } from '../../src/messages/localize.js';
import { thrown } from '../builders.js';

// Each problem's hint fits the reading it comes from: no "dot for decimals" where the mark is
// not known, and no day-first hint for a date that is not written day/month/year.

/** Each problem as [column, key, English text, Vietnamese text]. */
const hints = (call: () => unknown) =>
  thrown(call).issues.map((i) => [i.path[2], i.messageKey, localizeIssue(i, 'en').message, localizeIssue(i, 'vi').message]);

const SEMI = 'objective;key result;start;target;current;cycle;updated';

describe('number hints', () => {
  it('in a ;-separated sheet (the mark unknown) a cell that is no number asks for the decimal setting, not for a dot', () => {
    const [start, target] = hints(() => readPlanSheet(`${SEMI}\nA;B;abc;1.2.3;;Q3 2026;\n`));
    for (const [column, cell] of [[start, 'abc'], [target, '1.2.3']] as const) {
      expect(column?.slice(0, 2)).toEqual([cell === 'abc' ? 'start' : 'target', 'csv.numberUnknown']);
      const [en, vi] = [String(column?.[2]), String(column?.[3])];
      expect(en).toContain(`"${cell}"`);
      expect(en).toContain('--decimal , or --decimal .');
      expect(en).not.toMatch(/dot for decimals/);
      expect(vi).toContain(`"${cell}"`);
      expect(vi).toContain('--decimal , hoặc --decimal .');
      expect(vi).not.toMatch(/dấu chấm cho phần thập phân/);
    }
  });

  it('in a ;-separated table file too; a ,-separated one keeps the decimal-point hint, which is right there', () => {
    const semi = hints(() => readPlanCsv({ 'key-results.csv': 'id;target\nk1;abc\n' }));
    expect(semi.map((h) => h[1])).toEqual(['csv.numberUnknown']);
    const comma = hints(() => readPlanCsv({ 'key-results.csv': 'id,target\nk1,abc\n' }));
    expect(comma.map((h) => [h[1], h[2]])).toEqual([['csv.number', 'Expected a number such as 1234.5 (a dot for decimals, no thousands separators), got "abc".']]);
  });

  it('with the decimal setting a cell that is no number gets the hint of that setting', () => {
    const comma = hints(() => readPlanSheet(`${SEMI}\nA;B;0;abc;;Q3 2026;\n`, { decimal: ',' }));
    expect(comma.map((h) => h.slice(0, 3))).toEqual([['target', 'csv.numberComma', 'Expected a number with a decimal comma such as 1.234,5 or 0,5 (the decimal setting is ","), got "abc".']]);
    expect(String(comma[0]?.[3])).toContain('dấu phẩy thập phân');
    const point = hints(() => readPlanSheet(`${SEMI}\nA;B;0;abc;;Q3 2026;\n`, { decimal: '.' }));
    expect(point.map((h) => h[1])).toEqual(['csv.numberPoint']);
  });
});

describe('date hints', () => {
  it('2026-13-01 in a day-first column is "not a date", not a day/month/year hint', () => {
    // 15/11/2026 makes the column day first; 2026-13-01 is yyyy-mm-dd with a month 13.
    const found = hints(() => readPlanSheet(`${SEMI}\nA;B;0;10;5;Q4 2026;15/11/2026\nA;C;0;10;5;Q4 2026;2026-13-01\n`));
    expect(found).toEqual([
      [
        'updated',
        'csv.date',
        'Expected a date such as 2026-11-15 (or 15/11/2026 with the date format dd/mm/yyyy), got "2026-13-01".',
        'Cần một ngày như 2026-11-15 (hoặc 15/11/2026 với định dạng ngày dd/mm/yyyy), nhận được "2026-13-01".',
      ],
    ]);
    const set = hints(() => readPlanSheet(`${SEMI}\nA;C;0;10;5;Q4 2026;2026-13-01\n`, { dateFormat: 'dd/mm/yyyy' }));
    expect(set.map((h) => h[1])).toEqual(['csv.date']);
  });

  it('a date written with slashes that is no day/month/year keeps the day-first hint, in both languages', () => {
    const found = hints(() => readPlanSheet(`${SEMI}\nA;B;0;10;5;Q4 2026;31/02/2026\n`));
    expect(found).toEqual([
      [
        'updated',
        'csv.dateDayFirst',
        'Expected a date written day/month/year such as 15/11/2026, got "31/02/2026".',
        'Cần một ngày ghi theo ngày/tháng/năm như 15/11/2026, nhận được "31/02/2026".',
      ],
    ]);
  });
});
