import { thrown } from '../builders.js';
import { describe, expect, it } from 'vitest';
import { readPlanCsv, readPlanSheet, writePlanCsv } from '../../src/csv/index.js';
import { parsePlan } from '../../src/index.js';
import { ROW_TYPES } from '../../src/report/csv.js';
import { buildReport, renderCsv } from '../../src/report/index.js';
import { formulaCells, python, readWithPython } from './python-csv.js';

const HOSTILE = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', "'already quoted", "''two", '=', "'", 'a\rb', 'c\nd', 'plain'];

const hostilePlan = () =>
  parsePlan({
    name: HOSTILE[0],
    cycles: [{ id: '=c', name: '@q3', start: '2026-07-01', end: '2026-09-30' }],
    units: [{ id: '+u', name: '-Sales', level: 'team' }],
    objectives: HOSTILE.map((title, i) => ({ id: `${HOSTILE[i % 5]}o${i}`, title, cycleId: '=c', unitId: '+u', ownerId: HOSTILE[(i + 1) % HOSTILE.length], description: HOSTILE[(i + 2) % HOSTILE.length] })),
    keyResults: HOSTILE.map((title, i) => ({ id: `-k${i}`, objectiveId: `${HOSTILE[i % 5]}o${i}`, title, kind: 'metric', start: -5, target: i + 1, unit: HOSTILE[(i + 3) % HOSTILE.length] })),
    checkIns: HOSTILE.map((note, i) => ({ keyResultId: `-k${i}`, at: '2026-08-01', value: -3, note })),
    kpis: [{ id: '@kpi', name: '=1+1', unit: '-%', target: { polarity: 'range', min: -10, max: 10 }, timeframe: { cycleId: '=c' }, dataSource: { name: '+CRM' }, frequency: 'monthly' }],
  });

