import { quarterCycles, type Cycle, type Locale, type PlanInput } from '../index.js';
import { writePlanCsv } from '../csv/index.js';
import { csvText } from '../csv/write.js';
import { at } from '../_lib/at.js';

/** A starter key result: its title, start, target and unit of measure. */
type Kr = readonly [title: string, start: number, target: number, unit: string];

/**
 * The text of a starter plan in each language: three objectives of the sales department
 * with two or three key results each (what its first lint asks for), and one KPI.
 */
const TEXT = {
  en: {
    name: 'Starter plan',
    company: 'Our company',
    sales: 'Sales',
    objectives: [
      ['Grow sales this quarter', [['Revenue up on the same quarter last year', 0, 20, '%'], ['New customers won', 0, 100, 'customers'], ['Customer churn', 14, 10, '%']]],
      ['Delight our customers', [['Net promoter score', 30, 50, 'points'], ['Support requests answered within a day', 60, 90, '%']]],
      ['A sales team that wins more deals', [['Salespeople trained on the new product', 0, 12, 'people'], ['Share of proposals that become deals', 20, 30, '%']]],
    ],
    kpi: 'New leads per month',
    source: 'CRM',
    headers: ['objective', 'key result', 'start', 'target', 'current', 'measure', 'weight', 'owner', 'cycle', 'department', 'parent objective', 'updated'],
  },
  vi: {
    name: 'Kế hoạch mẫu',
    company: 'Công ty chúng ta',
    sales: 'Phòng Kinh doanh',
    objectives: [
      ['Tăng doanh số bán hàng trong quý', [['Doanh thu tăng so với cùng kỳ năm trước', 0, 20, '%'], ['Khách hàng mới có thêm', 0, 100, 'khách hàng'], ['Tỷ lệ khách rời bỏ', 14, 10, '%']]],
      ['Làm khách hàng hài lòng', [['Chỉ số thiện cảm NPS', 30, 50, 'điểm'], ['Yêu cầu hỗ trợ được trả lời trong một ngày', 60, 90, '%']]],
      ['Đội ngũ bán hàng chốt được nhiều hợp đồng hơn', [['Nhân viên kinh doanh được đào tạo về sản phẩm mới', 0, 12, 'người'], ['Tỷ lệ báo giá thành hợp đồng', 20, 30, '%']]],
    ],
    kpi: 'Khách hàng tiềm năng mới mỗi tháng',
    source: 'CRM',
    headers: ['mục tiêu', 'kết quả then chốt', 'bắt đầu', 'chỉ tiêu', 'hiện tại', 'đơn vị tính', 'trọng số', 'người phụ trách', 'chu kỳ', 'phòng ban', 'mục tiêu cấp trên', 'ngày cập nhật'],
  },
} as const satisfies Record<Locale, { readonly objectives: readonly (readonly [string, readonly Kr[]])[] } & Record<string, unknown>>;

/** The Vietnamese header of a flat sheet's column named by its English header (`key result`: `kết quả then chốt`). */
export function viHeader(english: string): string | undefined {
  const i = TEXT.en.headers.findIndex((h) => h === english);
  return i === -1 ? undefined : TEXT.vi.headers[i];
}

/** The calendar quarter that holds `today` (YYYY-MM-DD). */
function quarterOf(today: string): Cycle {
  const month = Number(today.slice(5, 7));
  return at(quarterCycles(Number(today.slice(0, 4))), Math.floor((month - 1) / 3));
}

/** The first day of each month of the quarter that ended before `today` (the KPI's complete periods). */
function monthsBefore(q: Cycle, today: string): string[] {
  const year = Number(q.start.slice(0, 4));
  const first = Number(q.start.slice(5, 7));
  const months: string[] = [];
  for (let m = first; m < first + 3; m++) {
    const end = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
    if (end < today) months.push(`${String(year)}-${String(m).padStart(2, '0')}-01`);
  }
  return months;
}

