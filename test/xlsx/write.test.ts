import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { readPlanCsv, writePlanCsv } from '../../src/csv/index.js';
import { evaluate, evaluateKpis, parsePlan, OkrkitError, type Plan } from '../../src/index.js';
import { readPlanXlsx, writePlanXlsx } from '../../src/xlsx/index.js';
import { deepFreeze, loadPlan } from '../fixtures.js';
import { python, readWithPython } from './python-xlsx.js';

const roundTrip = async (plan: object): Promise<Plan> => parsePlan((await readPlanXlsx(await writePlanXlsx(plan))).input);

/** Pieces of text spreadsheets get wrong: separators, quotes, line breaks, formula starts, `'`, Vietnamese (NFC and NFD), emoji. */
const PIECES = [',', ';', '"', '\r', '\n', '\r\n', '=', '=SUM(A1)', '+', '-', '@', '\t', "'", ' ', 'Tổng doanh thu', 'Nguyễn Thị Lan'.normalize('NFD'), 'quý 3', '👩‍💼', '1,5', '0;5', '_x0041_', '_x005F_x00a1_', '\u0001', '\u000b', '\uFFFE', 'a'];
const awkward = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme-ascii', maxLength: 3 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((text) => text.trim() !== '');

/** Exact decimals: doubles of any length (typed when Excel keeps them, text when not) and decimal strings no double holds. */
const exact = fc.oneof(
  fc.double({ min: 1e-6, max: 1e12, noNaN: true }).filter((x) => x !== 0),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((x) => x !== 0),
  fc.tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 9 })).map(([n, d]) => `${n}.${'0'.repeat(18)}${d}`),
);

const planOf = (t: readonly string[], target: number | string, value: number | string): Plan =>
  parsePlan({
    name: t[0],
    cycles: [{ id: 'q3', name: t[1]!, start: '2026-07-01', end: '2026-09-30' }],
    units: [{ id: 'u', name: t[2]!, level: 'team' }],
    objectives: [{ id: 'o1', title: t[3]!, cycleId: 'q3', unitId: 'u', description: t[4] }],
    keyResults: [{ id: 'k1', objectiveId: 'o1', title: t[5]!, kind: 'metric', start: 0, target, unit: t[6] }],
    checkIns: [{ keyResultId: 'k1', at: '2026-08-01', value, note: t[7] }],
  });

/** A decimal string a double holds exactly, as the number: CSV and workbooks alike read `"13.5"` as 13.5. */
function numbersAsRead(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(numbersAsRead);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, numbersAsRead(v)]));
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) && String(Number(value)) === value.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')) return Number(value);
  return value;
}

