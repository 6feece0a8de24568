import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { parsePlan } from '../../src/index.js';
import { readPlanXlsx } from '../../src/xlsx/index.js';
import { MAX_COLUMNS } from '../../src/xlsx/cells.js';

// A value far to the right (column XFD, the last one) in every row: the rows are read as
// wide as the cells they hold, up to MAX_COLUMNS, not 16,384 cells each (3,000 such rows
// took 4.3 GB and aborted the command).
describe('readPlanXlsx: rows with a value in the last column', () => {
  it('reads 3,000 key results whose rows hold a cell in column XFD, ignoring it as a column under no header', { timeout: 120_000 }, async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ['Grow', `KR ${i + 1}`, 0, 10, 'Q4 2026']);
    const ws = XLSX.utils.aoa_to_sheet([['Objective', 'Key result', 'Start', 'Target', 'Cycle'], ...rows]);
    for (let r = 1; r <= rows.length; r++) ws[XLSX.utils.encode_cell({ r, c: 16383 })] = { t: 's', v: 'far away' };
    ws['!ref'] = `A1:XFD${rows.length + 1}`;
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, 'OKR');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    const plan = parsePlan((await readPlanXlsx(bytes)).input);
    expect(plan.keyResults).toHaveLength(3000);
    expect(plan.keyResults.at(-1)).toMatchObject({ title: 'KR 3000', target: 10 });
    expect(MAX_COLUMNS).toBeLessThan(16384);
  });
});
