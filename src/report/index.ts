/**
 * Reports built on okrkit's public functions: {@link buildReport} gathers the evaluated
 * plan as plain data, and the renderers draw it as text, Markdown, CSV or one
 * self-contained HTML page.
 *
 * ```ts
 * import { buildReport, renderHtml } from 'okrkit/report';
 * ```
 *
 * @module okrkit/report
 */
export { buildReport } from './build.js';
export type {
  Report,
  ReportAggregate,
  ReportContributor,
  ReportKeyResult,
  ReportKpi,
  ReportObjective,
  ReportOptions,
  ReportOwner,
  ReportPeople,
  ReportKit,
  ReportPlan,
  ReportPoint,
  ReportScorecard,
  ReportState,
  ReportUnit,
} from './model.js';
export { renderText } from './text.js';
export type { RenderTextOptions } from './text.js';
export { renderMarkdown } from './markdown.js';
export { renderHtml } from './html.js';
export { renderCsv } from './csv.js';