describe('writePlanXlsx / readPlanXlsx', () => {
  it.each(['xyz-corp', 'saas-cascade', 'abc-kpis', 'saas-revenue'] as const)('round-trips %s to the same plan and evaluation', async (name) => {
    const plan = parsePlan(loadPlan(name));
    const back = await roundTrip(deepFreeze(structuredClone(plan)));
    expect(numbersAsRead(back)).toEqual(numbersAsRead(plan));
    // The same plan as the CSV tables give: one set of cell rules.
    expect(back).toEqual(parsePlan(readPlanCsv(writePlanCsv(plan)).input));
    const asOf = name === 'abc-kpis' ? '2026-11-15' : '2026-08-15';
    expect(evaluate(back, { asOf, forecast: true })).toEqual(evaluate(plan, { asOf, forecast: true }));
    expect(evaluateKpis(back, { asOf })).toEqual(evaluateKpis(plan, { asOf }));
  });

  test.prop([fc.array(awkward, { minLength: 8, maxLength: 8 }), exact, exact], { numRuns: 60 })(
    'plan → xlsx → plan is the identity over awkward text and exact decimals',
    async (t, target, value) => {
      const plan = planOf(t, target, value);
      const before = structuredClone(plan);
      const back = await roundTrip(plan);
      expect(plan).toEqual(before);
      expect(back).toEqual(plan);
    },
  );

  it('writes formula-like text as text, never a formula, and SheetJS reads the same text', async () => {
    const plan = planOf(['=1+1', '+cmd', '-2', '@x', "'quoted", '=HYPERLINK("x")', '\tTab', 'ok'], 10, 5);
    const bytes = await writePlanXlsx(plan);
    const sheetjs = XLSX.read(bytes, { type: 'array' });
    const objectives = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheetjs.Sheets['objectives']!);
    expect(objectives[0]).toMatchObject({ title: '@x', description: "'quoted" });
    expect(Object.values(sheetjs.Sheets).flatMap((ws) => Object.values(ws).filter((c: { f?: string }) => typeof c === 'object' && c !== null && 'f' in c))).toEqual([]);
    expect((await roundTrip(plan)).objectives[0]!.title).toBe('@x');
  });

  it('writes numbers a double holds and Excel keeps as typed numbers, others as text, dates as typed dates', async () => {
    const plan = { ...planOf(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], '0.1000000000000000000001', 0.30000000000000004), keyResults: [] as never[] };
    const kr = { id: 'k1', objectiveId: 'o1', title: 't', kind: 'metric', start: 1.5, target: '0.1000000000000000000001' };
    const workbook = XLSX.read(await writePlanXlsx({ ...plan, keyResults: [kr] }), { type: 'array', cellDates: true });
    const cell = (sheet: string, name: string) => {
      const ws = workbook.Sheets[sheet]!;
      const header = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1 })[0]!;
      return ws[XLSX.utils.encode_cell({ r: 1, c: header.indexOf(name) })] as XLSX.CellObject;
    };
    expect(cell('key-results', 'start')).toMatchObject({ t: 'n', v: 1.5 });
    expect(cell('key-results', 'target')).toMatchObject({ t: 's', v: '0.1000000000000000000001' });
    expect(cell('check-ins', 'value')).toMatchObject({ t: 's', v: '0.30000000000000004' });
    expect(cell('check-ins', 'at')).toMatchObject({ t: 'd', v: new Date('2026-08-01T00:00:00Z') });
  });

  it.skipIf(!python)("Python's zipfile and xml.etree read the same cells, no formula, frozen styled headers, filters and drop-down lists", async () => {
    const plan = parsePlan(loadPlan('xyz-corp'));
    const sheets = readWithPython(await writePlanXlsx(plan));
    const files = writePlanCsv(plan, { bom: false });
    for (const [file, text] of Object.entries(files)) {
      const name = file.replace(/\.csv$/, '');
      const sheet = sheets[name]!;
      expect(sheet.state).toBe('visible');
      expect(sheet.frozen && sheet.autoFilter).toBe(true);
      const csv = (await import('csv-parse/sync')).parse(text, { relax_column_count: true }) as string[][];
      // A column blank in every row (check-ins' `id`) is not written to the sheet: cells are found by header.
      const sheetHeader = (sheet.rows[0] ?? []).map((cell) => cell?.[1] ?? null);
      csv.forEach((row, r) =>
        row.forEach((expected, i) => {
          const c = sheetHeader.indexOf(csv[0]![i]!);
          if (c < 0) return expect(csv.slice(1).every((line) => (line[i] ?? '') === '')).toBe(true);
          const got = sheet.rows[r]?.[c] ?? null;
          if (expected === '') return expect(got === null || got[1] === '').toBe(true);
          const [type, v, formula] = got!;
          expect(formula).toBe(false);
          if (type === 'n' && /^\d{4}-\d{2}-\d{2}$/.test(expected)) expect(Number(v)).toBe((Date.parse(expected) - Date.UTC(1899, 11, 30)) / 86_400_000);
          else if (type === 'n') expect(Number(v)).toBe(Number(expected));
          else if (type === 'b') expect(v).toBe(expected === 'true' ? '1' : '0');
          else expect(v).toBe(expected.startsWith("'") ? expected.slice(1) : expected);
        }),
      );
    }
    expect(sheets['key-results']!.validations).toBeGreaterThan(0);
    expect(sheets['_lists']!.state).toBe('hidden');
  });

  it('refuses what is not a plan, and a flat sheet the plan does not fit, with an OkrkitError', async () => {
    await expect(writePlanXlsx(null as never)).rejects.toThrow(OkrkitError);
    await expect(writePlanXlsx({}, { locale: 'fr' as never })).rejects.toThrow(OkrkitError);
    await expect(writePlanXlsx(parsePlan(loadPlan('xyz-corp')), { sheets: 'flat' })).rejects.toThrow(/flat/);
  });
});
