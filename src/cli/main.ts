import type { Command } from './command.js';
import { COMMANDS } from './commands/index.js';
import { helpOf, mainHelp } from './help.js';
import { fail, guardedIo, type Io } from './io.js';
import { UsageError } from './usage-error.js';
import { EXIT, printJson } from './exit.js';
import { askedFor, localeOption, parseOptions } from './options.js';
import { isOkrkitError, localizeError, type Locale } from '../index.js';
import { msg, translate, type CliMessage } from './say.js';
import { escapeControls } from './terminal.js';
import { closestName } from '../_lib/closest.js';

export type { Io } from './io.js';

/**
 * Runs the `okrkit` command with its arguments (without `node` and the script) and
 * resolves to the exit code (src/cli/exit.ts): 0 done, 1 findings or a plan that is not
 * valid, 2 bad usage or input that cannot be read, 3 an internal error (anything
 * unexpected: one line on stderr, never a stack trace). It is async because reading and
 * writing workbooks and loading plug-ins are.
 */
export async function main(argv: readonly string[], rawIo: Io): Promise<number> {
  const io = guardedIo(rawIo);
  // Read before the arguments are checked, so that every usage error (and the help) is told in the language and format asked for.
  const asked = askedFor(argv);
  const [name, ...rest] = commandFirst(argv);
  if (name === undefined) {
    io.stderr.write(mainHelp(COMMANDS, asked.locale));
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp(COMMANDS, asked.locale));
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`okrkit ${io.version ?? 'unknown'}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    const suggestion = closestName(name, COMMANDS.map((c) => c.name));
    const said = suggestion === undefined ? msg('cli.usage.unknownCommand', { name: escapeControls(name) }) : msg('cli.usage.unknownCommandClose', { name: escapeControls(name), suggestion });
    return refuse(io, asked, 'usage', said);
  }
  try {
    return await runCommand(command, rest, io);
  } catch (error) {
    if (error instanceof UsageError) return refuse(io, asked, error.kind, error.said);
    if (isOkrkitError(error)) return refuse(io, asked, 'input', localizeError(error, asked.locale).replace(/^okrkit: /, ''));
    return internalError(io, asked.locale, error);
  }
}

/** The arguments with a leading `--locale X` (or `--locale=X`) moved after the command: `okrkit --locale vi report …` is `okrkit report … --locale vi`. */
function commandFirst(argv: readonly string[]): readonly string[] {
  const [first, value] = argv;
  const taken = first === '--locale' && value !== undefined ? 2 : first?.startsWith('--locale=') === true ? 1 : 0;
  if (taken === 0) return argv;
  const [name, ...rest] = argv.slice(taken);
  return name === undefined ? [] : [name, ...argv.slice(0, taken), ...rest];
}

/** Bad usage or unreadable input, exit code 2: one line on stderr, or under --format json `{ error: { code, message } }` on stdout. */
function refuse(io: Io, asked: { locale: Locale; json: boolean }, code: 'usage' | 'input', said: CliMessage | string): number {
  const message = typeof said === 'string' ? said : translate(said, asked.locale);
  if (!asked.json) return fail(io, message);
  printJson(io, { error: { code, message } });
  return EXIT.usage;
}

/** Anything unexpected: one line that says what, exit code 3. */
function internalError(io: Io, locale: Locale, error: unknown): number {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const nesting = error instanceof RangeError && /call stack/i.test(error.message);
  fail(io, translate(nesting ? 'cli.internal.nesting' : 'cli.internal', locale, { what }));
  return EXIT.internal;
}

/** Checks a command's arguments — options it takes, one <plan> or none — then runs it. */
async function runCommand(command: Command, argv: readonly string[], io: Io): Promise<number> {
  const { name } = command;
  const { values, positionals } = parseOptions(name, argv);
  if (values.help === true) {
    io.stdout.write(helpOf(command, askedFor(argv).locale).help);
    return EXIT.ok;
  }
  for (const key of Object.keys(values)) {
    if (!command.options.some((option) => option === key)) throw new UsageError(msg('cli.usage.noSuchOption', { command: name, option: key }));
  }
  if (values.out === '') throw new UsageError(msg('cli.usage.emptyOut'));
  const args = { values, locale: localeOption(values.locale) };
  const [plan, extra] = positionals;
  if (command.takesPlan) {
    if (plan === undefined || extra !== undefined) throw new UsageError(msg('cli.usage.needsPlan', { command: name }));
    return await command.run({ ...args, plan }, io);
  }
  if (plan !== undefined) throw new UsageError(msg('cli.usage.noPlan', { command: name, plan: escapeControls(plan) }));
  return await command.run(args, io);
}
