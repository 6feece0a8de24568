export { buildReport } from './model.js';
export type { Report, ReportKeyResult, ReportKpi, ReportObjective, ReportOptions, ReportPoint, ReportScorecard } from './model.js';
export { renderText } from './text.js';
export type { RenderTextOptions } from './text.js';
export { renderMarkdown } from './markdown.js';
export { renderHtml } from './html.js';
export { renderCsv } from './csv.js';
