import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import { formatPath, OkrkitError, safeParsePlan, localizeError, localizeIssue, type Locale, type OkrkitIssue, type Plan } from '../index.js';
import { decodeCsv, readPlanCsv, readPlanSheet, type CsvPlan, type DateFormat, type DecimalMark } from '../csv/index.js';
import { numberFormat } from '../messages/number-format.js';
import { errorCode } from './files.js';
import { MAX_DUPLICATES, scanJson, type JsonScan } from './json-position.js';
import { checkBytes, checkRows } from './limits.js';
import type { CliKit } from './plugin.js';
import { msg, translate } from './say.js';
import { UsageError } from './usage-error.js';
import { viHeader } from './template.js';

/** One problem of an input, told by file, line and column where they are known. */
interface Problem {
  readonly where: string;
  readonly message: string;
}

export interface Loaded {
  readonly plan: Plan | null;
  readonly problems: readonly Problem[];
  /** Rows read: array items of a JSON plan, data lines of CSV files. */
  readonly rows: number;
  /** For a plan read from spreadsheets (CSV, a workbook), whose ids okrkit made up: the file, row and column behind each plan path. */
  readonly cells?: Read['where'];
}

export interface LoadOptions {
  readonly locale: Locale;
  /** The date given to `current` values of a flat sheet that has no `updated` column. */
  readonly checkInDate: string;
  readonly progress: (text: string) => void;
  /** `--decimal`: the decimal mark of the CSV numbers. */
  readonly decimal?: DecimalMark;
  /** `--date-format`: how a flat sheet writes its dates. */
  readonly dateFormat?: DateFormat;
  /** `--plugin`: the kit whose plug-in kinds and scorings the plan may use. */
  readonly kit?: CliKit;
}

type Path = readonly (string | number)[];

/** A plan as read from its files, before it is validated. */
interface Read {
  readonly input: unknown;
  readonly rows: number;
  /** Where the values at plan paths came from, for their problems: all at once, in one pass over a JSON text. */
  readonly where: (paths: readonly Path[]) => string[];
  /** Problems of the files themselves (duplicate JSON keys), listed before the plan's. */
  readonly problems: readonly Problem[];
  /** Whether the plan came from spreadsheets (its ids made up by okrkit, its places rows and columns). */
  readonly sheets?: boolean;
}

/**
 * The files read as one flat sheet: CSV, and the tab-separated text Excel saves as "Text
 * (Tab delimited)" or "Unicode Text" (UTF-16 LE with a byte-order mark) — `.txt`, `.tsv`.
 */
const SHEET_EXTENSIONS: ReadonlySet<string> = new Set(['.csv', '.tsv', '.txt']);

/** Rows past this many get progress lines on stderr. */
const BIG = 100_000;

/** "okr.csv, row 3, column "target"" / "okr.csv, hàng 3, cột "target"": a place in a CSV file, in the user's language. */
function placeIn(locale: Locale, file: string, row: number | null, column: string | null): string {
  if (row === null) return file;
  return column === null ? translate('cli.at.row', locale, { file, row: String(row) }) : translate('cli.at.rowColumn', locale, { file, row: String(row), column });
}

/** "plan.json, line 4, column 7 (keyResults[0].target)": a place in a JSON file, in the user's language. */
const lineIn = (locale: Locale, file: string, at: { readonly line: number; readonly column: number }, path: Path): string =>
  translate('cli.at.line', locale, { file, line: String(at.line), column: String(at.column), path: formatPath(path) });

/** An issue in words; under vi, a missing column is named by its Vietnamese header and its English one. */
function issueText(i: OkrkitIssue, locale: Locale): string {
  const column = i.params['column'];
  if (i.messageKey !== 'csv.missingColumn' || locale !== 'vi' || typeof column !== 'string') return localizeIssue(i, locale).message;
  const vi = viHeader(column);
  return vi === undefined ? localizeIssue(i, locale).message : translate('cli.missingColumn', locale, { column, vi });
}

function csvProblems(error: OkrkitError, locale: Locale, dir: string): Problem[] {
  return error.issues.map((i) => {
    const [file, line, column] = i.path;
    const at = typeof line === 'number' && line > 0 ? line : null;
    return { where: placeIn(locale, join(dir, String(file)), at, typeof column === 'string' ? column : null), message: issueText(i, locale) };
  });
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = errorCode(error);
    throw new UsageError(code === 'ENOENT' ? msg('cli.noSuchFile', { file }) : msg('cli.cannotRead', { file, code: code ?? 'error' }), 'input');
  }
}

/** A JSON file's text: UTF-8, as JSON is. */
const readText = (file: string): string => readBytes(file).toString('utf8');

