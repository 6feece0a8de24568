import { toScale } from '../index.js';
import { csvText, separatorOf } from '../csv/write.js';
import { checkReport } from './check.js';
import type { Report, ReportKeyResult, ReportPeople, ReportState } from './model.js';
import { Output } from './output.js';
import { wordsFor } from './words.js';

/**
 * A text cell made safe to open in a spreadsheet (OWASP "CSV injection"): text that starts
 * with `=`, `+`, `-`, `@`, a tab, CR or LF, or with `'`, gets a leading `'`, which
 * spreadsheets read as "text". The same reversible rule as `writePlanCsv`'s.
 */
const text = (value: string): string => (/^[=+\-@\t\r\n']/.test(value) ? `'${value}` : value);

/** A number as a cell: scores on 0–100 with four decimals (exact decimal rounding), other values as they are. */
const num = (n: number | null, scale = 100): string => (n === null ? '' : String(scale === 100 ? toScale(n, { digits: 4 }) : n));

const HEADER = ['type', 'id', 'title', 'parent', 'level', 'unit', 'owner', 'score', 'status', 'expected', 'confidence', 'grade', 'forecast', 'value', 'target', 'state', 'aggregatedFrom'];

/** A state cell: its name, or empty when the plan gives none (active). */
const stateCell = (state: ReportState | null): string => state?.name ?? '';

/** The ids an aggregated key result's value was made of, as a JSON array (ids may hold any character); empty for other key results. */
const fromCell = (kr: ReportKeyResult): string => (kr.aggregate === null ? '' : text(JSON.stringify(kr.aggregate.from.map((c) => c.id))));

function objectiveRows(report: Report, rows: string[][]): void {
  for (const o of report.objectives) {
    rows.push(['objective', text(o.id), text(o.title), text(o.parentId ?? ''), String(o.depth), text(o.unitName ?? ''), text(o.ownerId ?? ''), num(o.score), o.status, num(o.expected), num(o.confidence, 1), o.grade ?? '', num(o.forecast), '', '', stateCell(o.state), '']);
    for (const kr of o.keyResults) {
      const target = kr.target === null ? '' : typeof kr.target === 'number' ? String(kr.target) : kr.target;
      rows.push(['keyResult', text(kr.id), text(kr.title), text(o.id), String(o.depth + 1), text(o.unitName ?? ''), text(kr.ownerId ?? ''), num(kr.score), kr.status ?? '', num(kr.expected), num(kr.confidence, 1), kr.grade ?? '', num(kr.forecast), num(kr.value, 1), target, stateCell(kr.state), fromCell(kr)]);
    }
  }
}

/** The "People and departments" rows: a unit's score is over its subtree, an owner's over what they own; `value` is the KPI scorecard total, `target` its rating. */
function peopleRows(people: ReportPeople, rows: string[][]): void {
  for (const u of people.units) {
    rows.push(['unit', text(u.id), text(u.name), text(u.parentId ?? ''), String(u.depth), text(u.level), '', num(u.total), u.status ?? '', '', '', '', '', num(u.kpiTotal, 1), text(u.kpiRating ?? ''), '', '']);
  }
  for (const o of people.owners) {
    rows.push(['owner', text(o.id), text(o.name ?? ''), '', '', '', text(o.id), num(o.score), o.status ?? '', '', '', '', '', num(o.kpiTotal, 1), text(o.kpiRating ?? ''), '', '']);
  }
}

/**
 * Renders a report as one CSV table for a spreadsheet: a row per objective, key result
 * and KPI with its score on 0–100, status and details, and a UTF-8 byte-order mark so
 * Excel shows Vietnamese text right. Scores are numbers with up to four decimals; the sheet
 * formats them. Text that starts like a formula (`=`, `+`, `-`, `@`, tab, CR, LF) or with
 * `'` gets a leading `'`, so opening the file never runs a formula; numbers stay numbers.
 * With the "People and departments" section, a row of type `unit` per unit (`score` over
 * the unit and the units below it, `value` its KPI scorecard total, `target` the rating)
 * and of type `owner` per owner. The `state` column gives an objective's or key result's
 * state in the OKR process (empty: none, so active; draft and proposed ones are not
 * counted in rollups unless the report was built with `includeDrafts`), and
 * `aggregatedFrom` the ids an aggregated key result's value was made of, as a JSON array. When check-ins dated outside their cycle were left out, a
 * last row of type `note` says how many (its `value`).
 *
 * Cells are separated by `options.separator`, `,` by default or `;` (Excel with Vietnamese
 * regional settings); a cell holding a comma, a semicolon, a quote, CR or LF is quoted
 * (RFC 4180), quotes doubled.
 *
 * @param report - From {@link buildReport}.
 * @param options - `separator`: `,` (default) or `;`.
 * @returns The CSV text.
 * @throws {OkrkitError} `invalid_argument` when the report is not one {@link buildReport} gives,
 *   or when the text would be over 200 million characters, or for a separator other than `,` or `;`.
 * @example
 * writeFileSync('report.csv', renderCsv(buildReport(plan, { asOf: '2026-10-01' })))
 * @category Reports
 */
export function renderCsv(report: Report, options: { readonly separator?: ',' | ';' } = {}): string {
  checkReport(report);
  const separator = separatorOf(options);
  const rows: string[][] = [HEADER];
  objectiveRows(report, rows);
  for (const k of report.kpis) {
    const target = k.target.polarity === 'range' ? `${k.target.min}..${k.target.max}` : `${k.target.polarity === 'higher' ? '>=' : '<='}${k.target.value}`;
    rows.push(['kpi', text(k.id), text(k.name), '', '', text(k.unitName ?? ''), '', num(k.attainment), k.status ?? '', '', '', '', '', num(k.actual, 1), text(target), '', '']);
  }
  if (report.people !== undefined) peopleRows(report.people, rows);
  const outside = report.counts.checkInsOutsideCycle;
  if (outside > 0) rows.push(['note', 'checkInsOutsideCycle', text(wordsFor(report.locale).leftOut(outside)), '', '', '', '', '', '', '', '', '', '', String(outside), '', '', '']);
  // Written in slices, so the text's length is checked as it grows.
  const out = new Output('CSV');
  out.push('\uFEFF');
  for (let i = 0; i < rows.length; i += 10_000) out.push(csvText(rows.slice(i, i + 10_000), separator));
  return out.join('');
}
