import { thrown } from '../builders.js';
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlanCsv, writePlanCsv, CSV_TABLE_FILES } from '../../src/csv/index.js';
import { evaluate, evaluateKpis, parsePlan, safeParsePlan, type PlanInput } from '../../src/index.js';
import { planArb, q3Day } from '../arbitraries.js';
import { deepFreeze, loadPlan } from '../fixtures.js';

type Settings = { readonly separator?: ',' | ';'; readonly decimal?: ',' | '.'; readonly read?: boolean };
const roundTrip = (plan: object, settings: Settings = {}) => {
  const { separator, decimal } = settings;
  const files = writePlanCsv(plan, { ...(separator === undefined ? {} : { separator }), ...(decimal === undefined ? {} : { decimal }) });
  const mark = decimal ?? (separator === ';' ? ',' : '.');
  return parsePlan(readPlanCsv(files, settings.read === true ? { decimal: mark } : {}).input);
};
/** Each separator and decimal mark writePlanCsv writes, read back without a decimal setting and with the one it writes. */
const settingsArb = fc.constantFrom<Settings>(
  {}, { separator: ';' }, { separator: ';', decimal: '.' }, { decimal: '.' },
  { read: true }, { separator: ';', read: true }, { separator: ';', decimal: '.', read: true },
);

/** Text that spreadsheets get wrong: separators, quotes, line breaks, Vietnamese, formulas, edges. */
const awkwardText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1 }),
  fc.constantFrom('Doanh thu, "quý" 3\nmới', 'Tăng 20%; giảm 5%', ' lead ', '=SUM(A1)', '', 'Nguyễn Thị Lan', '\t', '"'),
);

