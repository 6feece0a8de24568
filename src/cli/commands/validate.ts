import type { Plan } from '../../index.js';
import type { Command } from '../command.js';
import { count } from '../io.js';
import { loadPlanArg, printProblems } from '../plan-arg.js';
import { escapeControls } from '../terminal.js';

const HELP = `Usage: okrkit validate <plan> [options]

Checks the plan and prints every problem with its path (for spreadsheets: file, row
and column). Exits 0 when valid, 1 when it has problems.

Options:
  --locale LOCALE   en or vi (default: en)
  -h, --help        show this help
`;

/** "3 objectives, 6 key results, …": what a valid plan holds. */
const contents = (p: Plan) =>
  [
    count(p.objectives.length, 'objective'),
    count(p.keyResults.length, 'key result'),
    count(p.kpis.length, 'KPI'),
    count(p.checkIns.length, 'check-in'),
    count(p.measurements.length, 'measurement'),
  ].join(', ');

export const validate: Command = {
  name: 'validate',
  summary: 'every problem of the plan with its file, row and column',
  help: HELP,
  options: ['locale', 'help'],
  takesPlan: true,
  run(args, io) {
    const loaded = loadPlanArg(args, io.today, io);
    if (loaded.plan === null) {
      printProblems(loaded, io);
      io.stdout.write(`${escapeControls(args.plan)}: ${count(loaded.problems.length, 'problem')}\n`);
      return 1;
    }
    io.stdout.write(`${escapeControls(args.plan)}: valid — ${contents(loaded.plan)}\n`);
    return 0;
  },
};
