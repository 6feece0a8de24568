import { test } from '@fast-check/vitest';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCell } from '../../src/csv/cells.js';
import { readPlanCsv, readPlanSheet, writePlanCsv } from '../../src/csv/index.js';
import { OkrkitError, parsePlan, type Plan } from '../../src/index.js';
import { ROW_TYPES } from '../../src/report/csv.js';
import { buildReport, renderCsv } from '../../src/report/index.js';
import { python, readWithPython } from './python-csv.js';

/** Pieces of text spreadsheets and CSV readers get wrong: separators, quotes, line breaks (Alt+Enter's bare LF too), formula starts, tabs, Vietnamese, emoji. */
const PIECES = [',', ';', '"', '""', '\r', '\n', '\r\n', '=', '+', '-', '@', '\t', "'", ' ', 'Tổng doanh thu', 'Nguyễn Thị Lan', 'quý 3', '👩‍💼', '🚀', '1,5', '0;5', 'a'];
const awkward = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 3 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((text) => text.trim() !== '');
const texts = fc.array(awkward, { minLength: 8, maxLength: 8 });
const separator = fc.constantFrom<',' | ';'>(',', ';');

/** A plan whose every text field holds awkward text. */
const planOf = (t: readonly string[]): Plan =>
  parsePlan({
    name: t[0],
    cycles: [{ id: 'q3', name: t[1]!, start: '2026-07-01', end: '2026-09-30' }],
    units: [{ id: 'u', name: t[2]!, level: 'team' }],
    objectives: [{ id: 'o1', title: t[3]!, cycleId: 'q3', unitId: 'u', description: t[4] }],
    keyResults: [{ id: 'k1', objectiveId: 'o1', title: t[5]!, kind: 'metric', start: 0, target: 12.5, unit: t[6] }],
    checkIns: [{ keyResultId: 'k1', at: '2026-08-01', value: 2.25, note: t[7] }],
  });

/** The cells of CSV text as okrkit's own parser (csv-parse) reads them with `delimiter`. */
const ownCells = (text: string, delimiter: string): string[][] => parse(text, { bom: true, delimiter, relax_column_count: true });

const withPython = (name: string) => (python ? name : `${name} (skipped: python3 is not installed, so no second reader checks the files)`);

describe('CSV output: RFC 4180 quoting and the separator', () => {
  it('quotes every cell with a comma, semicolon, quote, CR or a bare LF, doubling quotes, with either separator', () => {
    const plan = { objectives: [{ id: 'o', title: 'Dòng 1\nDòng 2', cycleId: 'a,b', description: 'say "hi"; bye' }, { id: 'p', title: 'x\ry', cycleId: 'plain' }] };
    expect(writePlanCsv(plan, { bom: false })['objectives.csv']).toBe(
      'id,title,cycleId,description\r\no,"Dòng 1\nDòng 2","a,b","say ""hi""; bye"\r\np,"x\ry",plain,\r\n',
    );
    expect(writePlanCsv(plan, { bom: false, separator: ';' })['objectives.csv']).toBe(
      'id;title;cycleId;description\r\no;"Dòng 1\nDòng 2";"a,b";"say ""hi""; bye"\r\np;"x\ry";plain;\r\n',
    );
  });

  it('refuses a separator other than "," or ";" with an OkrkitError naming the option', () => {
    for (const bad of ['|', '\t', '', 1, null]) {
      const error = (() => {
        try {
          writePlanCsv({ objectives: [] }, { separator: bad as ',' });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(OkrkitError);
      expect(String((error as OkrkitError).message)).toContain('options.separator');
    }
    expect(() => renderCsv(buildReport(planOf(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']), { asOf: '2026-08-15' }), { separator: '|' as ';' })).toThrow(OkrkitError);
  });

  test.prop([texts, separator], { numRuns: 150 })('plan → CSV tables → plan is the identity, with either separator, over awkward text', (t, sep) => {
    const plan = planOf(t);
    const before = structuredClone(plan);
    const files = writePlanCsv(plan, { separator: sep });
    expect(plan).toEqual(before);
    const header = sep === ',' ? /^\uFEFF[\w.]+(?:,[\w.]+)+$/ : /^\uFEFF[\w.]+(?:;[\w.]+)+$/;
    for (const text of Object.values(files)) expect(text.split('\r\n')[0]).toMatch(header);
    expect(parsePlan(readPlanCsv(files).input)).toEqual(plan);
    expect(parsePlan(readPlanCsv(files, { decimal: sep === ';' ? ',' : '.' }).input)).toEqual(plan);
  });

  it.skipIf(!python)(withPython("Python's csv module reads the same cells as okrkit from the tables and the report, with either separator"), () => {
    const samples = fc.sample(fc.tuple(texts, separator), { numRuns: 80, seed: 16_2026 });
    for (const sep of [',', ';'] as const) {
      const files: Record<string, string> = {};
      const plans: Plan[] = [];
      samples.filter(([, s]) => s === sep).forEach(([t], i) => {
        const plan = planOf(t);
        plans.push(plan);
        for (const [name, text] of Object.entries(writePlanCsv(plan, { separator: sep }))) files[`${i}-${name}`] = text;
        files[`${i}-report.csv`] = renderCsv(buildReport(plan, { asOf: '2026-08-15' }), { separator: sep });
      });
      const read = readWithPython(files, sep);
      for (const [name, text] of Object.entries(files)) expect([name, read[name]]).toEqual([name, ownCells(text, sep)]);
      plans.forEach((plan, i) => {
        const [header, row] = read[`${i}-objectives.csv`]!;
        expect(row![header!.indexOf('title')]).toBe(writeCell(plan.objectives[0]!.title, 'text'));
        expect(row![header!.indexOf('description')]).toBe(writeCell(plan.objectives[0]!.description, 'text'));
        const report = read[`${i}-report.csv`]!;
        const kr = report.find((r) => r[0] === ROW_TYPES.en.keyResult)!;
        expect(kr[report[0]!.indexOf('title')]).toBe(writeCell(plan.keyResults[0]!.title, 'text'));
      });
    }
  });

  it('reads the separator from the header line, not counting separators inside quotes', () => {
    const sheet = '"objective";"key result";"start";"target";"current";"cycle"\r\n"Grow, fast";"Revenue; net";0;20;12;Q3 2026\r\n';
    const read = readPlanSheet(sheet, { checkInDate: '2026-08-15' });
    const plan = parsePlan(read.input);
    expect(plan.objectives[0]!.title).toBe('Grow, fast');
    expect(plan.keyResults[0]!.title).toBe('Revenue; net');
    // A quoted header cell holding commas does not outvote the semicolons between cells.
    const tables = readPlanCsv({ 'objectives.csv': 'id;"title";cycleId\r\no1;"a,b,c,d";q3\r\n' });
    expect(tables.input.objectives).toEqual([{ id: 'o1', title: 'a,b,c,d', cycleId: 'q3' }]);
  });
});
