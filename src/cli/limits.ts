import { statSync } from 'node:fs';
import type { Locale } from '../index.js';
import { msg } from './say.js';
import { numberFormat } from '../messages/number-format.js';
import { UsageError } from './usage-error.js';

/**
 * The largest plan the command reads (docs/cli.md, "Limits"): bytes of input in all (a
 * JSON file, a sheet, or a folder's CSV files together) and rows (data lines of CSV
 * files, items of a JSON plan's lists). Larger inputs are refused before they are read
 * or validated, with a clear message, rather than exhaust memory. The library functions
 * have no such limit.
 */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;
export const MAX_INPUT_ROWS = 250_000;

/** A number with its digits grouped as the user's language groups them (1,000 / 1.000). */
const grouped = (locale: Locale, n: number, digits = 0) => numberFormat(locale === 'vi' ? 'vi-VN' : 'en', { maximumFractionDigits: digits }).format(n);

const megabytes = (locale: Locale, bytes: number) => `${grouped(locale, bytes / (1024 * 1024), 1)} MB`;

/** The size of each file, checked together against {@link MAX_INPUT_BYTES} before any is read. */
export function checkBytes(label: string, files: readonly string[], locale: Locale): void {
  let total = 0;
  for (const file of files) {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      continue; // Not there: reading it says so.
    }
    // A device or a pipe has no size to check (/dev/zero never ends): only regular files are read.
    if (!stat.isFile()) throw new UsageError(msg('cli.input.notRegular', { file }), 'input');
    total += stat.size;
  }
  if (total > MAX_INPUT_BYTES) {
    throw new UsageError(msg('cli.input.tooBig', { file: label, bytes: grouped(locale, total), limit: megabytes(locale, MAX_INPUT_BYTES) }), 'input');
  }
}

/** The rows of an input, checked against {@link MAX_INPUT_ROWS} before they are parsed or validated. */
export function checkRows(label: string, rows: number, locale: Locale): void {
  if (rows > MAX_INPUT_ROWS) {
    throw new UsageError(msg('cli.input.tooManyRows', { file: label, rows: grouped(locale, rows), limit: grouped(locale, MAX_INPUT_ROWS) }), 'input');
  }
}
