import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { parsePlan } from '../../src/index.js';
import { readPlanXlsx } from '../../src/xlsx/index.js';
import { shownAs } from '../../src/xlsx/number-formats.js';
import { rejection, zip } from './helpers.js';

// A number's percent-ness comes from its cell's real number format (xl/styles.xml), not
// from exceljs's numFmt, which drops the backslash of `0\%` (50 shown as "50%").

function book(sheets: Record<string, XLSX.WorkSheet>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, ws, name);
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}
const HEADER = ['Objective', 'Key result', 'Start', 'Target', 'Current', 'Measure', 'Cycle', 'Updated'];
/** A flat sheet of rows; `formats` gives cells their number formats (`D2: '0\\%'`). */
function flat(rows: unknown[][], formats: Record<string, string>): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet([HEADER, ...rows]);
  for (const [at, z] of Object.entries(formats)) ws[at]!.z = z;
  return ws;
}
const krs = (input: unknown) => parsePlan(input as object).keyResults.map((k) => ('target' in k ? { target: k.target, unit: k.unit ?? null, start: k.start } : null));
const values = (input: unknown) => parsePlan(input as object).checkIns.map((c) => c.value);

describe('shownAs: a number format code, as Excel shows a number', () => {
  it.each([
    ['0%', 0.5, 'percent'], ['0.00%', -0.5, 'percent'], ['[Red]0.0%', 1, 'percent'], ['#,##0%;[Red]-#,##0%', -2, 'percent'],
    ['0\\%', 50, 'literal'], ['0"%"', 50, 'literal'], ['0" %"', 50, 'literal'], ['0.0\\%;-0.0\\%', -3, 'literal'],
    ['General', 0.5, 'plain'], ['0', 0.5, 'plain'], ['0_%', 0.5, 'plain'], ['0*%', 0.5, 'plain'], ['[$%-409]0', 0.5, 'plain'], ['@', 1, 'plain'],
    ['0%;0', -0.5, 'plain'], ['0%;0', 0.5, 'percent'], ['0;0;0%', 0, 'percent'], ['0;0;0%', 3, 'plain'], ['0;0;0;@%', 3, 'plain'],
    ['[>=1]0;0%', 0.5, 'unsure'], ['[<0]-0%;0%', 0.5, 'percent'],
    ['0%%', 0.005, 'scaled'], ['#,##0,%', 50_000, 'scaled'], ['#,##0,', 50_000, 'scaled'], ['0.0,,"M"', 2e6, 'scaled'], ['#,##0', 50_000, 'plain'], ['#,##0.00%', 0.5, 'percent'],
  ] as const)('%s shows %d as %s', (code, value, shown) => {
    expect(shownAs(code, value)).toBe(shown);
  });

  it('never scales by a % that is escaped, quoted or in brackets, and always by one outside them', () => {
    const hidden = fc.constantFrom('\\%', '"%"', '" pct %"', '[$%]', '_%', '*%');
    const plain = fc.constantFrom('0', '0.00', '#,##0', ' ', '"kg"', '\\ ');
    const code = fc.array(fc.oneof(hidden, plain), { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(fc.property(code, fc.double({ noNaN: true, noDefaultInfinity: true }), (c, v) => {
      expect(shownAs(c, v)).not.toBe('percent');
      expect(shownAs(`${c}%`, v)).toBe('percent');
      expect(shownAs(`%${c}`, v)).toBe('percent');
    }));
  });
});

describe('readPlanXlsx: numbers shown with a % (workbooks made by SheetJS)', () => {
  it('reads 50 formatted 0\\% or 0"%" as 50%, and 0.5 formatted 0% or 0.00% (built-in 9 and 10) as 50%', async () => {
    const ws = flat([
      ['Grow', 'Escaped', 0, 50, 40, '', 'Q4 2026', '2026-11-01'],
      ['Grow', 'Quoted', 0, 50, 40, '', 'Q4 2026', '2026-11-01'],
      ['Grow', 'Built-in 9', 0, 0.5, 0.4, '', 'Q4 2026', '2026-11-01'],
      ['Grow', 'Built-in 10', 0, 0.5, 0.4, '', 'Q4 2026', '2026-11-01'],
    ], { D2: '0\\%', E2: '0\\%', D3: '0"%"', E3: '0"%"', D4: '0%', E4: '0%', D5: '0.00%', E5: '0.00%' });
    const read = await readPlanXlsx(book({ OKR: ws }));
    expect(krs(read.input)).toEqual(new Array(4).fill({ target: 50, unit: '%', start: 0 }));
    expect(values(read.input)).toEqual([40, 40, 40, 40]);
  });

  it('refuses a row that shows one value as a percentage and another as a plain number, at the plain cell, unless the row names its measure', async () => {
    const ws = flat([
      ['Grow', 'Mixed', 0, 0.5, 0.3, '', 'Q4 2026', '2026-11-01'],
      ['Grow', 'Text percent', 0.1, '50%', '', '', 'Q4 2026', ''],
      ['Grow', 'Measured', 0, 0.5, 30, '%', 'Q4 2026', '2026-11-01'],
    ], { D2: '0%', D4: '0%' });
    const error = await rejection(readPlanXlsx(book({ OKR: ws }), { file: 'm.xlsx' }));
    expect(error.issues.map((i) => [i.path, i.messageKey])).toEqual([
      [['m.xlsx › OKR', 2, 'Current'], 'xlsx.percentMixed'],
      [['m.xlsx › OKR', 3, 'Start'], 'xlsx.percentMixed'],
    ]);
    expect(error.issues[0]!.message).toContain('"Target" as a percentage (50%), but this cell as 0.3 without %');
    const fixed = flat([['Grow', 'Measured', 0, 0.5, 30, '%', 'Q4 2026', '2026-11-01']], { D2: '0%' });
    const read = await readPlanXlsx(book({ OKR: fixed }));
    expect([krs(read.input), values(read.input)]).toEqual([[{ target: 50, unit: '%', start: 0 }], [30]]);
  });

  it('refuses a format that shows a number as a percentage or not by conditions', async () => {
    const ws = flat([['Grow', 'Cond', 0, 0.5, '', '', 'Q4 2026', '']], { D2: '[>=1]0;0%' });
    const error = await rejection(readPlanXlsx(book({ OKR: ws })));
    expect(error.issues.map((i) => [i.path, i.messageKey])).toEqual([[['plan.xlsx › OKR', 2, 'Target'], 'xlsx.percentUnsure']]);
  });

  it('in table sheets, refuses 0.5 shown as 50% (the unit\'s value may be either) and reads 50 shown by 0\\% and 0 shown as 0%', async () => {
    const ks = XLSX.utils.aoa_to_sheet([['id', 'objectiveId', 'title', 'kind', 'start', 'target', 'unit'], ['k1', 'o1', 'Share', 'metric', 0, 0.5, '%'], ['k2', 'o1', 'Rate', 'metric', 0, 50, '%']]);
    ks['F2']!.z = '0%';
    ks['E2']!.z = '0%';
    ks['F3']!.z = '0\\%';
    const objectives = XLSX.utils.aoa_to_sheet([['id', 'title', 'cycleId'], ['o1', 'Grow', 'q4']]);
    const error = await rejection(readPlanXlsx(book({ objectives, 'key-results': ks }), { file: 't.xlsx' }));
    expect(error.issues.map((i) => [i.path, i.messageKey, i.message])).toEqual([
      [['t.xlsx › key-results', 2, 'target'], 'xlsx.percentTable', expect.stringContaining('0.5, shown as 50%')],
    ]);
    ks['F2'] = { t: 'n', v: 50 };
    const read = await readPlanXlsx(book({ objectives, 'key-results': ks }));
    expect((read.input as { keyResults: { start: unknown; target: unknown }[] }).keyResults.map((k) => [k.start, k.target])).toEqual([[0, 50], [0, 50]]);
  });
});

describe('readPlanXlsx: number formats read from the XML as other programs write it', () => {
  const part = (name: string, text: string) => ({ name, data: Buffer.from(text) });
  /** A workbook written by hand (as other programs write it): custom numFmts, one escaping its %, one quoting it, an escaped sheet name. */
  function handMade(cells: string): Uint8Array {
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    return zip([
      part('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
      part('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
      part('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
      part('xl/workbook.xml', `<?xml version="1.0"?><workbook ${ns}><sheets><sheet name="K&amp;R" sheetId="1" r:id="rId7"/></sheets></workbook>`),
      part('xl/styles.xml', `<?xml version="1.0"?><styleSheet ${ns}><numFmts count="2"><numFmt numFmtId="164" formatCode="0\\%"/><numFmt numFmtId="165" formatCode="0&quot;%&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="9" applyNumberFormat="1"><alignment horizontal="left"/></xf></cellXfs></styleSheet>`),
      part('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet ${ns}><sheetData>${cells}</sheetData></worksheet>`),
    ]);
  }
  const text = (r: string, t: string) => `<c r="${r}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const header = `<row r="1">${['Objective', 'Key result', 'Target', 'Cycle'].map((h, i) => text(`${'ABCD'[i]}1`, h)).join('')}</row>`;
  const row = (n: number, kr: string, target: string) => `<row r="${n}">${text(`A${n}`, 'Grow')}${text(`B${n}`, kr)}${target}${text(`D${n}`, 'Q4 2026')}</row>`;

  it('reads escaped, quoted and built-in percent formats by each cell\'s own style', async () => {
    const cells = header + row(2, 'Escaped', '<c r="C2" s="1"><v>50</v></c>') + row(3, 'Quoted', '<c r="C3" s="2"><v>50</v></c>') + row(4, 'Built-in', '<c r="C4" s="3"><v>0.5</v></c>') + row(5, 'Plain', '<c r="C5" s="0"><v>0.5</v></c>');
    const read = await readPlanXlsx(handMade(cells));
    expect(krs(read.input)).toEqual([{ target: 50, unit: '%', start: 0 }, { target: 50, unit: '%', start: 0 }, { target: 50, unit: '%', start: 0 }, { target: 0.5, unit: null, start: 0 }]);
  });
});
