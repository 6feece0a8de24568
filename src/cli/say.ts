import type { Locale } from '../index.js';
import { en, type MessageKey } from '../messages/en.js';
import { checkLocale } from '../messages/locale.js';
import { renderIn, type Message, type MessageParam } from '../messages/message.js';
import { vi } from '../messages/vi.js';
import { cliEn, type CliOwnKey } from './catalog/en.js';
import { cliVi } from './catalog/vi.js';

// The command speaks with two catalogues: the library's (issues, statuses, labels) and its
// own (usage errors, summaries), which the library does not ship to applications.

/** A key the command can say: the library's or its own. */
export type CliKey = MessageKey | CliOwnKey;

/** A message the command prints, in either catalogue. */
export type CliMessage = Message<CliKey>;

const CATALOGS: Readonly<Record<Locale, Readonly<Record<CliKey, string>>>> = {
  en: { ...en, ...cliEn },
  vi: { ...vi, ...cliVi },
};

/** Builds a message of either catalogue. */
export function msg(key: CliKey, params?: Readonly<Record<string, MessageParam<CliKey>>>): CliMessage {
  return params === undefined ? { key } : { key, params };
}

/** Puts a message of either catalogue into words in a language (the library's `translate`, with the command's words). */
export function translate(message: CliMessage | CliKey, locale: Locale = 'en', params?: Readonly<Record<string, MessageParam<CliKey>>>): string {
  const m: CliMessage = typeof message === 'string' ? msg(message, params) : message;
  return renderIn(CATALOGS[checkLocale(locale)], m);
}

/** A message in English. */
export function english(message: CliMessage): string {
  return renderIn(CATALOGS.en, message);
}
