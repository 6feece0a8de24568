import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { parsePlan } from '../../src/index.js';
import { readPlanXlsx } from '../../src/xlsx/index.js';
import { checkWorkbookZip, MAX_CELLS, MAX_SHEET_BYTES } from '../../src/xlsx/zip.js';
import { rejection, zip } from './helpers.js';

// Merged data cells, the caps on a workbook's sheets, Excel's day numbers that are no
// day, and hidden rows: each in a workbook made by another program (SheetJS, or XML by hand).

function book(sheets: Record<string, XLSX.WorkSheet>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, ws, name);
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}
const range = (ref: string): XLSX.Range => XLSX.utils.decode_range(ref);
const HEADER = ['Objective', 'Key result', 'Start', 'Target', 'Cycle', 'Owner'];

describe('readPlanXlsx: merged data cells read what the sheet shows, their merge\'s top-left value', () => {
  it('gives both key results the start merged over their rows, and one objective for a title merged over them', async () => {
    const ws = XLSX.utils.aoa_to_sheet([HEADER, ['Grow', 'Revenue', 5, 10, 'Q4 2026', 'lan'], [null, 'Leads', null, 20, null, null], ['Keep', 'NPS', 1, 2, 'Q4 2026', 'hoa']]);
    ws['!merges'] = [range('A2:A3'), range('C2:C3'), range('E2:E3'), range('F2:F3')];
    const plan = parsePlan((await readPlanXlsx(book({ OKR: ws }))).input);
    expect(plan.objectives.map((o) => o.title)).toEqual(['Grow', 'Keep']);
    expect(plan.keyResults.map((k) => [k.objectiveId, k.title, 'start' in k ? k.start : null, k.ownerId])).toEqual([
      ['o1', 'Revenue', 5, 'lan'], ['o1', 'Leads', 5, 'lan'], ['o2', 'NPS', 1, 'hoa'],
    ]);
  });

  it('reads a merge that reaches up into the header row as part of the header: blank below it', async () => {
    const ws = XLSX.utils.aoa_to_sheet([HEADER, ['Grow', 'Revenue', null, 10, 'Q4 2026']]);
    ws['C1'] = { t: 's', v: 'Start' };
    ws['!merges'] = [range('C1:C2')];
    const plan = parsePlan((await readPlanXlsx(book({ OKR: ws }))).input);
    expect(plan.keyResults.map((k) => ('start' in k ? k.start : null))).toEqual([0]);
  });

  it('reads a merged cell of a table sheet in every row it covers, and a merge over a blank row adds no row', async () => {
    const objectives = XLSX.utils.aoa_to_sheet([['id', 'title', 'cycleId'], ['o1', 'Grow', 'q4']]);
    const krs = XLSX.utils.aoa_to_sheet([['id', 'objectiveId', 'title', 'kind', 'start', 'target'], ['k1', 'o1', 'Revenue', 'metric', 0, 10], ['k2', null, 'Leads', 'metric', 0, 20], []]);
    krs['!merges'] = [range('B2:B4')];
    krs['!ref'] = 'A1:F4';
    const read = await readPlanXlsx(book({ objectives, 'key-results': krs }));
    expect((read.input.keyResults ?? []).map((k) => [k.id, k.objectiveId])).toEqual([['k1', 'o1'], ['k2', 'o1']]);
  });
});

const part = (name: string, data: string | Uint8Array) => ({ name, data: typeof data === 'string' ? Buffer.from(data) : data });
const WORKBOOK = [part('[Content_Types].xml', '<Types/>'), part('xl/workbook.xml', '<workbook/>')];
const sheet = (xml: Uint8Array) => zip([...WORKBOOK, part('xl/worksheets/sheet1.xml', xml)]);

describe('checkWorkbookZip: caps on what the sheets hold, before exceljs sees them', () => {
  it(`reads ${MAX_CELLS} cells and refuses one more with the count and the limit`, async () => {
    const cells = (n: number) => Buffer.from(`<worksheet><sheetData><row r="1">${'<c/>'.repeat(n)}</row></sheetData></worksheet>`);
    expect(checkWorkbookZip(sheet(cells(MAX_CELLS)))).toEqual({ isoDates: false });
    const error = await rejection(readPlanXlsx(sheet(cells(MAX_CELLS + 1)), { file: 'big.xlsx' }));
    expect(error.issues.map((i) => [i.path, i.messageKey])).toEqual([[['big.xlsx', 0], 'xlsx.tooManyCells']]);
    expect(error.issues[0]!.message).toBe(`The workbook's sheets have ${MAX_CELLS + 1} cells; okrkit reads at most ${MAX_CELLS}.`);
  });

  it(`reads sheets of ${MAX_SHEET_BYTES} bytes and refuses one byte more`, async () => {
    const xml = (n: number) => {
      const b = Buffer.alloc(n, 0x20);
      b.write('<worksheet><sheetData>', 0);
      b.write('</sheetData></worksheet>', n - 24);
      return b;
    };
    expect(checkWorkbookZip(sheet(xml(MAX_SHEET_BYTES)))).toEqual({ isoDates: false });
    const error = await rejection(readPlanXlsx(sheet(xml(MAX_SHEET_BYTES + 1)), { file: 'big.xlsx' }));
    expect(error.issues.map((i) => [i.path, i.messageKey])).toEqual([[['big.xlsx', 0], 'xlsx.sheetsTooLarge']]);
    expect(error.issues[0]!.message).toContain(`more than ${MAX_SHEET_BYTES / 1024 / 1024} MB`);
  }, 30_000);
});

