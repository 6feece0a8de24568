import type { Command } from './command.js';

/** The text of `okrkit --help`: what okrkit does and a line per command. */
export function mainHelp(commands: readonly Command[]): string {
  const lines = commands.map((c) => `  ${(c.takesPlan ? `${c.name} <plan>` : c.name).padEnd(18)}${c.summary}\n`);
  return `okrkit — score OKR and KPI plans from JSON or spreadsheets

Usage: okrkit <command> [options]

Commands:
${lines.join('')}
<plan> is a JSON file, a folder of CSV tables (objectives.csv, key-results.csv, …),
one flat CSV sheet (objective, key result, start, target, current, weight, owner, cycle)
or an Excel workbook (.xlsx) with the table sheets or the flat sheet.

Exit codes: 0 done, 1 findings or a plan that is not valid, 2 bad usage or input that
cannot be read, 3 internal error.
Run "okrkit <command> --help" for a command's options, "okrkit --version" for the version.
`;
}
