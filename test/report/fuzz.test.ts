import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect } from 'vitest';
import { readPlanCsv, writePlanCsv } from '../../src/csv/index.js';
import { parsePlan } from '../../src/index.js';
import { buildReport, renderCsv, renderHtml, renderMarkdown, renderText, type Report } from '../../src/report/index.js';
import { FORMULA_START, NUMBER } from '../csv/python-csv.js';
import { ID_SLOTS, planWith } from './hostile-plan.js';

// Hostile strings through the CSV writer and reader and every renderer: control
// characters, formula prefixes, markup, NFD text, very long values, in any mix.
const token = fc.constantFrom(
  '=', '+', '-', '@', '\t', '\r', '\n', '\r\n', "'", '"', ',', ';', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))',
  '#', '|', '`', '*', '_', '~', '&amp;', '&', '\\', '!', '\u001b[2J', '\u0007', '\u0000', '\u0085', '\u2028', '\u202e', 'Tăng'.normalize('NFD'), 'Tăng', ' ', '-5', '1e3',
);
const hostileText = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.oneof(token, fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }) },
  { weight: 1, arbitrary: fc.tuple(token, fc.integer({ min: 1000, max: 5000 })).map(([t, n]) => t + 'x'.repeat(n)) },
);
const textsArb = fc.array(hostileText, { minLength: 21, maxLength: 21 });
/** Owner ids are shown too, and are ids: at most 256 characters. */
const OWNER_SLOTS: ReadonlySet<number> = new Set([6, 12]);

const plain = (i: number) => `Text ${i}`;
function textAt(texts: readonly string[], i: number): string {
  if (ID_SLOTS.has(i)) return `id${i}`;
  const text = texts[i] === undefined || texts[i] === '' ? plain(i) : texts[i];
  return OWNER_SLOTS.has(i) ? text.slice(0, 200) : text;
}
const planOf = (texts: readonly string[]) => parsePlan(planWith((i) => textAt(texts, i)));
const reportOf = (texts: readonly string[]) => buildReport(planOf(texts), { asOf: '2026-08-15' });

/** Names of the report's text fields: the plan's words, which the renderers must escape. */
const TEXT_FIELDS = new Set(['title', 'name', 'unit', 'unitName', 'ownerId', 'message', 'id', 'parentId', 'unitId', 'cycleId', 'rating']);

/** The same report with plain words in every text field: the same shape, lines and tags. */
function plainCopy(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => plainCopy(item));
  // A state's name is okrkit's word (`proposed`), not the plan's.
  if (key === 'state') return value;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainCopy(v, k)]));
  return typeof value === 'string' && TEXT_FIELDS.has(key) ? 'x' : value;
}

const cells = (csv: string): string[] => (parse(csv, { bom: true, relax_column_count: true }) as string[][]).flat();
const formulas = (csv: string) => cells(csv).filter((c) => FORMULA_START.test(c) && !NUMBER.test(c));
const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe('hostile text through the CSV writer and reader and the renderers', () => {
  test.prop([textsArb], { numRuns: 60 })('CSV files hold no formula at a cell start and read back to the same plan', (texts) => {
    const plan = planOf(texts);
    const files = writePlanCsv(plan);
    for (const text of Object.values(files)) expect(formulas(text)).toEqual([]);
    expect(formulas(renderCsv(buildReport(plan, { asOf: '2026-08-15' })))).toEqual([]);
    expect(parsePlan(readPlanCsv(files).input)).toEqual(plan);
  });

  test.prop([textsArb], { numRuns: 60 })('renderers add no markup and no line, and grow linearly with the text', (texts) => {
    const report = reportOf(texts);
    const base = plainCopy(report) as Report;
    const size = texts.reduce((sum, t) => sum + t.length, 0);
    const md = renderMarkdown(report);
    const baseMd = renderMarkdown(base);
    expect(md.split('\n')).toHaveLength(baseMd.split('\n').length);
    expect(md.replace(/\\[\s\S]/g, '')).not.toMatch(/[<>[\]`]/);
    const html = renderHtml(report);
    const baseHtml = renderHtml(base);
    // Escaped data adds no tag: as many < and > as in the same report with plain text.
    expect([count(html, /</g), count(html, />/g)]).toEqual([count(baseHtml, /</g), count(baseHtml, />/g)]);
    const text = renderText(report);
    expect(text.split('\n')).toHaveLength(renderText(base).split('\n').length);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
    for (const [out, plainOut] of [[md, baseMd], [html, baseHtml], [text, renderText(base)], [renderCsv(report), renderCsv(base)]] as const) {
      expect(out.length).toBeLessThanOrEqual(plainOut.length + 30 * size);
    }
  });
});
