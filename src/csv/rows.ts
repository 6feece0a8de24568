import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { issue, OkrkitError, type OkrkitIssue, type OkrkitIssueCode } from '../messages/okrkit-error.js';
import { msg, type Message } from '../messages/message.js';

/** One data row of a CSV file with the line it starts on (the header is line 1). */
export interface Row {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface Sheet {
  readonly header: readonly string[];
  readonly rows: readonly Row[];
}

/** Collects the problems found while reading spreadsheets, each at file, line and column. */
export class CsvProblems {
  readonly list: OkrkitIssue[] = [];
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

/** Excel in many locales (Vietnamese among them) writes `;` between cells; the header tells. */
function delimiterOf(text: string): string {
  const end = text.indexOf('\n');
  const first = end === -1 ? text : text.slice(0, end);
  let commas = 0;
  let semis = 0;
  let tabs = 0;
  for (const ch of first) {
    if (ch === ',') commas++;
    else if (ch === ';') semis++;
    else if (ch === '\t') tabs++;
  }
  if (tabs > commas && tabs > semis) return '\t';
  return semis > commas ? ';' : ',';
}

interface ParseInfo {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/**
 * Splits CSV text into a header and rows with csv-parse: quoting, embedded line breaks
 * and a leading byte-order mark handled; blank lines skipped. A syntax error is added
 * to `problems` and gives an empty sheet.
 */
export function readSheet(text: string, file: string, problems: CsvProblems): Sheet {
  if (typeof text !== 'string') {
    problems.add(file, 0, null, 'csv_syntax', msg('csv.syntax', { detail: 'not text' }));
    return { header: [], rows: [] };
  }
  let records: ParseInfo[];
  try {
    records = parse(text, { bom: true, delimiter: delimiterOf(text.replace(/^\uFEFF/, '')), info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as ParseInfo[];
  } catch (error) {
    const e = error as { message?: unknown; lines?: unknown };
    const line = typeof e.lines === 'number' ? e.lines : 0;
    const detail = typeof e.message === 'string' ? e.message.replace(/^Invalid [^:]*: /, '').replace(/\.$/, '') : 'unreadable';
    problems.add(file, line, null, 'csv_syntax', msg('csv.syntax', { detail }));
    return { header: [], rows: [] };
  }
  const [head, ...body] = records;
  if (head === undefined) return { header: [], rows: [] };
  const rows: Row[] = [];
  for (const r of body) {
    // csv-parse reports the line a record ends on; line breaks inside quoted cells move its start back.
    let breaks = 0;
    for (const cell of r.record) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) breaks++;
    const line = r.info.lines - breaks;
    if (r.record.length > head.record.length && r.record.slice(head.record.length).some((c) => c !== '')) {
      problems.add(file, line, null, 'csv_syntax', msg('csv.cellCount', { count: r.record.length, columns: head.record.length }));
    }
    rows.push({ line, cells: r.record });
  }
  return { header: head.record.map((h) => h.trim()), rows };
}

/** Writes rows as CSV text with a UTF-8 byte-order mark (so Excel reads Vietnamese right) and CRLF line ends. */
export function writeSheet(header: readonly string[], rows: readonly (readonly string[])[], bom = true): string {
  return (bom ? '\uFEFF' : '') + stringify([header as string[], ...(rows as string[][])], { record_delimiter: 'windows' });
}
