import { buildReport, renderCsv, renderHtml, renderMarkdown, renderText, type Report } from '../../report/index.js';
import type { Command } from '../command.js';
import { inputFiles, writeFiles } from '../files.js';
import { colorOn, progress, wrote } from '../io.js';
import { EXIT, invalidPlan } from '../exit.js';
import { checkOutFor, dateOption, formatOption, separatorOption, type Format, PLAN_READING_HELP, PLAN_READING_OPTIONS } from '../options.js';
import { UsageError } from '../usage-error.js';
import { loadPlanArg } from '../plan-arg.js';
import { escapeStrings, safeJson, terminalText } from '../terminal.js';

const HELP = `Usage: okrkit report <plan> [options]

Options:
  --as-of DATE      the date to report at, YYYY-MM-DD (default: today)
  --format FORMAT   text, md, html, json or csv (default: from --out's extension, else text)
  --locale LOCALE   en or vi (default: en)
${PLAN_READING_HELP}  --separator SEP   with --format csv: , (default) or ; between cells (write it ";" or
                    semicolon in a shell); cells with a comma, ;, quote or line break are quoted
  --out FILE        write to FILE instead of standard output; its extension must fit the
                    format; never over an existing file
  --force           replace FILE when it exists (never the plan itself, a folder or a link)
  --no-color        never colour the text (colour is on only on a terminal, and off with NO_COLOR)
  --people          show the "People and departments" section even when no objective or key
                    result has an owner (it is shown when one has)
  --include-drafts  count draft and proposed objectives and key results in every rollup
                    (by default they are shown, marked "not counted", and left out)
  -h, --help        show this help
`;

/**
 * The report in a format; `color` only matters for text. The data formats (JSON, CSV)
 * keep the plan's text exact (JSON writes control characters as `\u` escapes); the
 * others show them escaped, as on a terminal.
 */
function render(report: Report, format: Format, color: boolean, separator: ',' | ';'): string {
  switch (format) {
    case 'json':
      return safeJson(`${JSON.stringify(report, null, 2)}\n`);
    case 'csv':
      return renderCsv(report, { separator });
    case 'html':
      return terminalText(renderHtml(escapeStrings(report)), false);
    case 'md':
      return terminalText(renderMarkdown(escapeStrings(report)), false);
    case 'text':
      return terminalText(`${renderText(escapeStrings(report), { color })}\n`, color);
  }
}

export const report: Command = {
  name: 'report',
  summary: 'the evaluated plan: objectives, key results, KPIs, scorecards, findings',
  help: HELP,
  options: ['as-of', 'format', 'locale', 'out', 'force', 'no-color', 'people', 'include-drafts', 'separator', ...PLAN_READING_OPTIONS, 'help'],
  takesPlan: true,
  async run(args, io) {
    const { values, locale } = args;
    const asOf = dateOption(values['as-of'], io.today);
    const format = formatOption(values.format, values.out);
    const separator = separatorOption(values.separator);
    if (values.separator !== undefined && format !== 'csv') throw new UsageError(`--separator is for --format csv, not ${format}`);
    checkOutFor(values.out, format);
    const loaded = await loadPlanArg(args, asOf, io);
    if (loaded.plan === null) return invalidPlan(args.plan, loaded, io, format === 'json' ? 'json' : 'stderr');
    if (loaded.rows > 100_000) progress(io, `evaluating ${loaded.plan.keyResults.length.toLocaleString('en')} key results`);
    const built = buildReport(loaded.plan, { asOf, locale, ...(values.people === true ? { people: true } : {}), ...(values['include-drafts'] === true ? { includeDrafts: true } : {}), ...(loaded.kit === null ? {} : { kit: loaded.kit }) });
    const out = values.out;
    if (out === undefined) {
      io.stdout.write(render(built, format, colorOn(io, io.stdout, values['no-color'] === true), separator));
      return EXIT.ok;
    }
    writeFiles({ [out]: render(built, format, false, separator) }, { force: values.force === true, inputs: inputFiles(args.plan), hint: 'choose another --out' });
    wrote(io, locale, out);
    return EXIT.ok;
  },
};