/**
 * A starter plan for the quarter that holds `today`: each key result has a check-in on
 * `today` at its start value (so nothing is stale on the day it is made), and the KPI a
 * measurement for each month of the quarter already over.
 */
function starterPlan(locale: Locale, q: Cycle, today: string): PlanInput {
  const t = TEXT[locale];
  const quarter = { id: q.id, name: q.name, start: q.start, end: q.end };
  const objectives = t.objectives.map(([title], i) => ({ id: `o${String(i + 1)}`, title, cycleId: quarter.id, unitId: 'sales', ownerId: 'sales-lead', commitment: 'committed' as const }));
  const keyResults = t.objectives.flatMap(([, krs], i) =>
    krs.map(([title, start, target, unit], j) => ({ id: `o${String(i + 1)}-kr${String(j + 1)}`, objectiveId: `o${String(i + 1)}`, title, kind: 'metric' as const, start, target, unit, ...(i === 0 && j === 0 ? { weight: 2 } : {}) })),
  );
  return {
    name: t.name,
    cycles: [quarter],
    units: [
      { id: 'company', name: t.company, level: 'company' },
      { id: 'sales', name: t.sales, level: 'department', parentId: 'company' },
    ],
    objectives,
    keyResults,
    checkIns: keyResults.map((k) => ({ keyResultId: k.id, at: today, value: k.start, confidence: 0.7 })),
    kpis: [
      {
        id: 'kpi-leads',
        name: t.kpi,
        unitId: 'sales',
        target: { polarity: 'higher', value: 40 },
        timeframe: { cycleId: quarter.id },
        dataSource: { name: t.source, kind: 'crm' },
        frequency: 'monthly',
        aggregation: 'sum',
      },
    ],
    measurements: monthsBefore(q, today).map((day, i) => ({ kpiId: 'kpi-leads', at: day, value: 35 + 5 * i })),
  };
}

/**
 * The flat sheet of the same plan, cell for cell the flat sheet of `start.xlsx`
 * (writePlanXlsx's): a row per key result with its objective, cycle and department, the
 * latest check-in (`today`, at the start value), a weight only where it is not the default,
 * the objective's owner.
 */
function sheetRows(locale: Locale, cycle: string, today: string): string[][] {
  const t = TEXT[locale];
  const rows: string[][] = [[...t.headers]];
  t.objectives.forEach(([objective, krs], i) => {
    krs.forEach(([title, start, target, unit], j) => {
      const weight = i === 0 && j === 0 ? '2' : '';
      rows.push([objective, title, String(start), String(target), String(start), unit, weight, 'sales-lead', cycle, t.sales, '', today]);
    });
  });
  return rows;
}

/** The starter plan of `okrkit template` for the quarter of `today`, sample text in `locale`. */
export const templatePlan = (locale: Locale, today: string): PlanInput => starterPlan(locale, quarterOf(today), today);

/**
 * The text files `okrkit template` writes: a JSON plan, its CSV tables and a flat sheet, by
 * relative path (in `vi`, `;`-separated with a decimal comma); each passes `okrkit lint`
 * on `today` with no warning. (The workbook,
 * `start.xlsx`, is written from {@link templatePlan} by the command.)
 */
export function templateFiles(locale: Locale, today: string): Record<string, string> {
  const quarter = quarterOf(today);
  const plan = starterPlan(locale, quarter, today);
  const files: Record<string, string> = { 'plan.json': `${JSON.stringify(plan, null, 2)}\n` };
  // In Vietnamese, laid out as Excel with Vietnamese settings opens them: `;` and a decimal comma.
  const separator = locale === 'vi' ? ';' : ',';
  for (const [name, text] of Object.entries(writePlanCsv(plan, { separator }))) files[`tables/${name}`] = text;
  files['sheet.csv'] = `\uFEFF${csvText(sheetRows(locale, quarter.name, today), separator)}`;
  return files;
}
