import { describe, expect, it } from 'vitest';
import { buildReport, renderCsv, renderHtml, renderMarkdown, renderText } from '../../src/report/index.js';
import { evaluate, evaluateKpis, formatScore, lintPlan, OkrkitError, parsePlan } from '../../src/index.js';
import { deepFreeze, loadPlan } from '../fixtures.js';

const xyz = parsePlan(loadPlan('xyz-corp'));
const abc = parsePlan(loadPlan('abc-kpis'));
const saas = parsePlan(loadPlan('saas-cascade'));

describe('buildReport', () => {
  it('carries the evaluation: every objective in tree order with its key results', () => {
    const report = buildReport(saas, { asOf: '2026-08-15' });
    const e = evaluate(saas, { asOf: '2026-08-15', forecast: true });
    expect(report.objectives.map((o) => [o.id, o.depth, o.parentId])).toEqual([
      ['o-leader', 0, null],
      ['o-reach', 1, 'o-leader'],
      ['o-website', 1, 'o-leader'],
    ]);
    for (const o of report.objectives) {
      expect([o.score, o.status, o.forecast]).toEqual([e.objectives[o.id]!.score, e.objectives[o.id]!.status, e.objectives[o.id]!.forecastScore]);
      expect(o.keyResults.map((k) => k.id)).toEqual(e.objectives[o.id]!.keyResultIds);
      for (const kr of o.keyResults) expect([kr.score, kr.status, kr.value]).toEqual([e.keyResults[kr.id]!.score, e.keyResults[kr.id]!.status, e.keyResults[kr.id]!.value]);
    }
    expect(report.counts).toEqual({ objectives: 3, keyResults: 6, kpis: 0, checkIns: saas.checkIns.length, checkInsOutsideCycle: 0 });
    expect(Object.values(report.statuses).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('draws each key result from the cycle start to the report date', () => {
    const report = buildReport(xyz, { asOf: '2026-08-15' });
    const kr = report.objectives[0]!.keyResults[0]!;
    expect(kr.history[0]!.date).toBe('2026-07-01');
    expect(kr.history.at(-1)!.date).toBe('2026-08-15');
    expect(kr.history.filter((p) => p.checkIn).length).toBeGreaterThan(0);
  });

  it('reports KPIs with attainment, RAG status and series, and unit scorecards', () => {
    const report = buildReport(abc, { asOf: '2026-11-15', locale: 'vi' });
    const kpis = evaluateKpis(abc, { asOf: '2026-11-15' });
    expect(report.kpis.map((k) => [k.id, k.attainment, k.status])).toEqual(abc.kpis.map((k) => [k.id, kpis[k.id]!.attainment, kpis[k.id]!.status]));
    expect(report.kpis.find((k) => k.id === 'lan-leads')!.series.length).toBeGreaterThan(1);
    expect(report.kpis.filter((k) => k.linked).map((k) => k.id)).toEqual(abc.keyResults.flatMap((k) => (k.source ? [k.source.kpiId] : [])));
    expect(report.scorecards.map((s) => s.unitId)).toContain('sales');
    expect(report.findings).toEqual(lintPlan(abc, { asOf: '2026-11-15', locale: 'vi' }));
    expect(report.title).toBe(abc.name);
  });

  it('leaves a frozen plan untouched, gives the same report twice and survives JSON', () => {
    const frozen = deepFreeze(structuredClone(abc));
    const first = buildReport(frozen, { asOf: '2026-11-15' });
    expect(buildReport(frozen, { asOf: '2026-11-15' })).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    expect(frozen).toEqual(abc);
  });

  it('rejects bad options with an OkrkitError', () => {
    expect(() => buildReport(xyz, { locale: 'fr' as never })).toThrow(OkrkitError);
    expect(() => buildReport(xyz, { asOf: '2026-02-30' })).toThrow(OkrkitError);
    expect(() => buildReport(null as never)).toThrow(OkrkitError);
  });
});

describe('renderers', () => {
  const report = buildReport(xyz, { asOf: '2026-10-01' });
  const score = formatScore(report.objectives[0]!.score);

  it('text shows every title, score and status, and colours only when asked', () => {
    const text = renderText(report);
    for (const o of report.objectives) expect(text).toContain(o.title);
    expect(text).toContain(`${score}  ${report.objectives[0]!.title}`);
    expect(text).toContain('Overall score: ');
    expect(text).not.toContain('\u001b[');
    expect(renderText(report, { color: true })).toContain('\u001b[');
  });

  it('Markdown has a table row per objective and key result', () => {
    const md = renderMarkdown(report);
    expect(md).toMatch(/^# XYZ Corp/);
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Item') && !l.startsWith('| Rule'));
    expect(rows.length).toBe(report.objectives.length + report.counts.keyResults + report.findings.length);
  });

  it('CSV has a byte-order mark and a row per objective, key result and KPI', () => {
    const csv = renderCsv(buildReport(abc, { asOf: '2026-11-15' }));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.trim().split('\r\n')).toHaveLength(1 + abc.objectives.length + abc.keyResults.length + abc.kpis.length);
    expect(csv).toContain('Nguyễn Thị Lan');
  });

  it('HTML is one self-contained page: no script, nothing fetched, text escaped', () => {
    const html = renderHtml(buildReport(parsePlan({ ...loadPlan('xyz-corp'), name: '<script>alert(1)</script> & Co' }), { asOf: '2026-10-01' }));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|src=/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(html.match(/<article class="objective"/g)).toHaveLength(3);
    expect(html.match(/<svg class="chart"/g)!.length).toBe(report.counts.keyResults);
  });

  it('HTML speaks Vietnamese when asked', () => {
    const html = renderHtml(buildReport(abc, { asOf: '2026-11-15', locale: 'vi' }));
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Mục tiêu');
    expect(html).toContain('Thẻ điểm');
  });
});
