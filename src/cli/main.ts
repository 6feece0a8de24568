import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { CalendarDate, lintPlan, planJsonSchema, type Locale } from '../index.js';
import { buildReport, renderCsv, renderHtml, renderMarkdown, renderText } from '../report/index.js';
import { writePlanCsv } from '../csv/index.js';
import { loadPlan, UsageError, type Loaded } from './load.js';
import { templateFiles } from './template.js';

/** What the command reads from and writes to, so tests can run it in-process. */
export interface Io {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Today's date, YYYY-MM-DD. */
  readonly today: string;
  /** The package's version, for `--version`. */
  readonly version?: string;
}

const FORMATS = ['text', 'md', 'html', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const HELP = {
  main: `okrkit — score OKR and KPI plans from JSON or spreadsheets

Usage: okrkit <command> [options]

Commands:
  report <plan>     the evaluated plan: objectives, key results, KPIs, scorecards, findings
  lint <plan>       the coach's findings; exits 1 when one is an error
  validate <plan>   every problem of the plan with its file, row and column
  export <plan>     write the plan as CSV tables (a folder) or as one JSON file
  schema            print the plan's JSON Schema
  template          write a starter plan and spreadsheet templates to fill in

<plan> is a JSON file, a folder of CSV tables (objectives.csv, key-results.csv, …)
or one flat CSV sheet (objective, key result, start, target, current, weight, owner, cycle).

Exit codes: 0 done, 1 findings, 2 bad usage or invalid input.
Run "okrkit <command> --help" for a command's options, "okrkit --version" for the version.
`,
  report: `Usage: okrkit report <plan> [options]

Options:
  --as-of DATE      the date to report at, YYYY-MM-DD (default: today)
  --format FORMAT   text, md, html, json or csv (default: from --out's extension, else text)
  --locale LOCALE   en or vi (default: en)
  --out FILE        write to FILE instead of standard output
  --no-color        never colour the text (colour is on only on a terminal, and off with NO_COLOR)
  -h, --help        show this help
`,
  lint: `Usage: okrkit lint <plan> [options]

Prints the coach's findings (3–5 objectives, 2–5 key results, stale check-ins, KPIs
missing a part…) and exits 1 when any has severity "error".

Options:
  --as-of DATE      the date to judge staleness at (default: today)
  --locale LOCALE   en or vi (default: en)
  --no-color        never colour the text
  -h, --help        show this help
`,
  validate: `Usage: okrkit validate <plan> [options]

Checks the plan and prints every problem with its path (for spreadsheets: file, row
and column). Exits 0 when valid, 1 when it has problems.

Options:
  --locale LOCALE   en or vi (default: en)
  -h, --help        show this help
`,
  schema: `Usage: okrkit schema [--out FILE]

Prints the JSON Schema of a plan (draft 2020-12), for editors and other languages.
`,
  export: `Usage: okrkit export <plan> --out DIR|FILE.json [options]

Writes a valid plan in the other form: as CSV tables (objectives.csv, key-results.csv, …,
each with a UTF-8 byte-order mark for Excel) into the folder DIR, or as one JSON file when
the name ends in .json. Use it to hand a JSON plan to a client as spreadsheets, and to turn
their edited sheets back into JSON.

Options:
  --out DIR|FILE    where to write (required); existing files are never overwritten
  --as-of DATE      the date given to "current" values of a flat sheet (default: today)
  --locale LOCALE   en or vi, for messages (default: en)
  -h, --help        show this help
`,
  template: `Usage: okrkit template [options]

Writes a starter plan for this quarter: plan.json, the same plan as CSV tables under
tables/, and a flat sheet.csv in the layout of the usual OKR spreadsheet templates,
ready to open in Excel and fill in.

Options:
  --locale LOCALE   en or vi: the language of the sample text and sheet headers (default: en)
  --out DIR         the folder to write to (default: okrkit-template); must not hold these files
  -h, --help        show this help
`,
} as const;

function checkLocale(value: string | undefined): Locale {
  if (value === undefined) return 'en';
  if (value !== 'en' && value !== 'vi') throw new UsageError(`--locale must be en or vi, got "${value}"`);
  return value;
}

function checkDate(value: string | undefined, today: string): string {
  if (value === undefined) return today;
  if (!CalendarDate.safeParse(value).success) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, got "${value}"`);
  return value;
}

function formatOf(value: string | undefined, out: string | undefined): Format {
  if (value !== undefined) {
    if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${value}"`);
    return value as Format;
  }
  const ext = out === undefined ? '' : extname(out).toLowerCase().slice(1);
  if (ext === 'htm' || ext === 'html') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'md';
  return ext === 'json' || ext === 'csv' ? ext : 'text';
}

