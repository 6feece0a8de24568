/**
 * Intl.NumberFormat instances by their settings. Building one costs far more than
 * formatting with it (tens of microseconds against well under one), and a report
 * formats the same few settings hundreds of thousands of times. The cache holds at most
 * a few hundred settings; formatting stays a pure function of its arguments.
 */
const cache = /*@__PURE__*/ new Map<string, Intl.NumberFormat>();
const LIMIT = 256;

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${options.style ?? ''}|${options.currency ?? ''}|${options.minimumFractionDigits ?? ''}|${options.maximumFractionDigits ?? ''}|${String(options.useGrouping ?? '')}`;
  let format = cache.get(key);
  if (format === undefined) {
    if (cache.size >= LIMIT) cache.clear();
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}
