import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { main, type Io } from '../../src/cli/main.js';
import { OPTIONS, type OptionName } from '../../src/cli/options.js';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {}, today: '2026-08-15' };
  return { code: await main(args, io), stdout, stderr };
}

// `okrkit --help` as it was written by hand before it was derived from the commands
// (exit code 3 added with the top-level catch).
const MAIN_HELP = `okrkit — score OKR and KPI plans from JSON or spreadsheets

Usage: okrkit <command> [options]

Commands:
  report <plan>     the evaluated plan: objectives, key results, KPIs, scorecards, findings
  people <plan>     each unit's and owner's OKR score beside their KPI scorecard
  lint <plan>       the coach's findings; exits 1 when one is an error
  validate <plan>   every problem of the plan with its file, row and column
  export <plan>     write the plan as CSV tables (a folder), one JSON file or a workbook
  schema            print the plan's JSON Schema
  template          write a starter plan and spreadsheet templates to fill in

<plan> is a JSON file, a folder of CSV tables (objectives.csv, key-results.csv, …),
one flat CSV sheet (objective, key result, start, target, current, weight, owner, cycle)
or an Excel workbook (.xlsx) with the table sheets or the flat sheet.

Exit codes: 0 done, 1 findings or a plan that is not valid, 2 bad usage or input that
cannot be read, 3 internal error.
Run "okrkit <command> --help" for a command's options, "okrkit --version" for the version.
`;

const OPTION_NAMES = Object.keys(OPTIONS).filter((name): name is OptionName => Object.hasOwn(OPTIONS, name));

describe('the command table', () => {
  it('names each command once', () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s has help text, printed by --help and -h', async (name, command) => {
    expect(command.summary.length).toBeGreaterThan(0);
    expect(command.help.startsWith(`Usage: okrkit ${name}`)).toBe(true);
    expect(command.options).toContain('help');
    expect(await run([name, '--help'])).toEqual({ code: 0, stdout: command.help, stderr: '' });
    expect((await run([name, '-h'])).stdout).toBe(command.help);
  });

  it('okrkit help lists every command, in the text it always had', async () => {
    const { code, stdout } = await run(['help']);
    expect(code).toBe(0);
    for (const c of COMMANDS) expect(stdout).toContain(`\n  ${c.takesPlan ? `${c.name} <plan>` : c.name} `);
    expect(stdout).toBe(MAIN_HELP);
    expect((await run(['--help'])).stdout).toBe(MAIN_HELP);
    expect(await run([])).toEqual({ code: 2, stdout: '', stderr: MAIN_HELP });
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s refuses each option it does not take', async (name, command) => {
    const refused = OPTION_NAMES.filter((option) => !command.options.includes(option));
    for (const option of refused) {
      const flag = OPTIONS[option].type === 'string' ? [`--${option}`, 'x'] : [`--${option}`];
      const args = [name, ...(command.takesPlan ? ['plan.json'] : []), ...flag];
      expect([option, await run(args)]).toEqual([option, { code: 2, stdout: '', stderr: `okrkit: "okrkit ${name}" has no --${option} option; run "okrkit ${name} --help"\n` }]);
    }
  });
});
