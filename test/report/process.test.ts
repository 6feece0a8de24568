// The report on the OKR process and value rollups: each record's state (and whether the
// rollups count it) and an aggregated key result's contributors, in every format and
// both languages, checked against the plan and evaluate on random plans too.
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { evaluate, formatValue, parsePlan, scoreWeightedMean, type OkrState, type PlanInput } from '../../src/index.js';
import { buildReport, renderCsv, renderHtml, renderMarkdown, renderText, type Report } from '../../src/report/index.js';
import { planArb } from '../arbitraries.js';
import { thrown } from '../builders.js';
import { loadPlan } from '../fixtures.js';

const saas = parsePlan(loadPlan('saas-revenue'));
const AT = '2026-08-15';
// The people section is left out: it is tested in people.test.ts.
const reportIn = (locale: 'en' | 'vi', includeDrafts?: boolean) => buildReport(saas, { asOf: AT, locale, people: false, ...(includeDrafts === undefined ? {} : { includeDrafts }) });
const title = (id: string) => saas.keyResults.find((k) => k.id === id)!.title;
const csvRows = (csv: string) => parse(csv, { bom: true, columns: true }) as Record<string, string>[];

describe('the saas-revenue report: states and the revenue sum', () => {
  it('carries each record\'s state, whether it is counted, and the sum\'s contributors', () => {
    const report = reportIn('en');
    const website = report.objectives.find((o) => o.id === 'o-website')!;
    expect(website.state).toEqual({ name: 'proposed', counted: false });
    expect(report.objectives.find((o) => o.id === 'o-sales')!.state).toEqual({ name: 'active', counted: true });
    const krs = report.objectives.flatMap((o) => o.keyResults);
    expect(krs.find((k) => k.id === 'kr-webinars')!.state).toEqual({ name: 'draft', counted: false });
    expect(krs.find((k) => k.id === 'kr-rev-a')!.state).toBeNull();
    const revenue = krs.find((k) => k.id === 'kr-revenue')!;
    expect(revenue.aggregate).toEqual({
      how: 'sum',
      from: [
        { id: 'kr-rev-a', title: title('kr-rev-a'), value: 52000 },
        { id: 'kr-rev-b', title: title('kr-rev-b'), value: 9500 },
        { id: 'kr-rev-c', title: title('kr-rev-c'), value: 1000 },
      ],
    });
    expect(revenue.value).toBe(62500);
    for (const k of krs) if (k.id !== 'kr-revenue') expect(k.aggregate).toBeNull();
  });

  it('with includeDrafts, counts them, as evaluate does', () => {
    const report = reportIn('en', true);
    expect(report.objectives.find((o) => o.id === 'o-website')!.state).toEqual({ name: 'proposed', counted: true });
    const e = evaluate(saas, { asOf: AT, forecast: true, includeDrafts: true });
    for (const o of report.objectives) expect(o.score).toBe(e.objectives[o.id]!.score);
    expect(report.objectives[0]!.score).not.toBe(reportIn('en').objectives[0]!.score);
    expect(renderText(report)).toContain('[proposed]');
    expect(renderText(report)).not.toContain('not counted');
    expect(thrown(() => buildReport(saas, { includeDrafts: 'yes' as never })).message).toContain('includeDrafts');
  });

  const sum = (locale: 'en' | 'vi') => {
    const v = (n: number) => formatValue(n, { locale, unit: 'USD' });
    return `${title('kr-rev-a')} ${v(52000)} + ${title('kr-rev-b')} ${v(9500)} + ${title('kr-rev-c')} ${v(1000)}`;
  };

  it.each([
    ['en', '[proposed — not counted]', '[draft — not counted]', '= sum of '],
    ['vi', '[đề xuất — chưa tính]', '[bản nháp — chưa tính]', '= tổng của '],
  ] as const)('shows them in text, Markdown and HTML (%s)', (locale, proposed, draft, head) => {
    const report = reportIn(locale);
    const text = renderText(report);
    const line = (needle: string) => text.split('\n').find((l) => l.includes(needle)) ?? '';
    expect(line('(Build a high-performance website)')).toContain(`(Build a high-performance website) ${proposed}`);
    expect(line('(6 webinars)')).toContain(`(6 webinars) ${draft}`);
    expect(line('(Grow revenue to 121,000 USD this quarter)')).not.toContain('[');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('(Revenue 121,000 USD)'));
    expect(lines[at + 1]!.trim()).toBe(`${head}${sum(locale)}`);
    // Only the aggregated key result has such a line.
    expect(lines.filter((l) => l.trim().startsWith('= '))).toHaveLength(1);

    const md = renderMarkdown(report);
    expect(md).toContain(` ${proposed.replace('[', '\\[').replace(']', '\\]')} |`);
    expect(md).toContain(`| &nbsp;&nbsp;&nbsp;&nbsp;${head}${sum(locale).replaceAll('$', '\\$')} | | | | | | |`);

    const html = renderHtml(report);
    expect(html).toContain(`<small class="state out" data-state="proposed">${proposed}</small></h3>`);
    expect(html).toContain(`<small class="state out" data-state="draft">${draft}</small>`);
    expect(html).toContain(`<div class="agg">${head}${sum(locale)}</div>`);
    expect(html).not.toContain('data-state="active"');
  });

  it('the CSV report has a state and an aggregatedFrom column', () => {
    // In Vietnamese the headers, row types and state names are Vietnamese (issue 16).
    const names = {
      en: { type: 'type', kpi: 'KPI', state: 'state', from: 'aggregatedFrom', proposed: 'proposed', draft: 'draft', active: 'active' },
      vi: { type: 'loại', kpi: 'KPI', state: 'trạng thái quy trình', from: 'tổng hợp từ', proposed: 'đề xuất', draft: 'bản nháp', active: 'đang thực hiện' },
    } as const;
    for (const locale of ['en', 'vi'] as const) {
      const n = names[locale];
      const rows = csvRows(renderCsv(reportIn(locale)));
      const row = (id: string) => rows.find((r) => r['id'] === id)!;
      expect(row('o-website')[n.state]).toBe(n.proposed);
      expect(row('kr-webinars')[n.state]).toBe(n.draft);
      expect(row('o-sales')[n.state]).toBe(n.active);
      expect(row('kr-rev-a')[n.state]).toBe('');
      expect(JSON.parse(row('kr-revenue')[n.from]!)).toEqual(['kr-rev-a', 'kr-rev-b', 'kr-rev-c']);
      expect(row('kr-rev-a')[n.from]).toBe('');
      const kpis = rows.filter((r) => r[n.type] === n.kpi);
      expect(kpis.length).toBeGreaterThan(0);
      expect(kpis.every((r) => r[n.state] === '' && r[n.from] === '')).toBe(true);
    }
  });

  it('an aggregate with no contributor yet says so', () => {
    const emptied = (report: Report): Report => ({
      ...report,
      objectives: report.objectives.map((o) => ({ ...o, keyResults: o.keyResults.map((k) => (k.aggregate === null ? k : { ...k, aggregate: { ...k.aggregate, from: [] } })) })),
    });
    expect(renderText(emptied(reportIn('en')))).toContain('= sum of no key result yet');
    expect(renderText(emptied(reportIn('vi')))).toContain('= tổng của chưa có kết quả then chốt nào');
  });
});

