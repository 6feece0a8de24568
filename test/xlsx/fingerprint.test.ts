import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { templateFiles } from '../../src/cli/template.js';
import { parsePlan, safeParsePlan, type Plan } from '../../src/index.js';
import { readPlanXlsx, writePlanXlsx } from '../../src/xlsx/index.js';
import { loadPlan } from '../fixtures.js';
import { rejection } from './helpers.js';

// A workbook okrkit writes with both layouts may be filled in in either: its very hidden
// sheet keeps each layout's fingerprint as written, so the reader knows which was edited.
// The workbooks are edited by SheetJS, as a user's program would (cellNF keeps date formats).

const load = (bytes: Uint8Array): XLSX.WorkBook => XLSX.read(bytes, { type: 'array', cellNF: true });
const save = (book: XLSX.WorkBook): Uint8Array => new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

/** The workbook with cells of sheets set by SheetJS: `{ sheet: { A1: 5 } }`. */
function edited(bytes: Uint8Array, edits: Record<string, Record<string, string | number>>): Uint8Array {
  const book = load(bytes);
  for (const [name, cells] of Object.entries(edits)) {
    const sheet = book.Sheets[name];
    if (sheet === undefined) throw new Error(`no sheet ${name}`);
    for (const [ref, v] of Object.entries(cells)) sheet[ref] = typeof v === 'number' ? { t: 'n', v } : { t: 's', v };
  }
  return save(book);
}

/** The cell reference of a column (by its header in row 1) and a row of a sheet. */
function ref(bytes: Uint8Array, sheet: string, header: string, row: number): string {
  const ws = load(bytes).Sheets[sheet];
  const headers = ws === undefined ? [] : (XLSX.utils.sheet_to_json<string[]>(ws, { header: 1 })[0] ?? []);
  const column = headers.indexOf(header);
  if (column < 0) throw new Error(`no column ${header} in ${sheet}`);
  return XLSX.utils.encode_cell({ r: row - 1, c: column });
}

/** Checks a workbook okrkit wrote (or its untouched re-save): read from its tables; an edit of the tables alone is read, of the flat sheet alone an error naming the table cell. */
async function checkEitherLayout(bytes: Uint8Array, plan: Plan, flatName: string): Promise<void> {
  const read = await readPlanXlsx(bytes);
  // The plan the tables alone give (a decimal string a double holds, "9.5", comes back as the number).
  expect(parsePlan(read.input)).toEqual(parsePlan((await readPlanXlsx(await writePlanXlsx(plan, { sheets: 'tables' }))).input));
  expect(read.locate(['objectives', 0, 'title'])?.sheet).toBe('objectives');
  const kr = plan.keyResults[0]!;
  const target = 'target' in kr && typeof kr.target === 'number' ? kr.target + 7 : 7;
  // Only the flat sheet edited: an error at the cell naming the table cell to change (the
  // tables hold the whole plan; reading the flat sheet would drop what only they hold).
  const flatCell = ref(bytes, flatName, flatName === 'OKRs' ? 'Target' : 'Chỉ tiêu', 2);
  const flatOnly = await rejection(readPlanXlsx(edited(bytes, { [flatName]: { [flatCell]: target } })));
  expect(flatOnly.issues.map((i) => i.messageKey)).toEqual(['xlsx.flatDiffers']);
  expect(flatOnly.issues[0]?.params).toMatchObject({ sheet: 'key-results', column: 'target' });
  // Doing what it says (the same change in the tables) reads the plan with the change.
  const followed = await readPlanXlsx(edited(bytes, { [flatName]: { [flatCell]: target }, 'key-results': { [ref(bytes, 'key-results', 'target', 2)]: target } }));
  expect(parsePlan(followed.input).keyResults[0]).toMatchObject({ id: kr.id, target });
  // Only the tables edited: they are read, the flat sheet as written is no problem.
  const tablesOnly = await readPlanXlsx(edited(bytes, { 'key-results': { [ref(bytes, 'key-results', 'target', 2)]: target } }));
  expect(tablesOnly.locate(['keyResults', 0, 'target'])?.sheet).toBe('key-results');
  expect(parsePlan(tablesOnly.input).keyResults[0]).toMatchObject({ id: kr.id, target });
}

// No CR, control characters nor text like Excel's escapes: SheetJS saves "\u0001" back as the text "_x0001_", a CR as
// "_x000d_", and a second save turns the text "_x0041_" into "A" (the text changed: the layouts are then compared).
const PIECES = [',', ';', '"', '\n', '=SUM(A1)', '+', '-', '@', '\t', "'", ' ', 'Tổng doanh thu', 'Nguyễn Thị Lan'.normalize('NFD'), '1,5', 'a'];
const awkward = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 5 }).map((p) => `x${p.join('')}`);

const planOf = (t: readonly string[], target: number): Plan =>
  parsePlan({
    cycles: [{ id: 'q4', name: 'Quý IV/2026', start: '2026-10-01', end: '2026-12-31' }],
    units: [{ id: 'u', name: t[0]!, level: 'team' }],
    objectives: [{ id: 'o1', title: t[1]!, cycleId: 'q4', unitId: 'u' }, { id: 'o2', title: t[2]!, cycleId: 'q4', parentId: 'o1' }],
    keyResults: [
      { id: 'k1', objectiveId: 'o1', title: t[3]!, kind: 'metric', start: 0, target, unit: t[4], ownerId: t[5] },
      { id: 'k2', objectiveId: 'o2', title: t[6]!, kind: 'metric', start: 1.5, target: 0.1 },
    ],
    checkIns: [{ keyResultId: 'k1', at: '2026-11-01', value: target / 2, note: t[7] }],
  });

