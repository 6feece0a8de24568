import { toScale, translate, type Locale, type Rag, type Status, type UnitLevel } from '../index.js';
import { invalidArgument } from '../messages/okrkit-error.js';
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

/** The header in Vietnamese, column for column. */
const HEADER_VI = ['loại', 'id', 'tiêu đề', 'cấp trên', 'cấp', 'đơn vị', 'người phụ trách', 'điểm', 'trạng thái', 'kỳ vọng', 'mức độ tự tin', 'đánh giá', 'dự báo', 'giá trị', 'chỉ tiêu', 'trạng thái quy trình', 'tổng hợp từ'];

/** The kinds of rows of the CSV report and the workbook report. */
type RowType = 'objective' | 'keyResult' | 'kpi' | 'unit' | 'owner' | 'note';

/** The `type` of each row, in words of the report's language: the CSV report's and the workbook report's. */
export const ROW_TYPES: Readonly<Record<Locale, Readonly<Record<RowType, string>>>> = {
  en: { objective: 'Objective', keyResult: 'Key result', kpi: 'KPI', unit: 'Unit', owner: 'Owner', note: 'Note' },
  vi: { objective: 'mục tiêu', keyResult: 'kết quả then chốt', kpi: 'KPI', unit: 'đơn vị', owner: 'người phụ trách', note: 'ghi chú' },
};

/** The words of the sheet, in its language: row types, statuses, states and levels (the workbook report's words). */
interface Cells {
  readonly type: (type: RowType) => string;
  readonly status: (status: Status | null) => string;
  readonly rag: (rag: Rag | null) => string;
  /** A state cell: its name, or empty when the plan gives none (active). */
  readonly state: (state: ReportState | null) => string;
  /** A unit's level (company, department…), in the report's language. */
  readonly level: (level: UnitLevel) => string;
  /** A number cell with the sheet's decimal mark. */
  readonly num: (text: string) => string;
}

function cellsFor(locale: Locale, decimal: '.' | ','): Cells {
  return {
    type: (type) => ROW_TYPES[locale][type],
    status: (status) => (status === null ? '' : translate(`status.${status}`, locale)),
    rag: (rag) => (rag === null ? '' : translate(`rag.${rag}`, locale)),
    state: (state) => (state === null ? '' : translate(`state.${state.name}`, locale)),
    level: (level) => translate(`level.${level}`, locale),
    num: decimal === '.' ? (t) => t : (t) => t.replace(/(\d)\.(\d)/g, '$1,$2'),
  };
}

/**
 * `options.decimal` (`.` by default, or `,`) and `options.separator`: a `,` decimal mark
 * puts `;` between cells unless the separator is given, and a given `,` separator with it
 * is an error.
 */
function layoutOf(options: unknown): { readonly separator: ',' | ';'; readonly decimal: '.' | ',' } {
  const read = (name: string): unknown => (typeof options === 'object' && options !== null ? Reflect.get(options, name) : undefined);
  const decimal = read('decimal');
  if (decimal === undefined || decimal === '.') return { separator: separatorOf(options), decimal: '.' };
  if (decimal !== ',') return invalidArgument('arg.oneOf', { name: 'options.decimal', options: '".", ","', value: typeof decimal === 'string' ? JSON.stringify(decimal) : typeof decimal });
  const separator = read('separator') === undefined ? ';' : separatorOf(options);
  if (separator === ',') return invalidArgument('arg.decimalSeparator', {});
  return { separator, decimal };
}

/** The ids an aggregated key result's value was made of, as a JSON array (ids may hold any character); empty for other key results. */
const fromCell = (kr: ReportKeyResult): string => (kr.aggregate === null ? '' : text(JSON.stringify(kr.aggregate.from.map((c) => c.id))));

function objectiveRows(report: Report, rows: string[][], c: Cells): void {
  const n = (x: number | null, scale = 100) => c.num(num(x, scale));
  for (const o of report.objectives) {
    rows.push([c.type('objective'), text(o.id), text(o.title), text(o.parentId ?? ''), String(o.depth), text(o.unitName ?? ''), text(o.ownerId ?? ''), n(o.score), c.status(o.status), n(o.expected), n(o.confidence, 1), o.grade ?? '', n(o.forecast), '', '', c.state(o.state), '']);
    for (const kr of o.keyResults) {
      const target = kr.target === null ? '' : c.num(typeof kr.target === 'number' ? String(kr.target) : kr.target);
      rows.push([c.type('keyResult'), text(kr.id), text(kr.title), text(o.id), String(o.depth + 1), text(o.unitName ?? ''), text(kr.ownerId ?? ''), n(kr.score), c.status(kr.status), n(kr.expected), n(kr.confidence, 1), kr.grade ?? '', n(kr.forecast), n(kr.value, 1), target, c.state(kr.state), fromCell(kr)]);
    }
  }
}