const OPTIONS = {
  'as-of': { type: 'string' },
  format: { type: 'string' },
  locale: { type: 'string' },
  out: { type: 'string' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Command = keyof typeof HELP;
const ALLOWED: Readonly<Record<Exclude<Command, 'main'>, readonly (keyof typeof OPTIONS)[]>> = {
  report: ['as-of', 'format', 'locale', 'out', 'no-color', 'help'],
  lint: ['as-of', 'locale', 'no-color', 'help'],
  validate: ['locale', 'help'],
  schema: ['out', 'help'],
  template: ['locale', 'out', 'help'],
  export: ['as-of', 'locale', 'out', 'help'],
};

/**
 * Runs the `okrkit` command with its arguments (without `node` and the script) and
 * returns the exit code: 0 done, 1 findings, 2 bad usage or invalid input.
 */
export function main(argv: readonly string[], io: Io): number {
  const color = (stream: Io['stdout'], noColorFlag: boolean) =>
    stream.isTTY === true && !noColorFlag && (io.env.NO_COLOR === undefined || io.env.NO_COLOR === '');
  const fail = (message: string) => {
    const red = color(io.stderr, false);
    io.stderr.write(`${red ? '\u001b[31m' : ''}okrkit: ${message}${red ? '\u001b[0m' : ''}\n`);
    return 2;
  };
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(HELP.main);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(HELP.main);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`okrkit ${io.version ?? 'unknown'}\n`);
    return 0;
  }
  if (!Object.hasOwn(ALLOWED, name)) return fail(`unknown command "${name}"; run "okrkit --help"`);
  const command = name as Exclude<Command, 'main'>;

  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/s, '')}; run "okrkit ${command} --help"`);
    }
    const { values, positionals } = parsed;
    if (values.help === true) {
      io.stdout.write(HELP[command]);
      return 0;
    }
    for (const key of Object.keys(values) as (keyof typeof OPTIONS)[]) {
      if (!ALLOWED[command].includes(key)) throw new UsageError(`"okrkit ${command}" has no --${key} option; run "okrkit ${command} --help"`);
    }
    const locale = checkLocale(values.locale);
    const needsPlan = command === 'report' || command === 'lint' || command === 'validate' || command === 'export';
    if (needsPlan && positionals.length !== 1) throw new UsageError(`"okrkit ${command}" needs one <plan>: a JSON file, a folder of CSV files or a CSV sheet`);
    if (!needsPlan && positionals.length > 0) throw new UsageError(`"okrkit ${command}" takes no <plan>, got "${positionals[0]}"`);

    const progress = (text: string) => io.stderr.write(`okrkit: ${text}…\n`);
    const load = (asOf: string): Loaded => loadPlan(positionals[0]!, { locale, checkInDate: asOf, progress });
    const printProblems = (loaded: Loaded) => {
      for (const p of loaded.problems) io.stderr.write(`${p.where}: ${p.message}\n`);
    };

    switch (command) {
      case 'schema': {
        const text = `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
        if (values.out === undefined) io.stdout.write(text);
        else write(values.out, text);
        return 0;
      }
      case 'export': {
        const out = values.out;
        if (out === undefined) throw new UsageError('"okrkit export" needs --out: a folder for CSV tables or a .json file');
        const loaded = load(checkDate(values['as-of'], io.today));
        if (loaded.plan === null) {
          printProblems(loaded);
          return 2;
        }
        const files = extname(out).toLowerCase() === '.json' ? { [out]: `${JSON.stringify(loaded.plan, null, 2)}\n` } : Object.fromEntries(Object.entries(writePlanCsv(loaded.plan)).map(([name, text]) => [join(out, name), text]));
        const taken = Object.keys(files).filter((f) => existsSync(f));
        if (taken.length > 0) throw new UsageError(`${taken[0]} already exists; choose another --out`);
        for (const [file, text] of Object.entries(files)) write(file, text);
        io.stdout.write(`${Object.keys(files).join('\n')}\n`);
        return 0;
      }
      case 'template': {
        const dir = values.out ?? 'okrkit-template';
        const files = templateFiles(locale, io.today);
        const taken = Object.keys(files).filter((f) => existsSync(join(dir, f)));
        if (taken.length > 0) throw new UsageError(`${join(dir, taken[0]!)} already exists; choose another folder with --out`);
        for (const [file, text] of Object.entries(files)) write(join(dir, file), text);
        io.stdout.write(`${Object.keys(files).map((f) => join(dir, f)).join('\n')}\n`);
        return 0;
      }
      case 'validate': {
        const loaded = load(io.today);
        if (loaded.plan === null) {
          printProblems(loaded);
          io.stdout.write(`${positionals[0]}: ${count(loaded.problems.length, 'problem')}\n`);
          return 1;
        }
        const p = loaded.plan;
        const counts = [count(p.objectives.length, 'objective'), count(p.keyResults.length, 'key result'), count(p.kpis.length, 'KPI'), count(p.checkIns.length, 'check-in'), count(p.measurements.length, 'measurement')];
        io.stdout.write(`${positionals[0]}: valid — ${counts.join(', ')}\n`);
        return 0;
      }
      case 'lint': {
        const asOf = checkDate(values['as-of'], io.today);
        const loaded = load(asOf);
        if (loaded.plan === null) {
          printProblems(loaded);
          return 2;
        }
        const findings = lintPlan(loaded.plan, { asOf, locale });
        const paint = color(io.stdout, values['no-color'] === true);
        const tone = { error: 31, warning: 33, info: 2 } as const;
        for (const f of findings) {
          const sev = paint ? `\u001b[${tone[f.severity]}m${f.severity}\u001b[0m` : f.severity;
          io.stdout.write(`${sev} ${f.code}${f.id === null ? '' : ` (${f.id})`}: ${f.message}\n`);
        }
        const errors = findings.filter((f) => f.severity === 'error').length;
        io.stdout.write(`${count(findings.length, 'finding')}, ${count(errors, 'error')}\n`);
        return errors > 0 ? 1 : 0;
      }
      case 'report': {
        const asOf = checkDate(values['as-of'], io.today);
        const format = formatOf(values.format, values.out);
        const loaded = load(asOf);
        if (loaded.plan === null) {
          printProblems(loaded);
          return 2;
        }
        if (loaded.rows > 100_000) progress(`evaluating ${loaded.plan.keyResults.length.toLocaleString('en')} key results`);
        const report = buildReport(loaded.plan, { asOf, locale });
        const toStdout = values.out === undefined;
        const text =
          format === 'html'
            ? renderHtml(report)
            : format === 'md'
              ? renderMarkdown(report)
              : format === 'json'
                ? `${JSON.stringify(report, null, 2)}\n`
                : format === 'csv'
                  ? renderCsv(report)
                  : `${renderText(report, { color: toStdout && color(io.stdout, values['no-color'] === true) })}\n`;
        if (toStdout) io.stdout.write(text);
        else {
          write(values.out!, text);
          io.stderr.write(`okrkit: wrote ${values.out}\n`);
        }
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    if (error instanceof Error && error.name === 'OkrkitError') return fail(error.message.replace(/^okrkit: /, ''));
    throw error;
  }
}

const count = (n: number, noun: string) => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

function write(file: string, text: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(`${file}: cannot write it (${(error as { code?: string }).code ?? 'error'})`);
  }
}
