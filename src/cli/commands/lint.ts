import { lintPlan, type Locale, type Severity } from '../../index.js';
import { translate } from '../say.js';
import type { Command } from '../command.js';
import { colorOn, countIn } from '../io.js';
import { dateOption, textOrJson, PLAN_READING_HELP, PLAN_READING_OPTIONS } from '../options.js';
import { escapeControls } from '../terminal.js';
import { EXIT, invalidPlan, printJson } from '../exit.js';
import { loadPlanArg } from '../plan-arg.js';

const HELP = `Usage: okrkit lint <plan> [options]

Prints the coach's findings (3–5 objectives, 2–5 key results, stale check-ins, KPIs
missing a part…) on standard output and exits 1 when any has severity "error" (or the
plan is not valid: its problems are printed instead).

Options:
  --as-of DATE      the date to judge staleness at (default: today)
  --format FORMAT   text (default) or json: one JSON object on standard output with the
                    findings (code, severity, id, path, message) and the number of errors
  --locale LOCALE   en or vi (default: en)
${PLAN_READING_HELP}  --no-color        never colour the text
  -h, --help        show this help
`;

/** A severity as the text names it: error, warning, info; in Vietnamese lỗi, cảnh báo, gợi ý. */
const severityIn = (locale: Locale, severity: Severity): string => (locale === 'en' ? severity : translate(`severity.${severity}`, locale).toLowerCase());

/** The terminal colour of each severity: red, yellow, dim. */
const TONE = { error: 31, warning: 33, info: 2 } as const;

export const lint: Command = {
  name: 'lint',
  summary: "the coach's findings; exits 1 when one is an error",
  help: HELP,
  options: ['as-of', 'format', 'locale', 'no-color', ...PLAN_READING_OPTIONS, 'help'],
  takesPlan: true,
  async run(args, io) {
    const asOf = dateOption(args.values['as-of'], io.today);
    const format = textOrJson(args.values.format);
    const loaded = await loadPlanArg(args, asOf, io);
    if (loaded.plan === null) return invalidPlan(args.plan, loaded, io, format === 'json' ? 'json' : 'stdout');
    const findings = loaded.kit === null ? lintPlan(loaded.plan, { asOf, locale: args.locale }) : loaded.kit.lintPlan(loaded.plan, { asOf, locale: args.locale });
    if (format === 'json') {
      const errors = findings.filter((f) => f.severity === 'error').length;
      printJson(io, { plan: args.plan, valid: true, findings, errors });
      return errors > 0 ? EXIT.findings : EXIT.ok;
    }
    const paint = colorOn(io, io.stdout, args.values['no-color'] === true);
    for (const f of findings) {
      const named = severityIn(args.locale, f.severity);
      const severity = paint ? `\u001b[${TONE[f.severity]}m${named}\u001b[0m` : named;
      io.stdout.write(`${severity} ${escapeControls(`${f.code}${f.id === null ? '' : ` (${f.id})`}: ${f.message}`)}\n`);
    }
    const errors = findings.filter((f) => f.severity === 'error').length;
    io.stdout.write(`${countIn(args.locale, findings.length, 'findings')}, ${countIn(args.locale, errors, 'errors')}\n`);
    return errors > 0 ? EXIT.findings : EXIT.ok;
  },
};
