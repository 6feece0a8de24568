import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { CalendarDate, type Locale } from '../index.js';
import type { DateFormat, DecimalMark } from '../csv/index.js';
import { escapeControls } from './terminal.js';
import { UsageError } from './usage-error.js';

/**
 * Every option of every command. All are parsed for each command, so an option that exists
 * but that this command does not take gets its own message ("has no --out option") rather
 * than node's "Unknown option".
 */
export const OPTIONS = {
  'as-of': { type: 'string' },
  format: { type: 'string' },
  locale: { type: 'string' },
  out: { type: 'string' },
  'no-color': { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  of: { type: 'string' },
  cycle: { type: 'string' },
  people: { type: 'boolean' },
  'include-drafts': { type: 'boolean' },
  decimal: { type: 'string' },
  'date-format': { type: 'string' },
  separator: { type: 'string' },
  plugin: { type: 'string' },
} as const;

export type OptionName = keyof typeof OPTIONS;

/** The options given, by name: text for a string option, `true` for a flag. */
export type OptionValues = {
  readonly [K in OptionName]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean;
};

/** The options and the words that are not options (the <plan>) of one command's arguments. */
export function parseOptions(command: string, args: readonly string[]): { values: OptionValues; positionals: string[] } {
  try {
    return parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // node's message ends with advice about "--" that does not fit okrkit's usage.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${message.replace(/\. To specify.*$/s, '')}; run "okrkit ${command} --help"`);
  }
}

/** `--locale`: en (the default) or vi. */
export function localeOption(value: string | undefined): Locale {
  if (value === undefined) return 'en';
  if (value !== 'en' && value !== 'vi') throw new UsageError(`--locale must be en or vi, got "${value}"`);
  return value;
}

/** `--as-of`: a calendar date YYYY-MM-DD, today by default. */
export function dateOption(value: string | undefined, today: string): string {
  if (value === undefined) return today;
  if (!CalendarDate.safeParse(value).success) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, got "${value}"`);
  return value;
}

const FORMATS = ['text', 'md', 'html', 'json', 'csv', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

const isFormat = (value: string): value is Format => FORMATS.some((format) => format === value);

/** `--format`, or the one `--out`'s extension names, else text. */
export function formatOption(value: string | undefined, out: string | undefined): Format {
  if (value !== undefined) {
    if (!isFormat(value)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${value}"`);
    return value;
  }
  const ext = out === undefined ? '' : extname(out).toLowerCase().slice(1);
  if (ext === 'htm' || ext === 'html') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'md';
  return ext === 'json' || ext === 'csv' || ext === 'xlsx' ? ext : 'text';
}

/** Checks a `--format` that takes only text or json (the commands whose output is findings or a summary). */
export function textOrJson(value: string | undefined): 'text' | 'json' {
  const format = value ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, got "${escapeControls(format)}"`);
  return format;
}

/** `--separator` for CSV output: `,` (the default) or `;`; `comma` and `semicolon` name them too (a `;` needs quotes in most shells). */
export function separatorOption(value: string | undefined): ',' | ';' {
  if (value === undefined || value === ',' || value === 'comma') return ',';
  if (value === ';' || value === 'semicolon') return ';';
  throw new UsageError(`--separator must be "," or ";" (or comma, semicolon), got ${JSON.stringify(value)}`);
}

/** The extensions a file of each format may have (text: none too). */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  text: ['', '.txt', '.text', '.log'],
  md: ['.md', '.markdown'],
  html: ['.html', '.htm'],
  json: ['.json'],
  csv: ['.csv'],
  xlsx: ['.xlsx'],
};

/** Refuses an `--out` whose extension another format would have (`--out x.pdf` for text, `--out x.html` for json). */
export function checkOutFor(out: string | undefined, format: string): void {
  if (out === undefined) return;
  const ext = extname(out).toLowerCase();
  if ((EXTENSIONS[format] ?? []).includes(ext)) return;
  const wanted = (EXTENSIONS[format] ?? []).filter((e) => e !== '').join(' or ');
  throw new UsageError(`--out "${escapeControls(out)}" does not end in ${wanted}, but the ${format} format is written there; choose a matching name or another --format`);
}

/** The options of every command that reads a <plan>: how its CSV cells write numbers and dates, and its plug-ins. */
export const PLAN_READING_OPTIONS = ['decimal', 'date-format', 'plugin'] as const satisfies readonly OptionName[];

/** Their lines in a command's help. */
export const PLAN_READING_HELP = `  --decimal MARK    , or . : the decimal mark of a CSV plan's numbers, or of a workbook's
                    numbers typed as text (1.500,5 or 1,500.5);
                    needed when a number such as 1.500 could be read either way
  --date-format FMT yyyy-mm-dd (default) or dd/mm/yyyy: how a CSV sheet writes its dates
                    (and a workbook's dates typed as text; typed numbers and dates need neither)
  --plugin FILE     a JavaScript module whose default export (or one named kit or plugins)
                    is a kit from createOkrkit or its options, { kinds, scorings }: the
                    plan may use its key-result kinds and scoring rules
`;

/** `--decimal`: `,` or `.`, or undefined when not given. */
export function decimalOption(value: string | undefined): DecimalMark | undefined {
  if (value === undefined || value === ',' || value === '.') return value;
  throw new UsageError(`--decimal must be , or ., got "${escapeControls(value)}"`);
}

/** `--date-format`: yyyy-mm-dd or dd/mm/yyyy, or undefined when not given. */
export function dateFormatOption(value: string | undefined): DateFormat | undefined {
  if (value === undefined || value === 'yyyy-mm-dd' || value === 'dd/mm/yyyy') return value;
  throw new UsageError(`--date-format must be yyyy-mm-dd or dd/mm/yyyy, got "${escapeControls(value)}"`);
}
