import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { templateFiles } from '../../src/cli/template.js';
import { readPlanSheet } from '../../src/csv/index.js';
import { parsePlan } from '../../src/index.js';
import { readPlanXlsx, writePlanXlsx } from '../../src/xlsx/index.js';

const TODAY = '2026-11-15';

describe('the template plan as a workbook', () => {
  it.each(['en', 'vi'] as const)('written with writePlanXlsx (%s), its flat sheet reads back to the plan of the template flat CSV sheet', async (locale) => {
    const files = templateFiles(locale, TODAY);
    const plan = parsePlan(JSON.parse(files['plan.json']!));
    const bytes = await writePlanXlsx(plan, { sheets: 'flat', locale });
    const fromXlsx = parsePlan((await readPlanXlsx(bytes, { checkInDate: TODAY })).input);
    const fromCsv = parsePlan(readPlanSheet(files['sheet.csv']!, { checkInDate: TODAY }).input);
    expect(fromXlsx.objectives).toEqual(fromCsv.objectives);
    // The template's CSV sheet writes its owner and a weight of 1 on every row; the plan leaves them to the objective and the default.
    const shape = (k: (typeof plan.keyResults)[number]) => ({ title: k.title, start: 'start' in k ? k.start : null, target: 'target' in k ? k.target : null, unit: k.unit, weight: k.weight ?? 1 });
    expect(fromXlsx.keyResults.map(shape)).toEqual(fromCsv.keyResults.map(shape));
    expect(fromXlsx.keyResults.map(shape)).toEqual(plan.keyResults.map(shape));
    expect(fromXlsx.cycles).toEqual(fromCsv.cycles);
    expect(fromXlsx.units).toEqual(fromCsv.units);
    expect(fromXlsx.keyResults.map((k) => k.title)).toEqual(plan.keyResults.map((k) => k.title));
    // The flat sheet of a plan read from a flat sheet gives that plan again.
    const again = parsePlan((await readPlanXlsx(await writePlanXlsx(fromXlsx, { sheets: 'flat', locale }), { checkInDate: TODAY })).input);
    expect(again).toEqual(fromXlsx);
  });

  it('the whole workbook (tables and the flat sheet) reads back through its tables to the template plan', async () => {
    const plan = parsePlan(JSON.parse(templateFiles('vi', TODAY)['plan.json']!));
    const read = await readPlanXlsx(await writePlanXlsx(plan, { locale: 'vi' }));
    expect(parsePlan(read.input)).toEqual(plan);
  });
});

/** A CSV text's cells (quotes as RFC 4180; the template's cells hold no line break). */
function csvCells(text: string, separator: string): string[][] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '').map((line) => {
    const cells: string[] = [];
    for (let i = 0; i <= line.length; ) {
      const quoted = line[i] === '"';
      let cell = '';
      let j = quoted ? i + 1 : i;
      for (; j < line.length; j++) {
        if (quoted && line[j] === '"') {
          if (line[j + 1] !== '"') { j++; break; }
          j++;
        } else if (!quoted && line[j] === separator) break;
        cell += line[j];
      }
      cells.push(cell);
      i = j + 1;
    }
    return cells;
  });
}

describe("the template's two flat sheets", () => {
  it.each(['en', 'vi'] as const)("start.xlsx's flat sheet (%s) and sheet.csv agree cell by cell (headers in any case)", async (locale) => {
    const files = templateFiles(locale, TODAY);
    const bytes = await writePlanXlsx(parsePlan(JSON.parse(files['plan.json']!)), { locale, sheets: 'all' });
    const ws = XLSX.read(bytes, { type: 'array', cellNF: true }).Sheets[locale === 'vi' ? 'Bảng OKR' : 'OKRs']!;
    const xlsx = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: false, defval: '' });
    const csv = csvCells(files['sheet.csv']!, locale === 'vi' ? ';' : ',');
    expect(csv[0]).toEqual(xlsx[0]!.map((h) => h.toLowerCase()));
    expect(csv.slice(1)).toEqual(xlsx.slice(1));
    // The owner is in both: the objective's owner, on each of its key results' rows.
    expect(csv.slice(1).map((r) => r[7])).toEqual(Array<string>(csv.length - 1).fill('sales-lead'));
    expect(xlsx.length).toBe(8);
  });
});
