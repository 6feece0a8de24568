import type { Locale } from '../index.js';
import type { Io } from './io.js';
import type { OptionName, OptionValues } from './options.js';

/** What a command is given once its arguments are checked. */
interface Args {
  readonly values: OptionValues;
  /** `--locale`, checked (en by default), for the messages and the text the command writes. */
  readonly locale: Locale;
}

/** The arguments of a command that reads a plan: its path as well. */
export interface PlanArgs extends Args {
  /** The <plan>: a JSON file, a folder of CSV tables, one flat CSV sheet or an Excel workbook. */
  readonly plan: string;
}

/** A command's line in `okrkit --help` and the text of `okrkit <name> --help`. */
export interface HelpText {
  readonly summary: string;
  readonly help: string;
}

interface About extends HelpText {
  readonly name: string;
  /** Its summary and help (English above) in each other language `--locale` takes. */
  readonly translated: Readonly<Record<Exclude<Locale, 'en'>, HelpText>>;
  /** The options it takes; any other is refused before it runs. */
  readonly options: readonly OptionName[];
}

/**
 * One `okrkit` command. `run` returns (or resolves to) the exit code (0 done, 1 findings, 2 bad usage or
 * invalid input) and may throw a UsageError or an OkrkitError, which main prints (exit 2);
 * anything else is an internal error (exit 3). A command either reads
 * exactly one <plan> or takes none; main checks which before it runs.
 */
export type Command =
  | (About & { readonly takesPlan: true; run(args: PlanArgs, io: Io): number | Promise<number> })
  | (About & { readonly takesPlan: false; run(args: Args, io: Io): number | Promise<number> });
