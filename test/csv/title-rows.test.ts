import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueLines } from '../builders.js';
import { readPlanSheet } from '../../src/csv/index.js';
import { run, temp } from '../cli/helpers.js';

// Offices put a title above the header of a flat sheet: the header is found below it.
const HEADER = 'mục tiêu;kết quả then chốt;bắt đầu;chỉ tiêu;hiện tại;chu kỳ';
const ROWS = ['Tăng doanh thu;Doanh thu;0;20;5;Quý IV/2026', ';Khách hàng mới;0;100;40;'];

const issues = issueLines;

describe('a flat CSV sheet with title rows above its header', () => {
  it.each([
    ['a bare title', ['KẾ HOẠCH OKR']],
    ['a title padded with separators, as Excel saves it', ['KẾ HOẠCH OKR;;;;;']],
    ['a title, a subtitle and a blank line', ['KẾ HOẠCH OKR', 'Phòng Kinh doanh – Quý IV/2026', '']],
  ])('%s: read as without it', (_, titles) => {
    const plain = readPlanSheet([HEADER, ...ROWS].join('\r\n'), { checkInDate: '2026-11-15' }).input;
    const titled = readPlanSheet([...titles, HEADER, ...ROWS].join('\r\n'), { checkInDate: '2026-11-15' }).input;
    expect(titled).toEqual(plain);
    expect(titled.keyResults?.map((k) => k.title)).toEqual(['Doanh thu', 'Khách hàng mới']);
  });

  it('counts lines as the file has them: a bad cell below a title and a blank line is on its own line', () => {
    const text = ['KẾ HOẠCH OKR', '', HEADER, 'Tăng doanh thu;Doanh thu;0;abc;5;Quý IV/2026'].join('\n');
    const read = issues(() => readPlanSheet(text, { file: 'okr.csv', checkInDate: '2026-11-15' }));
    expect(read).toEqual([expect.stringMatching(/^okr\.csv 4 chỉ tiêu: .*"abc"/)]);
    const located = readPlanSheet(['KẾ HOẠCH OKR', '', HEADER, ...ROWS].join('\n'), { file: 'okr.csv', checkInDate: '2026-11-15' });
    expect(located.locate(['keyResults', 1, 'target'])).toEqual({ file: 'okr.csv', line: 5, column: 'chỉ tiêu' });
  });

  it('with no header row at all, the missing columns are named once each at the first row of cells, in correct grammar', () => {
    expect(issues(() => readPlanSheet('KẾ HOẠCH OKR\nfoo;bar\n1;2\n'))).toEqual([
      'sheet.csv 2: The sheet needs the column "objective".',
      'sheet.csv 2: The sheet needs the column "key result".',
      'sheet.csv 2: The sheet needs the column "target".',
      'sheet.csv 2: The sheet needs the column "cycle".',
    ]);
    expect(issues(() => readPlanSheet('foo,bar\n', { locale: 'vi' }))[0]).toBe('sheet.csv 1: The sheet needs the column "objective" ("mục tiêu" in Vietnamese).');
  });

  it('okrkit validate reads a titled sheet (the cold user got four missing-column errors)', async () => {
    const file = join(temp(), 'okr.csv');
    writeFileSync(file, `\uFEFF${['KẾ HOẠCH OKR', HEADER, ...ROWS].join('\r\n')}\r\n`);
    const result = await run(['validate', file, '--as-of', '2026-11-15']);
    expect([result.code, result.stderr]).toEqual([0, '']);
  });
});
