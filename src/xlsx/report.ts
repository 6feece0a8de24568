import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { toScale, type Locale } from '../index.js';
import type { Report, ReportKeyResult, ReportObjective, ReportState } from '../report/index.js';
import { checkReport } from '../report/check.js';
import { ROW_TYPES } from '../report/csv.js';
import { wordsFor, type Words } from '../report/words.js';
import { bytesOf, fillSheet, type Out } from './style.js';

// The report as a workbook: the columns of renderCsv, one sheet per kind of row, headers
// and statuses in the report's language, scores as numbers, statuses coloured.

const COLUMNS = ['type', 'id', 'title', 'parent', 'level', 'unit', 'owner', 'score', 'status', 'expected', 'confidence', 'grade', 'forecast', 'value', 'target', 'state', 'aggregatedFrom'] as const;
type Column = (typeof COLUMNS)[number];

const HEADERS: Readonly<Record<Locale, Readonly<Record<Column, string>>>> = {
  en: {
    type: 'Type', id: 'Id', title: 'Title', parent: 'Parent', level: 'Level', unit: 'Unit', owner: 'Owner', score: 'Score', status: 'Status',
    expected: 'Expected', confidence: 'Confidence', grade: 'Grade', forecast: 'Forecast', value: 'Value', target: 'Target', state: 'State', aggregatedFrom: 'Aggregated from',
  },
  // As renderCsv's Vietnamese header, capitalised.
  vi: {
    type: 'Loại', id: 'Id', title: 'Tiêu đề', parent: 'Cấp trên', level: 'Cấp', unit: 'Đơn vị', owner: 'Người phụ trách', score: 'Điểm', status: 'Trạng thái',
    expected: 'Kỳ vọng', confidence: 'Mức độ tự tin', grade: 'Đánh giá', forecast: 'Dự báo', value: 'Giá trị', target: 'Chỉ tiêu', state: 'Trạng thái quy trình', aggregatedFrom: 'Tổng hợp từ',
  },
};

const SHEETS: Readonly<Record<Locale, Readonly<Record<'objectives' | 'keyResults' | 'kpis' | 'people', string>>>> = {
  en: { objectives: 'Objectives', keyResults: 'Key results', kpis: 'KPIs', people: 'People and departments' },
  vi: { objectives: 'Mục tiêu', keyResults: 'Kết quả then chốt', kpis: 'KPI', people: 'Nhân sự và phòng ban' },
};

/** The `type` cell of each row, by language: renderCsv's words. */
const TYPES = ROW_TYPES;

/** Fills by status: green, amber, red, grey. */
const FILL: Readonly<Record<string, string>> = {
  achieved: 'FFC6EFCE', onTrack: 'FFC6EFCE', green: 'FFC6EFCE',
  atRisk: 'FFFFEB9C', amber: 'FFFFEB9C',
  offTrack: 'FFFFC7CE', red: 'FFFFC7CE',
  notStarted: 'FFE7E6E6', noData: 'FFE7E6E6',
};

/** A score on 0–100 with four decimals, as renderCsv writes it. */
const score = (n: number | null): Out => (n === null ? null : toScale(n, { digits: 4 }));
const text = (s: string | null | undefined): Out => (s === null || s === undefined || s === '' ? null : s);
const stateCell = (state: ReportState | null): Out => text(state?.name);
const fromCell = (kr: ReportKeyResult): Out => (kr.aggregate === null ? null : JSON.stringify(kr.aggregate.from.map((c) => c.id)));

/** A row of the sheet, with the raw status that colours its status cell. */
interface Line {
  readonly cells: Out[];
  readonly status: string | null;
}

function objectiveLine(o: ReportObjective, w: Words): Line {
  return { cells: [TYPES[w.locale].objective, o.id, o.title, text(o.parentId), o.depth, text(o.unitName), text(o.ownerId), score(o.score), w.status(o.status), score(o.expected), o.confidence, o.grade === null ? null : w.grade(o.grade), score(o.forecast), null, null, stateCell(o.state), null], status: o.status };
}

function keyResultLine(o: ReportObjective, kr: ReportKeyResult, w: Words): Line {
  const status = kr.status === null ? null : w.status(kr.status);
  return { cells: [TYPES[w.locale].keyResult, kr.id, kr.title, o.id, o.depth + 1, text(o.unitName), text(kr.ownerId), score(kr.score), status, score(kr.expected), kr.confidence, kr.grade === null ? null : w.grade(kr.grade), score(kr.forecast), kr.value, kr.target, stateCell(kr.state), fromCell(kr)], status: kr.status };
}

