// The one exit-code rule of every okrkit command (docs/cli.md, "Exit codes"), and the one
// way each command reports a plan that is not valid.
import type { Locale } from '../index.js';
import { wrote, type Io } from './io.js';
import type { Loaded } from './load.js';
import { escapeControls, safeJson } from './terminal.js';

/** The exit codes, the same for every command. */
export const EXIT = {
  /** Done, nothing found. */
  ok: 0,
  /** Findings (a lint error) or a plan that is not valid: any problem with a place. */
  findings: 1,
  /** Bad usage, or input that cannot be read at all. */
  usage: 2,
  /** Anything okrkit did not expect. */
  internal: 3,
} as const;

/** A JSON result on standard output, control characters escaped. */
export function printJson(io: Io, value: unknown): void {
  io.stdout.write(safeJson(`${JSON.stringify(value, null, 2)}\n`));
}

/** What `--format json` prints for a plan that is not valid: the same object from every command. */
export const invalidJson = (plan: string, loaded: Loaded): { plan: string; valid: false; problems: Loaded['problems'] } => ({ plan, valid: false, problems: loaded.problems });

/** Where an invalid plan's problems go: JSON on stdout, or text lines on the stream the command prints its result or its diagnostics on. */
type ProblemsTo = 'json' | 'stdout' | 'stderr';

/**
 * Reports a plan that is not valid and gives exit code 1: under `--format json` the
 * {@link invalidJson} object on stdout (nothing on stderr), else a line per problem with
 * its place on `to`.
 */
export function invalidPlan(plan: string, loaded: Loaded, io: Io, to: ProblemsTo): number {
  if (to === 'json') printJson(io, invalidJson(plan, loaded));
  else for (const p of loaded.problems) io[to].write(`${escapeControls(p.where)}: ${escapeControls(p.message)}\n`);
  return EXIT.findings;
}

/** What a command that writes files reports: `{ written }` on stdout under --format json, else a "wrote" line each on stderr. */
export function written(io: Io, locale: Locale, format: 'text' | 'json', files: readonly string[]): void {
  if (format === 'json') printJson(io, { written: files });
  else for (const file of files) wrote(io, locale, file);
}
