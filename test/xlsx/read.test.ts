import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { parsePlan, translate } from '../../src/index.js';
import { readPlanXlsx } from '../../src/xlsx/index.js';
import { MAX_ROWS } from '../../src/xlsx/zip.js';
import { rejection, zip } from './helpers.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/xlsx/${name}`, import.meta.url));


/** A workbook made by SheetJS from rows of cells (a second library, so the reader meets files it did not write). */
function book(sheets: Record<string, XLSX.WorkSheet>, hidden: readonly string[] = []): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, ws, name);
  wb.Workbook = { Sheets: Object.keys(sheets).map((name) => ({ Hidden: hidden.includes(name) ? 1 : 0 })) };
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}
const aoa = (rows: unknown[][]) => XLSX.utils.aoa_to_sheet(rows);

const HEADER = ['objective', 'key result', 'target', 'current', 'cycle', 'updated'];

describe('readPlanXlsx: the workbook fixture made like Excel makes it', () => {
  it('reads the same plan as the JSON beside it: typed numbers and dates, formulas, percentages, merged cells, hidden sheet skipped', async () => {
    const read = await readPlanXlsx(fixture('vi-excel.xlsx'), { decimal: ',', file: 'okr.xlsx' });
    const expected = JSON.parse(fixture('vi-excel.json').toString('utf8')) as object;
    expect(parsePlan(read.input)).toEqual(parsePlan(expected));
  });

  it('names the sheet, row and column of a place in the plan', async () => {
    const read = await readPlanXlsx(fixture('vi-excel.xlsx'), { decimal: ',', file: 'okr.xlsx' });
    expect(read.locate(['keyResults', 3, 'target'])).toEqual({ file: 'okr.xlsx › OKR Quý IV', sheet: 'OKR Quý IV', line: 8, column: 'Chỉ tiêu (Target)' });
    expect(read.locate(['checkIns', 2, 'at'])).toEqual({ file: 'okr.xlsx › OKR Quý IV', sheet: 'OKR Quý IV', line: 6, column: 'Ngày cập nhật' });
  });

  it('asks for the decimal setting for 1.500,5 typed as text, at its sheet, row and column', async () => {
    const error = await rejection(readPlanXlsx(fixture('vi-excel.xlsx')));
    expect(error.code).toBe('invalid_csv');
    expect(error.issues.map((i) => i.path)).toEqual([['plan.xlsx › OKR Quý IV', 4, 'Chỉ tiêu (Target)']]);
  });
});

describe('readPlanXlsx: cells', () => {
  it('reads typed numbers exactly, never in exponent form, and dates as calendar days', async () => {
    const ws = aoa([HEADER, ['Grow', 'Tiny', 0.0000001, 0.30000000000000004, 'Q4 2026', new Date(Date.UTC(2026, 10, 15))]]);
    const read = await readPlanXlsx(book({ Sheet1: ws }), { file: 'x.xlsx' });
    const input = read.input as { keyResults: { target: unknown }[]; checkIns: { value: unknown; at: string }[] };
    expect(input.keyResults[0]!.target).toBe(1e-7);
    expect(input.checkIns[0]).toMatchObject({ value: 0.30000000000000004, at: '2026-11-15' });
  });

  it('reports every error cell, formula without a result and date with a time, each at its cell', async () => {
    const ws = aoa([HEADER, ['Grow', 'A', 10, 1, 'Q4 2026', '2026-11-01'], ['Grow', 'B', 10, 1, 'Q4 2026', '2026-11-01'], ['Grow', 'C', 10, 1, 'Q4 2026', '2026-11-01']]);
    ws['C2'] = { t: 'e', v: 0x2a };
    ws['C3'] = { t: 'n', f: 'C2*2' };
    ws['F4'] = { t: 'n', v: 46341.5, z: 'yyyy-mm-dd hh:mm' };
    const error = await rejection(readPlanXlsx(book({ OKR: ws }), { file: 'x.xlsx' }));
    expect(error.code).toBe('invalid_csv');
    expect(error.issues.map((i) => [i.path, i.message])).toEqual([
      [['x.xlsx › OKR', 2, 'target'], expect.stringContaining('#N/A')],
      [['x.xlsx › OKR', 3, 'target'], expect.stringContaining('=C2*2')],
      [['x.xlsx › OKR', 4, 'updated'], expect.stringContaining('2026-11-15 12:00:00')],
    ]);
  });

  it('skips hidden sheets and takes the first visible sheet with the flat layout', async () => {
    const notes = aoa([['Notes'], ['nothing here']]);
    const hidden = aoa([HEADER, ['Hidden', 'H', 1, '', 'Q4 2026', '']]);
    const shown = aoa([HEADER, ['Shown', 'S', 2, '', 'Q4 2026', '']]);
    const read = await readPlanXlsx(book({ Notes: notes, Old: hidden, New: shown }, ['Old']));
    expect((read.input as { objectives: { title: string }[] }).objectives.map((o) => o.title)).toEqual(['Shown']);
  });

  it('names the missing columns of the first visible sheet when no sheet has the layout', async () => {
    const error = await rejection(readPlanXlsx(book({ Data: aoa([['objective', 'owner'], ['Grow', 'lan']]) })));
    expect(error.issues.map((i) => i.path)).toEqual([['plan.xlsx › Data', 1], ['plan.xlsx › Data', 1], ['plan.xlsx › Data', 1]]);
  });
});

