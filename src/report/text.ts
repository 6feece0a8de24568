import type { Rag, Status } from '../index.js';
import type { Report, ReportKeyResult, ReportObjective } from './model.js';
import { wordsFor, type Words } from './words.js';

/** Options for {@link renderText}. @category Reports */
export interface RenderTextOptions {
  /** Colour statuses with ANSI escapes (for a terminal); off by default. */
  readonly color?: boolean;
}

const ANSI = { green: 32, yellow: 33, red: 31, dim: 2, bold: 1 } as const;
type Tone = keyof typeof ANSI;

const STATUS_TONE: Readonly<Record<Status, Tone>> = {
  achieved: 'green',
  onTrack: 'green',
  atRisk: 'yellow',
  offTrack: 'red',
  noData: 'dim',
  notStarted: 'dim',
};
const RAG_TONE: Readonly<Record<Rag, Tone>> = { green: 'green', amber: 'yellow', red: 'red' };

function details(w: Words, item: ReportObjective | ReportKeyResult): string {
  const parts = [`${w.term('expected')} ${w.score(item.expected)}`];
  if (item.confidence !== null) parts.push(`${w.term('confidence')} ${w.confidence(item.confidence)}`);
  if (item.grade !== null) parts.push(`${w.term('grade')} ${w.grade(item.grade)}`);
  if (item.forecast !== null) parts.push(`${w.term('forecast')} ${w.score(item.forecast)}`);
  return parts.join(' · ');
}

/**
 * Renders a report as plain text for a terminal: the objective tree with scores on
 * 0–100, statuses and details, key results under their objectives, then KPIs,
 * scorecards and the coach's findings.
 *
 * @param report - From {@link buildReport}.
 * @param options - `color`.
 * @returns The text, lines joined with `\n`.
 * @example
 * console.log(renderText(buildReport(plan, { asOf: '2026-10-01' }), { color: process.stdout.isTTY }))
 * @category Reports
 */
export function renderText(report: Report, options: RenderTextOptions = {}): string {
  const w = wordsFor(report.locale);
  const paint = (tone: Tone, text: string) => (options.color === true ? `\u001b[${ANSI[tone]}m${text}\u001b[0m` : text);
  const status = (s: Status | null) => (s === null ? '–' : paint(STATUS_TONE[s], w.status(s)));
  const lines: string[] = [];
  lines.push(paint('bold', `${report.title} — ${report.asOf === null ? w.word('wholeCycle') : `${w.word('asOf')} ${report.asOf}`}`));
  lines.push(`${w.word('companyScore')}: ${w.score(report.score)} / 100`);
  lines.push('');
  lines.push(paint('bold', w.word('objectives')));
  if (report.objectives.length === 0) lines.push(`  ${w.word('noObjectives')}`);
  for (const o of report.objectives) {
    const pad = '  '.repeat(o.depth + 1);
    lines.push(`${pad}${w.score(o.score).padStart(3)}  ${o.title}  ${status(o.status)}`);
    lines.push(`${pad}     ${paint('dim', details(w, o))}`);
    for (const kr of o.keyResults) {
      const value = kr.value === null ? '' : `  [${w.value(kr.value, kr.unit)}${kr.target === null ? '' : ` / ${w.value(kr.target, kr.unit)}`}]`;
      lines.push(`${pad}     ${w.score(kr.score).padStart(3)}  ${kr.title}${value}  ${status(kr.status)}`);
      lines.push(`${pad}          ${paint('dim', details(w, kr))}`);
    }
  }
  if (report.kpis.length > 0) {
    lines.push('', paint('bold', w.word('kpis')));
    for (const k of report.kpis) {
      const rag = k.status === null ? '–' : paint(RAG_TONE[k.status], w.rag(k.status));
      lines.push(`  ${w.score(k.attainment).padStart(3)}  ${k.name}${k.unitName === null ? "" : ` — ${k.unitName}`}  [${w.value(k.actual, k.unit)} / ${w.target(k.target, k.unit)}]  ${rag}`);
    }
  }
  if (report.scorecards.length > 0) {
    lines.push('', paint('bold', w.word('scorecards')));
    for (const s of report.scorecards) lines.push(`  ${w.points(s.total).padStart(3)}  ${s.name}  ${w.rating(s.rating)}`);
  }
  lines.push('', paint('bold', w.word('findings')));
  if (report.findings.length === 0) lines.push(`  ${w.word('noFindings')}`);
  for (const f of report.findings) {
    const tone: Tone = f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'yellow' : 'dim';
    lines.push(`  ${paint(tone, w.severity(f.severity).padEnd(8))}  ${f.code}${f.id === null ? '' : ` (${f.id})`}: ${f.message}`);
  }
  return lines.join('\n');
}