function kpiLines(report: Report, w: Words): Line[] {
  return report.kpis.map((k) => {
    const target = k.target.polarity === 'range' ? `${k.target.min}..${k.target.max}` : `${k.target.polarity === 'higher' ? '>=' : '<='}${k.target.value}`;
    return { cells: [TYPES[w.locale].kpi, k.id, k.name, null, null, text(k.unitName), null, score(k.attainment), k.status === null ? null : w.rag(k.status), null, null, null, null, k.actual, target, null, null], status: k.status };
  });
}

function peopleLines(report: Report, w: Words): Line[] {
  const people = report.people;
  if (people === undefined) return [];
  return [
    ...people.units.map((u) => ({ cells: [TYPES[w.locale].unit, u.id, u.name, text(u.parentId), u.depth, w.level(u.level), null, score(u.total), u.status === null ? null : w.status(u.status), null, null, null, null, u.kpiTotal, text(u.kpiRating), null, null], status: u.status })),
    ...people.owners.map((o) => ({ cells: [TYPES[w.locale].owner, o.id, text(o.name), null, null, null, o.id, score(o.score), o.status === null ? null : w.status(o.status), null, null, null, null, o.kpiTotal, text(o.kpiRating), null, null], status: o.status })),
  ];
}

/** Writes a sheet of lines with the columns that any of its rows fills, scores formatted and statuses coloured. */
function writeLines(sheet: Worksheet, lines: readonly Line[], locale: Locale): void {
  const used = COLUMNS.map((c, i) => c === 'type' || c === 'id' || c === 'title' || lines.some((l) => l.cells[i] !== null));
  const columns = COLUMNS.filter((_, i) => used[i]);
  fillSheet(sheet, columns.map((c) => HEADERS[locale][c]), lines.map((l) => l.cells.filter((_, i) => used[i])));
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    if (c === 'score' || c === 'expected' || c === 'forecast') column.numFmt = '0.0';
    if (c === 'confidence') column.numFmt = '0.00';
  });
  const statusColumn = columns.indexOf('status') + 1;
  if (statusColumn === 0) return;
  lines.forEach((l, r) => {
    const argb = l.status === null ? undefined : FILL[l.status];
    if (argb !== undefined) sheet.getCell(r + 2, statusColumn).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
  });
}

/**
 * Renders a report as an Excel workbook: a sheet of objectives, one of key results, one of
 * KPIs and, with the "People and departments" section, one of units and owners, with the
 * columns of `renderCsv` that the sheet uses. Headers, sheet names and statuses are
 * in the report's language; scores are numbers on 0–100 (four decimals, shown with one),
 * status cells are filled green (achieved, on track), amber (at risk), red (off track) or
 * grey (not started, no data), header rows are frozen with filters. Text is always text:
 * a title such as `=SUM(A1)` is never a formula.
 *
 * @param report - From `buildReport`.
 * @returns The workbook's bytes.
 * @throws {OkrkitError} `invalid_argument` when the report is not one `buildReport` gives.
 * @example
 * writeFileSync('report.xlsx', await renderXlsx(buildReport(plan, { asOf: '2026-10-01', locale: 'vi' })));
 * @category Spreadsheets
 */
export async function renderXlsx(report: Report): Promise<Uint8Array> {
  checkReport(report);
  const { locale } = report;
  const w = wordsFor(locale);
  const book = new ExcelJS.Workbook();
  book.creator = 'okrkit';
  const objectives = report.objectives.map((o) => objectiveLine(o, w));
  const outside = report.counts.checkInsOutsideCycle;
  if (outside > 0) objectives.push({ cells: [TYPES[locale].note, 'checkInsOutsideCycle', w.leftOut(outside), null, null, null, null, null, null, null, null, null, null, outside, null, null, null], status: null });
  writeLines(book.addWorksheet(SHEETS[locale].objectives), objectives, locale);
  writeLines(book.addWorksheet(SHEETS[locale].keyResults), report.objectives.flatMap((o) => o.keyResults.map((kr) => keyResultLine(o, kr, w))), locale);
  writeLines(book.addWorksheet(SHEETS[locale].kpis), kpiLines(report, w), locale);
  if (report.people !== undefined) writeLines(book.addWorksheet(SHEETS[locale].people), peopleLines(report, w), locale);
  return bytesOf(book);
}
