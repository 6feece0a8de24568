import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { CalendarDate, type Locale } from '../index.js';
import type { DateFormat, DecimalMark } from '../csv/index.js';
import { msg, type CliMessage } from './say.js';
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

const isOptionName = (name: string): name is OptionName => Object.hasOwn(OPTIONS, name);

/** What is wrong with one option as given (node's parseArgs tokens), or null: told by okrkit's catalogue, not node's English. */
function optionProblem(token: { name: string; rawName: string; value?: string | undefined; inlineValue?: boolean | undefined }, command: string): CliMessage | null {
  const option = token.rawName;
  if (!isOptionName(token.name)) return msg('cli.usage.unknownOption', { option, command });
  const type = OPTIONS[token.name].type;
  if (type === 'boolean') return token.value === undefined ? null : msg('cli.usage.takesNoValue', { option, command });
  if (token.value === undefined) return msg('cli.usage.needsValue', { option, command });
  // node refuses `--as-of -5` (the value may be a forgotten one's next option) unless written --as-of=-5.
  return token.inlineValue === false && token.value.startsWith('-') ? msg('cli.usage.valueLikeOption', { option, value: token.value }) : null;
}

/**
 * The options and the words that are not options (the <plan>) of one command's
 * arguments. Each option is checked first, so a problem is a catalogue message (in the
 * user's language), then node's strict parse gives the values.
 */
export function parseOptions(command: string, args: readonly string[]): { values: OptionValues; positionals: string[] } {
  const { tokens } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    const problem = token.kind === 'option' ? optionProblem(token, command) : null;
    if (problem !== null) throw new UsageError(problem);
  }
  try {
    return parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch {
    throw new UsageError(msg('cli.usage.badArguments', { command }));
  }
}

/**
 * What the command line asks for before it is checked: its `--locale` (en unless it says
 * vi: an invalid one is told in English) and whether it wants `--format json`, so that
 * every usage error is told in that language and format.
 */
export function askedFor(args: readonly string[]): { locale: Locale; json: boolean } {
  // A plain scan, not parseArgs: `--as-of --locale vi` must still be told in Vietnamese.
  const last = (name: string): string | undefined => {
    let value: string | undefined;
    args.forEach((arg, i) => {
      if (arg === `--${name}`) value = args[i + 1];
      else if (arg.startsWith(`--${name}=`)) value = arg.slice(name.length + 3);
    });
    return value;
  };
  return { locale: last('locale') === 'vi' ? 'vi' : 'en', json: last('format') === 'json' };
}

/** `--locale`: en (the default) or vi. */
export function localeOption(value: string | undefined): Locale {
  if (value === undefined) return 'en';
  if (value !== 'en' && value !== 'vi') throw new UsageError(msg('cli.usage.locale', { value: escapeControls(value) }));
  return value;
}

/** `--as-of`: a calendar date YYYY-MM-DD, today by default. */
export function dateOption(value: string | undefined, today: string): string {
  if (value === undefined) return today;
  if (CalendarDate.safeParse(value).success) return value;
  // 2026-11-31: written right, but no day of the calendar.
  const written = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const days = written === null ? 0 : new Date(Date.UTC(Number(written[1]), Number(written[2]), 0)).getUTCDate();
  if (written !== null && Number(written[2]) >= 1 && Number(written[2]) <= 12 && Number(written[3]) > days) throw new UsageError(msg('cli.usage.asOfNoDay', { value, days }));
  throw new UsageError(msg('cli.usage.asOf', { value: escapeControls(value) }));
}

