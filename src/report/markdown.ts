import type { Report } from './model.js';
import { wordsFor } from './words.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/**
 * Renders a report as Markdown: a heading, the overall score, a table of objectives
 * (indented by level) and key results, then KPI, scorecard and findings tables.
 *
 * @param report - From {@link buildReport}.
 * @returns The Markdown text.
 * @example
 * writeFileSync('report.md', renderMarkdown(buildReport(plan, { asOf: '2026-10-01' })))
 * @category Reports
 */
export function renderMarkdown(report: Report): string {
  const w = wordsFor(report.locale);
  const out: string[] = [];
  out.push(`# ${cell(report.title)}`, '');
  out.push(`${report.asOf === null ? w.word('wholeCycle') : `${w.word('asOf')} ${report.asOf}`} · **${w.word('companyScore')}: ${w.score(report.score)} / 100**`, '');
  out.push(`## ${w.word('objectives')}`, '');
  if (report.objectives.length === 0) out.push(w.word('noObjectives'), '');
  else {
    out.push(`| ${w.word('what')} | ${w.term('score')} | ${w.term('status')} | ${w.term('expected')} | ${w.term('confidence')} | ${w.term('grade')} | ${w.term('forecast')} |`);
    out.push('|---|--:|---|--:|--:|---|--:|');
    for (const o of report.objectives) {
      const indent = '&nbsp;&nbsp;'.repeat(o.depth * 2);
      out.push(`| ${indent}**${cell(o.title)}** | ${w.score(o.score)} | ${w.status(o.status)} | ${w.score(o.expected)} | ${w.confidence(o.confidence)} | ${w.grade(o.grade)} | ${w.score(o.forecast)} |`);
      for (const kr of o.keyResults) {
        const value = kr.value === null ? '' : ` (${w.value(kr.value, kr.unit)}${kr.target === null ? '' : ` / ${w.value(kr.target, kr.unit)}`})`;
        out.push(`| ${indent}&nbsp;&nbsp;↳ ${cell(kr.title)}${cell(value)} | ${w.score(kr.score)} | ${w.status(kr.status)} | ${w.score(kr.expected)} | ${w.confidence(kr.confidence)} | ${w.grade(kr.grade)} | ${w.score(kr.forecast)} |`);
      }
    }
    out.push('');
  }
  if (report.kpis.length > 0) {
    out.push(`## ${w.word('kpis')}`, '');
    out.push(`| ${w.term('kpi')} | ${w.word('unit')} | ${w.term('actual')} | ${w.term('target')} | ${w.term('attainment')} | ${w.term('status')} | ${w.word('linked')} |`);
    out.push('|---|---|--:|--:|--:|---|---|');
    for (const k of report.kpis) {
      out.push(`| ${cell(k.name)} | ${cell(k.unitName ?? '–')} | ${w.value(k.actual, k.unit)} | ${w.target(k.target, k.unit)} | ${w.score(k.attainment)} | ${w.rag(k.status)} | ${k.linked ? w.word('yes') : w.word('no')} |`);
    }
    out.push('');
  }
  if (report.scorecards.length > 0) {
    out.push(`## ${w.word('scorecards')}`, '');
    out.push(`| ${w.word('unit')} | ${w.term('total')} | ${w.term('rating')} |`, '|---|--:|---|');
    for (const s of report.scorecards) out.push(`| ${cell(s.name)} | ${w.points(s.total)} | ${w.rating(s.rating)} |`);
    out.push('');
  }
  out.push(`## ${w.word('findings')}`, '');
  if (report.findings.length === 0) out.push(w.word('noFindings'));
  else {
    out.push(`| ${w.word('rule')} | ${w.word('where')} | ${w.word('message')} |`, '|---|---|---|');
    for (const f of report.findings) out.push(`| ${f.severity} · \`${f.code}\` | ${cell(f.id ?? '–')} | ${cell(f.message)} |`);
  }
  return `${out.join('\n')}\n`;
}
