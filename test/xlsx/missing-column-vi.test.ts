import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { localizeIssue } from '../../src/index.js';
import { readPlanXlsx } from '../../src/xlsx/index.js';
import { rejection } from './helpers.js';

// A workbook made by another program whose flat sheet lacks a column: under locale vi the
// problem names the column by its Vietnamese header too, as readPlanSheet does for CSV.
function bookWithout(): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet([['Mục tiêu', 'Chu kỳ'], ['Tăng doanh thu', 'Q4 2026']]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'OKR');
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
}

describe('readPlanXlsx: a missing column under locale vi', () => {
  it('names the column in Vietnamese and English', async () => {
    const error = await rejection(readPlanXlsx(bookWithout(), { file: 'okr.xlsx', locale: 'vi' }));
    const missing = error.issues.find((i) => i.code === 'missing');
    expect(missing?.messageKey).toBe('csv.missingColumnBilingual');
    expect(missing === undefined ? '' : localizeIssue(missing, 'vi').message).toMatch(/"kết quả then chốt" \(key result\)/);
  });

  it('names it in English without a locale', async () => {
    const error = await rejection(readPlanXlsx(bookWithout(), { file: 'okr.xlsx' }));
    expect(error.issues.find((i) => i.code === 'missing')?.messageKey).toBe('csv.missingColumn');
  });
});
