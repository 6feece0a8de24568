import { thrown } from '../builders.js';
import { describe, expect, it } from 'vitest';
import { readPlanSheet } from '../../src/csv/index.js';
import { cycleFromLabel } from '../../src/csv/cycle-label.js';
import { evaluate, localizeError, parsePlan, safeParsePlan } from '../../src/index.js';

// The XYZ Corp example of the seeds, as a client's sheet in Vietnamese with merged objective cells.
const XYZ = [
  'STT;Mục tiêu;Kết quả then chốt;Bắt đầu;Chỉ tiêu;Hiện tại;Trọng số;Người phụ trách;Chu kỳ;Phòng ban;Ngày cập nhật',
  '1;Tăng doanh số bán hàng trong Quý 3;Doanh số tăng 20% so với cùng kỳ;0;20%;15%;2;An;Quý 3/2026;Kinh doanh;2026-09-30',
  '2;;Khách hàng mới tăng ít nhất 15%;0;15%;12%;1;Bình;;;2026-09-30',
  '3;;Tỷ lệ khách hàng rời bỏ dưới 10%;14%;10%;11%;1;Chi;;;2026-09-30',
  '4;Nâng cao chất lượng sản phẩm;Tỷ lệ lỗi dưới 5%;8;5;5.6;;Dũng;Q3 2026;Sản phẩm;2026-09-30',
].join('\r\n');

