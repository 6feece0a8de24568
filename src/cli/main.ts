import type { Command } from './command.js';
import { COMMANDS } from './commands/index.js';
import { mainHelp } from './help.js';
import { fail, guardedIo, type Io } from './io.js';
import { UsageError } from './usage-error.js';
import { EXIT, printJson } from './exit.js';
import { localeOption, parseOptions } from './options.js';

export type { Io } from './io.js';

const HELP = mainHelp(COMMANDS);

/**
 * Runs the `okrkit` command with its arguments (without `node` and the script) and
 * resolves to the exit code (src/cli/exit.ts): 0 done, 1 findings or a plan that is not
 * valid, 2 bad usage or input that cannot be read, 3 an internal error (anything
 * unexpected: one line on stderr, never a stack trace). It is async because reading and
 * writing workbooks and loading plug-ins are.
 */
export async function main(argv: readonly string[], rawIo: Io): Promise<number> {
  const io = guardedIo(rawIo);
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(HELP);
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`okrkit ${io.version ?? 'unknown'}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) return fail(io, `unknown command "${name}"; run "okrkit --help"`);
  try {
    return await runCommand(command, rest, io);
  } catch (error) {
    if (error instanceof UsageError) return refuse(io, rest, error.kind, error.message);
    if (error instanceof Error && error.name === 'OkrkitError') return refuse(io, rest, 'input', error.message.replace(/^okrkit: /, ''));
    return internalError(io, error);
  }
}

/** Whether the arguments ask for `--format json` (read before they are checked: a usage error is reported in that format too). */
function wantsJson(argv: readonly string[]): boolean {
  return argv.some((arg, i) => arg === '--format=json' || (arg === '--format' && argv[i + 1] === 'json'));
}

/** Bad usage or unreadable input, exit code 2: one line on stderr, or under --format json `{ error: { code, message } }` on stdout. */
function refuse(io: Io, argv: readonly string[], code: 'usage' | 'input', message: string): number {
  if (!wantsJson(argv)) return fail(io, message);
  printJson(io, { error: { code, message } });
  return EXIT.usage;
}

/** Anything unexpected: one line that says what, exit code 3. */
function internalError(io: Io, error: unknown): number {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const hint = error instanceof RangeError && /call stack/i.test(error.message) ? '; the input may nest too deeply' : '';
  fail(io, `internal error (${what})${hint}. Please report it, with the command you ran.`);
  return EXIT.internal;
}

/** Checks a command's arguments — options it takes, one <plan> or none — then runs it. */
async function runCommand(command: Command, argv: readonly string[], io: Io): Promise<number> {
  const { name } = command;
  const { values, positionals } = parseOptions(name, argv);
  if (values.help === true) {
    io.stdout.write(command.help);
    return EXIT.ok;
  }
  for (const key of Object.keys(values)) {
    if (!command.options.some((option) => option === key)) throw new UsageError(`"okrkit ${name}" has no --${key} option; run "okrkit ${name} --help"`);
  }
  if (values.out === '') throw new UsageError(`--out needs a file or folder name, got ""`);
  const args = { values, locale: localeOption(values.locale) };
  const [plan, extra] = positionals;
  if (command.takesPlan) {
    if (plan === undefined || extra !== undefined) throw new UsageError(`"okrkit ${name}" needs one <plan>: a JSON file, a folder of CSV files, a CSV sheet or an Excel workbook (.xlsx)`);
    return await command.run({ ...args, plan }, io);
  }
  if (plan !== undefined) throw new UsageError(`"okrkit ${name}" takes no <plan>, got "${plan}"`);
  return await command.run(args, io);
}
