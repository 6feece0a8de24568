import type { Report, ReportOwner, ReportPeople } from './model.js';
import { ownerObjectivesCell } from './people.js';
import { checkReport } from './check.js';
import { indentOf, md, Output } from './output.js';
import { wordsFor, type Words } from './words.js';

/** The indentation of a row at a depth: up to MAX_INDENT levels of spaces, then the level number. */
function indentAt(depth: number, w: Words): string {
  const { levels, deeper } = indentOf(depth);
  return `${'&nbsp;&nbsp;'.repeat(levels * 2)}${deeper ? `\\[${w.word('depth')} ${depth}\\] ` : ''}`;
}

/**
 * Renders a report as Markdown: a heading, the overall score, a table of objectives
 * (indented by level, up to 12 levels) and key results, then KPI, scorecard and findings
 * tables. Every value from the plan is escaped: it adds no line, heading, tag, link or
 * table cell.
 *
 * @param report - From {@link buildReport}.
 * @returns The Markdown text.
 * @throws {OkrkitError} `invalid_argument` when the report is not one {@link buildReport} gives,
 *   or when the text would be over 200 million characters.
 * @example
 * writeFileSync('report.md', renderMarkdown(buildReport(plan, { asOf: '2026-10-01' })))
 * @category Reports
 */
export function renderMarkdown(report: Report): string {
  checkReport(report);
  const w = wordsFor(report.locale);
  const out = new Output('Markdown');
  out.push(`# ${md(report.title)}`, '');
  out.push(`${report.asOf === null ? w.word('wholeCycle') : `${w.word('asOf')} ${md(report.asOf)}`} · **${w.word('companyScore')}: ${w.score(report.score)} / 100**`, '');
  if (report.counts.checkInsOutsideCycle > 0) out.push(md(w.leftOut(report.counts.checkInsOutsideCycle)), '');
  objectiveTable(report, w, out);
  otherTables(report, w, out);
  return `${out.join('\n')}\n`;
}

function objectiveTable(report: Report, w: Words, out: Output): void {
  out.push(`## ${w.word('objectives')}`, '');
  if (report.objectives.length === 0) {
    out.push(w.word('noObjectives'), '');
    return;
  }
  out.push(`| ${w.word('what')} | ${w.term('score')} | ${w.term('status')} | ${w.term('expected')} | ${w.term('confidence')} | ${w.term('grade')} | ${w.term('forecast')} |`);
  out.push('|---|--:|---|--:|--:|---|--:|');
  for (const o of report.objectives) {
    const indent = indentAt(o.depth, w);
    const tag = w.state(o.state);
    out.push(`| ${indent}**${md(o.title)}**${tag === '' ? '' : ` ${md(tag)}`} | ${w.score(o.score)} | ${w.status(o.status)} | ${w.score(o.expected)} | ${w.confidence(o.confidence)} | ${w.grade(o.grade)} | ${w.score(o.forecast)} |`);
    for (const kr of o.keyResults) {
      const value = kr.value === null ? '' : ` (${w.value(kr.value, kr.unit)}${kr.target === null ? '' : ` / ${w.value(kr.target, kr.unit)}`})`;
      const krTag = w.state(kr.state);
      out.push(`| ${indent}&nbsp;&nbsp;↳ ${md(kr.title)}${krTag === '' ? '' : ` ${md(krTag)}`}${md(value)} | ${w.score(kr.score)} | ${w.status(kr.status)} | ${w.score(kr.expected)} | ${w.confidence(kr.confidence)} | ${w.grade(kr.grade)} | ${w.score(kr.forecast)} |`);
      if (kr.aggregate !== null) out.push(`| ${indent}&nbsp;&nbsp;&nbsp;&nbsp;${md(w.aggregate(kr.aggregate, kr.unit))} | | | | | | |`);
    }
  }
  out.push('');
}

function otherTables(report: Report, w: Words, out: Output): void {
  if (report.kpis.length > 0) {
    out.push(`## ${w.word('kpis')}`, '');
    out.push(`| ${w.term('kpi')} | ${w.word('unit')} | ${w.term('actual')} | ${w.term('target')} | ${w.term('attainment')} | ${w.term('status')} | ${w.word('linked')} |`);
    out.push('|---|---|--:|--:|--:|---|---|');
    for (const k of report.kpis) {
      const row = [md(k.name), md(k.unitName ?? '–'), md(w.value(k.actual, k.unit)), md(w.target(k.target, k.unit)), w.score(k.attainment), w.rag(k.status), k.linked ? w.word('yes') : w.word('no')];
      out.push(`| ${row.join(' | ')} |`);
    }
    out.push('');
  }
  if (report.scorecards.length > 0) {
    out.push(`## ${w.word('scorecards')}`, '');
    out.push(`| ${w.word('unit')} | ${w.term('total')} | ${w.term('rating')} |`, '|---|--:|---|');
    for (const s of report.scorecards) out.push(`| ${md(s.name)} | ${w.points(s.total)} | ${md(w.rating(s.rating))} |`);
    out.push('');
  }
  if (report.people !== undefined) peopleTables(report.people, w, out, ownerObjectivesCell(report, w));
  out.push(`## ${w.word('findings')}`, '');
  if (report.findings.length === 0) out.push(w.word('noFindings'));
  else {
    out.push(`| ${w.word('rule')} | ${w.word('where')} | ${w.word('message')} |`, '|---|---|---|');
    for (const f of report.findings) out.push(`| ${w.severity(f.severity)} · ${md(f.code)} | ${md(f.id ?? '–')} | ${md(f.message)} |`);
  }
}

function peopleTables(people: ReportPeople, w: Words, out: Output, objectivesOf: (o: ReportOwner) => string): void {
  out.push(`## ${w.word('people')}`, '');
  if (people.units.length === 0 && people.owners.length === 0) out.push(w.word('noPeople'), '');
  if (people.units.length > 0) {
    out.push(`| ${w.word('unit')} | ${w.word('unitLevel')} | ${w.word('withBelow')} | ${w.word('ownScore')} | ${w.term('status')} | ${w.word('objectives')} | ${w.word('kpiScorecard')} | ${w.term('rating')} |`);
    out.push('|---|---|--:|--:|---|--:|--:|---|');
    for (const u of people.units) {
      const row = [`${indentAt(u.depth, w)}${md(u.name)}`, w.level(u.level), w.score(u.total), w.score(u.score), w.status(u.status), String(u.objectives), w.points(u.kpiTotal), md(w.rating(u.kpiRating))];
      out.push(`| ${row.join(' | ')} |`);
    }
    out.push('');
  }
  if (people.owners.length > 0) {
    out.push(`| ${w.term('owner')} | ${w.term('score')} | ${w.term('status')} | ${w.word('objectives')} | ${w.word('kpiScorecard')} | ${w.term('rating')} |`, '|---|--:|---|--:|--:|---|');
    for (const o of people.owners) {
      const name = o.name === null ? md(o.id) : `${md(o.id)} (${md(o.name)})`;
      out.push(`| ${[name, w.score(o.score), w.status(o.status), objectivesOf(o), w.points(o.kpiTotal), md(w.rating(o.kpiRating))].join(' | ')} |`);
    }
    out.push('');
  }
}
