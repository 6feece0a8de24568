import { describe, expect, it } from 'vitest';
import { readPlanSheet } from '../../src/csv/index.js';
import { localizeIssue, OkrkitError } from '../../src/index.js';
import { thrown } from '../builders.js';

// A row without a key result names an objective (the next rows' key results belong to it).
// Numbers written on such a row used to vanish without a word: each is now a problem at its cell.
describe('a flat-sheet row without a key result', () => {
  it('is an objective row when its key-result cells are empty', () => {
    const read = readPlanSheet('objective,key result,target,current,cycle\nGrow,,,,Q4 2026\n,Revenue,10,4,\n', { checkInDate: '2026-11-15' });
    expect(read.input.keyResults).toHaveLength(1);
  });

  it('refuses every key-result value it holds, at its cell, with the value', () => {
    const error = thrown(() =>
      readPlanSheet('objective,key result,start,target,current,owner,cycle\nG,,0,999,7,An,Q4 2026\nG,Revenue,0,10,4,,Q4 2026\n', { checkInDate: '2026-11-15' }),
    );
    expect(error).toBeInstanceOf(OkrkitError);
    if (!(error instanceof OkrkitError)) return;
    expect(error.issues.map((i) => i.path)).toEqual([
      ['sheet.csv', 2, 'start'],
      ['sheet.csv', 2, 'target'],
      ['sheet.csv', 2, 'current'],
      ['sheet.csv', 2, 'owner'],
    ]);
    expect(error.issues[1]?.message).toContain('"999"');
    const second = error.issues[1];
    expect(second === undefined ? '' : localizeIssue(second, 'vi').message).toContain('không có kết quả then chốt');
  });

  it('names the column by the sheet\'s own header', () => {
    const error = thrown(() => readPlanSheet('Mục tiêu;Kết quả then chốt;Chỉ tiêu;Chu kỳ\nG;;50;Q4 2026\n'));
    expect(error instanceof OkrkitError ? error.issues.map((i) => i.path) : null).toEqual([['sheet.csv', 2, 'Chỉ tiêu']]);
  });
});