/** A count in a progress line, its digits grouped as the user's language groups them. */
const grouped = (locale: Locale, n: number): string => numberFormat(locale === 'vi' ? 'vi-VN' : 'en', { maximumFractionDigits: 0 }).format(n);

/**
 * A CSV file's text in whichever encoding Excel saved it (see `decodeCsv`); `name` is the
 * file in messages. Bytes that no encoding reads are input that cannot be read at all
 * (exit code 2), not a problem at a cell.
 */
function readCsvText(file: string, name: string, locale: Locale): string {
  try {
    return decodeCsv(readBytes(file), { file: name }).text;
  } catch (error) {
    if (!(error instanceof OkrkitError)) throw error;
    const why = error.issues[0];
    throw new UsageError(msg('arg.at', { where: file, detail: why === undefined ? localizeError(error, locale).replace(/^okrkit: /, '') : { key: why.messageKey, params: why.params } }), 'input');
  }
}

const lineCount = (text: string) => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** Where in CSV files a plan path came from: file, row and column, else the plan path in `label`. */
function csvWhere(read: CsvPlan, label: string, dir: string | null, locale: Locale): Read['where'] {
  return (paths) =>
    paths.map((path) => {
      const found = read.locate(path);
      if (found === null) return `${label}: ${formatPath(path)}`;
      const location = dir === null ? found : { ...found, file: join(dir, found.file) };
      return placeIn(locale, location.file, location.line, location.column);
    });
}

/** A folder of CSV tables (objectives.csv, key-results.csv, …). */
function readFolder(path: string, options: LoadOptions): Read {
  const files: Record<string, string> = {};
  const names = readdirSync(path).filter((n) => extname(n).toLowerCase() === '.csv');
  if (names.length === 0) throw new UsageError(msg('cli.noCsvFiles', { folder: path }), 'input');
  checkBytes(path, names.map((name) => join(path, name)), options.locale);
  let rows = 0;
  for (const name of names) {
    const text = readCsvText(join(path, name), name, options.locale);
    files[name] = text;
    rows += lineCount(text);
  }
  checkRows(path, rows, options.locale);
  if (rows > BIG) options.progress(translate('cli.progress.reading', options.locale, { count: grouped(options.locale, rows), file: path }));
  const read = readPlanCsv(files, { ...(options.decimal === undefined ? {} : { decimal: options.decimal }), ...(options.dateFormat === undefined ? {} : { dateFormat: options.dateFormat }) });
  return { input: read.input, rows, where: csvWhere(read, path, path, options.locale), problems: [], sheets: true };
}

/** One flat CSV sheet, as the usual OKR spreadsheet templates lay it out. */
function readSheet(path: string, options: LoadOptions): Read {
  checkBytes(path, [path], options.locale);
  const text = readCsvText(path, path, options.locale);
  const rows = lineCount(text);
  checkRows(path, rows, options.locale);
  const big = rows > BIG;
  if (big) options.progress(translate('cli.progress.reading', options.locale, { count: grouped(options.locale, rows), file: path }));
  const read = readPlanSheet(text, {
    file: path,
    checkInDate: options.checkInDate,
    locale: options.locale,
    ...(options.decimal === undefined ? {} : { decimal: options.decimal }),
    ...(options.dateFormat === undefined ? {} : { dateFormat: options.dateFormat }),
    ...(big ? { onProgress: (done: number, total: number) => options.progress(translate('cli.progress.read', options.locale, { done: grouped(options.locale, done), total: grouped(options.locale, total) })) } : {}),
  });
  return { input: read.input, rows, where: csvWhere(read, path, null, options.locale), problems: [], sheets: true };
}

/** A JSON file; text that is not JSON comes back as its one problem. */
function readJson(path: string, options: LoadOptions): Read | Loaded {
  // A UTF-8 byte-order mark (Notepad writes one) is not part of the JSON text.
  checkBytes(path, [path], options.locale);
  const read = readText(path);
  const text = read.startsWith('\uFEFF') ? read.slice(1) : read;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { plan: null, problems: [{ where: path, message: translate('cli.notJson', options.locale, { why: error instanceof Error ? error.message : String(error) }) }], rows: 0 };
  }
  const rows = itemCount(json);
  checkRows(path, rows, options.locale);
  if (rows > BIG) options.progress(translate('cli.progress.validating', options.locale, { count: grouped(options.locale, rows), file: path }));
  const where = (paths: readonly Path[]) => {
    const { positions } = scanJson(text, paths);
    return paths.map((issuePath, i) => {
      const at = positions[i] ?? null;
      return at === null ? `${path}: ${formatPath(issuePath)}` : lineIn(options.locale, path, at, issuePath);
    });
  };
  return { input: json, rows, where, problems: duplicateProblems(path, scanJson(text, []), options.locale) };
}

