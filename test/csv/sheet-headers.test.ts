import { describe, expect, it } from 'vitest';
import { CsvProblems } from '../../src/csv/rows.js';
import { readPlanSheet } from '../../src/csv/index.js';
import { fieldOfHeader, mapHeaders, normalHeader } from '../../src/csv/sheet-headers.js';
import { localizeIssue } from '../../src/messages/localize.js';
import { thrown } from '../builders.js';

const row = (...cells: string[]) => ({ line: 2, cells });

describe('sheet headers', () => {
  it.each([
    ['Objective', 'objective'],
    ['KR', 'keyResult'],
    ['Key Results', 'keyResult'],
    ['baseline', 'start'],
    ['Actual', 'current'],
    ['Quarter', 'cycle'],
    ['team', 'department'],
    ['supports', 'parent'],
    ['As of', 'updated'],
  ])('reads the English alias %s as %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it.each([
    ['Mục tiêu', 'objective'],
    ['Kết quả then chốt', 'keyResult'],
    ['ket qua then chot', 'keyResult'],
    ['Giá trị ban đầu', 'start'],
    ['Chỉ tiêu', 'target'],
    ['Thực tế', 'current'],
    ['Trọng số', 'weight'],
    ['Người phụ trách', 'owner'],
    ['Quý', 'cycle'],
    ['Phòng ban', 'department'],
    ['Mục tiêu cấp trên', 'parent'],
    ['ĐVT', 'measure'],
    ['Ngày cập nhật', 'updated'],
  ])('reads the Vietnamese header %s as %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it('compares headers composed, trimmed, in lower case and with single spaces', () => {
    // "Mục tiêu" with its marks decomposed (NFD), as some exports write it.
    expect(fieldOfHeader('  MỤC   TIÊU '.normalize('NFD'))).toBe('objective');
    expect(normalHeader(' Key\tResult ')).toBe('key result');
    expect(fieldOfHeader('STT')).toBeUndefined();
    expect(fieldOfHeader('constructor')).toBeUndefined();
  });

  it('finds cells by field and names columns as the sheet writes them', () => {
    const problems = new CsvProblems();
    const columns = mapHeaders(['STT', 'Mục tiêu', 'KR', 'Chỉ tiêu', 'Chu kỳ'], 'okr.csv', problems);
    expect(problems.list).toEqual([]);
    expect(columns.cell(row('1', ' Grow ', 'Revenue', '20', 'Q3 2026'), 'objective')).toBe('Grow');
    expect(columns.cell(row('1', 'Grow'), 'target')).toBe('');
    expect(columns.cell(row('1', 'Grow'), 'owner')).toBe('');
    expect(columns.column('target')).toBe('Chỉ tiêu');
    expect(columns.column('owner')).toBe('owner');
  });

  it('reports every missing required column on line 1, after any column named twice', () => {
    const problems = new CsvProblems();
    mapHeaders(['owner', 'Owner', 'Chỉ tiêu'], 'okr.csv', problems);
    expect(problems.list.map((i) => [i.path, i.code, i.messageKey, i.params.column])).toEqual([
      [['okr.csv', 1, 'Owner'], 'csv_syntax', 'csv.duplicateColumn', 'Owner'],
      [['okr.csv', 1], 'missing', 'csv.missingColumn', 'objective'],
      [['okr.csv', 1], 'missing', 'csv.missingColumn', 'key result'],
      [['okr.csv', 1], 'missing', 'csv.missingColumn', 'cycle'],
    ]);
  });

  it('reads the last of two columns for one field', () => {
    const columns = mapHeaders(['objective', 'key result', 'target', 'cycle', 'Mục tiêu'], 'okr.csv', new CsvProblems());
    expect(columns.cell(row('A', 'K', '1', 'Q3 2026', 'B'), 'objective')).toBe('B');
    expect(columns.column('objective')).toBe('Mục tiêu');
  });
});

describe('a missing column under the vi locale', () => {
  const sheet = 'STT;Chỉ tiêu;Hiện tại\n1;20;12\n';
  const missing = (locale?: 'en' | 'vi') =>
    thrown(() => readPlanSheet(sheet, locale === undefined ? {} : { locale })).issues.map((i) => [localizeIssue(i, 'en').message, localizeIssue(i, 'vi').message]);

  it('is named by its Vietnamese header (and its English one), in either language the problem is shown', () => {
    expect(missing('vi')).toEqual([
      ['The sheet needs the column "objective" ("mục tiêu" in Vietnamese).', 'Bảng tính cần có cột "mục tiêu" (objective).'],
      ['The sheet needs the column "key result" ("kết quả then chốt" in Vietnamese).', 'Bảng tính cần có cột "kết quả then chốt" (key result).'],
      ['The sheet needs the column "cycle" ("chu kỳ" in Vietnamese).', 'Bảng tính cần có cột "chu kỳ" (cycle).'],
    ]);
  });

  it('each Vietnamese name is a header the reader knows for that column', () => {
    for (const i of thrown(() => readPlanSheet('x\n1\n', { locale: 'vi' })).issues) {
      const { column, vi } = i.params;
      expect([vi, fieldOfHeader(String(vi))]).toEqual([vi, fieldOfHeader(String(column))]);
    }
  });

  it('stays as it was without the locale or under en', () => {
    for (const locale of [undefined, 'en'] as const) expect(missing(locale).map(([en]) => en)).toEqual(['objective', 'key result', 'cycle'].map((c) => `The sheet needs the column "${c}".`));
  });
});