describe('readPlanXlsx: Excel day numbers that are no day', () => {
  const dated = (serials: readonly number[]) => {
    const ws = XLSX.utils.aoa_to_sheet([['id', 'name', 'start', 'end'], ...serials.map((s, i) => [`c${i}`, `C${i}`, s, 46387])]);
    serials.forEach((_, i) => {
      ws[`C${i + 2}`]!.z = 'yyyy-mm-dd';
      ws[`D${i + 2}`]!.z = 'yyyy-mm-dd';
    });
    return book({ cycles: ws });
  };

  it('refuses day 60 (Excel\'s 1900-02-29), days before 1 and after 9999-12-31 in a date cell, at the cell', async () => {
    const error = await rejection(readPlanXlsx(dated([60, 0, -1, 0.5, 2958466]), { file: 'd.xlsx' }));
    expect(error.issues.map((i) => [i.path, i.messageKey])).toEqual([2, 3, 4, 5, 6].map((line) => [['d.xlsx › cycles', line, 'start'], 'xlsx.dateSerial']));
    expect(error.issues[0]!.message).toContain('got the day number 60');
  });

  it('reads Excel\'s days 1 to 59 as the days Excel shows (exceljs counts them one day early) and day 61 as 1900-03-01', async () => {
    const read = await readPlanXlsx(dated([1, 59, 61, 46296]));
    expect((read.input.cycles ?? []).map((c) => [c.start, c.end])).toEqual([
      ['1900-01-01', '2026-12-31'], ['1900-02-28', '2026-12-31'], ['1900-03-01', '2026-12-31'], ['2026-10-01', '2026-12-31'],
    ]);
  });

  it('refuses day 60 in the flat sheet\'s updated column too', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['Objective', 'Key result', 'Target', 'Current', 'Cycle', 'Updated'], ['Grow', 'A', 10, 1, 'Q4 2026', 60]]);
    ws['F2']!.z = 'dd/mm/yyyy';
    const error = await rejection(readPlanXlsx(book({ OKR: ws })));
    expect(error.issues.map((i) => [i.path, i.messageKey])).toEqual([[['plan.xlsx › OKR', 2, 'Updated'], 'xlsx.dateSerial']]);
  });
});

describe('readPlanXlsx: hidden rows are read (a filtered list still holds the plan)', () => {
  it('reads the key results of hidden rows, as the rows around them', async () => {
    const ws = XLSX.utils.aoa_to_sheet([HEADER, ['Grow', 'Shown', 0, 10, 'Q4 2026'], ['Grow', 'Hidden', 0, 20, 'Q4 2026'], ['Grow', 'Also shown', 0, 30, 'Q4 2026']]);
    ws['!rows'] = [{}, {}, { hidden: true }];
    const bytes = book({ OKR: ws });
    const check = new ExcelJS.Workbook();
    await check.xlsx.load(new Uint8Array(bytes).buffer);
    expect([1, 2, 3, 4].map((r) => check.worksheets[0]!.getRow(r).hidden)).toEqual([false, false, true, false]);
    const plan = parsePlan((await readPlanXlsx(bytes)).input);
    expect(plan.keyResults.map((k) => k.title)).toEqual(['Shown', 'Hidden', 'Also shown']);
  });
});

describe('readPlanXlsx: ISO date cells (t="d") before 1900-03-01', () => {
  it('names the day as written in the error of a date with a time of day', async () => {
    const wb = XLSX.utils.book_new();
    const rows = [['Objective', 'Key result', 'Target', 'Current', 'Cycle', 'Updated'], ['Grow', 'A', 10, 1, 'Q4 2026', new Date(Date.UTC(1900, 0, 15, 10, 30))], ['Grow', 'B', 10, 1, 'Q4 2026', new Date(Date.UTC(1900, 4, 15, 10, 30))]];
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), 'OKR');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', cellDates: true }) as Buffer);
    expect(Buffer.from(bytes).includes('t="d"')).toBe(true);
    const error = await rejection(readPlanXlsx(bytes));
    expect(error.issues.map((i) => [i.path, i.messageKey, i.params.value])).toEqual([
      [['plan.xlsx › OKR', 2, 'Updated'], 'xlsx.dateTime', '1900-01-15 10:30:00'],
      [['plan.xlsx › OKR', 3, 'Updated'], 'xlsx.dateTime', '1900-05-15 10:30:00'],
    ]);
  });
});

describe('readPlanXlsx: a merge across columns in a data row', () => {
  it('reads its value in the top-left cell\'s column only: the columns it spans are blank, as they show', async () => {
    const ws = XLSX.utils.aoa_to_sheet([HEADER, ['Grow', 'Revenue', null, 10, 'Q4 2026'], [null, 'Leads', null, 20, null]]);
    ws['!merges'] = [range('B2:C2'), range('A2:A3'), range('E2:E3')];
    const plan = parsePlan((await readPlanXlsx(book({ OKR: ws }))).input);
    expect(plan.keyResults.map((k) => [k.title, 'start' in k ? k.start : null])).toEqual([['Revenue', 0], ['Leads', 0]]);
  });
});
