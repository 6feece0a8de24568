export { buildReport } from './model.js';
export type { Report, ReportKeyResult, ReportKpi, ReportObjective, ReportOptions, ReportPoint, ReportScorecard } from './model.js';
export { renderText } from './text.js';
export type { RenderTextOptions } from './text.js';
