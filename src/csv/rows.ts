import { parse } from 'csv-parse/sync';
import { issue, OkrkitError, type OkrkitIssue, type OkrkitIssueCode } from '../messages/okrkit-error.js';
import { msg, type Message } from '../messages/message.js';
import { csvText, type CsvSeparator } from './write.js';

/** One data row of a CSV file with the line it starts on (the header is line 1). */
export interface Row {
  readonly line: number;
  readonly cells: readonly string[];
  /**
   * The cells that hold a number typed in a workbook, written as its plain decimal text
   * (`1500.5`): read with a decimal point whatever the `decimal` setting, which is for text.
   */
  readonly typed?: ReadonlySet<number>;
}

/** A table of text cells, from CSV text or from a workbook's sheet: the readers of both take it. */
export interface Sheet {
  readonly header: readonly string[];
  readonly rows: readonly Row[];
}

/** Collects the problems found while reading spreadsheets, each at file, line and column. */
export class CsvProblems {
  readonly list: OkrkitIssue[] = [];
  /** How many problems so far: a reader compares it before and after a part to know whether the part was clean. */
  get size(): number {
    return this.list.length;
  }
  add(file: string, line: number, column: string | null, code: OkrkitIssueCode, message: Message): void {
    this.list.push(issue(column === null ? [file, line] : [file, line, column], code, message));
  }
  throwIfAny(): void {
    const count = this.list.length;
    if (count > 0) {
      throw new OkrkitError('invalid_csv', msg(count === 1 ? 'error.invalidCsv.one' : 'error.invalidCsv.other', { count }), this.list);
    }
  }
}

/** Excel's `sep=;` first line (written on some machines): the separator it names. */
const SEP_LINE = /^\uFEFF?sep=([,;\t|])[ \t]*(?:\r\n|\r|\n|$)/i;

/** The separator a `sep=X` first line names, or null when the text has none. */
const sepHint = (text: string): string | null => SEP_LINE.exec(text)?.[1] ?? null;

/** How many lines from the top a flat sheet's header row is looked for in (title rows may come above it, as in offices' sheets). */
const HEADER_SEARCH = 20;

/**
 * The separator: the one a `sep=X` first line names (Excel writes one on some machines;
 * the line is then skipped), else from the header record (Excel in many locales, Vietnamese among them,
 * writes `;`): whichever of tab, `;` and `,` occurs most often outside quotes; a tie goes
 * to `,` before `;` before tab (RFC 4180's separator first). With `titles`, leading lines
 * with no separator at all (a title such as `KẾ HOẠCH OKR` above a flat sheet's header)
 * are passed over, among the first {@link HEADER_SEARCH}.
 */
export function delimiterOf(text: string, titles = false): string {
  const hint = sepHint(text);
  if (hint !== null) return hint;
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let lines = 0;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (!titles || counts[','] + counts[';'] + counts['\t'] > 0) break;
      if (ch === '\n' && ++lines >= HEADER_SEARCH) break;
    } else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

/** One record as csv-parse gives it, with the line it ends on. */
interface Parsed {
  readonly cells: string[];
  readonly endLine: number;
}

/** A property of a thrown value, whatever was thrown. */
function thrownField(error: unknown, name: 'message' | 'lines'): unknown {
  return typeof error === 'object' && error !== null && name in error ? Reflect.get(error, name) : undefined;
}

/** The records of CSV text with the line each ends on; none when csv-parse stops at a syntax error, which is added to `problems`. */
function parseRecords(text: string, file: string, problems: CsvProblems, titles: boolean): Parsed[] {
  const records: Parsed[] = [];
  try {
    parse(text, {
      bom: true,
      delimiter: delimiterOf(text.replace(/^\uFEFF/, ''), titles),
      // Excel's `sep=;` line is a hint, not a record; lines are still counted from the file's first.
      from_line: sepHint(text) === null ? 1 : 2,
      skip_empty_lines: true,
      relax_column_count: true,
      // Collected here rather than returned: csv-parse's typings do not describe `info` records.
      on_record: (cells, context) => {
        records.push({ cells, endLine: context.lines });
        return null;
      },
    });
  } catch (error) {
    const lines = thrownField(error, 'lines');
    const message = thrownField(error, 'message');
    const detail = typeof message === 'string' ? message.replace(/^Invalid [^:]*: /, '').replace(/\.$/, '') : 'unreadable';
    problems.add(file, typeof lines === 'number' ? lines : 0, null, 'csv_syntax', msg('csv.syntax', { detail }));
    return [];
  }
  return records;
}

/** The line a record starts on: csv-parse reports the line it ends on; line breaks inside quoted cells move its start back. */
function startLine(r: Parsed): number {
  let breaks = 0;
  for (const cell of r.cells) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) breaks++;
  return r.endLine - breaks;
}

/**
 * Splits CSV text into a header and rows with csv-parse: quoting, embedded line breaks
 * and a leading byte-order mark handled; blank lines skipped. A syntax error is added
 * to `problems` and gives an empty sheet. With `isHeader`, the header is the first of the
 * first {@link HEADER_SEARCH} records it accepts (title rows above it are left out; the
 * first record when none is), and `headerLine` is its line in the file.
 */
export function readSheet(text: string, file: string, problems: CsvProblems, isHeader?: (cells: readonly string[]) => boolean): Sheet & { readonly headerLine: number } {
  if (typeof text !== 'string') {
    problems.add(file, 0, null, 'csv_syntax', msg('csv.syntax', { detail: 'not text' }));
    return { header: [], rows: [], headerLine: 1 };
  }
  const records = parseRecords(text, file, problems, isHeader !== undefined);
  const top = records.slice(0, HEADER_SEARCH);
  const found = isHeader === undefined ? 0 : top.findIndex((r) => isHeader(r.cells.map((c) => c.trim())));
  // No header accepted: the first record with two cells filled (not a title) stands for it, so its missing columns are named.
  const [head, ...body] = records.slice(found !== -1 ? found : Math.max(top.findIndex((r) => r.cells.filter((c) => c.trim() !== '').length > 1), 0));
  if (head === undefined) return { header: [], rows: [], headerLine: 1 };
  const rows: Row[] = [];
  for (const r of body) {
    const line = startLine(r);
    if (r.cells.length > head.cells.length && r.cells.slice(head.cells.length).some((c) => c !== '')) {
      problems.add(file, line, null, 'csv_syntax', msg('csv.cellCount', { count: r.cells.length, columns: head.cells.length }));
    }
    rows.push({ line, cells: r.cells });
  }
  return { header: head.cells.map((h) => h.trim()), rows, headerLine: startLine(head) };
}

/**
 * Writes rows as CSV text (see {@link csvText}: RFC 4180 quoting, a lone CR or LF quoted
 * too, CRLF line ends) with a UTF-8 byte-order mark so Excel reads Vietnamese right.
 */
export function writeSheet(header: readonly string[], rows: readonly (readonly string[])[], bom = true, separator: CsvSeparator = ','): string {
  return (bom ? '\uFEFF' : '') + csvText([header, ...rows], separator);
}
