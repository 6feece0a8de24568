import { formatPath, type OkrkitError, type OkrkitIssue } from './okrkit-error.js';
import { checkLocale, type Locale } from './locale.js';
import { en, type MessageKey } from './en.js';
import { renderIn, type Message, type MessageParam } from './message.js';
import { vi } from './vi.js';

const CATALOGS: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en, vi };

/**
 * Puts a message into words in a language.
 *
 * @param message - A message (`{ key, params }`, as errors, issues and lint findings carry) or a catalogue key.
 * @param locale - `en` (default) or `vi`.
 * @param params - The placeholders' values, when `message` is a key.
 * @returns The text.
 * @throws {OkrkitError} `invalid_argument` for an unknown locale.
 * @example
 * translate({ key: 'issue.unknownReference', params: { what: { key: 'noun.cycle' }, id: 'q9' } }, 'vi')
 * //=> 'Không tìm thấy chu kỳ "q9".'
 * translate('status.atRisk', 'vi')
 * //=> 'Có rủi ro'
 * @category Messages
 */
export function translate(message: Message | MessageKey, locale: Locale = 'en', params?: Readonly<Record<string, MessageParam>>): string {
  const m: Message = typeof message === 'string' ? (params === undefined ? { key: message } : { key: message, params }) : message;
  return renderIn(CATALOGS[checkLocale(locale)], m);
}

/**
 * An issue with its message in another language.
 *
 * @param issue - An issue from an {@link OkrkitError} or a failed {@link safeParsePlan}.
 * @param locale - `en` or `vi`.
 * @returns A copy with `message` in that language.
 * @example
 * localizeIssue(result.error.issues[0], 'vi').message
 * //=> 'Không tìm thấy chu kỳ "q9".'
 * @category Messages
 */
export function localizeIssue(issue: OkrkitIssue, locale: Locale): OkrkitIssue {
  return { ...issue, message: translate({ key: issue.messageKey, params: issue.params }, locale) };
}

/**
 * An error's full message — its summary and each issue with its path — in another
 * language.
 *
 * @param error - An {@link OkrkitError}.
 * @param locale - `en` or `vi`.
 * @returns The text.
 * @example
 * localizeError(error, 'vi')
 * //=> 'okrkit: kế hoạch không hợp lệ (1 lỗi)\n  - objectives[0].cycleId: Không tìm thấy chu kỳ "q9".'
 * @category Messages
 */
export function localizeError(error: OkrkitError, locale: Locale): string {
  const head = translate({ key: error.messageKey, params: error.params }, locale);
  const lines = error.issues.map((i) => `  - ${formatPath(i.path)}: ${localizeIssue(i, locale).message}`);
  return [head, ...lines].join('\n');
}

/**
 * A label group and its values: statuses, grades, RAG colours, key-result kinds, KPI
 * parts, rating bands, perspectives, frequencies, commitments, unit levels, lint
 * severities and the vocabulary of OKRs.
 *
 * @category Messages
 */
export type LabelKey = Extract<
  MessageKey,
  `${'status' | 'grade' | 'rag' | 'kind' | 'kpiPart' | 'rating' | 'perspective' | 'frequency' | 'commitment' | 'level' | 'term' | 'severity'}.${string}`
>;

/**
 * A label in a language: `label('status.atRisk', 'vi')`.
 *
 * @param key - The label's key, group and value: `status.onTrack`, `grade.green`,
 *   `kind.metric`, `kpiPart.dataSource`, `rating.A`, `term.keyResult`…
 * @param locale - `en` (default) or `vi`.
 * @returns The label.
 * @throws {OkrkitError} `invalid_argument` for an unknown locale.
 * @example
 * label('term.keyResult', 'vi')
 * //=> 'Kết quả then chốt'
 * @category Messages
 */
export function label(key: LabelKey, locale: Locale = 'en'): string {
  return translate(key, locale);
}
