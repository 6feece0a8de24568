import { en, type MessageKey } from './en.js';

/**
 * A value a message template is filled with: text, a number, or another message
 * (rendered in the same language).
 *
 * @typeParam K - The keys of the catalogue it is put into words from: okrkit's by default.
 * @category Messages
 */
export type MessageParam<K extends string = MessageKey> = string | number | Message<K>;

/**
 * A message before it is put into words: a catalogue key and the values of its
 * placeholders. Errors, issues and lint findings carry one, so they can be shown in any
 * language.
 *
 * @typeParam K - The keys of the catalogue it is put into words from: okrkit's by default.
 * @category Messages
 */
export interface Message<K extends string = MessageKey> {
  readonly key: K;
  readonly params?: Readonly<Record<string, MessageParam<K>>>;
}

/** Builds a message. */
export function msg(key: MessageKey, params?: Readonly<Record<string, MessageParam>>): Message {
  return params === undefined ? { key } : { key, params };
}

/** Fills a message's template from a catalogue (a key it lacks is shown as the key). */
export function renderIn<K extends string>(catalog: Readonly<Record<K, string>>, message: Message<K>): string {
  const template: string = catalog[message.key] ?? message.key;
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