/** A problem for each key given twice in one object of a JSON file: JSON.parse would keep the last copy silently. */
function duplicateProblems(file: string, scan: JsonScan, locale: Locale): Problem[] {
  const problems = scan.duplicates.map((d) => ({
    where: lineIn(locale, file, d.at, d.path),
    message: translate('cli.duplicateKey', locale, { key: d.key, line: d.first.line, column: d.first.column }),
  }));
  const more = scan.duplicateCount - MAX_DUPLICATES;
  if (more > 0) problems.push({ where: file, message: translate('cli.moreDuplicateKeys', locale, { count: grouped(locale, more) }) });
  return problems;
}

/**
 * The problems of a workbook that mean its bytes cannot be read at all (not a workbook, an
 * old .xls, encrypted, a zip bomb, no visible sheet): input that cannot be read, exit 2.
 */
const UNREADABLE_WORKBOOK: ReadonlySet<string> = new Set(['xlsx.notZip', 'xlsx.ole', 'xlsx.noWorkbook', 'xlsx.encrypted', 'xlsx.corrupt', 'xlsx.tooLarge', 'xlsx.tooManyRows', 'xlsx.noSheet']);

/** Rows of a plan as read: the items of its lists. */
function itemCount(input: unknown): number {
  let rows = 0;
  if (typeof input === 'object' && input !== null) for (const value of Object.values(input)) if (Array.isArray(value)) rows += value.length;
  return rows;
}

/**
 * An Excel workbook (`.xlsx`): its table sheets or its flat sheet, by `readPlanXlsx`.
 * okrkit/xlsx (and exceljs) is loaded here only, when a workbook is read.
 */
async function readWorkbook(path: string, options: LoadOptions): Promise<Read> {
  checkBytes(path, [path], options.locale);
  const bytes = readBytes(path);
  const { readPlanXlsx } = await import('../xlsx/index.js');
  let read: CsvPlan;
  try {
    read = await readPlanXlsx(bytes, {
      file: path,
      checkInDate: options.checkInDate,
      locale: options.locale,
      ...(options.decimal === undefined ? {} : { decimal: options.decimal }),
      ...(options.dateFormat === undefined ? {} : { dateFormat: options.dateFormat }),
    });
  } catch (error) {
    const why = error instanceof OkrkitError ? error.issues.find((i) => UNREADABLE_WORKBOOK.has(i.messageKey)) : undefined;
    if (why !== undefined) throw new UsageError(msg('arg.at', { where: path, detail: { key: why.messageKey, params: why.params } }), 'input');
    throw error;
  }
  const rows = itemCount(read.input);
  checkRows(path, rows, options.locale);
  return { input: read.input, rows, where: csvWhere(read, path, null, options.locale), problems: [], sheets: true };
}

/** Reads the files of a plan; a CSV file or workbook that cannot be read as tables comes back as its problems. */
async function readInput(path: string, stat: Stats, options: LoadOptions): Promise<Read | Loaded> {
  try {
    if (stat.isDirectory()) return readFolder(path, options);
    if (extname(path).toLowerCase() === '.xlsx') return await readWorkbook(path, options);
    if (SHEET_EXTENSIONS.has(extname(path).toLowerCase())) return readSheet(path, options);
    return readJson(path, options);
  } catch (error) {
    if (error instanceof OkrkitError && error.code === 'invalid_csv') {
      // No rows: they only matter to a valid plan (report's progress line).
      return { plan: null, problems: csvProblems(error, options.locale, stat.isDirectory() ? path : ''), rows: 0 };
    }
    throw error;
  }
}

/**
 * Reads a plan from a JSON file, a folder of CSV tables, one flat CSV sheet or an Excel
 * workbook (`.xlsx`), and validates it. Invalid input comes back as problems by file, row and column; an
 * unreadable path throws {@link UsageError}.
 */
export async function loadPlan(path: string, options: LoadOptions): Promise<Loaded> {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(msg('cli.noSuchFile', { file: path }), 'input');
  }
  const read = await readInput(path, stat, options);
  if ('plan' in read) return read;
  const { rows } = read;
  const result = options.kit === undefined ? safeParsePlan(read.input) : options.kit.safeParsePlan(read.input);
  if (result.success) return read.problems.length === 0 ? { plan: result.data, problems: [], rows, ...(read.sheets === true ? { cells: read.where } : {}) } : { plan: null, problems: read.problems, rows };
  const issues: readonly OkrkitIssue[] = result.error.issues;
  if (issues.length === 0) return { plan: null, problems: [...read.problems, { where: path, message: result.error.message }], rows };
  const wheres = read.where(issues.map((i) => i.path));
  const problems = issues.map((i, n) => ({ where: wheres[n] ?? path, message: localizeIssue(i, options.locale).message }));
  return { plan: null, problems: [...read.problems, ...problems], rows };
}
