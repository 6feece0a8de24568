import { thrown } from '../builders.js';
import { describe, expect, it } from 'vitest';
import { buildReport, renderCsv, renderHtml, renderMarkdown, renderText, type Report, type ReportObjective } from '../../src/report/index.js';
import { parsePlan, type PlanInput } from '../../src/index.js';
import { planWith } from './hostile-plan.js';
import { loadPlan } from '../fixtures.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '# Heading',
  'a | b | c',
  '`code` ``x``',
  'line\nbreak\r\nand\rmore',
  '![i](http://x/y.png)',
  '<http://evil.example>',
  '*bold* _em_ ~~s~~ &amp; &lt;',
  '\\| escaped pipe',
  '=1+1',
  '\u001b[2J\u0007bell',
  '\u2028sep\u2029',
  'x'.repeat(250),
];
const hostile = (i: number) => `${HOSTILE[i % HOSTILE.length]!} ${i}`;
const benign = (i: number) => `Text ${i}`;

const reportOf = (text: (i: number) => string, locale: 'en' | 'vi' = 'en') => buildReport(parsePlan(planWith(text)), { asOf: '2026-08-15', locale });

/** Markdown with every backslash escape removed: what remains is markup or plain text. */
const unescaped = (md: string) => md.replace(/\\[\s\S]/g, '');

