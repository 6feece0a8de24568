/**
 * Plans in spreadsheets: read and write a plan as CSV tables (one file per collection)
 * and read the flat one-sheet layout of the usual OKR templates. CSV is parsed and
 * written by csv-parse and csv-stringify.
 *
 * ```ts
 * import { readPlanCsv, readPlanSheet, writePlanCsv } from 'okrkit/csv';
 * ```
 *
 * @module okrkit/csv
 */
export { readPlanCsv, writePlanCsv, CSV_TABLE_FILES } from './tables.js';
export type { ReadPlanCsvOptions, WritePlanCsvOptions } from './tables.js';
export type { CsvLocation, CsvPlan } from './read-tables.js';
export type { DecimalMark } from './number-format.js';
export type { DateFormat } from './sheet-dates.js';
export { readPlanSheet } from './sheet.js';
export type { ReadPlanSheetOptions } from './sheet.js';
export type { CsvSeparator } from './write.js';
export { decodeCsv } from './decode.js';
export type { CsvEncoding, DecodeCsvOptions, DecodedCsv } from './decode.js';
