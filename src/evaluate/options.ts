// The evaluate options, checked and resolved once: every part of the engine reads the
// resolved form, so no option is checked twice or read raw.
import { checkCap, checkDate, checkFlag, checkFloor, checkOptions } from '../model/options.js';
import { checkTimeZone } from '../model/instant.js';
import { gradeRules } from '../time/grade.js';
import { statusRules } from '../time/status.js';
import type { EvaluateOptions } from './types.js';

/** The evaluate options, checked, with their defaults filled in. */
export interface ResolvedOptions {
  /** The ceiling of progress (1 unless set). */
  readonly cap: number;
  /** The floor of progress (0 unless set; -Infinity for none). */
  readonly floor: number;
  /** The evaluation date, or null for "at each cycle's end". */
  readonly asOf: string | null;
  readonly rules: ReturnType<typeof statusRules>;
  readonly grades: ReturnType<typeof gradeRules>;
  readonly withForecast: boolean;
  /** Whether draft and proposed objectives and key results feed rollups (false unless set). */
  readonly includeDrafts: boolean;
}

/** Checks the evaluate options and fills in their defaults; throws `invalid_argument` on the first bad one. */
export function resolveOptions(options: EvaluateOptions): ResolvedOptions {
  const o = checkOptions(options, 'options');
  return {
    cap: checkCap(o.cap),
    floor: checkFloor(o.floor),
    asOf: checkDate(o.asOf, 'asOf', checkTimeZone(o.timeZone, 'timeZone')),
    rules: statusRules(o.status),
    grades: gradeRules(o.grade),
    withForecast: checkFlag(o.forecast, 'forecast'),
    includeDrafts: checkFlag(o.includeDrafts, 'includeDrafts'),
  };
}