const part = (name: string, text: string, extra: { size?: number; flags?: number } = {}) => ({ name, data: Buffer.from(text), ...extra });
const WORKBOOK = [part('[Content_Types].xml', '<Types/>'), part('xl/workbook.xml', '<workbook/>')];

describe('readPlanXlsx: what is not a workbook it reads', () => {
  const cases: [string, Uint8Array, string][] = [
    ['CSV text', new Uint8Array(Buffer.from('objective,key result,target,cycle\nGrow,Revenue,10,Q4 2026\n')), 'xlsx.notZip'],
    ['random bytes', new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 7919) % 256)), 'xlsx.notZip'],
    ['an old .xls or an encrypted workbook (OLE2)', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]), 'xlsx.ole'],
    ['a zip without a workbook', zip([part('content.xml', '<office/>')]), 'xlsx.noWorkbook'],
    ['a zip with encrypted parts', zip(WORKBOOK.map((p) => ({ ...p, flags: 1 }))), 'xlsx.encrypted'],
    ['a zip bomb (declared sizes)', zip([...WORKBOOK, part('xl/worksheets/sheet1.xml', 'x', { size: 0xfffffff0 })]), 'xlsx.tooLarge'],
    ['a part larger than it declares', zip([...WORKBOOK, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1 << 20), size: 100 }]), 'xlsx.corrupt'],
    ['a workbook without sheets', zip([...WORKBOOK, part('xl/_rels/workbook.xml.rels', '<nope')]), 'xlsx.noSheet'],
  ];
  it.each(cases)('%s is an invalid_csv error that says so', async (_, bytes, key) => {
    const error = await rejection(readPlanXlsx(bytes, { file: 'in.xlsx' }));
    expect(error.code).toBe('invalid_csv');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toEqual(['in.xlsx', 0]);
    expect(error.issues[0]!.messageKey).toBe(key);
  });

  it(`refuses more than ${MAX_ROWS} rows before building the workbook`, async () => {
    const rows = '<row r="1"/>'.repeat(MAX_ROWS + 1);
    const bytes = zip([...WORKBOOK, part('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${rows}</sheetData></worksheet>`)]);
    const error = await rejection(readPlanXlsx(bytes));
    expect(error.message).toMatch(/invalid/);
    expect(error.issues[0]!.message).toContain(String(MAX_ROWS + 1));
  });

  it('rejects bad arguments with invalid_argument', async () => {
    expect((await rejection(readPlanXlsx('x' as never))).code).toBe('invalid_argument');
    expect((await rejection(readPlanXlsx(fixture('vi-excel.xlsx'), { decimal: ';' as never }))).code).toBe('invalid_argument');
  });
});

describe('readPlanXlsx: table sheets', () => {
  const tables = () => ({
    cycles: aoa([['id', 'name', 'start', 'end'], ['q4', 'Q4 2026', new Date(Date.UTC(2026, 9, 1)), '2026-12-31']]),
    objectives: aoa([['id', 'title', 'cycleId'], ['o1', 'Grow', 'q4']]),
    'Key-Results': aoa([['id', 'objectiveId', 'title', 'kind', 'start', 'target'], ['k1', 'o1', 'Revenue', 'metric', 0, 10], ['k2', 'o1', 'Leads', 'metric', 0, 'ten']]),
  });

  it('reads sheets named like the tables by the CSV rules, and names each problem by sheet, row and column', async () => {
    const sheets = tables();
    sheets['Key-Results']['F2'] = { t: 'e', v: 0x07 };
    const error = await rejection(readPlanXlsx(book(sheets), { file: 't.xlsx' }));
    expect(error.issues.map((i) => i.path)).toEqual([
      ['t.xlsx › Key-Results', 2, 'target'],
      ['t.xlsx › Key-Results', 3, 'target'],
    ]);
    expect(error.issues[0]!.message).toContain('#DIV/0!');
  });

  it('reads typed dates in table sheets as calendar days and locates fields with their sheet', async () => {
    const read = await readPlanXlsx(book(tables() as Record<string, XLSX.WorkSheet>).slice(), { file: 't.xlsx' }).catch(() => null);
    expect(read).toBeNull(); // `ten` is no number
    const sheets = tables();
    sheets['Key-Results'] = aoa([['id', 'objectiveId', 'title', 'kind', 'start', 'target'], ['k1', 'o1', 'Revenue', 'metric', 0, 10]]);
    const ok = await readPlanXlsx(book(sheets), { file: 't.xlsx' });
    const plan = parsePlan(ok.input);
    expect(plan.cycles[0]).toMatchObject({ start: '2026-10-01', end: '2026-12-31' });
    expect(ok.locate(['keyResults', 0, 'target'])).toEqual({ file: 't.xlsx › Key-Results', sheet: 'Key-Results', line: 2, column: 'target' });
  });

  it('reads a sheet named "Plan" in the flat layout as a flat sheet, not as the plan table', async () => {
    const read = await readPlanXlsx(book({ Plan: aoa([['Objective', 'Key result', 'Target', 'Cycle'], ['Grow', 'Revenue', 10, 'Q4 2026']]) }));
    expect(parsePlan(read.input).keyResults.map((k) => k.title)).toEqual(['Revenue']);
  });

  it('says so when every sheet is hidden', async () => {
    const error = await rejection(readPlanXlsx(book({ A: aoa([HEADER]), B: aoa([['x']]) }, ['A', 'B'])));
    expect(error.issues[0]!.messageKey).toBe('xlsx.noSheet');
  });
});

describe('readPlanXlsx: a date column holding no date says what it holds', () => {
  it('names a number (a date that lost its format) and the day it would be, and bad text, in both languages', async () => {
    const flat = book({ OKR: aoa([HEADER, ['Grow', 'A', 10, 1, 'Q4 2026', 46296]]) });
    const error = await rejection(readPlanXlsx(flat));
    expect(error.issues.map((i) => [i.path, i.message])).toEqual([
      [['plan.xlsx › OKR', 2, 'updated'], 'Expected a date, got 46296, a number: format the cell as a date, or write 2026-10-01.'],
    ]);
    const vi = await rejection(readPlanXlsx(flat, { locale: 'vi' }));
    expect(vi.issues[0]!.messageKey).toBe('xlsx.dateNumber');
    const tables = book({ cycles: aoa([['id', 'name', 'start', 'end'], ['q4', 'Q4', 46296, 'soon']]) });
    const table = await rejection(readPlanXlsx(tables));
    expect(table.issues.map((i) => [i.path, i.message])).toEqual([
      [['plan.xlsx › cycles', 2, 'start'], 'Expected a date, got 46296, a number: format the cell as a date, or write 2026-10-01.'],
      [['plan.xlsx › cycles', 2, 'end'], 'Expected a date, got "soon": write a date such as 2026-10-01, or format the cell as a date.'],
    ]);
    expect(translate({ key: table.issues[0]!.messageKey, params: table.issues[0]!.params }, 'vi')).toBe('Cần một ngày, nhận được 46296, là một con số: hãy định dạng ô là ngày, hoặc ghi 2026-10-01.');
  });
});

describe('readPlanXlsx: what exceljs would misread', () => {
  /** A workbook SheetJS writes with `cellDates: true`: its dates are ISO text in cells typed `d`. */
  const cellDates = (sheets: Record<string, unknown[][]>): Uint8Array => {
    const wb = XLSX.utils.book_new();
    for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), name);
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', cellDates: true }) as Buffer);
    return bytes;
  };

  it('reads ISO date cells (t="d", SheetJS cellDates) as their calendar day, not as day numbers', async () => {
    const bytes = cellDates({ OKR: [HEADER, ['Grow', 'A', 10, 1, 'Q4 2026', new Date(Date.UTC(2026, 10, 15))], ['Grow', 'B', 10, 2, 'Q4 2026', new Date(Date.UTC(2026, 10, 16))]] });
    const read = await readPlanXlsx(bytes);
    expect((read.input as { checkIns: { at: unknown }[] }).checkIns.map((c) => c.at)).toEqual(['2026-11-15', '2026-11-16']);
    const tables = cellDates({ cycles: [['id', 'name', 'start', 'end'], ['q4', 'Q4 2026', new Date(Date.UTC(2026, 9, 1)), new Date(Date.UTC(2026, 11, 31))]] });
    expect((await readPlanXlsx(tables)).input.cycles).toEqual([{ id: 'q4', name: 'Q4 2026', start: '2026-10-01', end: '2026-12-31' }]);
  });

  it('refuses an ISO date cell with a time of day at its cell, as a typed date with one', async () => {
    const bytes = cellDates({ OKR: [HEADER, ['Grow', 'A', 10, 1, 'Q4 2026', new Date(Date.UTC(2026, 10, 15, 10, 30))]] });
    const error = await rejection(readPlanXlsx(bytes));
    expect(error.issues.map((i) => [i.path, i.messageKey])).toEqual([[['plan.xlsx › OKR', 2, 'updated'], 'xlsx.dateTime']]);
    expect(error.issues[0]!.message).toContain('2026-11-15 10:30:00');
  });

  it('refuses a percentage-formatted number in a table sheet at its cell (0.5 shown as 50% may mean either; see number-formats.test.ts)', async () => {
    const ks = aoa([['id', 'objectiveId', 'title', 'kind', 'start', 'target'], ['k1', 'o1', 'Share', 'metric', 0, 0.5]]);
    ks['F2']!.z = '0%';
    const error = await rejection(readPlanXlsx(book({ objectives: aoa([['id', 'title', 'cycleId'], ['o1', 'Grow', 'q4']]), 'key-results': ks })));
    expect(error.issues.map((i) => [i.path, i.messageKey])).toEqual([[['plan.xlsx › key-results', 2, 'target'], 'xlsx.percentTable']]);
  });
});

describe('readPlanXlsx: rich text, hyperlinks and formulas (a workbook made with exceljs)', () => {
  it('reads rich text and a hyperlink as their text and a formula as its saved result', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('OKR');
    ws.addRow(['Objective', 'Key result', 'Target', 'Cycle']);
    ws.addRow([{ richText: [{ text: 'Grow ' }, { text: 'sales', font: { bold: true } }] }, { text: 'Revenue', hyperlink: 'https://example.com' }, { formula: '5*2', result: 10 }, 'Q4 2026']);
    const read = await readPlanXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    const plan = parsePlan(read.input);
    expect(plan.objectives.map((o) => o.title)).toEqual(['Grow sales']);
    expect(plan.keyResults.map((k) => [k.title, 'target' in k ? k.target : null])).toEqual([['Revenue', 10]]);
  });
});
