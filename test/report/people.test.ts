import { describe, expect, it } from 'vitest';
import { buildReport, renderCsv, renderHtml, renderMarkdown, renderText, type Report } from '../../src/report/index.js';
import { evaluate, OkrkitError, parsePlan, performance } from '../../src/index.js';
import { loadPlan } from '../fixtures.js';
import { ABC_PEOPLE } from '../people/abc-people.js';

const report = buildReport(ABC_PEOPLE, { asOf: '2026-12-31' });

describe('the report’s People and departments section', () => {
  it('holds the unit tree depth first with OKR and KPI scores, then the owners', () => {
    const p = performance(ABC_PEOPLE, evaluate(ABC_PEOPLE, { asOf: '2026-12-31' }));
    expect(report.people?.units.map((u) => [u.id, u.depth, u.total, u.score, u.status, u.objectives, u.kpiTotal, u.kpiRating])).toEqual([
      ['abc', 0, 0.7875, 0.7, 'offTrack', 5, p.units['abc']?.kpis.total, 'B'],
      ['sales', 1, 0.75625, 0.625, 'offTrack', 3, 87, 'B'],
      ['lan', 2, 0.9, 0.9, 'atRisk', 1, 92, 'A'],
      ['minh', 2, 0.6, 0.6, 'offTrack', 1, 82, 'B'],
      ['marketing', 1, 1, 1, 'achieved', 1, 80, 'B'],
      ['projects', 1, null, null, null, 0, 90, 'A'],
    ]);
    expect(report.people?.owners.map((o) => [o.id, o.name, o.score, o.kpiTotal])).toEqual([
      ['an', null, 0.7, null],
      ['lan', 'Nguyễn Thị Lan', p.owners['lan']?.score, 92],
      ['minh', 'Trần Văn Minh', 0.6, 82],
      ['hoa', null, null, 80],
      ['tuan', null, null, 90],
    ]);
  });

  it('is left out of plans whose OKRs have no owner (the bundled plans’ reports do not change), unless asked for', () => {
    for (const name of ['xyz-corp', 'saas-cascade', 'abc-kpis'] as const) {
      const plan = parsePlan(loadPlan(name));
      expect(buildReport(plan)).not.toHaveProperty('people');
      expect(renderText(buildReport(plan))).not.toContain('People and departments');
    }
    const abc = parsePlan(loadPlan('abc-kpis'));
    expect(buildReport(abc, { people: true, asOf: '2026-12-31' }).people?.units.find((u) => u.id === 'sales')).toMatchObject({ total: null, kpiTotal: 87 });
    expect(buildReport(ABC_PEOPLE, { people: false })).not.toHaveProperty('people');
    expect(() => buildReport(abc, { people: 'yes' as never })).toThrow(/options\.people must be one of true, false, got yes/);
  });

  it('renders in every format and both languages', () => {
    const text = renderText(report);
    expect(text).toContain('People and departments');
    expect(text).toMatch(/ 79 {2}Công ty ABC — company {2}Off track/);
    expect(text).toMatch(/Own OKRs 63 · Objectives 3 · KPI scorecard 87 \(B · Good\)/);
    expect(text).toMatch(/ 81 {2}lan \(Nguyễn Thị Lan\) {2}Off track/);
    const md = renderMarkdown(report);
    expect(md).toContain('## People and departments');
    expect(md).toContain('| Công ty ABC | company | 79 | 70 | Off track | 5 | 86 | B · Good |');
    expect(md).toContain('| lan (Nguyễn Thị Lan) | 81 | Off track | 2 | 92 | A · Excellent |');
    const csv = renderCsv(report).split('\r\n');
    expect(csv).toContain('Unit,sales,Phòng Kinh doanh (Sales),abc,1,department,,75.625,Off track,,,,,87,B,,');
    expect(csv).toContain('Owner,minh,Trần Văn Minh,,,,minh,60,Off track,,,,,82,B,,');
    const html = renderHtml(report);
    expect(html).toMatch(/<section id="people"><h2>People and departments<\/h2>/);
    expect(html).toContain('<tr data-owner="lan">');
    const vi = buildReport(ABC_PEOPLE, { asOf: '2026-12-31', locale: 'vi' });
    expect(renderText(vi)).toMatch(/Nhân sự và phòng ban[\s\S]*Phòng Kinh doanh \(Sales\) — phòng ban {2}Chậm tiến độ/);
    expect(renderMarkdown(vi)).toContain('| Đơn vị | Cấp tổ chức | Gồm các cấp dưới | OKR của riêng đơn vị |');
    expect(renderHtml(vi)).toContain('<h3>Người phụ trách</h3>');
  });

  it('escapes what the plan wrote in each format', () => {
    const nasty = '<img src=x onerror=alert(1)>|=HYPERLINK("x")\n# h';
    const plan = parsePlan({
      cycles: [{ id: 'q', name: 'Q', start: '2026-01-01', end: '2026-03-31' }],
      units: [{ id: 'u', name: nasty, level: 'individual' }],
      objectives: [{ id: 'o', title: 'O', cycleId: 'q', unitId: 'u', ownerId: 'u', finalScore: 0.5 }],
    });
    const r = buildReport(plan);
    expect(renderHtml(r)).not.toContain('<img');
    expect(renderMarkdown(r).split('\n').filter((l) => l.startsWith('# '))).toHaveLength(1);
    expect(renderCsv(r)).not.toMatch(/,=HYPERLINK/);
    expect(renderText(r)).not.toMatch(/\n# h/);
  });

  it('rejects a section that is not what buildReport gives', () => {
    const bad = { ...report, people: { units: [{ ...report.people?.units[0], objectives: -1 }], owners: [] } } as Report;
    expect(() => renderText(bad)).toThrow(OkrkitError);
    expect(() => renderHtml({ ...report, people: { units: 'x' } } as never)).toThrow(/report\.people\.units must be an array/);
  });
});