describe('the Markdown report on hostile text', () => {
  it.each([0, 3, 7])('adds no line, heading, tag, link, code span or table cell (texts shifted by %i)', (shift) => {
    const text = (i: number) => hostile(i + shift);
    const md = renderMarkdown(reportOf(text));
    const plain = renderMarkdown(reportOf(benign));
    const lines = md.split('\n');
    const plainLines = plain.split('\n');
    expect(lines).toHaveLength(plainLines.length);
    lines.forEach((line, i) => {
      const shape = (l: string) => [l.startsWith('#') ? l.match(/^#+/)![0] : '', (unescaped(l).match(/\|/g) ?? []).length, l.startsWith('|')];
      expect(shape(line)).toEqual(shape(plainLines[i]!));
    });
    const rest = unescaped(md);
    expect(rest).not.toMatch(/[<>[\]`]/);
    expect(rest).not.toMatch(/!\(|\]\(/);
    expect(md).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u2028\u2029]/);
    for (const t of HOSTILE.slice(0, 3)) expect(md).not.toContain(t);
  });

  it('escapes a KPI\'s unit, which used to skip escaping', () => {
    const md = renderMarkdown(reportOf((i) => (i === 19 ? '\n# Injected\n<b>x</b>' : benign(i))));
    expect(md).not.toMatch(/^# Injected/m);
    expect(md).not.toContain('<b>');
  });
});

describe('renderers on a report changed after buildReport', () => {
  const good = reportOf(benign);
  const changed = (patch: (r: Record<string, unknown>) => void): Report => {
    const copy = structuredClone(good) as unknown as Record<string, unknown>;
    patch(copy);
    return copy as unknown as Report;
  };
  const CASES: [string, (r: Record<string, unknown>) => void, string][] = [
    ['counts', (r) => ((r['counts'] as Record<string, unknown>)['objectives'] = '<img src=x onerror=alert(1)>'), 'report.counts.objectives'],
    ['statuses', (r) => (r['statuses'] = { onTrack: '<b>' }), 'report.statuses.onTrack'],
    ['locale', (r) => (r['locale'] = '"><script>'), 'locale'],
    ['depth', (r) => ((r['objectives'] as Record<string, unknown>[])[0]!['depth'] = -1), 'report.objectives[0].depth'],
    ['status', (r) => ((r['objectives'] as Record<string, unknown>[])[0]!['status'] = 'red;background:url(x)'), 'report.objectives[0].status'],
    ['score', (r) => ((r['objectives'] as Record<string, unknown>[])[0]!['score'] = '<i>'), 'report.objectives[0].score'],
    ['kpis', (r) => (r['kpis'] = 'x'), 'report.kpis'],
    ['target', (r) => (((r['kpis'] as Record<string, unknown>[])[0]!['target'] as Record<string, unknown>)['value'] = '<u>'), 'report.kpis[0].target.value'],
    ['finding', (r) => (r['findings'] = [{ severity: '<s>', code: 'x', id: null, message: 'm' }]), 'report.findings[0].severity'],
    ['missing count', (r) => delete (r['counts'] as Record<string, unknown>)['checkInsOutsideCycle'], 'report.counts.checkInsOutsideCycle'],
  ];
  it.each(CASES)('%s: every renderer throws an OkrkitError naming the field', (_, patch, name) => {
    const report = changed(patch);
    for (const render of [renderHtml, renderText, renderMarkdown, renderCsv]) {
      const error = thrown(() => render(report));
      expect(error.code).toBe('invalid_argument');
      expect(error.message).toContain(name);
    }
  });

  it('a report as buildReport gives it, through JSON and back, renders the same', () => {
    const back = JSON.parse(JSON.stringify(good)) as Report;
    expect(renderHtml(back)).toBe(renderHtml(good));
    expect(thrown(() => renderHtml(null as never)).code).toBe('invalid_argument');
  });
});

/** A chain of objectives, each supporting the one before. */
function cascade(depth: number): PlanInput {
  return {
    cycles: [{ id: 'q3', name: 'Q3', start: '2026-07-01', end: '2026-09-30' }],
    objectives: Array.from({ length: depth }, (_, i) => ({ id: `o${i}`, title: `Level ${i}`, cycleId: 'q3', ...(i === 0 ? {} : { parentId: `o${i - 1}` }) })),
    keyResults: [{ id: 'k', objectiveId: `o${depth - 1}`, title: 'K', kind: 'metric', start: 0, target: 1 }],
  };
}

describe('report size stays linear in the plan', () => {
  it('a 3,000-deep cascade: indentation capped at 12 levels, then the level number', { timeout: 120_000 }, () => {
    const report = buildReport(parsePlan(cascade(3000)), { asOf: '2026-08-15' });
    const outputs = { text: renderText(report), md: renderMarkdown(report), html: renderHtml(report), csv: renderCsv(report) };
    for (const text of Object.values(outputs)) expect(text.length).toBeLessThan(3000 * 1200);
    const text = outputs.text.split('\n');
    expect(text.find((l) => / {2}Level 12 {2}/.test(l))).toMatch(/^ {26} *\d+ {2}Level 12 {2}/);
    expect(text.find((l) => / {2}Level 2999 {2}/.test(l))).toMatch(/^ {26}\[Level 2999\] +\d+ {2}Level 2999 {2}/);
    expect(Math.max(...text.map((l) => l.length))).toBeLessThan(200);
    expect(outputs.md).toContain('\\[Level 2999\\]');
    expect(outputs.html).not.toMatch(/margin-left:(?!0px|28px|56px|84px|112px|140px|168px|196px|224px|252px|280px|308px|336px)/);
  });

  const objective = (title: string): ReportObjective => ({
    id: 'o', title, depth: 0, parentId: null, cycleId: 'q3', unitId: null, unitName: null, ownerId: null, state: null,
    score: 0.5, expected: 0.5, status: 'onTrack', confidence: null, grade: null, forecast: null, keyResults: [],
  });
  const big = (count: number, title: string): Report => ({
    ...reportOf(benign),
    objectives: new Array<ReportObjective>(count).fill(objective(title)),
    findings: [],
  });

  it('a million objectives render as Markdown and text without a RangeError', { timeout: 120_000 }, () => {
    const report = big(1_000_000, 'O');
    const md = renderMarkdown(report);
    expect(md.length).toBeLessThan(1_000_000 * 120);
    expect(md.split('\n').length).toBeGreaterThan(1_000_000);
  });

  it('a report past 200 million characters is an OkrkitError that says so, in every format', { timeout: 120_000 }, () => {
    const report = big(200_000, 't'.repeat(2000));
    for (const render of [renderHtml, renderText, renderMarkdown, renderCsv]) {
      const error = thrown(() => render(report));
      expect(error.code).toBe('invalid_argument');
      expect(error.message).toMatch(/would be over 200000000 characters/);
    }
  });
});

describe('check-ins dated outside their cycle', () => {
  const plan = parsePlan({
    ...loadPlan('xyz-corp'),
    checkIns: [
      ...(loadPlan('xyz-corp').checkIns ?? []),
      { keyResultId: 'kr-sales-growth', at: '2026-06-30', value: 1 },
      { keyResultId: 'kr-sales-growth', at: '2026-10-01T08:00:00+07:00', value: 2 },
    ],
  });

  it('are counted and said in every format, in English and Vietnamese', () => {
    const en = buildReport(plan, { asOf: '2026-09-30' });
    expect(en.counts.checkInsOutsideCycle).toBe(2);
    const sentence = '2 check-ins are dated outside their cycle and were left out of the scores.';
    expect(renderText(en)).toContain(sentence);
    expect(renderMarkdown(en)).toContain(sentence);
    expect(renderHtml(en)).toContain(`<p class="meta" id="left-out">${sentence}</p>`);
    expect(renderCsv(en)).toContain(`Note,checkInsOutsideCycle,${sentence},,,,,,,,,,,2,`);
    const vi = buildReport(plan, { asOf: '2026-09-30', locale: 'vi' });
    expect(renderText(vi)).toContain('2 lần cập nhật có ngày nằm ngoài chu kỳ nên không được tính vào điểm.');
    const none = buildReport(parsePlan(loadPlan('xyz-corp')), { asOf: '2026-09-30' });
    expect(none.counts.checkInsOutsideCycle).toBe(0);
    expect(renderText(none)).not.toContain('outside their cycle');
  });
});

describe('the report is data of its own', () => {
  it('its KPI records do not alias the plan\'s objects', () => {
    const plan = parsePlan(loadPlan('abc-kpis'));
    const before = structuredClone(plan);
    const report = buildReport(plan, { asOf: '2026-11-15' });
    for (const [i, k] of report.kpis.entries()) expect(k.target).not.toBe(plan.kpis[i]!.target);
    (report.kpis[0]!.target as { polarity: string }).polarity = 'changed';
    expect(plan).toEqual(before);
  });
});
