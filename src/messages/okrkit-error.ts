import { english, msg, type Message, type MessageParam } from './message.js';
import { en, type MessageKey } from './en.js';
import { messages } from './where.js';

/**
 * The codes an {@link OkrkitError} can carry.
 *
 * - `invalid_plan`: `parsePlan` found problems; `issues` lists each one.
 * - `invalid_argument`: a function was called with a value it cannot use.
 * - `cascade_loop`: the alignment graph is not acyclic; the message names the loop.
 * - `unknown_reference`: an unparsed plan refers to an id that does not exist, or
 *   `recordOf` is asked for an id no record has.
 * - `plugin_failed`: a plug-in threw, or returned NaN or a value outside its declared range.
 * - `invalid_csv`: a spreadsheet read by `okrkit/csv` has problems; each issue's path is
 *   `[file, line, column]`.
 * - `not_ready`: an objective or a key result cannot take a step of the OKR process yet;
 *   `issues` lists each reason (see `advanceObjective`).
 *
 * @category Errors
 */
export type OkrkitErrorCode = 'invalid_plan' | 'invalid_argument' | 'cascade_loop' | 'unknown_reference' | 'plugin_failed' | 'invalid_csv' | 'not_ready';

/**
 * The codes of single problems in {@link OkrkitIssue}.
 *
 * @category Errors
 */
export type OkrkitIssueCode =
  | 'invalid_type'
  | 'invalid_value'
  | 'invalid_number'
  | 'invalid_date'
  | 'missing'
  | 'unknown_key'
  | 'duplicate_id'
  | 'unknown_reference'
  | 'cycle_range'
  | 'cycle_outside_parent'
  | 'target_equals_start'
  | 'range_bounds'
  | 'phase_order'
  | 'missing_kpi_part'
  | 'kpi_target'
  | 'invalid_weight'
  | 'number_out_of_range'
  | 'cascade_loop'
  | 'history_chain'
  | 'not_ready'
  | 'csv_syntax'
  | 'unknown_column'
  | 'unknown_file';

/**
 * One problem with an input: where it is (`path`, as in JSON), what kind it is
 * (`code`) and a sentence that explains it.
 *
 * @category Errors
 */
export interface OkrkitIssue {
  /** Where the problem is, as JSON path segments: `['objectives', 2, 'cycleId']`. */
  readonly path: readonly (string | number)[];
  /** What kind of problem it is; stable across versions, safe to branch on. */
  readonly code: OkrkitIssueCode;
  /** A sentence that explains the problem to a person, in English (see {@link localizeIssue}). */
  readonly message: string;
  /** The catalogue key of the message, for showing it in another language. */
  readonly messageKey: MessageKey;
  /** The values of the message's placeholders. */
  readonly params: Readonly<Record<string, MessageParam>>;
}

/** @internal Builds an issue from a path, a code and a message. */
export function issue(path: readonly (string | number)[], code: OkrkitIssueCode, message: Message): OkrkitIssue {
  return { path, code, message: english(message), messageKey: message.key, params: message.params ?? {} };
}

/**
 * Formats an issue path the way JSON tools show it: `objectives[2].links[0].to`.
 *
 * @param path - The path segments.
 * @returns The path as one string; `(root)` for an empty path.
 * @example
 * formatPath(['objectives', 2, 'cycleId'])
 * //=> 'objectives[2].cycleId'
 * @category Errors
 */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * The brand every {@link OkrkitError} carries, a non-enumerable property keyed by a
 * registered symbol: `Symbol.for` gives the same symbol in the ESM and the CommonJS
 * build and in every realm (a `vm` context, an iframe, a worker's copy of the code).
 */
const BRAND: unique symbol = Symbol.for('okrkit.error');

/** Whether a value carries the brand (any object; a primitive never does, nor a proxy that throws on reading it). */
function branded(value: unknown): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  try {
    // The brand, and the shape a catch block reads (a forged brand on another object is not enough).
    return Reflect.get(value, BRAND) === true && typeof Reflect.get(value, 'code') === 'string' && Array.isArray(Reflect.get(value, 'issues'));
  } catch {
    return false;
  }
}

/** Whether a value is a list of issues (from JavaScript it may be anything). */
function isIssueList(value: unknown): value is readonly OkrkitIssue[] {
  return Array.isArray(value) && value.every((i: unknown) => typeof i === 'object' && i !== null && Array.isArray(Reflect.get(i, 'path')));
}