describe('CSV formula injection (OWASP)', () => {
  it('writePlanCsv starts formula-like text with a quote, and reads it back exactly', () => {
    const plan = hostilePlan();
    const files = writePlanCsv(plan);
    expect(files['objectives.csv']).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(files['objectives.csv']).toContain(",''already quoted,");
    // Numbers in number columns are numbers: -5 and -3 stay as they are.
    expect(files['key-results.csv']).toMatch(/,-5,/);
    expect(files['check-ins.csv']).toMatch(/,-3,/);
    const back = parsePlan(readPlanCsv(files).input);
    expect(back).toEqual(plan);
  });

  it('quotes a lone CR or LF inside a cell', () => {
    const files = writePlanCsv({ objectives: [{ id: 'o', title: 'a\rb', cycleId: 'c', description: 'c\nd' }] }, { bom: false });
    expect(files['objectives.csv']).toBe('id,title,cycleId,description\r\no,"a\rb",c,"c\nd"\r\n');
  });

  it.skipIf(!python)('Python\'s csv module reads no formula in any file writePlanCsv or renderCsv writes, and the same cells', () => {
    const plan = hostilePlan();
    const files = { ...writePlanCsv(plan), 'report.csv': renderCsv(buildReport(plan, { asOf: '2026-08-15' })) };
    const tables = readWithPython(files);
    expect(formulaCells(tables)).toEqual([]);
    // The cells Python sees are the ones okrkit reads back, one quote removed.
    const objectives = tables['objectives.csv']!;
    const title = objectives[0]!.indexOf('title');
    expect(objectives.slice(1).map((row) => row[title]!.replace(/^'/, ''))).toEqual(HOSTILE);
    const report = tables['report.csv']!;
    expect(report.filter((row) => row[0] === ROW_TYPES.en.objective).map((row) => row[2]!.replace(/^'/, ''))).toEqual(HOSTILE);
    expect(report.filter((row) => row[0] === ROW_TYPES.en.keyResult).every((row) => row[13] === '-3')).toBe(true);
  });

  it('a hand-written text cell that starts with a quote loses that one quote (the spreadsheet text marker)', () => {
    const read = readPlanCsv({ 'objectives.csv': "id,title,cycleId\no,'=1+1,q\n" });
    expect(read.input.objectives).toEqual([{ id: 'o', title: '=1+1', cycleId: 'q' }]);
  });
});

const json = (value: unknown) => `"${JSON.stringify(value).replace(/"/g, '""')}"`;

describe('the extra column', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('rejects a %s key at the row and column, at any depth', (key) => {
    for (const extra of [{ [key]: { polluted: true } }, { meta: { deep: { [key]: 1 } } }, { phases: [{ [key]: 1 }] }]) {
      expect(JSON.stringify(extra)).toContain(`"${key}"`);
      const error = thrown(() => readPlanCsv({ 'plan.csv': `name,extra\nP,${json(extra)}\n`, 'units.csv': `id,name,level,extra\nu,U,team,${json(extra)}\n` }));
      expect(error.issues.map((i) => [i.path, i.messageKey])).toEqual([
        [['plan.csv', 2, 'extra'], 'csv.reservedKey'],
        [['units.csv', 2, 'extra'], 'csv.reservedKey'],
      ]);
      expect(error.issues[0]!.message).toContain(`"${key}"`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('plan.csv cannot hide a plan in its prototype or replace a table', () => {
    const error = thrown(() =>
      readPlanCsv({
        'plan.csv': `name,extra\nP,"{""__proto__"":{""objectives"":[{""id"":""x""}]}}"\nQ,"{""objectives"":[{""id"":""hidden""}]}"\n`,
        'objectives.csv': 'id,title,cycleId\no,Seen,c\n',
      }),
    );
    expect(error.issues.map((i) => [i.path, i.messageKey])).toEqual([
      [['plan.csv', 2, 'extra'], 'csv.reservedKey'],
      [['plan.csv', 3, 'extra'], 'csv.extraTable'],
    ]);
    expect(error.issues[1]!.message).toContain('objectives.csv');
  });

  it('never overrides a named column, nor replaces an object that holds one', () => {
    const error = thrown(() =>
      readPlanCsv({
        'objectives.csv': `id,title,cycleId,extra\no,Visible,c,"{""title"":""Hidden""}"\n`,
        'kpis.csv': `id,name,target.polarity,target.value,extra\nk,K,higher,5,"{""target"":7}"\n`,
      }),
    );
    expect(error.issues.map((i) => [i.path, i.messageKey, i.params['field']])).toEqual([
      [['objectives.csv', 2, 'extra'], 'csv.extraColumn', 'title'],
      [['kpis.csv', 2, 'extra'], 'csv.extraColumn', 'target.polarity'],
    ]);
  });

  it('never fills a column the file shows empty (a hidden value under an empty cell)', () => {
    const error = thrown(() =>
      readPlanCsv({
        'key-results.csv': `id,objectiveId,title,kind,start,target,finalScore,extra\nk,o,K,metric,0,10,,"{""finalScore"":1}"\n`,
      }),
    );
    expect(error.issues.map((i) => [i.path, i.messageKey, i.params['field']])).toEqual([[['key-results.csv', 2, 'extra'], 'csv.extraColumn', 'finalScore']]);
  });

  it('still carries what a column cannot hold, and fields beside a column', () => {
    const read = readPlanCsv({
      'objectives.csv': `id,title,cycleId,extra\no,,c,"{""title"":""""}"\n`,
      'kpis.csv': `id,name,target.polarity,target.value,extra\nk,K,higher,5,"{""target"":{""baseline"":""x""}}"\n`,
    });
    expect(read.input.objectives).toEqual([{ id: 'o', title: '', cycleId: 'c' }]);
    expect(read.input.kpis).toEqual([{ id: 'k', name: 'K', target: { polarity: 'higher', value: 5, baseline: 'x' } }]);
    expect(Object.getPrototypeOf(read.input)).toBe(Object.prototype);
  });
});

describe('Unicode normalisation', () => {
  const nfd = 'Tăng'.normalize('NFD');
  it('reads ids and titles as NFC, so NFD and NFC ids match', () => {
    expect(nfd).not.toBe('Tăng');
    const read = readPlanCsv({
      'cycles.csv': `id,name,start,end\n${nfd},Q,2026-07-01,2026-09-30\n`,
      'objectives.csv': `id,title,cycleId\no,${nfd} trưởng,Tăng\n`,
    });
    expect(read.input.cycles![0]!.id).toBe('Tăng');
    expect(read.input.objectives![0]!.title).toBe('Tăng trưởng');
    expect(parsePlan(read.input).objectives[0]!.cycleId).toBe('Tăng');
  });

  it('reads a flat sheet\'s text as NFC', () => {
    const read = readPlanSheet(`objective,key result,target,cycle,owner\n${nfd},K ${nfd},10,Q3 2026,${nfd}\n`);
    expect(read.input.objectives![0]!.title).toBe('Tăng');
    expect(read.input.keyResults![0]!.title).toBe('K Tăng');
    expect(read.input.keyResults![0]!.ownerId).toBe('Tăng');
  });
});

describe('writePlanCsv on a plan parsePlan would reject', () => {
  it('a value nested 5,000 deep is an OkrkitError, not a stack overflow', () => {
    let meta: unknown = 1;
    for (let i = 0; i < 5000; i++) meta = [meta];
    const error = thrown(() => writePlanCsv({ objectives: [{ id: 'o', title: 'x', cycleId: 'c', meta }] }));
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toContain('nested too deep');
  });
});
