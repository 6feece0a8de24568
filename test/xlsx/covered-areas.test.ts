import { describe, expect, it } from 'vitest';
import { readPlanXlsx } from '../../src/xlsx/index.js';
import { checkWorkbookZip, MAX_CELLS } from '../../src/xlsx/zip.js';
import { rejection, zip } from './helpers.js';

// Merges and drop-down lists that cover far more cells than the sheet holds: exceljs makes
// a cell for each covered cell, so they are counted before it sees the workbook.
const part = (name: string, data: string) => ({ name, data: Buffer.from(data) });
const sheetWith = (tail: string) =>
  zip([
    part('[Content_Types].xml', '<Types/>'),
    part('xl/workbook.xml', '<workbook/>'),
    part('xl/worksheets/sheet1.xml', `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Objective</t></is></c></row></sheetData>${tail}</worksheet>`),
  ]);
const WHOLE_COLUMN = 1_048_575; // F2:F1048576

describe('checkWorkbookZip: the cells merges and drop-down lists cover', () => {
  it('refuses a 2 kB workbook whose merge covers K3:XFD1048576, with the count and the limit', async () => {
    const bytes = sheetWith('<mergeCells count="1"><mergeCell ref="K3:XFD1048576"/></mergeCells>');
    expect(bytes.length).toBeLessThan(2048);
    const error = await rejection(readPlanXlsx(bytes, { file: 'm.xlsx' }));
    expect(error.issues.map((i) => i.messageKey)).toEqual(['xlsx.areaTooLarge']);
    expect(error.issues[0]?.message).toBe(`The workbook's merged cells cover ${16_374 * 1_048_574} cells; okrkit reads at most ${MAX_CELLS}: limit them to the rows and columns the plan uses.`);
  });

  it('takes two whole-column drop-down lists and refuses a third, counting every range of an sqref', () => {
    const lists = (n: number) => `<dataValidations count="1"><dataValidation type="list" sqref="${Array.from({ length: n }, (_, i) => `${String.fromCharCode(70 + i)}2:${String.fromCharCode(70 + i)}1048576`).join(' ')}"><formula1>"a,b"</formula1></dataValidation></dataValidations>`;
    expect(2 * WHOLE_COLUMN).toBeLessThanOrEqual(MAX_CELLS);
    expect(checkWorkbookZip(sheetWith(lists(2)))).toEqual({ isoDates: false });
    expect(checkWorkbookZip(sheetWith(lists(3)))).toMatchObject({ key: 'xlsx.areaTooLarge', params: { count: 3 * WHOLE_COLUMN } });
  });

  it('counts small merges and absolute references ($A$1:$B$2) as the cells they cover', () => {
    const merges = Array.from({ length: 100 }, (_, i) => `<mergeCell ref="$A$${2 * i + 2}:$B$${2 * i + 3}"/>`).join('');
    expect(checkWorkbookZip(sheetWith(`<mergeCells>${merges}</mergeCells>`))).toEqual({ isoDates: false });
  });
});

describe('checkWorkbookZip: a 1904 date system spelled date1904="true"', () => {
  const book = (props: string) =>
    zip([
      part('[Content_Types].xml', '<Types/>'),
      part('xl/workbook.xml', `<workbook><workbookPr ${props}/></workbook>`),
      part('xl/worksheets/sheet1.xml', '<worksheet><sheetData/></worksheet>'),
    ]);

  it('refuses "true", which exceljs would read as the 1900 system (every date 1,462 days off)', async () => {
    expect(checkWorkbookZip(book('date1904="true"'))).toMatchObject({ key: 'xlsx.date1904', params: { value: 'true' } });
    const error = await rejection(readPlanXlsx(book("date1904='TRUE'"), { file: 'mac.xlsx' }));
    expect(error.issues.map((i) => i.messageKey)).toEqual(['xlsx.date1904']);
  });

  it('takes the spellings exceljs reads right: 1, 0, false, or none', () => {
    for (const props of ['date1904="1"', 'date1904="0"', 'date1904="false"', '']) expect(checkWorkbookZip(book(props))).toEqual({ isoDates: false });
  });
});
