import { quarterCycles, type Cycle, type Locale, type PlanInput } from '../index.js';
import { writePlanCsv } from '../csv/index.js';
import { csvText } from '../csv/write.js';
import { at } from '../_lib/at.js';

/** The text of a starter plan in each language: one objective, three key results, one KPI with its four parts. */
const TEXT = {
  en: {
    name: 'Starter plan',
    company: 'Our company',
    sales: 'Sales',
    objective: 'Grow sales this quarter',
    revenue: 'Revenue up 20% on the same quarter last year',
    customers: 'Win 100 new customers',
    churn: 'Churn down from 14% to 10%',
    kpi: 'New leads per month',
    source: 'CRM',
    headers: ['objective', 'key result', 'start', 'target', 'current', 'weight', 'owner', 'cycle', 'department'],
  },
  vi: {
    name: 'Kế hoạch mẫu',
    company: 'Công ty chúng ta',
    sales: 'Phòng Kinh doanh',
    objective: 'Tăng doanh số bán hàng trong quý',
    revenue: 'Doanh thu tăng 20% so với cùng kỳ năm trước',
    customers: 'Có thêm 100 khách hàng mới',
    churn: 'Tỷ lệ khách rời bỏ giảm từ 14% xuống 10%',
    kpi: 'Khách hàng tiềm năng mới mỗi tháng',
    source: 'CRM',
    headers: ['mục tiêu', 'kết quả then chốt', 'bắt đầu', 'chỉ tiêu', 'hiện tại', 'trọng số', 'người phụ trách', 'chu kỳ', 'phòng ban'],
  },
} as const;

/** The calendar quarter that holds `today` (YYYY-MM-DD). */
function quarterOf(today: string): Cycle {
  const month = Number(today.slice(5, 7));
  return at(quarterCycles(Number(today.slice(0, 4))), Math.floor((month - 1) / 3));
}

/** A starter plan for `quarter`. */
function starterPlan(locale: Locale, q: Cycle): PlanInput {
  const t = TEXT[locale];
  const quarter = { id: q.id, name: q.name, start: q.start, end: q.end };
  return {
    name: t.name,
    cycles: [quarter],
    units: [
      { id: 'company', name: t.company, level: 'company' },
      { id: 'sales', name: t.sales, level: 'department', parentId: 'company' },
    ],
    objectives: [{ id: 'o-sales', title: t.objective, cycleId: quarter.id, unitId: 'sales', ownerId: 'sales-lead', commitment: 'committed' }],
    keyResults: [
      { id: 'kr-revenue', objectiveId: 'o-sales', title: t.revenue, kind: 'metric', start: 0, target: 20, unit: '%', weight: 2 },
      { id: 'kr-customers', objectiveId: 'o-sales', title: t.customers, kind: 'metric', start: 0, target: 100 },
      { id: 'kr-churn', objectiveId: 'o-sales', title: t.churn, kind: 'metric', start: 14, target: 10, unit: '%' },
    ],
    checkIns: [{ keyResultId: 'kr-customers', at: quarter.start, value: 0, confidence: 0.7 }],
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
  };
}

/** The files `okrkit template` writes: a JSON plan, its CSV tables and a flat sheet, by relative path. */
export function templateFiles(locale: Locale, today: string): Record<string, string> {
  const quarter = quarterOf(today);
  const plan = starterPlan(locale, quarter);
  const t = TEXT[locale];
  const cycle = quarter.name;
  const files: Record<string, string> = { 'plan.json': `${JSON.stringify(plan, null, 2)}\n` };
  for (const [name, text] of Object.entries(writePlanCsv(plan))) files[`tables/${name}`] = text;
  const rows = [
    [...t.headers],
    [t.objective, t.revenue, '0', '20%', '', '2', 'sales-lead', cycle, t.sales],
    ['', t.customers, '0', '100', '0', '1', 'sales-lead', '', ''],
    ['', t.churn, '14%', '10%', '', '1', 'sales-lead', '', ''],
  ];
  files['sheet.csv'] = `\uFEFF${csvText(rows, ',')}`;
  return files;
}
