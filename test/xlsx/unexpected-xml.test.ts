import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { localizeIssue } from '../../src/index.js';
import { readPlanXlsx } from '../../src/xlsx/index.js';
import { entriesOf, unzipped } from '../../src/xlsx/zip.js';
import { rejection, zip } from './helpers.js';

// XML the workbook reader trips over (cells without their r="A1" address, which OOXML
// allows): an error at the file in okrkit's words, in the user's language, not exceljs's
// "Cannot read properties of undefined".
function withoutCellAddresses(): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([['Objective', 'Key result', 'Target', 'Cycle'], ['Grow', 'Revenue', 10, 'Q4 2026']]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, ws, 'OKR');
  const bytes = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
  const parts = (entriesOf(bytes) ?? []).map((e) => {
    const data = unzipped(bytes, e) ?? new Uint8Array();
    const text = Buffer.from(data).toString('utf8');
    return { name: e.name, data: e.name.startsWith('xl/worksheets/') ? Buffer.from(text.replace(/<c r="[A-Z]+\d+"/g, '<c')) : data };
  });
  return zip(parts);
}

describe('readPlanXlsx: XML the workbook reader does not take', () => {
  it('is one problem at the file, in okrkit words and in Vietnamese too', async () => {
    const error = await rejection(readPlanXlsx(withoutCellAddresses(), { file: 'sdk.xlsx' }));
    const [problem] = error.issues;
    expect(error.issues).toHaveLength(1);
    expect(problem?.message).toBe("The workbook cannot be read (its XML is written in a form okrkit's workbook reader does not take); open it in Excel and save it again.");
    expect(problem === undefined ? '' : localizeIssue(problem, 'vi').message).toMatch(/^Không đọc được sổ làm việc \(XML của nó/);
  });
});