describe('a workbook okrkit wrote with both layouts: its tables may be edited; an edit of the flat sheet alone names the table cell to change', () => {
  it.each(['en', 'vi'] as const)('the template plan (start.xlsx, %s), as written and after SheetJS saves it untouched', async (locale) => {
    const plan = parsePlan(JSON.parse(templateFiles(locale, '2026-11-15')['plan.json']!));
    const bytes = await writePlanXlsx(plan, { locale });
    const flat = locale === 'vi' ? 'Bảng OKR' : 'OKRs';
    await checkEitherLayout(bytes, plan, flat);
    await checkEitherLayout(save(load(bytes)), plan, flat);
  });

  it.each(['xyz-corp', 'saas-cascade', 'abc-kpis', 'saas-revenue'] as const)('%s: read from its tables, as written and after SheetJS saves it untouched', async (name) => {
    const plan = parsePlan(loadPlan(name));
    const bytes = await writePlanXlsx(plan);
    if (!load(bytes).SheetNames.includes('OKRs')) {
      // No flat sheet (the plan does not fit it), so no fingerprint: the tables alone.
      expect(load(bytes).SheetNames).not.toContain('_okrkit');
      expect(parsePlan((await readPlanXlsx(bytes)).input)).toEqual(parsePlan((await readPlanXlsx(await writePlanXlsx(plan, { sheets: 'tables' }))).input));
      return;
    }
    await checkEitherLayout(bytes, plan, 'OKRs');
    await checkEitherLayout(save(load(bytes)), plan, 'OKRs');
  });

  it('awkward text: the fingerprints match the workbook as written and re-saved', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(awkward, { minLength: 8, maxLength: 8 }).filter((t) => t[1] !== t[2]), fc.integer({ min: 1, max: 10_000 }), async (t, target) => {
        const plan = planOf(t, target);
        const bytes = await writePlanXlsx(plan, { locale: 'vi' });
        await checkEitherLayout(bytes, plan, 'Bảng OKR');
        await checkEitherLayout(save(load(bytes)), plan, 'Bảng OKR');
      }),
      { numRuns: 15 },
    );
  });

  it('both layouts edited, and they differ: an error at each differing cell, saying both were edited', async () => {
    const plan = parsePlan(JSON.parse(templateFiles('vi', '2026-11-15')['plan.json']!));
    const bytes = await writePlanXlsx(plan, { locale: 'vi' });
    const both = edited(bytes, { 'Bảng OKR': { E2: 8 }, 'key-results': { [ref(bytes, 'key-results', 'target', 3)]: 99 } });
    const error = await rejection(readPlanXlsx(both, { file: 'start.xlsx' }));
    expect(error.code).toBe('invalid_csv');
    expect(error.issues.map((i) => [i.path, i.messageKey])).toEqual([
      [['start.xlsx › Bảng OKR', 2, 'Hiện tại'], 'xlsx.bothEdited'],
      [['start.xlsx › Bảng OKR', 3, 'Chỉ tiêu'], 'xlsx.bothEdited'],
    ]);
    expect(error.issues[0]!.message).toMatch(/^Both the table sheets and this flat sheet were edited .* Keep one layout: delete the table sheets/);
    // Both edited the same way: they agree, and the tables are read.
    const same = edited(bytes, { 'Bảng OKR': { C2: 5 }, 'key-results': { [ref(bytes, 'key-results', 'start', 2)]: 5 } });
    expect(parsePlan((await readPlanXlsx(same)).input).keyResults[0]).toMatchObject({ start: 5 });
  });

  it('tables that make no valid plan are not compared: their own problem shows, not one per flat cell', async () => {
    const plan = parsePlan(JSON.parse(templateFiles('vi', '2026-11-15')['plan.json']!));
    const bytes = await writePlanXlsx(plan, { locale: 'vi' });
    const broken = edited(bytes, { 'Bảng OKR': { E2: 8 }, 'key-results': { [ref(bytes, 'key-results', 'objectiveId', 2)]: 'o9' } });
    const read = await readPlanXlsx(broken, { file: 'start.xlsx' });
    const parsed = safeParsePlan(read.input);
    expect(parsed.success).toBe(false);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => [i.path, i.code])).toEqual([[['keyResults', 0, 'objectiveId'], 'unknown_reference']]);
  });

  it('a workbook with both layouts and no fingerprint (made by someone else) is compared as before', async () => {
    const plan = parsePlan(JSON.parse(templateFiles('en', '2026-11-15')['plan.json']!));
    const book = load(await writePlanXlsx(plan));
    // Made without okrkit's sheet: the same sheets, as a user's program might copy them.
    const copy = XLSX.utils.book_new();
    for (const name of book.SheetNames.filter((n) => n !== '_okrkit' && n !== '_lists')) XLSX.utils.book_append_sheet(copy, book.Sheets[name]!, name);
    expect(parsePlan((await readPlanXlsx(save(copy))).input)).toEqual(plan);
    copy.Sheets['OKRs']!['E2'] = { t: 'n', v: 8 };
    const error = await rejection(readPlanXlsx(save(copy)));
    expect(error.issues.map((i) => [i.path, i.messageKey])).toEqual([[['plan.xlsx › OKRs', 2, 'Current'], 'xlsx.flatDiffers']]);
  });
});
