import { describe, expect, it } from 'vitest';
import { buildReport, renderHtml, renderMarkdown, renderText } from '../../src/report/index.js';
import { parsePlan } from '../../src/index.js';

// docs/people.md: owners come from objectives, key results and KPIs; an owner of key
// results only is listed, with how many key results they own rather than a bare 0.
const plan = parsePlan({
  cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }],
  objectives: [{ id: 'o1', title: 'Grow', cycleId: 'q3', ownerId: 'lan' }],
  keyResults: [
    { id: 'k1', objectiveId: 'o1', title: 'Revenue', kind: 'metric', start: 0, target: 10, ownerId: 'minh' },
    { id: 'k2', objectiveId: 'o1', title: 'Deals', kind: 'metric', start: 0, target: 10, ownerId: 'minh' },
    { id: 'k3', objectiveId: 'o1', title: 'Churn', kind: 'metric', start: 5, target: 2 },
  ],
});

describe('an owner of key results only, in the people section', () => {
  const en = buildReport(plan, { asOf: '2026-08-15', people: true });
  const vi = buildReport(plan, { asOf: '2026-08-15', people: true, locale: 'vi' });

  it('text, Markdown and HTML show the key results beside the 0 objectives', () => {
    expect(renderText(en)).toContain('Objectives 0 (Key results: 2)');
    expect(renderMarkdown(en)).toMatch(/\| minh \| [^|]+ \| [^|]+ \| 0 \(Key results: 2\) \|/);
    expect(renderHtml(en)).toMatch(/data-owner="minh">.*0 \(Key results: 2\)/);
    expect(renderText(vi)).toContain('0 (Kết quả then chốt: 2)');
  });

  it('an owner of objectives keeps the bare count', () => {
    expect(renderText(en)).toMatch(/Objectives 1(?! \()/);
  });
});