describe('writePlanCsv / readPlanCsv', () => {
  it.each(['xyz-corp', 'saas-cascade', 'abc-kpis', 'saas-revenue'] as const)('round-trips %s to the same evaluation', (name) => {
    const plan = parsePlan(loadPlan(name));
    const back = roundTrip(plan);
    const asOf = name === 'abc-kpis' ? '2026-11-15' : '2026-08-15';
    expect(evaluate(back, { asOf, forecast: true })).toEqual(evaluate(plan, { asOf, forecast: true }));
    expect(evaluateKpis(back, { asOf })).toEqual(evaluateKpis(plan, { asOf }));
    expect(back.objectives).toEqual(plan.objectives);
    expect(back.keyResults.map((k) => k.title)).toEqual(plan.keyResults.map((k) => k.title));
  });

  test.prop([planArb, fc.array(awkwardText, { minLength: 40, maxLength: 40 }), q3Day, settingsArb], { numRuns: 80 })(
    'a plan exported to CSV and read back evaluates identically, whatever its text, separator and decimal setting',
    (input, texts, asOf, settings) => {
      const text = (i: number) => texts[i % texts.length]!;
      const plan = parsePlan({
        ...input,
        name: text(0),
        objectives: input.objectives!.map((o, i) => ({ ...o, title: text(i + 1), description: text(i + 7) })),
        keyResults: input.keyResults!.map((k, i) => ({ ...k, title: text(i + 13), unit: text(i + 3) })),
        checkIns: input.checkIns!.map((c, i) => (i % 3 === 0 ? { ...c, note: text(i + 5) } : c)),
      } as PlanInput);
      const frozen = deepFreeze(structuredClone(plan));
      const back = roundTrip(frozen, settings);
      expect(frozen).toEqual(plan);
      expect(evaluate(back, { asOf, forecast: true })).toEqual(evaluate(plan, { asOf, forecast: true }));
      expect(back.objectives.map((o) => [o.title, o.description])).toEqual(plan.objectives.map((o) => [o.title, o.description]));
      expect(back.keyResults.map((k) => [k.title, k.unit])).toEqual(plan.keyResults.map((k) => [k.title, k.unit]));
      expect(back.name).toBe(plan.name);
    },
  );

  it('starts every file with a byte-order mark and keeps Vietnamese text intact', () => {
    const files = writePlanCsv(parsePlan(loadPlan('xyz-corp')));
    for (const text of Object.values(files)) expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(files['objectives.csv']).toContain('Tăng doanh số bán hàng trong Quý 3');
    expect(writePlanCsv(loadPlan('xyz-corp'), { bom: false })['objectives.csv']!.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('writes only the columns in use and keeps what no column names in "extra"', () => {
    const plan = { objectives: [{ id: 'o', title: 'O', cycleId: 'q', meta: { crm: 7 } }], keyResults: [{ id: 'k', objectiveId: 'o', title: '', kind: 'nps', score: 40 }] };
    const files = writePlanCsv(plan, { bom: false });
    expect(files['objectives.csv']!.split('\r\n')[0]).toBe('id,title,cycleId,meta');
    expect(files['key-results.csv']).toContain('"{""title"":"""",""score"":40}"');
    expect(readPlanCsv(files).input.keyResults).toEqual(plan.keyResults);
  });

  it('reads ; and tab separated files, quoted commas and line breaks', () => {
    const read = readPlanCsv({
      'objectives.csv': '\uFEFFid;title;cycleId\r\no1;"Tăng; doanh ""số""\nquý 3";q3\r\n',
      'key-results.csv': 'id\tobjectiveId\ttitle\tkind\tstart\ttarget\nk1\to1\tRevenue, VND\tmetric\t0\t1.50\n',
    });
    expect(read.input.objectives).toEqual([{ id: 'o1', title: 'Tăng; doanh "số"\nquý 3', cycleId: 'q3' }]);
    expect(read.input.keyResults).toEqual([{ id: 'k1', objectiveId: 'o1', title: 'Revenue, VND', kind: 'metric', start: 0, target: 1.5 }]);
  });

  it('keeps decimals a double cannot hold as exact strings', () => {
    const read = readPlanCsv({ 'check-ins.csv': 'keyResultId,at,value\nk,2026-08-01,0.1000000000000000000001\nk,2026-08-02,12.50\n' });
    expect(read.input.checkIns!.map((c) => c.value)).toEqual(['0.1000000000000000000001', 12.5]);
  });

  it('treats __proto__ and constructor as ordinary ids, and rejects them as keys of extra', () => {
    const plan = parsePlan({
      cycles: [{ id: '__proto__', name: 'q', start: '2026-07-01', end: '2026-09-30' }],
      objectives: [{ id: 'constructor', title: 'o', cycleId: '__proto__' }],
      keyResults: [{ id: 'toString', objectiveId: 'constructor', title: 'k', kind: 'metric', start: 0, target: 10 }],
    });
    const files = writePlanCsv(plan);
    expect(parsePlan(readPlanCsv(files).input).keyResults[0]!.id).toBe('toString');
    // A __proto__ key in the extra JSON is an error at its cell (it used to become the record's own key).
    files['units.csv'] = 'id,name,level,extra\nu,U,team,"{""__proto__"":{""polluted"":true}}"\n';
    expect(thrown(() => readPlanCsv(files)).issues.map((i) => i.path)).toEqual([['units.csv', 2, 'extra']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the file, line and column of every problem it finds', () => {
    const error = thrown(() =>
      readPlanCsv({
        'objectives.csv': 'id,title,cycleId,wieght\no1,A,q3,1\n',
        'key-results.csv': 'id,objectiveId,title,kind,start,target,inclusive,scoring\nk1,o1,A,metric,0,"12,5",maybe,{bad\nk2,o1,B,metric,0,12,,,5\n',
        'budget.csv': 'x\n1\n',
        'units.csv': 'id,name,id\nu,U,v\n',
        'cycles.csv': 'id,name\n"unclosed\n',
      }),
    );
    expect(error.code).toBe('invalid_csv');
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([
      [['objectives.csv', 1, 'wieght'], 'unknown_column'],
      [['key-results.csv', 3], 'csv_syntax'],
      [['key-results.csv', 2, 'target'], 'invalid_value'],
      [['key-results.csv', 2, 'inclusive'], 'invalid_value'],
      [['key-results.csv', 2, 'scoring'], 'invalid_value'],
      [['budget.csv', 0], 'unknown_file'],
      [['units.csv', 1, 'id'], 'csv_syntax'],
      [['cycles.csv', 2], 'csv_syntax'],
    ]);
    expect(error.issues[2]!.message).toContain('"12,5"');
    expect(error.message).toMatch(/^okrkit: the spreadsheet is invalid \(8 problems\)/);
  });

  it('locates the issues parsePlan finds in the cell they came from', () => {
    const read = readPlanCsv({
      'cycles.csv': 'id,name,start,end\nq3,Q3,2026-07-01,2026-09-30\n',
      'objectives.csv': 'id,title,cycleId\no1,A,q3\n',
      'key-results.csv': 'id,objectiveId,title,kind,start,target\nk1,o1,A,metric,0,10\nk2,o1,B,metric,5,5\n',
      'KPIs.csv': 'id,name,target.polarity,target.value,timeframe.cycleId,dataSource.name,frequency\nx,X,bigger,12,q3,CRM,monthly\n',
    });
    const result = safeParsePlan(read.input);
    expect(result.success).toBe(false);
    const places = result.error!.issues.map((i) => read.locate(i.path));
    expect(places).toContainEqual({ file: 'key-results.csv', line: 3, column: 'target' });
    expect(places).toContainEqual({ file: 'KPIs.csv', line: 2, column: 'target.polarity' });
    expect(read.locate(['nope', 0])).toBeNull();
    expect(read.locate(['keyResults', 9])).toBeNull();
  });

  it('rejects what is not a plan or files with an OkrkitError', () => {
    expect(thrown(() => writePlanCsv(null as never)).code).toBe('invalid_argument');
    expect(thrown(() => writePlanCsv({ objectives: 'x' })).code).toBe('invalid_argument');
    expect(thrown(() => readPlanCsv(null as never)).code).toBe('invalid_argument');
    expect(thrown(() => readPlanCsv({ 'objectives.csv': 42 } as never)).code).toBe('invalid_csv');
    expect(CSV_TABLE_FILES).toContain('key-results.csv');
  });
});
