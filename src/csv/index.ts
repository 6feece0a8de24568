export { readPlanCsv, writePlanCsv, CSV_TABLE_FILES } from './tables.js';
export type { CsvLocation, CsvPlan, WritePlanCsvOptions } from './tables.js';
export { readPlanSheet } from './sheet.js';
export type { ReadPlanSheetOptions } from './sheet.js';