describe('hostile titles among the contributors', () => {
  const NASTY = ['<script>alert(1)</script>', '[x](javascript:alert(1)) | cell', '=HYPERLINK("x")', 'a\nb\u001b[2J\u202e'];
  const plan = (titles: readonly string[]): PlanInput => ({
    cycles: [{ id: 'q3', name: 'Q3', start: '2026-07-01', end: '2026-09-30' }],
    objectives: [{ id: 'o', title: 'O', cycleId: 'q3' }],
    keyResults: [
      { id: 'total', objectiveId: 'o', title: 'Total', kind: 'metric', start: 0, target: 100, unit: 'USD', aggregate: 'sum' },
      ...titles.map((t, i) => ({ id: `=c${i}`, objectiveId: 'o', title: t, kind: 'metric' as const, start: 0, target: 10, unit: 'USD', links: [{ to: 'total', contributes: true }] })),
    ],
    checkIns: titles.map((_, i) => ({ keyResultId: `=c${i}`, at: '2026-08-01', value: i + 1 })),
  });
  const report = buildReport(parsePlan(plan(NASTY)), { asOf: AT });
  const plain = buildReport(parsePlan(plan(NASTY.map((_, i) => `T${i}`))), { asOf: AT });

  it('are escaped in every format', () => {
    const html = renderHtml(report);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; $1.00 + ');
    expect([html.split('<').length, html.split('>').length]).toEqual([renderHtml(plain).split('<').length, renderHtml(plain).split('>').length]);
    const md = renderMarkdown(report);
    const pipes = (l: string) => (l.replace(/\\[\s\S]/g, '').match(/\|/g) ?? []).length;
    expect(md.split('\n').map(pipes)).toEqual(renderMarkdown(plain).split('\n').map(pipes));
    expect(md.replace(/\\[\s\S]/g, '')).not.toMatch(/[<>[\]`]/);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    const text = renderText(report);
    expect(text.split('\n')).toHaveLength(renderText(plain).split('\n').length);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(text).toContain('a\\u000ab\\u001b[2J\\u202e $4.00');
    const rows = csvRows(renderCsv(report));
    expect(rows.find((r) => r['id'] === 'total')!['aggregatedFrom']).toBe(JSON.stringify(NASTY.map((_, i) => `=c${i}`)));
    expect(rows.find((r) => r['id'] === "'=c2")!['title']).toBe("'=HYPERLINK(\"x\")");
  });
});

describe('renderers reject malformed state and aggregate fields', () => {
  const good = reportIn('en');
  type Patch = (r: { objectives: Record<string, unknown>[] & { keyResults: Record<string, unknown>[] }[] }) => void;
  const kr = (r: Parameters<Patch>[0]) => (r.objectives[0]!['keyResults'] as Record<string, unknown>[])[0]!;
  const CASES: [string, Patch, string][] = [
    ['state missing', (r) => delete r.objectives[0]!['state'], 'report.objectives[0].state'],
    ['state a string', (r) => (r.objectives[0]!['state'] = 'active'), 'report.objectives[0].state'],
    ['state unknown', (r) => (r.objectives[0]!['state'] = { name: '<b>', counted: true }), 'report.objectives[0].state.name'],
    ['counted not a boolean', (r) => (r.objectives[0]!['state'] = { name: 'draft', counted: 'no' }), 'report.objectives[0].state.counted'],
    ['key result state', (r) => (kr(r)['state'] = { name: 'draft' }), 'report.objectives[0].keyResults[0].state.counted'],
    ['aggregate missing', (r) => delete kr(r)['aggregate'], 'report.objectives[0].keyResults[0].aggregate'],
    ['aggregate how', (r) => (kr(r)['aggregate'] = { how: 'product', from: [] }), 'report.objectives[0].keyResults[0].aggregate.how'],
    ['aggregate from', (r) => (kr(r)['aggregate'] = { how: 'sum', from: 'kr-rev-a' }), 'report.objectives[0].keyResults[0].aggregate.from'],
    ['contributor title', (r) => (kr(r)['aggregate'] = { how: 'sum', from: [{ id: 'a', title: 5, value: 1 }] }), 'report.objectives[0].keyResults[0].aggregate.from[0].title'],
    ['contributor value', (r) => (kr(r)['aggregate'] = { how: 'sum', from: [{ id: 'a', title: 'A', value: '<b>' }] }), 'report.objectives[0].keyResults[0].aggregate.from[0].value'],
    ['contributor NaN', (r) => (kr(r)['aggregate'] = { how: 'sum', from: [{ id: 'a', title: 'A', value: Number.NaN }] }), 'aggregate.from[0].value'],
    ['contributor null', (r) => (kr(r)['aggregate'] = { how: 'sum', from: [null] }), 'report.objectives[0].keyResults[0].aggregate.from[0]'],
  ];
  it.each(CASES)('%s: every renderer throws an OkrkitError naming the field', (_, patch, name) => {
    const report = structuredClone(good) as unknown as Parameters<Patch>[0];
    patch(report);
    for (const render of [renderHtml, renderText, renderMarkdown, renderCsv]) {
      const error = thrown(() => render(report as unknown as Report));
      expect(error.code).toBe('invalid_argument');
      expect(error.message).toContain(name);
    }
  });
});

// Random plans: random states on every record, with and without includeDrafts.
const STATES = [undefined, undefined, 'draft', 'proposed', 'approved', 'active', 'closed'] as const;
const statedPlanArb = fc
  .tuple(planArb, fc.array(fc.constantFrom(...STATES), { minLength: 40, maxLength: 40 }), fc.boolean())
  .map(([plan, states, includeDrafts]) => {
    const stateAt = (i: number): { state?: OkrState } => {
      const state = states[i % states.length];
      return state === undefined ? {} : { state };
    };
    const objectives = (plan.objectives ?? []).map((o, i) => ({ ...o, ...stateAt(i) }));
    const keyResults = (plan.keyResults ?? []).map((k, j) => ({ ...k, ...stateAt(j + 13) }));
    return { plan: parsePlan({ ...plan, objectives, keyResults }), includeDrafts };
  });
const unapproved = (state: OkrState | undefined) => state === 'draft' || state === 'proposed';

describe('states and counting on random plans', () => {
  test.prop([statedPlanArb], { numRuns: 60 })('each record carries its plan state; counted unless draft or proposed without includeDrafts', ({ plan, includeDrafts }) => {
    const report = buildReport(plan, { asOf: AT, includeDrafts, people: false });
    const e = evaluate(plan, { asOf: AT, forecast: true, includeDrafts });
    const records = new Map<string, OkrState | undefined>([...plan.objectives, ...plan.keyResults].map((r) => [r.id, r.state]));
    let notCounted = 0;
    for (const item of [...report.objectives, ...report.objectives.flatMap((o) => o.keyResults)]) {
      const state = records.get(item.id);
      expect(item.state).toEqual(state === undefined ? null : { name: state, counted: includeDrafts || !unapproved(state) });
      if (item.state?.counted === false) notCounted++;
    }
    for (const o of report.objectives) expect(o.score).toBe(e.objectives[o.id]!.score);
    // The overall score: the plain mean of the top objectives the rollups count.
    const roots = plan.objectives.filter((o) => o.parentId === undefined && (includeDrafts || !unapproved(o.state)));
    expect(report.score).toBe(scoreWeightedMean(roots.map((o) => ({ score: e.objectives[o.id]!.score }))));
    // Every renderer shows each record that is not counted, once.
    expect(renderText(report).split('— not counted]').length - 1).toBe(notCounted);
    expect(renderHtml(report).split('class="state out"').length - 1).toBe(notCounted);
    expect(renderMarkdown(report).split('— not counted\\]').length - 1).toBe(notCounted);
  });
});

const HOW = ['sum', 'average', 'min', 'max'] as const;
const aggregatedArb = fc.record({
  how: fc.constantFrom(...HOW),
  values: fc.array(fc.option(fc.integer({ min: -5000, max: 5000 }), { nil: undefined }), { minLength: 1, maxLength: 6 }),
  states: fc.array(fc.constantFrom(...STATES), { minLength: 6, maxLength: 6 }),
  includeDrafts: fc.boolean(),
});

function aggregate(how: (typeof HOW)[number], values: readonly number[]): number {
  switch (how) {
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'average':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'min':
      return Math.min(...values);
    default:
      return Math.max(...values);
  }
}

describe('aggregated key results on random contributors', () => {
  test.prop([aggregatedArb], { numRuns: 80 })('the report lists the counted contributors with their values, and the value is their aggregate', ({ how, values, states, includeDrafts }) => {
    const plan = parsePlan({
      cycles: [{ id: 'q3', name: 'Q3', start: '2026-07-01', end: '2026-09-30' }],
      objectives: [{ id: 'o', title: 'O', cycleId: 'q3' }],
      keyResults: [
        { id: 'total', objectiveId: 'o', title: 'Total', kind: 'metric', start: 0, target: 10_000, aggregate: how },
        ...values.map((_, i) => ({
          id: `c${i}`, objectiveId: 'o', title: `Part ${i}`, kind: 'metric' as const, start: 0, target: 100, links: [{ to: 'total', contributes: true }],
          ...(states[i] === undefined ? {} : { state: states[i] }),
        })),
      ],
      checkIns: values.flatMap((v, i) => (v === undefined ? [] : [{ keyResultId: `c${i}`, at: '2026-08-01', value: v }])),
    });
    const report = buildReport(plan, { asOf: AT, includeDrafts, people: false });
    const total = report.objectives[0]!.keyResults[0]!;
    const e = evaluate(plan, { asOf: AT, includeDrafts });
    expect(total.aggregate).toEqual({ how, from: e.keyResults['total']!.aggregatedFrom!.map((c) => ({ id: c.id, title: plan.keyResults.find((k) => k.id === c.id)!.title, value: c.value })) });
    const counted = values.flatMap((_, i) => (includeDrafts || !unapproved(states[i]) ? [`c${i}`] : []));
    expect(total.aggregate!.from.map((c) => c.id)).toEqual(counted);
    const given = total.aggregate!.from.flatMap((c) => (c.value === null ? [] : [c.value]));
    if (given.length > 0) expect(total.value).toBeCloseTo(aggregate(how, given), 9);
    const line = renderText(report).split('\n').find((l) => l.trim().startsWith('= '))!.trim();
    const parts = total.aggregate!.from.map((c) => `${c.title} ${c.value === null ? '–' : formatValue(c.value, { locale: 'en' })}`);
    expect(line).toBe(`= ${{ sum: 'sum of', average: 'average of', min: 'lowest of', max: 'highest of' }[how]} ${parts.length === 0 ? 'no key result yet' : parts.join(how === 'sum' ? ' + ' : ', ')}`);
  });
});
