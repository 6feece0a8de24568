import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, renderCsv } from '../../src/report/index.js';
import { OkrkitError, parsePlan } from '../../src/index.js';
import { loadPlan } from '../fixtures.js';
import { python, readWithPython } from '../csv/python-csv.js';
import { run } from './helpers.js';

// report --format csv --locale vi: decimal commas and ; between cells by default, as Excel
// with Vietnamese regional settings reads them (docs/cli.md); the rule in renderCsv.
const PLANS = join(import.meta.dirname, '../../examples/plans');
const BUNDLED = readdirSync(PLANS).filter((f) => f.endsWith('.json'));

/** The columns that hold numbers (0-based): level, score, expected, confidence, forecast, value, target. */
const NUMERIC = [4, 7, 9, 10, 12, 13, 14];

const cells = (text: string, delimiter: string): string[][] => (python ? (readWithPython({ 'r.csv': text }, delimiter)['r.csv'] ?? []) : []);

describe('report --format csv under --locale vi', () => {
  it.each(BUNDLED)('%s: ; and decimal commas by default, each number the English sheet\'s with its dot made a comma (read by Python\'s csv module)', async (name) => {
    const args = ['report', join(PLANS, name), '--as-of', '2026-08-15', '--format', 'csv'];
    const vi = await run([...args, '--locale', 'vi']);
    const en = await run(args);
    expect([vi.code, en.code]).toEqual([0, 0]);
    expect(vi.stdout.split('\r\n')[0]).toBe('\uFEFFloại;id;tiêu đề;cấp trên;cấp;đơn vị;người phụ trách;điểm;trạng thái;kỳ vọng;mức độ tự tin;đánh giá;dự báo;giá trị;chỉ tiêu;trạng thái quy trình;tổng hợp từ');
    if (!python) return;
    const viRows = cells(vi.stdout, ';');
    const enRows = cells(en.stdout, ',');
    expect(viRows.length).toBe(enRows.length);
    expect(viRows.every((r) => r.length === 17)).toBe(true);
    let decimals = 0;
    enRows.slice(1).forEach((row, i) => {
      for (const c of NUMERIC) {
        const expected = (row[c] ?? '').replace(/(\d)\.(\d)/g, '$1,$2');
        expect([name, i, c, viRows[i + 1]?.[c]]).toEqual([name, i, c, expected]);
        if (expected.includes(',')) decimals++;
      }
    });
    if (name !== 'abc-kpis.json') expect(decimals).toBeGreaterThan(0);
  });

  it('explicit --separator and --decimal win; --decimal , --separator , is bad usage', async () => {
    const args = ['report', join(PLANS, 'xyz-corp.json'), '--as-of', '2026-08-15', '--format', 'csv', '--locale', 'vi'];
    const comma = await run([...args, '--separator', ',']);
    expect(comma.code).toBe(0);
    expect(comma.stdout.split('\r\n')[0]).toContain('loại,id,tiêu đề');
    expect(comma.stdout).not.toMatch(/\d,\d{4},/);
    const dot = await run([...args, '--decimal', '.']);
    expect(dot.stdout.split('\r\n')[0]).toContain('loại,id,');
    const semi = await run([...args.slice(0, -2), '--decimal', ',']);
    expect(semi.stdout.split('\r\n')[0]).toBe('\uFEFFtype;id;title;parent;level;unit;owner;score;status;expected;confidence;grade;forecast;value;target;state;aggregatedFrom');
    expect(await run([...args, '--decimal', ',', '--separator', ','])).toMatchObject({ code: 2, stdout: '', stderr: 'okrkit: --decimal , cần --separator ";": dấu phẩy không thể vừa đánh dấu phần thập phân vừa ngăn cách các ô\n' });
    // English stays as it was: , and dots.
    expect((await run(args.slice(0, -2))).stdout.split('\r\n')[0]).toBe('\uFEFFtype,id,title,parent,level,unit,owner,score,status,expected,confidence,grade,forecast,value,target,state,aggregatedFrom');
  });
});

describe('renderCsv decimal', () => {
  const xyz = parsePlan(loadPlan('xyz-corp'));

  it('a , decimal mark puts ; between cells; with a , separator it is an invalid_argument error', () => {
    const report = buildReport(xyz, { asOf: '2026-08-15' });
    expect(renderCsv(report, { decimal: ',' })).toBe(renderCsv(report, { decimal: ',', separator: ';' }));
    expect(() => renderCsv(report, { decimal: ',', separator: ',' })).toThrow(OkrkitError);
    expect(() => renderCsv(report, { decimal: 'x' as never })).toThrow(/options\.decimal must be one of/);
  });

  it('property: any check-in value comes out with its dot made a comma, and the cells (read by csv-parse) are the same otherwise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 9999 }), (whole, fraction) => {
        const value = Number(`${whole}.${String(fraction).padStart(4, '0')}`);
        const plan = parsePlan({ ...loadPlan('xyz-corp'), checkIns: [{ keyResultId: 'kr-sales-growth', at: '2026-08-01', value }] });
        const report = buildReport(plan, { asOf: '2026-08-15' });
        const dot = renderCsv(report, { separator: ';' });
        const comma = renderCsv(report, { decimal: ',' });
        const split = (t: string): string[][] => parse(t.replace(/^\uFEFF/, ''), { delimiter: ';' });
        const [d, c] = [split(dot), split(comma)];
        expect(c.length).toBe(d.length);
        d.forEach((row, i) => row.forEach((cell, j) => expect(c[i]?.[j]).toBe(NUMERIC.includes(j) && i > 0 ? cell.replace(/(\d)\.(\d)/g, '$1,$2') : cell)));
        expect(comma).toContain(String(value).replace('.', ','));
      }),
      { numRuns: 40 },
    );
  });
});
