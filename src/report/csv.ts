import { stringify } from 'csv-stringify/sync';
import { toScale } from '../index.js';
import type { Report } from './model.js';

/**
 * Renders a report as one CSV table for a spreadsheet: a row per objective, key result
 * and KPI with its score on 0–100, status and details, and a UTF-8 byte-order mark so
 * Excel shows Vietnamese text right. Scores are numbers with up to four decimals; the sheet
 * formats them.
 *
 * @param report - From {@link buildReport}.
 * @returns The CSV text.
 * @example
 * writeFileSync('report.csv', renderCsv(buildReport(plan, { asOf: '2026-10-01' })))
 * @category Reports
 */
export function renderCsv(report: Report): string {
  // Scores on 0–100 with four decimals (exact decimal rounding); values as they are.
  const num = (n: number | null, scale = 100) => (n === null ? '' : String(scale === 100 ? toScale(n, { digits: 4 }) : n));
  const rows: (string | number)[][] = [
    ['type', 'id', 'title', 'parent', 'level', 'unit', 'owner', 'score', 'status', 'expected', 'confidence', 'grade', 'forecast', 'value', 'target'],
  ];
  for (const o of report.objectives) {
    rows.push(['objective', o.id, o.title, o.parentId ?? '', o.depth, o.unitName ?? '', o.ownerId ?? '', num(o.score), o.status, num(o.expected), num(o.confidence, 1), o.grade ?? '', num(o.forecast), '', '']);
    for (const kr of o.keyResults) {
      rows.push(['keyResult', kr.id, kr.title, o.id, o.depth + 1, o.unitName ?? '', kr.ownerId ?? '', num(kr.score), kr.status ?? '', num(kr.expected), num(kr.confidence, 1), kr.grade ?? '', num(kr.forecast), num(kr.value, 1), kr.target === null ? '' : String(kr.target)]);
    }
  }
  for (const k of report.kpis) {
    const target = k.target.polarity === 'range' ? `${k.target.min}..${k.target.max}` : `${k.target.polarity === 'higher' ? '>=' : '<='}${k.target.value}`;
    rows.push(['kpi', k.id, k.name, '', '', k.unitName ?? '', '', num(k.attainment), k.status ?? '', '', '', '', '', num(k.actual, 1), target]);
  }
  return `\uFEFF${stringify(rows, { record_delimiter: 'windows' })}`;
}
