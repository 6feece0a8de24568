import { statSync } from 'node:fs';
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

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/** The size of each file, checked together against {@link MAX_INPUT_BYTES} before any is read. */
export function checkBytes(label: string, files: readonly string[]): void {
  let total = 0;
  for (const file of files) {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      continue; // Not there: reading it says so.
    }
    // A device or a pipe has no size to check (/dev/zero never ends): only regular files are read.
    if (!stat.isFile()) throw new UsageError(`${file} is not a regular file (a device, pipe or socket); okrkit reads a plan from a file or a folder of files`, 'input');
    total += stat.size;
  }
  if (total > MAX_INPUT_BYTES) {
    throw new UsageError(`${label} is ${total.toLocaleString('en')} bytes, over the ${megabytes(MAX_INPUT_BYTES)} okrkit reads (see "Limits" in docs/cli.md)`, 'input');
  }
}

/** The rows of an input, checked against {@link MAX_INPUT_ROWS} before they are parsed or validated. */
export function checkRows(label: string, rows: number): void {
  if (rows > MAX_INPUT_ROWS) {
    throw new UsageError(`${label} has ${rows.toLocaleString('en')} rows, over the ${MAX_INPUT_ROWS.toLocaleString('en')} okrkit reads (see "Limits" in docs/cli.md)`, 'input');
  }
}
