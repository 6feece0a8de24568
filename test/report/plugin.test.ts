import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { buildReport, renderCsv, renderHtml, renderMarkdown, renderText } from '../../src/report/index.js';
import { createOkrkit, defineKeyResultKind, defineScoring, keyResultHistory, OkrkitError, parsePlan } from '../../src/index.js';
import { deepFreeze, loadPlan } from '../fixtures.js';

// buildReport(plan, { kit }): the plug-ins of a kit made by createOkrkit reach the report.
const nps = defineKeyResultKind({
  kind: 'nps',
  schema: z.object({ from: z.number(), to: z.number() }),
  progress: (kr, { value }) => ((value ?? kr.from) - kr.from) / (kr.to - kr.from),
});
const okr = createOkrkit({ kinds: [nps], scorings: [defineScoring({ id: 'all-or-nothing', score: (p) => (p >= 1 ? 1 : 0) })] });
const input: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/plugins/nps-plan.json'), 'utf8'));
const plan = okr.parsePlan(input);

describe('buildReport with a kit', () => {
  it('evaluates plug-in key results with the kit: scores, rollup and lint as okr.evaluate and okr.lintPlan give them', () => {
    const report = buildReport(deepFreeze(plan), { asOf: '2026-09-01', kit: okr });
    const e = okr.evaluate(plan, { asOf: '2026-09-01', forecast: true });
    const o = report.objectives[0]!;
    expect(o.score).toBe(e.objectives['o-love']!.score);
    for (const kr of o.keyResults) expect([kr.id, kr.kind, kr.score, kr.progress, kr.status]).toEqual([kr.id, plan.keyResults.find((k) => k.id === kr.id)!.kind, e.keyResults[kr.id]!.score, e.keyResults[kr.id]!.progress, e.keyResults[kr.id]!.status]);
    expect(report.findings).toEqual(okr.lintPlan(plan, { asOf: '2026-09-01', locale: 'en' }));
    expect(report.score).toBe(e.objectives['o-love']!.score);
  });

  it("draws a plug-in key result's line with the kit's progress; built-in ones exactly as before", () => {
    const report = buildReport(plan, { asOf: '2026-09-01', kit: okr });
    const [npsRow, , metric] = report.objectives[0]!.keyResults;
    expect(npsRow!.history.map((p) => [p.date, p.progress, p.checkIn])).toEqual([['2026-07-01', null, false], ['2026-08-31', 0.5, true], ['2026-09-01', 0.5, false]]);
    // The expected line: the elapsed share of the cycle, as for a metric key result.
    expect(npsRow!.history.map((p) => p.expected)).toEqual(metric!.history.map((p) => p.expected));
    const plain = parsePlan({ ...plan, keyResults: plan.keyResults.filter((k) => k.kind === 'metric'), checkIns: plan.checkIns.filter((c) => c.keyResultId === 'kr-first-reply') });
    const firstReply = plain.keyResults[0]!;
    const cycle = plan.cycles[0]!;
    expect(metric!.history).toEqual(keyResultHistory(firstReply, plain.checkIns, cycle, { asOf: '2026-09-01' }).map((p) => ({ date: p.date, progress: p.progress, expected: p.expected, checkIn: p.checkIn })));
  });

  it('every renderer draws it', () => {
    const report = buildReport(plan, { asOf: '2026-09-01', kit: okr, locale: 'vi' });
    for (const text of [renderText(report), renderMarkdown(report), renderHtml(report), renderCsv(report)]) expect(text).toContain('NPS from 10 to 40');
  });

  it('a plan of plain kinds gives the same report with or without a kit', () => {
    const xyz = parsePlan(loadPlan('xyz-corp'));
    expect(buildReport(xyz, { asOf: '2026-08-15', kit: okr })).toEqual(buildReport(xyz, { asOf: '2026-08-15' }));
  });

  it('a plug-in kind without its kit, or a kit that is not one, is an invalid_argument error that says so', () => {
    const error = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return null;
    };
    const noKit = error(() => buildReport(plan));
    expect(noKit).toBeInstanceOf(OkrkitError);
    expect(noKit).toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('key result "kr-nps" is of kind "nps", which okrkit does not define: pass the kit') });
    expect(error(() => buildReport(plan, { kit: { evaluate: () => null } as never }))).toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('options.kit') });
  });
});
