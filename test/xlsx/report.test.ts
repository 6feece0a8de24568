import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { OkrkitError, parsePlan } from '../../src/index.js';
import { buildReport, renderCsv, type Report } from '../../src/report/index.js';
import { renderXlsx } from '../../src/xlsx/index.js';
import { loadPlan } from '../fixtures.js';
import { python, readWithPython } from './python-xlsx.js';

const reportOf = (locale: 'en' | 'vi'): Report => buildReport(parsePlan(loadPlan('abc-kpis')), { asOf: '2026-11-15', locale, people: true });

/** renderCsv's rows of one type (its English word: Objective, Key result…), by id: the scores the workbook's sheet must hold in either language. */
function csvRows(type: string): Map<string, Record<string, string>> {
  const [header, ...rows] = parse(renderCsv(reportOf('en')), { bom: true }) as string[][];
  return new Map(rows.filter((r) => r[0] === type).map((r) => [r[1]!, Object.fromEntries(header!.map((h, i) => [h, r[i]!]))]));
}

describe('renderXlsx', () => {
  it.skipIf(!python)("has a sheet per kind of row with renderCsv's scores as numbers, as Python's standard library reads it", async () => {
    for (const locale of ['en', 'vi'] as const) {
      const report = reportOf(locale);
      const sheets = readWithPython(await renderXlsx(report));
      const names = locale === 'en' ? ['Objectives', 'Key results', 'KPIs', 'People and departments'] : ['Mục tiêu', 'Kết quả then chốt', 'KPI', 'Nhân sự và phòng ban'];
      expect(Object.keys(sheets)).toEqual(names);
      const check = (sheet: string, type: string, scoreHeader: string) => {
        const { rows, frozen, autoFilter } = sheets[sheet]!;
        expect(frozen && autoFilter).toBe(true);
        const header = rows[0]!.map((c) => c?.[1]);
        const expected = csvRows(type);
        expect(expected.size).toBeGreaterThan(0);
        const typeCell = locale === 'en' ? type : { Objective: 'mục tiêu', 'Key result': 'kết quả then chốt', KPI: 'KPI', Unit: 'đơn vị' }[type];
        const body = rows.slice(1).filter((r) => r[0]?.[1] === typeCell);
        expect(body.map((r) => r[1]?.[1])).toEqual([...expected.keys()]);
        for (const row of body) {
          const cell = row[header.indexOf(scoreHeader)] ?? null;
          const want = expected.get(row[1]![1])!.score!;
          if (want === '') expect(cell === null || cell[1] === '').toBe(true);
          else expect(cell).toEqual(['n', want, false]);
        }
        return header;
      };
      const header = check(names[0]!, 'Objective', locale === 'en' ? 'Score' : 'Điểm');
      expect(header).toContain(locale === 'en' ? 'Status' : 'Trạng thái');
      check(names[1]!, 'Key result', locale === 'en' ? 'Score' : 'Điểm');
      check(names[2]!, 'KPI', locale === 'en' ? 'Score' : 'Điểm');
      check(names[3]!, 'Unit', locale === 'en' ? 'Score' : 'Điểm');
    }
  });

  it('colours status cells by status and formats scores', async () => {
    const report = reportOf('vi');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderXlsx(report)).buffer as ArrayBuffer);
    const sheet = book.getWorksheet('Mục tiêu')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const status = header.indexOf('Trạng thái') + 1;
    const fills = new Map<string, string>();
    report.objectives.forEach((o, i) => {
      const cell = sheet.getCell(i + 2, status);
      const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
      fills.set(o.status, fill?.fgColor?.argb ?? 'none');
      expect(typeof cell.value).toBe('string');
    });
    const colour = { achieved: 'FFC6EFCE', onTrack: 'FFC6EFCE', atRisk: 'FFFFEB9C', offTrack: 'FFFFC7CE', notStarted: 'FFE7E6E6', noData: 'FFE7E6E6' } as const;
    for (const [s, argb] of fills) expect(argb).toBe(colour[s as keyof typeof colour]);
    expect(sheet.getCell(2, header.indexOf('Điểm') + 1).numFmt).toBe('0.0');
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it('names row types in words, not codes, and its headers as the CSV report does, in both languages', async () => {
    for (const locale of ['en', 'vi'] as const) {
      const report = reportOf(locale);
      const [, ...csvBody] = parse(renderCsv(report, { separator: ',' }), { bom: true, relax_column_count: true }) as string[][];
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await renderXlsx(report)).buffer as ArrayBuffer);
      const types = new Set<string>();
      for (const sheet of book.worksheets) for (let r = 2; r <= sheet.rowCount; r++) types.add(String(sheet.getCell(r, 1).value));
      // The same words in the workbook as in the CSV report, none of them a code.
      expect([...types].sort()).toEqual([...new Set(csvBody.map((row) => row[0]!))].sort());
      for (const type of types) expect([locale, type]).not.toEqual([locale, expect.stringMatching(/^(objective|keyResult|kpi|unit|owner|note)$/)]);
      expect(types).toEqual(new Set(locale === 'en' ? ['Objective', 'Key result', 'KPI', 'Unit', 'Owner'] : ['mục tiêu', 'kết quả then chốt', 'KPI', 'đơn vị', 'người phụ trách']));
    }
    // Each Vietnamese header of the workbook is the CSV report's, capitalised; the process state column too (a plan with states).
    for (const locale of ['en', 'vi'] as const) {
      const report = buildReport(parsePlan(loadPlan('saas-revenue')), { asOf: '2026-08-15', locale });
      const [csvHeader] = parse(renderCsv(report, { separator: ',' }), { bom: true, relax_column_count: true }) as string[][];
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await renderXlsx(report)).buffer as ArrayBuffer);
      const headers = (book.worksheets[1]!.getRow(1).values as unknown[]).slice(1).map(String);
      if (locale === 'vi') for (const h of headers) expect(csvHeader!.map((c) => c.charAt(0).toUpperCase() + c.slice(1))).toContain(h);
      expect(headers).toContain(locale === 'en' ? 'State' : 'Trạng thái quy trình');
    }
  });

  it('refuses what is not a report with an OkrkitError', async () => {
    await expect(renderXlsx({} as Report)).rejects.toThrow(OkrkitError);
  });
});