const FORMATS = ['text', 'md', 'html', 'json', 'csv', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

const isFormat = (value: string): value is Format => FORMATS.some((format) => format === value);

/** `--format`, or the one `--out`'s extension names, else text. */
export function formatOption(value: string | undefined, out: string | undefined): Format {
  if (value !== undefined) {
    if (!isFormat(value)) throw new UsageError(msg('cli.usage.format', { formats: FORMATS.join(', '), value: escapeControls(value) }));
    return value;
  }
  const ext = out === undefined ? '' : extname(out).toLowerCase().slice(1);
  if (ext === 'htm' || ext === 'html') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'md';
  return ext === 'json' || ext === 'csv' || ext === 'xlsx' ? ext : 'text';
}

/** Checks a `--format` that takes only text or json (the commands whose output is findings or a summary). */
export function textOrJson(value: string | undefined, out?: string): 'text' | 'json' {
  // A command whose result goes to --out (people) takes the format its extension names, as report does.
  const format = value ?? (out !== undefined && extname(out).toLowerCase() === '.json' ? 'json' : 'text');
  if (format !== 'text' && format !== 'json') throw new UsageError(msg('cli.usage.textOrJson', { value: escapeControls(format) }));
  return format;
}

/** `--separator` for CSV output: `,` (the default) or `;`; `comma` and `semicolon` name them too (a `;` needs quotes in most shells). */
export function separatorOption(value: string | undefined): ',' | ';' {
  if (value === undefined || value === ',' || value === 'comma') return ',';
  if (value === ';' || value === 'semicolon') return ';';
  throw new UsageError(msg('cli.usage.separator', { value: escapeControls(JSON.stringify(value)) }));
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

/** "a or b or c", in the message's language. */
const either = ([first = '', ...rest]: readonly string[]): CliMessage | string => (rest.length === 0 ? first : msg('cli.usage.or', { first, rest: either(rest) }));

/** Refuses an `--out` whose extension another format would have (`--out x.pdf` for text, `--out x.html` for json). */
export function checkOutFor(out: string | undefined, format: string): void {
  if (out === undefined) return;
  const ext = extname(out).toLowerCase();
  if ((EXTENSIONS[format] ?? []).includes(ext)) return;
  throw new UsageError(msg('cli.usage.outExtension', { out: escapeControls(out), wanted: either((EXTENSIONS[format] ?? []).filter((e) => e !== '')), format }));
}

/** The options of every command that reads a <plan>: how its CSV cells write numbers and dates, and its plug-ins. */
export const PLAN_READING_OPTIONS = ['decimal', 'date-format', 'plugin'] as const satisfies readonly OptionName[];

/** Their lines in a command's help, in each language. */
export const PLAN_READING_HELP: Readonly<Record<Locale, string>> = {
  en: `  --decimal MARK    , or . : the decimal mark of a CSV plan's numbers, or of a workbook's
                    numbers typed as text (1.500,5 or 1,500.5);
                    needed when a number such as 1.500 could be read either way
  --date-format FMT yyyy-mm-dd (default) or dd/mm/yyyy: how a CSV sheet writes its dates
                    (and a workbook's dates typed as text; typed numbers and dates need neither)
  --plugin FILE     a JavaScript module whose default export (or one named kit or plugins)
                    is a kit from createOkrkit or its options, { kinds, scorings }: the
                    plan may use its key-result kinds and scoring rules
`,
  vi: `  --decimal MARK    , hoặc . : dấu thập phân của các số trong kế hoạch CSV, hoặc của các số
                    trong sổ làm việc được nhập dưới dạng văn bản (1.500,5 hoặc 1,500.5);
                    cần khi một số như 1.500 có thể hiểu theo cả hai cách
  --date-format FMT yyyy-mm-dd (mặc định) hoặc dd/mm/yyyy: cách bảng tính CSV ghi ngày tháng
                    (và ngày tháng nhập dưới dạng văn bản trong sổ làm việc; số và ngày
                    có kiểu sẵn thì không cần tùy chọn nào)
  --plugin FILE     một mô-đun JavaScript có export mặc định (hoặc export có tên kit hay
                    plugins) là một bộ công cụ tạo bởi createOkrkit hoặc các tùy chọn của
                    nó, { kinds, scorings }: kế hoạch có thể dùng các loại kết quả then chốt
                    và quy tắc chấm điểm mà mô-đun đó cung cấp
`,
};

/** `--decimal`: `,` or `.`, or undefined when not given. */
export function decimalOption(value: string | undefined): DecimalMark | undefined {
  if (value === undefined || value === ',' || value === '.') return value;
  throw new UsageError(msg('cli.usage.decimal', { value: escapeControls(value) }));
}

/** `--date-format`: yyyy-mm-dd or dd/mm/yyyy, or undefined when not given. */
export function dateFormatOption(value: string | undefined): DateFormat | undefined {
  if (value === undefined || value === 'yyyy-mm-dd' || value === 'dd/mm/yyyy') return value;
  throw new UsageError(msg('cli.usage.dateFormat', { value: escapeControls(value) }));
}
