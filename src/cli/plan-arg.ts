import type { PlanArgs } from './command.js';
import { progress, type Io } from './io.js';
import { loadPlan, type Loaded } from './load.js';
import { dateFormatOption, decimalOption } from './options.js';

/** Reads the command's <plan>; `asOf` dates the `current` values of a flat sheet. */
export function loadPlanArg(args: PlanArgs, asOf: string, io: Io): Loaded {
  const decimal = decimalOption(args.values.decimal);
  const dateFormat = dateFormatOption(args.values['date-format']);
  return loadPlan(args.plan, {
    locale: args.locale,
    checkInDate: asOf,
    progress: (text) => progress(io, text),
    ...(decimal === undefined ? {} : { decimal }),
    ...(dateFormat === undefined ? {} : { dateFormat }),
  });
}