/** The "People and departments" rows: a unit's score is over its subtree, an owner's over what they own; `value` is the KPI scorecard total, `target` its rating. */
function peopleRows(people: ReportPeople, rows: string[][], c: Cells): void {
  const n = (x: number | null, scale = 100) => c.num(num(x, scale));
  for (const u of people.units) {
    rows.push([c.type('unit'), text(u.id), text(u.name), text(u.parentId ?? ''), String(u.depth), text(c.level(u.level)), '', n(u.total), c.status(u.status), '', '', '', '', n(u.kpiTotal, 1), text(u.kpiRating ?? ''), '', '']);
  }
  for (const o of people.owners) {
    rows.push([c.type('owner'), text(o.id), text(o.name ?? ''), '', '', '', text(o.id), n(o.score), c.status(o.status), '', '', '', '', n(o.kpiTotal, 1), text(o.kpiRating ?? ''), '', '']);
  }
}

/**
 * Renders a report as one CSV table for a spreadsheet: a row per objective, key result
 * and KPI with its score on 0–100, status and details, and a UTF-8 byte-order mark so
 * Excel shows Vietnamese text right. Scores are numbers with up to four decimals; the sheet
 * formats them. Text that starts like a formula (`=`, `+`, `-`, `@`, tab, CR, LF) or with
 * `'` gets a leading `'`, so opening the file never runs a formula; numbers stay numbers.
 * The `type` column names each row in words: `Objective`, `Key result`, `KPI` (in
 * Vietnamese `mục tiêu`, `kết quả then chốt`, `KPI`). With the "People and departments"
 * section, a row of type `Unit` per unit (`score` over the unit and the units below it,
 * `value` its KPI scorecard total, `target` the rating) and of type `Owner` per owner. The `state` column gives an objective's or key result's
 * state in the OKR process (empty: none, so active; draft and proposed ones are not
 * counted in rollups unless the report was built with `includeDrafts`), and
 * `aggregatedFrom` the ids an aggregated key result's value was made of, as a JSON array. When check-ins dated outside their cycle were left out, a
 * last row of type `Note` says how many (its `value`).
 *
 * Cells are separated by `options.separator`, `,` by default or `;` (Excel with Vietnamese
 * regional settings); a cell holding a comma, a semicolon, a quote, CR or LF is quoted
 * (RFC 4180), quotes doubled. Numbers use `options.decimal`: `.` by default, or `,` (as
 * Excel with Vietnamese settings reads them), which puts `;` between cells. A report built
 * with `locale: 'vi'` has a Vietnamese header, row types, statuses and state names.
 *
 * @param report - From {@link buildReport}.
 * @param options - `separator`: `,` (default) or `;`; `decimal`: `.` (default) or `,`.
 * @returns The CSV text.
 * @throws {OkrkitError} `invalid_argument` when the report is not one {@link buildReport} gives,
 *   or when the text would be over 200 million characters, or for a separator other than `,` or `;`.
 * @example
 * writeFileSync('report.csv', renderCsv(buildReport(plan, { asOf: '2026-10-01' })))
 * @category Reports
 */
export function renderCsv(report: Report, options: { readonly separator?: ',' | ';'; readonly decimal?: '.' | ',' } = {}): string {
  checkReport(report);
  const { separator, decimal } = layoutOf(options);
  const c = cellsFor(report.locale, decimal);
  const rows: string[][] = [report.locale === 'vi' ? HEADER_VI : HEADER];
  objectiveRows(report, rows, c);
  for (const k of report.kpis) {
    const target = k.target.polarity === 'range' ? `${k.target.min}..${k.target.max}` : `${k.target.polarity === 'higher' ? '>=' : '<='}${k.target.value}`;
    rows.push([c.type('kpi'), text(k.id), text(k.name), '', '', text(k.unitName ?? ''), '', c.num(num(k.attainment)), c.rag(k.status), '', '', '', '', c.num(num(k.actual, 1)), text(c.num(target)), '', '']);
  }
  if (report.people !== undefined) peopleRows(report.people, rows, c);
  const outside = report.counts.checkInsOutsideCycle;
  if (outside > 0) rows.push([c.type('note'), 'checkInsOutsideCycle', text(wordsFor(report.locale).leftOut(outside)), '', '', '', '', '', '', '', '', '', '', String(outside), '', '', '']);
  // Written in slices, so the text's length is checked as it grows.
  const out = new Output('CSV');
  out.push('\uFEFF');
  for (let i = 0; i < rows.length; i += 10_000) out.push(csvText(rows.slice(i, i + 10_000), separator));
  return out.join('');
}
