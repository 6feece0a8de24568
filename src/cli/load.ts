import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { formatPath, OkrkitError, safeParsePlan, localizeIssue, type Locale, type OkrkitIssue, type Plan } from '../index.js';
import { readPlanCsv, readPlanSheet, type CsvLocation, type CsvPlan } from '../csv/index.js';
import { positionOf } from './json-position.js';

/** A problem the command reports and exits 2 on: a message already fit to print. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

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
}

export interface LoadOptions {
  readonly locale: Locale;
  /** The date given to `current` values of a flat sheet that has no `updated` column. */
  readonly checkInDate: string;
  readonly progress: (text: string) => void;
}

const where = (location: CsvLocation | null, fallbackFile: string, path: readonly (string | number)[]) =>
  location === null
    ? `${fallbackFile}: ${formatPath(path)}`
    : `${location.file}, row ${location.line}${location.column === null ? '' : `, column "${location.column}"`}`;

function csvProblems(error: OkrkitError, locale: Locale, dir: string): Problem[] {
  return error.issues.map((i) => {
    const [file, line, column] = i.path;
    const lineText = typeof line === 'number' && line > 0 ? `, row ${line}` : '';
    const columnText = typeof column === 'string' ? `, column "${column}"` : '';
    return { where: `${join(dir, String(file))}${lineText}${columnText}`, message: localizeIssue(i, locale).message };
  });
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read it (${code ?? 'error'})`);
  }
}

const lineCount = (text: string) => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * Reads a plan from a JSON file, a folder of CSV tables or one flat CSV sheet, and
 * validates it. Invalid input comes back as problems by file, row and column; an
 * unreadable path throws {@link UsageError}.
 */
export function loadPlan(path: string, options: LoadOptions): Loaded {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`${path}: no such file or folder`);
  }
  let read: CsvPlan;
  let jsonText: string | null = null;
  let rows = 0;
  const label = path;
  try {
    if (stat.isDirectory()) {
      const files: Record<string, string> = {};
      const names = readdirSync(path).filter((n) => extname(n).toLowerCase() === '.csv');
      if (names.length === 0) throw new UsageError(`${path}: the folder holds no .csv files`);
      for (const name of names) {
        files[name] = readText(join(path, name));
        rows += lineCount(files[name]);
      }
      if (rows > 100_000) options.progress(`reading ${rows.toLocaleString('en')} rows from ${path}`);
      read = readPlanCsv(files);
    } else if (extname(path).toLowerCase() === '.csv') {
      const text = readText(path);
      rows = lineCount(text);
      const big = rows > 100_000;
      if (big) options.progress(`reading ${rows.toLocaleString('en')} rows from ${path}`);
      read = readPlanSheet(text, {
        file: path,
        checkInDate: options.checkInDate,
        ...(big ? { onProgress: (done: number, total: number) => options.progress(`read ${done.toLocaleString('en')} of ${total.toLocaleString('en')} rows`) } : {}),
      });
    } else {
      const text = readText(path);
      jsonText = text;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        return { plan: null, problems: [{ where: path, message: `not valid JSON: ${(error as Error).message}` }], rows: 0 };
      }
      if (typeof json === 'object' && json !== null) {
        for (const value of Object.values(json)) if (Array.isArray(value)) rows += value.length;
      }
      if (rows > 100_000) options.progress(`validating ${rows.toLocaleString('en')} records from ${path}`);
      read = { input: json as CsvPlan['input'], locate: () => null };
    }
  } catch (error) {
    if (error instanceof OkrkitError && error.code === 'invalid_csv') {
      return { plan: null, problems: csvProblems(error, options.locale, stat.isDirectory() ? path : ''), rows };
    }
    throw error;
  }
  const result = safeParsePlan(read.input);
  if (result.success) return { plan: result.data, problems: [], rows };
  const dirOf = (loc: CsvLocation | null) => (loc !== null && stat.isDirectory() ? { ...loc, file: join(path, loc.file) } : loc);
  const issues: readonly OkrkitIssue[] = result.error.issues;
  if (issues.length === 0) return { plan: null, problems: [{ where: label, message: result.error.message }], rows };
  const place = (issuePath: readonly (string | number)[]) => {
    if (jsonText === null) return where(dirOf(read.locate(issuePath)), label, issuePath);
    const at = positionOf(jsonText, issuePath);
    return at === null ? `${label}: ${formatPath(issuePath)}` : `${label}, line ${at.line}, column ${at.column} (${formatPath(issuePath)})`;
  };
  return {
    plan: null,
    problems: issues.map((i) => ({ where: place(i.path), message: localizeIssue(i, options.locale).message })),
    rows,
  };
}
