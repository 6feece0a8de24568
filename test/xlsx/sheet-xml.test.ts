import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { parsePlan } from '../../src/index.js';
import { readPlanXlsx } from '../../src/xlsx/index.js';
import { entriesOf, unzipped } from '../../src/xlsx/zip.js';
import { rejection, zip } from './helpers.js';

// A sheet's XML that exceljs reads wrong without a word, made from a SheetJS workbook
// edited by hand: refused with the cell or the row, never read.
function withSheetXml(edit: (xml: string) => string): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([['Objective', 'Key result', 'Start', 'Target', 'Cycle'], ['Grow', 'Revenue', 0, 15, 'Q4 2026'], ['Grow', 'Leads', 0, 20, 'Q4 2026']]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, ws, 'OKR');
  const bytes = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
  return zip((entriesOf(bytes) ?? []).map((e) => {
    const text = Buffer.from(unzipped(bytes, e) ?? new Uint8Array()).toString('utf8');
    return { name: e.name, data: Buffer.from(e.name === 'xl/worksheets/sheet1.xml' ? edit(text) : text) };
  }));
}

describe('readPlanXlsx: sheet XML exceljs would read wrong', () => {
  it('reads the workbook as SheetJS wrote it', async () => {
    expect(parsePlan((await readPlanXlsx(withSheetXml((x) => x))).input).keyResults.map((k) => k.title)).toEqual(['Revenue', 'Leads']);
  });

  it.each([['1,5'], ['0x10'], [''], ['1.5.2']])('refuses a number cell holding "%s" (exceljs reads 1 or 0)', async (value) => {
    const xml = (x: string) => x.replace('<v>15</v>', `<v>${value}</v>`);
    expect(xml('<c r="D2"><v>15</v></c>')).toContain(value);
    const error = await rejection(readPlanXlsx(withSheetXml(xml), { file: 'n.xlsx' }));
    expect(error.issues.map((i) => i.messageKey)).toEqual(['xlsx.notANumber']);
    expect(error.issues[0]?.message).toContain(`"${value}"`);
  });

  it('refuses a row written twice (exceljs keeps the second, and a key result vanishes)', async () => {
    const error = await rejection(readPlanXlsx(withSheetXml((x) => x.replace('<row r="3"', '<row r="2"')), { file: 'r.xlsx' }));
    expect(error.issues.map((i) => [i.messageKey, i.params])).toEqual([['xlsx.rowRepeated', { part: 'xl/worksheets/sheet1.xml', row: 2 }]]);
  });
});