describe('readPlanSheet', () => {
  it('reads the seeds-style sheet: Vietnamese headers, merged cells, percentages, decreases', () => {
    const read = readPlanSheet(`\uFEFF${XYZ}`);
    const plan = parsePlan(read.input);
    expect(plan.cycles).toEqual([{ id: '2026-q3', name: 'Quý 3/2026', start: '2026-07-01', end: '2026-09-30' }]);
    expect(plan.units.map((u) => u.name)).toEqual(['Kinh doanh', 'Sản phẩm']);
    expect(plan.objectives.map((o) => [o.id, o.title, o.unitId])).toEqual([
      ['o1', 'Tăng doanh số bán hàng trong Quý 3', 'u1'],
      ['o2', 'Nâng cao chất lượng sản phẩm', 'u2'],
    ]);
    expect(plan.keyResults[2]).toMatchObject({ id: 'o1-kr3', start: 14, target: 10, unit: '%', ownerId: 'Chi' });
    const e = evaluate(plan, { asOf: '2026-10-01' });
    // (15−0)/20 = 0.75 weighted 2; 12/15 = 0.8; (11−14)/(10−14) = 0.75 → (1.5 + 0.8 + 0.75) / 4
    expect(e.objectives.o1!.score).toBeCloseTo(0.7625, 12);
    expect(e.keyResults['o2-kr1']!.score).toBeCloseTo(0.8, 12);
  });

  it('cascades objectives by the parent column and gives undated values the check-in date, moved into the cycle', () => {
    const sheet = [
      'objective,key result,target,current,cycle,parent',
      'Be the market leader,ARR (bn VND),100,40,Q3 2026,',
      'Win online,Leads,200,50,Q3 2026,Be the market leader',
    ].join('\n');
    const read = readPlanSheet(sheet, { checkInDate: '2026-12-31' });
    expect(read.input.objectives![1]).toMatchObject({ parentId: 'o1' });
    expect(read.input.checkIns!.map((c) => c.at)).toEqual(['2026-09-30', '2026-09-30']);
    const e = evaluate(parsePlan(read.input), { asOf: '2026-10-01' });
    expect(e.objectives.o1!.childIds).toEqual(['o2']);
  });

  it('repeats a blank department from the row above, as merged cells export', () => {
    const read = readPlanSheet('department,objective,key result,target,cycle\nSales,A,K1,10,Q3 2026\n,B,K2,10,\nOps,C,K3,10,\n');
    expect(read.input.objectives!.map((o) => o.unitId)).toEqual(['u1', 'u1', 'u2']);
  });

  it('locates plan problems in the sheet with the header as written', () => {
    const read = readPlanSheet('Mục tiêu,Kết quả then chốt,Bắt đầu,Chỉ tiêu,Chu kỳ\nA,B,5,5,Q3 2026\n');
    const result = safeParsePlan(read.input);
    expect(result.success).toBe(false);
    expect(read.locate(result.error!.issues[0]!.path)).toEqual({ file: 'sheet.csv', line: 2, column: 'Chỉ tiêu' });
  });

  it('reports every missing column, bad cell and unknown parent at its row', () => {
    expect(thrown(() => readPlanSheet('objective,owner\nA,B\n')).issues.map((i) => i.params.column)).toEqual(['key result', 'target', 'cycle']);
    const error = thrown(() =>
      readPlanSheet(
        [
          'objective,key result,start,target,current,cycle,parent,updated',
          'A,B,x,10,,Q3 2026,,',
          'A,C,0,,,Q3 2026,,',
          'A,D,0,10,5,Autumn,,',
          'A,E,0,10,5,Q3 2026,,',
          'A,F,0,10,5,Q3 2026,,2026-02-30',
          'G,H,0,10,,Q3 2026,Nobody,',
          ',,,,,,,',
          'A,I,0,"12,5",,Q3 2026,,',
        ].join('\n'),
        { file: 'client.csv' },
      ),
    );
    expect(error.issues.map((i) => [i.path, i.messageKey])).toEqual([
      [['client.csv', 2, 'start'], 'csv.number'],
      [['client.csv', 3, 'target'], 'csv.required'],
      [['client.csv', 4, 'cycle'], 'csv.cycle'],
      [['client.csv', 4, 'current'], 'csv.checkInDate'],
      [['client.csv', 5, 'current'], 'csv.checkInDate'],
      [['client.csv', 6, 'updated'], 'csv.date'],
      [['client.csv', 9, 'target'], 'csv.numberAmbiguous'],
      [['client.csv', 7, 'parent'], 'csv.parentObjective'],
    ]);
  });

  it('says what is wrong, where, in English and Vietnamese', () => {
    const error = thrown(() => readPlanSheet('objective,key result,target,cycle\nGrow,Revenue,"12,5",Q3 2026\n', { file: 'okr.csv' }));
    expect(error.message).toMatchInlineSnapshot(`
      "okrkit: the spreadsheet is invalid (1 problem)
        - okr.csv[2].target: Cannot tell whether "12,5" has a decimal comma or a decimal point; say which with the decimal setting (--decimal , or --decimal .)."
    `);
    expect(localizeError(error, 'vi')).toMatchInlineSnapshot(`
      "okrkit: bảng tính không hợp lệ (1 lỗi)
        - okr.csv[2].target: Không biết "12,5" dùng dấu phẩy hay dấu chấm cho phần thập phân; hãy chỉ rõ bằng thiết lập dấu thập phân (--decimal , hoặc --decimal .)."
    `);
  });

  it('rejects bad options and non-text input with an OkrkitError', () => {
    expect(thrown(() => readPlanSheet('objective', { checkInDate: '2026-13-01' })).code).toBe('invalid_argument');
    expect(thrown(() => readPlanSheet(42 as never)).code).toBe('invalid_argument');
  });

  it('reports progress on large sheets', () => {
    const rows = ['objective,key result,target,cycle'];
    for (let i = 0; i < 100_000; i++) rows.push(`O${i % 100},K${i},10,Q3 2026`);
    const calls: number[] = [];
    const read = readPlanSheet(rows.join('\n'), { onProgress: (done, total) => calls.push(done, total) });
    expect(calls).toEqual([50_000, 100_000, 100_000, 100_000]);
    expect(read.input.keyResults).toHaveLength(100_000);
  });
});

describe('cycle labels', () => {
  it.each([
    ['Q3 2026', '2026-q3', '2026-07-01', '2026-09-30'],
    ['2026-Q4', '2026-q4', '2026-10-01', '2026-12-31'],
    ['Quý 1/2027', '2027-q1', '2027-01-01', '2027-03-31'],
    ['H2 2026', '2026-h2', '2026-07-01', '2026-12-31'],
    ['2026-02', '2026-02', '2026-02-01', '2026-02-28'],
    ['Tháng 2/2028', '2028-02', '2028-02-01', '2028-02-29'],
    ['FY2026', '2026', '2026-01-01', '2026-12-31'],
    ['năm 2026', '2026', '2026-01-01', '2026-12-31'],
  ])('reads %s', (label, id, start, end) => {
    expect(cycleFromLabel(label)).toMatchObject({ id, start, end });
  });

  it.each(['Q5 2026', 'Autumn', '2026-13', '26'])('refuses %s', (label) => {
    expect(cycleFromLabel(label)).toBeNull();
  });
});
