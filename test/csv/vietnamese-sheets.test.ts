import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/index.js';
import { readPlanSheet } from '../../src/csv/index.js';
import { thrown } from '../builders.js';

// A ,-separated sheet made by a Vietnamese user (Google Sheets or LibreOffice export ","
// in every language) assumes no decimal mark, and a weight shown as a percentage is its fraction.

describe('readPlanSheet: a ,-separated sheet with Vietnamese headers', () => {
  const sheet = (target: string) => `Mục tiêu,Kết quả then chốt,Chỉ tiêu,Chu kỳ\nTăng doanh thu,Doanh thu,"${target}",Quý IV/2026\n`;

  it('refuses 1.500 at its cell instead of reading 1.5 (no locale given)', () => {
    const error = thrown(() => readPlanSheet(sheet('1.500'), { file: 'gs.csv' }));
    expect(error.issues.map((i) => i.path)).toEqual([['gs.csv', 2, 'Chỉ tiêu']]);
    expect(parsePlan(readPlanSheet(sheet('1.500'), { decimal: ',' }).input).keyResults[0]).toMatchObject({ target: 1500 });
  });

  it('refuses it under an English reader too (the command passes its own locale, en by default)', () => {
    const error = thrown(() => readPlanSheet(sheet('1.500'), { file: 'gs.csv', locale: 'en' }));
    expect(error.issues.map((i) => i.path)).toEqual([['gs.csv', 2, 'Chỉ tiêu']]);
  });

  it('reads 1.5 and 1234.125, which no grouping writes, and an English sheet with a point as before', () => {
    expect(parsePlan(readPlanSheet(sheet('1.5')).input).keyResults[0]).toMatchObject({ target: 1.5 });
    expect(parsePlan(readPlanSheet(sheet('1234.125')).input).keyResults[0]).toMatchObject({ target: 1234.125 });
    const english = 'objective,key result,target,cycle\nGrow,Revenue,1.500,Q4 2026\n';
    expect(parsePlan(readPlanSheet(english).input).keyResults[0]).toMatchObject({ target: 1.5 });
  });
});

describe('readPlanSheet: weights', () => {
  it('reads a weight shown as a percentage as its fraction, so 50% weighs as 0.5 beside it', () => {
    const text = 'objective;key result;target;current;weight;cycle\nGrow;A;100;100;50%;Q4 2026\nGrow;B;100;0;0,5;Q4 2026\n';
    const plan = parsePlan(readPlanSheet(text, { checkInDate: '2026-11-15' }).input);
    expect(plan.keyResults.map((k) => k.weight)).toEqual([0.5, 0.5]);
  });
});
