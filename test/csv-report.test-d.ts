import { describe, expectTypeOf, it } from 'vitest';
import { readPlanCsv, readPlanSheet, writePlanCsv, type CsvLocation, type CsvPlan } from '../src/csv/index.js';
import { buildReport, renderHtml, renderText, type Report, type ReportObjective } from '../src/report/index.js';
import type { PlanInput, Status, Rag } from '../src/index.js';

describe('okrkit/csv types', () => {
  it('reads into a plan input with a locator', () => {
    expectTypeOf(readPlanCsv).returns.toEqualTypeOf<CsvPlan>();
    expectTypeOf(readPlanSheet).returns.toEqualTypeOf<CsvPlan>();
    expectTypeOf<CsvPlan['input']>().toEqualTypeOf<PlanInput>();
    expectTypeOf<ReturnType<CsvPlan['locate']>>().toEqualTypeOf<CsvLocation | null>();
    expectTypeOf(writePlanCsv).returns.toEqualTypeOf<Record<string, string>>();
    // @ts-expect-error a sheet is text, not rows
    readPlanSheet([['objective']]);
    // @ts-expect-error files are CSV text by file name
    readPlanCsv({ 'objectives.csv': [{ id: 'o1' }] });
  });
});

describe('okrkit/report types', () => {
  it('builds a report of plain data that renderers draw', () => {
    expectTypeOf(buildReport).returns.toEqualTypeOf<Report>();
    expectTypeOf<ReportObjective['status']>().toEqualTypeOf<Status>();
    expectTypeOf<Report['kpis'][number]['status']>().toEqualTypeOf<Rag | null>();
    expectTypeOf(renderHtml).returns.toEqualTypeOf<string>();
    // @ts-expect-error a report needs a parsed plan, not a plan input
    buildReport({ objectives: [] } as PlanInput);
    // @ts-expect-error renderers draw a report, not a plan
    renderText({ objectives: [] });
  });
});
