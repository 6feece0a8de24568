import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { parsePlan } from '../../src/index.js';
import { readPlanXlsx } from '../../src/xlsx/index.js';
import { entriesOf, unzipped } from '../../src/xlsx/zip.js';
import { rejection, zip } from './helpers.js';

// The styles part found however the workbook's relationships name it (../xl/styles.xml),
// and number formats that show a number scaled other than by one % refused at the cell.
function workbook(format: string, value: number, rewrite: (name: string, text: string) => string = (_, t) => t): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([['Objective', 'Key result', 'Start', 'Target', 'Cycle'], ['Grow', 'Share', 0, value, 'Q4 2026']]);
  ws['D2'] = { t: 'n', v: value, z: format };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, ws, 'OKR');
  const bytes = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
  return zip((entriesOf(bytes) ?? []).map((e) => ({ name: e.name, data: Buffer.from(rewrite(e.name, Buffer.from(unzipped(bytes, e) ?? new Uint8Array()).toString('utf8'))) })));
}

describe('readPlanXlsx: number formats', () => {
  it('finds the styles through a relationship written ../xl/styles.xml, so 0.5 shown as 50% is read 50%', async () => {
    let rels = '';
    const moved = workbook('0%', 0.5, (name, text) => {
      if (name !== 'xl/_rels/workbook.xml.rels') return text;
      rels = text.replace(/Target="(?:\/xl\/)?styles\.xml"/, 'Target="../xl/styles.xml"');
      return rels;
    });
    expect(rels).toContain('Target="../xl/styles.xml"');
    const plan = parsePlan((await readPlanXlsx(moved)).input);
    expect(plan.keyResults[0]).toMatchObject({ target: 50, unit: '%' });
  });

  it.each([['0%%', 0.005], ['#,##0,', 50_000], ['#,##0,%', 50_000]])('refuses %s, which shows %d scaled, at its cell', async (format, value) => {
    const error = await rejection(readPlanXlsx(workbook(format, value), { file: 'f.xlsx' }));
    expect(error.issues.map((i) => [i.path, i.messageKey])).toEqual([[['f.xlsx › OKR', 2, 'Target'], 'xlsx.formatScales']]);
  });
});
