import type { PlanArgs } from './command.js';
import { progress, type Io } from './io.js';
import { loadPlan, type Loaded } from './load.js';
import { escapeControls } from './terminal.js';

/** Reads the command's <plan>; `asOf` dates the `current` values of a flat sheet. */
export function loadPlanArg(args: PlanArgs, asOf: string, io: Io): Loaded {
  return loadPlan(args.plan, { locale: args.locale, checkInDate: asOf, progress: (text) => progress(io, text) });
}

/** Prints each problem of an invalid plan on stderr, one a line with its place. */
export function printProblems(loaded: Loaded, io: Io): void {
  for (const p of loaded.problems) io.stderr.write(`${escapeControls(p.where)}: ${escapeControls(p.message)}\n`);
}
