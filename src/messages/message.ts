import { en, type MessageKey } from './en.js';

/**
 * A value a message template is filled with: text, a number, or another message
 * (rendered in the same language).
 *
 * @category Messages
 */
export type MessageParam = string | number | Message;

/**
 * A message before it is put into words: a catalogue key and the values of its
 * placeholders. Errors, issues and lint findings carry one, so they can be shown in any
 * language.
 *
 * @category Messages
 */
export interface Message {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

/** Builds a message. */
export function msg(key: MessageKey, params?: Readonly<Record<string, MessageParam>>): Message {
  return params === undefined ? { key } : { key, params };
}

/** Fills a message's template from a catalogue. */
export function renderIn(catalog: Readonly<Record<MessageKey, string>>, message: Message): string {
  const template = catalog[message.key] ?? en[message.key] ?? message.key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = message.params?.[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? renderIn(catalog, value) : String(value);
  });
}

/** A message in English. */
export function english(message: Message): string {
  return renderIn(en, message);
}
