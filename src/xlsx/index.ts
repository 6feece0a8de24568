/**
 * Plans and reports as Excel workbooks (`.xlsx`): read a plan from a workbook (its table
 * sheets or its flat sheet, typed cells and text cells alike), write a plan as a workbook
 * with a sheet per table and the flat sheet, and render a report as a workbook. Workbooks
 * are read and written by exceljs, which only this entry loads: `import 'okrkit'`,
 * `okrkit/csv` and `okrkit/report` never do. For Node.
 *
 * ```ts
 * import { readPlanXlsx, writePlanXlsx, renderXlsx } from 'okrkit/xlsx';
 * ```
 *
 * @module okrkit/xlsx
 */
export { readPlanXlsx } from './read.js';
export type { ReadPlanXlsxOptions } from './read.js';
export { writePlanXlsx } from './write.js';
export type { WritePlanXlsxOptions } from './write.js';
export { renderXlsx } from './report.js';
