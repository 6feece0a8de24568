// Intl.NumberFormat formats decimal strings exactly (ES2023, in Node 20); this lib types it.
/// <reference lib="es2023.intl" />
import { invalidArgument } from '../messages/okrkit-error.js';
import { checkLocale, type Locale } from '../messages/locale.js';
import { DECIMAL_STRING } from '../_lib/decimal-string.js';
import { numberFormat } from '../messages/number-format.js';

/** The Intl locale for each of okrkit's languages. */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: 'en-US', vi: 'vi-VN' };

/**
 * Options of {@link formatValue}.
 *
 * @category Format
 */
export interface FormatValueOptions {
  /** `en` (default: 1,234.5) or `vi` (1.234,5). */
  readonly locale?: Locale;
  /** A unit: an ISO currency code (VND, USD…) formats as money, `%` is appended, anything else follows after a space. */
  readonly unit?: string;
  /** Most digits after the decimal point: 2 by default (a currency's own, such as none for VND). */
  readonly digits?: number;
}

const CURRENCY = /^[A-Z]{3}$/;

/** A decimal string, such as Intl formats exactly. */
function isDecimalString(value: string): value is `${number}` {
  return DECIMAL_STRING.test(value);
}

/** The value as Intl takes it: a finite number, or a decimal string (kept, for exactness). */
function formattable(value: number | string): number | `${number}` {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
  } else if (typeof value === 'string' && isDecimalString(value)) {
    return value;
  }
  return invalidArgument('arg.notNumber', { value: String(value) });
}

/**
 * Formats a value for people in a language with `Intl`: Vietnamese uses a comma for
 * decimals and dots for thousands, and VND has no minor unit. Decimal strings are
 * formatted exactly.
 *
 * @param value - A number or decimal string.
 * @param options - `locale`, `unit` and `digits`.
 * @returns The text.
 * @throws {OkrkitError} `invalid_argument` for a value that is not a finite number or decimal string.
 * @example
 * formatValue('1234567.5', { locale: 'vi' })
 * //=> '1.234.567,5'
 * formatValue(520000000, { locale: 'vi', unit: 'VND' })
 * //=> '520.000.000 ₫'
 * formatValue(12.5, { unit: '%' })
 * //=> '12.5%'
 * @category Format
 */
export function formatValue(value: number | string, options: FormatValueOptions = {}): string {
  const input = formattable(value);
  const locale = INTL_LOCALE[checkLocale(options.locale)];
  const unit = options.unit;
  const digits = options.digits;
  if (digits !== undefined && (!Number.isInteger(digits) || digits < 0 || digits > 20)) {
    invalidArgument('arg.integerBetween', { name: 'digits', min: 0, max: 20, value: String(digits) });
  }
  if (unit !== undefined && CURRENCY.test(unit)) {
    const f = numberFormat(locale, { style: 'currency', currency: unit, ...(digits === undefined ? {} : { maximumFractionDigits: digits }) });
    return f.format(input);
  }
  const text = numberFormat(locale, { maximumFractionDigits: digits ?? 2 }).format(input);
  if (unit === undefined || unit === '') return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}
