import { invalidArgument } from './okrkit-error.js';

/**
 * The languages okrkit speaks: English and Vietnamese.
 *
 * @category Messages
 */
export type Locale = 'en' | 'vi';

/** Checks a locale option (kept apart from the catalogues, so formatting does not pull them in). */
export function checkLocale(locale: Locale | undefined): Locale {
  if (locale === undefined) return 'en';
  if (locale !== 'en' && locale !== 'vi') invalidArgument('arg.oneOf', { name: 'locale', options: "'en', 'vi'", value: String(locale) });
  return locale;
}
