import { describe, expect, it } from 'vitest';
import { templateFiles } from '../../src/cli/template.js';
import { readPlanSheet } from '../../src/csv/index.js';
import { parsePlan } from '../../src/index.js';
import { readPlanXlsx, writePlanXlsx } from '../../src/xlsx/index.js';

const TODAY = '2026-11-15';

describe('the template plan as a workbook', () => {
  it.each(['en', 'vi'] as const)('written with writePlanXlsx (%s), its flat sheet reads back to the plan of the template flat CSV sheet', async (locale) => {
    const files = templateFiles(locale, TODAY);
    const plan = parsePlan(JSON.parse(files['plan.json']!));
    const bytes = await writePlanXlsx(plan, { sheets: 'flat', locale });
    const fromXlsx = parsePlan((await readPlanXlsx(bytes, { checkInDate: TODAY })).input);
    const fromCsv = parsePlan(readPlanSheet(files['sheet.csv']!, { checkInDate: TODAY }).input);
    expect(fromXlsx.objectives).toEqual(fromCsv.objectives);
    // The template's CSV sheet writes its owner and a weight of 1 on every row; the plan leaves them to the objective and the default.
    const shape = (k: (typeof plan.keyResults)[number]) => ({ title: k.title, start: 'start' in k ? k.start : null, target: 'target' in k ? k.target : null, unit: k.unit, weight: k.weight ?? 1 });
    expect(fromXlsx.keyResults.map(shape)).toEqual(fromCsv.keyResults.map(shape));
    expect(fromXlsx.keyResults.map(shape)).toEqual(plan.keyResults.map(shape));
    expect(fromXlsx.cycles).toEqual(fromCsv.cycles);
    expect(fromXlsx.units).toEqual(fromCsv.units);
    expect(fromXlsx.keyResults.map((k) => k.title)).toEqual(plan.keyResults.map((k) => k.title));
    // The flat sheet of a plan read from a flat sheet gives that plan again.
    const again = parsePlan((await readPlanXlsx(await writePlanXlsx(fromXlsx, { sheets: 'flat', locale }), { checkInDate: TODAY })).input);
    expect(again).toEqual(fromXlsx);
  });

  it('the whole workbook (tables and the flat sheet) reads back through its tables to the template plan', async () => {
    const plan = parsePlan(JSON.parse(templateFiles('vi', TODAY)['plan.json']!));
    const read = await readPlanXlsx(await writePlanXlsx(plan, { locale: 'vi' }));
    expect(parsePlan(read.input)).toEqual(plan);
  });
});