/** Whether a value is a catalogue message (a key the English catalogue has). */
function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const key: unknown = Reflect.get(value, 'key');
  return typeof key === 'string' && Object.hasOwn(en, key);
}

/**
 * The one error class okrkit throws. `code` says what went wrong; `issues` lists each
 * problem with its path when there is more than one thing to report.
 *
 * Every `OkrkitError` carries a brand (`Symbol.for('okrkit.error')`), so an error
 * thrown by okrkit's CommonJS build, by its ESM build or in another realm (a `vm`
 * context) is recognised by all of them: use {@link isOkrkitError}, or
 * `instanceof OkrkitError`, which checks the brand too. A subclass's `instanceof`
 * stays the ordinary prototype check.
 *
 * @example
 * try {
 *   parsePlan({ objectives: [{ id: 'o1' }] });
 * } catch (error) {
 *   if (error instanceof OkrkitError) console.log(error.code, error.issues.length);
 * }
 * //=> logs "invalid_plan 2"
 * @category Errors
 */
export class OkrkitError extends Error {
  /**
   * True for any error okrkit threw, whichever copy of okrkit (ESM or CommonJS build,
   * another realm) threw it: the check reads the brand, not the prototype chain. On a
   * subclass it is the ordinary prototype check.
   *
   * @example
   * const fromCommonJs = require('okrkit').parsePlan; // another copy of the class
   * try { fromCommonJs({}); } catch (error) { error instanceof OkrkitError; }
   * //=> true
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return this === OkrkitError ? branded(value) : Function.prototype[Symbol.hasInstance].call(this, value);
  }


  /** Always `'OkrkitError'`. */
  override readonly name = 'OkrkitError';
  /** What went wrong, as a stable code. */
  readonly code: OkrkitErrorCode;
  /** Each problem with its path; empty when the message says it all. */
  readonly issues: readonly OkrkitIssue[];
  /** The catalogue key of the message, for showing it in another language (see {@link localizeError}). */
  readonly messageKey: MessageKey;
  /** The values of the message's placeholders. */
  readonly params: Readonly<Record<string, MessageParam>>;

  /**
   * @param code - What went wrong.
   * @param message - A catalogue message, or plain text (a plug-in's own error; it is shown as written in every language).
   * @param issues - Each problem with its path.
   */
  constructor(code: OkrkitErrorCode, message: Message | string, issues: readonly OkrkitIssue[] = []) {
    // Called from JavaScript, the message may be text or anything else, and issues anything: never a raw TypeError.
    const keyed = isMessage(message) ? message : msg('error.text', { text: String(message) });
    const listed = isIssueList(issues) ? issues : [];
    const detail = listed.length
      ? '\n' + listed.map((i) => `  - ${formatPath(i.path)}: ${i.message}`).join('\n')
      : '';
    super(english(keyed) + detail);
    this.code = code;
    this.issues = listed;
    this.messageKey = keyed.key;
    this.params = keyed.params ?? {};
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether a value is an error okrkit threw. It works across okrkit's ESM and CommonJS
 * builds (each has its own {@link OkrkitError} class) and across realms (a `vm`
 * context), because it reads the brand every `OkrkitError` carries
 * (`Symbol.for('okrkit.error')`) rather than the prototype chain. It narrows the type.
 *
 * @param value - Anything, typically a caught error.
 * @returns True for an `OkrkitError` from any copy of okrkit; false for anything else.
 * @example
 * try {
 *   parsePlan({});
 * } catch (error) {
 *   if (isOkrkitError(error)) console.log(error.code);
 * }
 * //=> logs "invalid_plan"
 * @category Errors
 */
export function isOkrkitError(value: unknown): value is OkrkitError {
  return branded(value);
}

/** @internal Throws the `unknown_reference` error for a reference to `what` with an id no record has. */
export function unknownReference(what: Message, id: string): never {
  throw new OkrkitError('unknown_reference', messages.unknownReferenceError(what, id));
}

/** @internal Throws an `invalid_argument` error with a keyed detail. */
export function invalidArgument(detail: Message): never;
export function invalidArgument(key: MessageKey, params?: Readonly<Record<string, MessageParam>>): never;
export function invalidArgument(detail: Message | MessageKey, params?: Readonly<Record<string, MessageParam>>): never {
  const message = typeof detail === 'string' ? msg(detail, params) : detail;
  throw new OkrkitError('invalid_argument', messages.invalidArgument(message));
}
