import type { Locale, Plan } from '../../index.js';
import { translate } from '../say.js';
import type { Command } from '../command.js';
import { countIn } from '../io.js';
import { EXIT, invalidJson, invalidPlan, printJson } from '../exit.js';
import { loadPlanArg } from '../plan-arg.js';
import { escapeControls } from '../terminal.js';
import { dateOption, textOrJson, PLAN_READING_HELP, PLAN_READING_OPTIONS } from '../options.js';

const HELP = `Usage: okrkit validate <plan> [options]

Checks the plan and prints every problem with its path (for spreadsheets: file, row
and column) on standard output, then a summary. Exits 0 when valid, 1 when it has
problems, 2 when it cannot be read at all.

Options:
  --format FORMAT   text (default) or json: one JSON object on standard output with "valid",
                    "problems" (each with "where" and "message") and the plan's "contents"
  --locale LOCALE   en or vi (default: en)
  --as-of DATE      the date given to "current" values of a flat sheet (default: today), as
                    export, report and lint read them
${PLAN_READING_HELP}  -h, --help        show this help
`;

/** What a valid plan holds, by collection. */
const tally = (p: Plan) => ({
  objectives: p.objectives.length,
  keyResults: p.keyResults.length,
  kpis: p.kpis.length,
  checkIns: p.checkIns.length,
  measurements: p.measurements.length,
});

/** "3 objectives, 6 key results, …": what a valid plan holds, in the user's language. */
const contents = (p: Plan, locale: Locale) => {
  const t = tally(p);
  return (['objectives', 'keyResults', 'kpis', 'checkIns', 'measurements'] as const).map((what) => countIn(locale, t[what], what)).join(', ');
};

export const validate: Command = {
  name: 'validate',
  summary: 'every problem of the plan with its file, row and column',
  help: HELP,
  options: ['format', 'locale', 'as-of', ...PLAN_READING_OPTIONS, 'help'],
  takesPlan: true,
  async run(args, io) {
    const format = textOrJson(args.values.format);
    const loaded = await loadPlanArg(args, dateOption(args.values['as-of'], io.today), io);
    if (format === 'json') {
      printJson(io, loaded.plan === null ? { ...invalidJson(args.plan, loaded), contents: null } : { plan: args.plan, valid: true, problems: [], contents: tally(loaded.plan) });
      return loaded.plan === null ? EXIT.findings : EXIT.ok;
    }
    if (loaded.plan === null) {
      invalidPlan(args.plan, loaded, io, 'stdout');
      io.stdout.write(`${escapeControls(args.plan)}: ${countIn(args.locale, loaded.problems.length, 'problems')}\n`);
      return EXIT.findings;
    }
    io.stdout.write(`${escapeControls(args.plan)}: ${translate('cli.valid', args.locale, { contents: contents(loaded.plan, args.locale) })}\n`);
    return EXIT.ok;
  },
};
