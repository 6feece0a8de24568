// lintPlan's options, checked once: the only errors lintPlan raises come from here.
import { invalidArgument } from '../messages/okrkit-error.js';
import { checkLocale, type Locale } from '../messages/locale.js';
import { checkAsOf } from '../model/options.js';
import type { DateInput } from '../model/instant.js';
import type { ViewSettings } from './plan-view.js';
import type { Severity } from './rule.js';
import { LINT_RULES, type LintCode } from './rules/index.js';

/** A weekly rhythm by default: the seeds track key results "hàng tuần" (every week). */
const CHECK_IN_EVERY_DAYS = 7;

/** The options as checked: the rules' settings, the language, and each re-levelled rule. */
export interface LintSettings extends ViewSettings {
  readonly locale: Locale;
  /** The level the caller chose for a rule, by code; rules not named keep their default. */
  readonly levels: ReadonlyMap<string, Severity | 'off'>;
}

/**
 * Options of {@link lintPlan}.
 *
 * @category Lint
 */
export interface LintOptions {
  /** The date to judge staleness at; staleness rules are skipped without it. A `Date` or epoch milliseconds counts on its day in `timeZone`. */
  readonly asOf?: DateInput;
  /** The IANA time zone (`Asia/Ho_Chi_Minh`) that decides the calendar day of an `asOf` given as a `Date` or epoch milliseconds. */
  readonly timeZone?: string;
  /** The language of the messages: `en` (default) or `vi`. */
  readonly locale?: Locale;
  /** Switch rules off or change their severity: `{ 'metric-without-unit': 'off', 'unaligned': 'error' }`. */
  readonly rules?: Readonly<Partial<Record<LintCode, Severity | 'off'>>>;
  /** The team asks for key-result weights that add up to 100 in each objective (checked only then). */
  readonly weightsSumTo100?: boolean;
  /** Days allowed between check-ins: 7 (weekly) by default. */
  readonly checkInEvery?: number;
}

/** Checks the options, always in this order (the first bad one is the one reported), and resolves their defaults. */
export function lintSettings(options: LintOptions): LintSettings {
  if (typeof options !== 'object' || options === null) invalidArgument('arg.object', { name: 'options' });
  const locale = checkLocale(options.locale);
  const asOf = checkAsOf(options);
  const every = options.checkInEvery ?? CHECK_IN_EVERY_DAYS;
  if (!Number.isInteger(every) || every < 1) invalidArgument('arg.integerBetween', { name: 'checkInEvery', min: 1, max: 'Infinity', value: String(every) });
  const levels = new Map<string, Severity | 'off'>();
  for (const [code, level] of Object.entries(options.rules ?? {})) {
    if (!(code in LINT_RULES)) invalidArgument('arg.rule', { rule: code, options: Object.keys(LINT_RULES).join(', ') });
    if (level !== 'off' && level !== 'error' && level !== 'warning' && level !== 'info') {
      invalidArgument('arg.oneOf', { name: `rules.${code}`, options: "'off', 'error', 'warning', 'info'", value: String(level) });
    }
    levels.set(code, level);
  }
  return { locale, asOf, checkInEvery: every, weightsSumTo100: options.weightsSumTo100 === true, levels };
}
