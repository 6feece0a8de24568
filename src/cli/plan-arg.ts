import type { PlanArgs } from './command.js';
import { progress, type Io } from './io.js';
import { loadPlan, type Loaded } from './load.js';
import { dateFormatOption, decimalOption } from './options.js';
import { loadPlugin, type CliKit } from './plugin.js';

/** A plan as read for a command, and the kit of its `--plugin` (null without one). */
export interface PlanRead extends Loaded {
  readonly kit: CliKit | null;
}

/** Reads the command's <plan>, with the kit of `--plugin` when given; `asOf` dates the `current` values of a flat sheet. */
export async function loadPlanArg(args: PlanArgs, asOf: string, io: Io): Promise<PlanRead> {
  const decimal = decimalOption(args.values.decimal);
  const dateFormat = dateFormatOption(args.values['date-format']);
  const kit = args.values.plugin === undefined ? null : await loadPlugin(args.values.plugin, args.locale);
  const loaded = await loadPlan(args.plan, {
    locale: args.locale,
    checkInDate: asOf,
    // Under --format json nothing goes to standard error, progress lines included.
    progress: args.values.format === 'json' ? () => undefined : (text) => progress(io, text),
    ...(decimal === undefined ? {} : { decimal }),
    ...(dateFormat === undefined ? {} : { dateFormat }),
    ...(kit === null ? {} : { kit }),
  });
  return { ...loaded, kit };
}
