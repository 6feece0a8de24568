import { Status } from '../index.js';
import { aggregateLine, badge, bar, COLOR, esc, fixed, stateTag } from './html-parts.js';
import { peopleSection } from './html-people.js';
import { ownerObjectivesCell } from './people.js';
import type { Report, ReportKeyResult, ReportKpi, ReportObjective } from './model.js';
import { checkReport } from './check.js';
import { indentOf, Output } from './output.js';
import { wordsFor, type Words } from './words.js';

const STYLE = `
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1d1d1f;margin:0;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px}
header{display:flex;justify-content:space-between;align-items:flex-end;gap:24px;border-bottom:2px solid #1d1d1f;padding-bottom:12px;margin-bottom:20px}
h1{font-size:26px;margin:0}
h2{font-size:19px;margin:28px 0 10px;border-bottom:1px solid #d0d4da;padding-bottom:4px}
h3{font-size:15px;margin:0;flex:1}
.meta{color:#555;margin:4px 0 0}
.overall{text-align:right}
.overall .big{font-size:40px;font-weight:700;line-height:1}
.overall .big small{font-size:16px;color:#555;font-weight:400}
.chips{display:flex;gap:6px;flex-wrap:wrap;justify-content:flex-end;margin-top:6px}
.badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}
.objective{background:#fff;border:1px solid #dde1e6;border-left:5px solid var(--c);border-radius:6px;padding:10px 14px;margin:10px 0;break-inside:avoid}
.row{display:flex;align-items:center;gap:10px}
.score{font-weight:700;font-size:18px;min-width:3ch;text-align:right}
.bar{position:relative;height:10px;background:#e7eaee;border-radius:5px;margin:6px 0;overflow:visible}
.bar .fill{height:100%;border-radius:5px}
.bar .mark{position:absolute;top:-3px;width:2px;height:16px;background:#1d1d1f;opacity:.55}
.details{color:#555;font-size:12px;margin:2px 0 6px}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e7eaee;vertical-align:middle}
th{font-size:12px;color:#555;font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.krs td:first-child{width:38%}
.mini{width:120px}
.mini .bar{margin:0}
svg{display:block}
.findings li{margin:4px 0}
.sev{font-size:11px;text-transform:uppercase;font-weight:700;margin-right:6px}
footer{color:#777;font-size:12px;margin-top:32px;border-top:1px solid #d0d4da;padding-top:8px}
.empty{color:#777}
.state{font-size:12px;font-weight:400;color:#555;margin:0 0 0 6px;white-space:nowrap}
.state.out{color:#8a5a00}
.agg{color:#555;font-size:12px}
@media print{body{background:#fff}main{padding:0;max-width:none}.objective{border-color:#bbb}h2{break-after:avoid}tr{break-inside:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
@page{margin:14mm}
`;

const day = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / 86_400_000;

/** A key result's progress at its check-ins drawn against its expected-progress line. */
function progressChart(kr: ReportKeyResult, w: Words): string {
  const points = kr.history;
  const [start] = points;
  const end = points.at(-1);
  if (start === undefined || end === undefined) return '';
  const W = 150;
  const H = 42;
  const first = day(start.date);
  const span = Math.max(1, day(end.date) - first);
  let top = 1;
  for (const p of points) top = Math.max(top, p.progress ?? 0, p.expected);
  const x = (date: string) => fixed(2 + ((day(date) - first) / span) * (W - 4));
  const y = (v: number) => fixed(H - 2 - (Math.min(v, top) / top) * (H - 4));
  const expected = points.map((p) => `${x(p.date)},${y(p.expected)}`).join(' ');
  const measured = points.flatMap(({ date, progress, checkIn }) => (progress === null ? [] : [{ date, progress, checkIn }]));
  const color = COLOR[kr.status ?? 'none'];
  const line = measured.length > 1 ? `<polyline fill="none" stroke="${color}" stroke-width="2" points="${measured.map((p) => `${x(p.date)},${y(p.progress)}`).join(' ')}"/>` : '';
  const dots = measured.filter((p) => p.checkIn).map((p) => `<circle cx="${x(p.date)}" cy="${y(p.progress)}" r="2.5" fill="${color}"/>`).join('');
  const label = `${w.word('actualLine')} ${w.score(kr.progress)} · ${w.word('expectedLine')} ${w.score(kr.expected)}`;
  return (
    `<svg class="chart" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>` +
    `<line x1="0" y1="${y(1)}" x2="${W}" y2="${y(1)}" stroke="#d0d4da" stroke-dasharray="2 2"/>` +
    `<polyline fill="none" stroke="#777" stroke-width="1" stroke-dasharray="4 3" points="${expected}"/>${line}${dots}</svg>`
  );
}

/** A KPI's series as bars, with its target as a dashed line. */
function seriesChart(k: ReportKpi, w: Words): string {
  const values = k.series.map((b) => (b.value === null ? null : Number(b.value)));
  if (values.length === 0) return '';
  const W = 150;
  const H = 42;
  const target = k.target.polarity === 'range' ? Number(k.target.max) : Number(k.target.value);
  let top = Number.isFinite(target) ? Math.abs(target) : 0;
  for (const v of values) top = Math.max(top, Math.abs(v ?? 0));
  top = top || 1;
  const step = W / values.length;
  const color = COLOR[k.status ?? 'none'];
  const bars = values
    .map((v, i) => {
      if (v === null) return '';
      const h = Math.max(1, (Math.abs(v) / top) * (H - 4));
      return `<rect x="${fixed(i * step + 1)}" y="${fixed(H - h)}" width="${fixed(Math.max(1, step - 2))}" height="${fixed(h)}" fill="${color}" opacity=".85"/>`;
    })
    .join('');
  const ty = Number.isFinite(target) ? fixed(H - (Math.abs(target) / top) * (H - 4)) : null;
  const targetLine = ty === null ? '' : `<line x1="0" y1="${ty}" x2="${W}" y2="${ty}" stroke="#1d1d1f" stroke-dasharray="4 3" stroke-width="1"/>`;
  const label = `${k.name}: ${k.series.length} · ${w.term('target')} ${w.target(k.target, k.unit)}`;
  return `<svg class="chart" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>${bars}${targetLine}</svg>`;
}

function objectiveBlock(o: ReportObjective, w: Words): string {
  const color = COLOR[o.status];
  const details = [`${w.term('expected')} ${w.score(o.expected)}`];
  if (o.confidence !== null) details.push(`${w.term('confidence')} ${w.confidence(o.confidence)}`);
  if (o.grade !== null) details.push(`${w.term('grade')} ${w.grade(o.grade)}`);
  if (o.forecast !== null) details.push(`${w.term('forecast')} ${w.score(o.forecast)}`);
  const { levels, deeper } = indentOf(o.depth);
  if (deeper) details.push(`${w.word('depth')} ${o.depth}`);
  if (o.unitName !== null) details.push(`${w.word('unit')}: ${o.unitName}`);
  if (o.ownerId !== null) details.push(`${w.term('owner')}: ${o.ownerId}`);
  const rows = o.keyResults
    .map((kr) => {
      const c = COLOR[kr.status ?? 'none'];
      const value = kr.value === null ? '–' : `${w.value(kr.value, kr.unit)}${kr.target === null ? '' : ` / ${w.value(kr.target, kr.unit)}`}`;
      return (
        `<tr data-kr="${esc(kr.id)}"><td>${esc(kr.title)}${stateTag(kr.state, w)}${aggregateLine(kr, w)}</td><td class="n">${esc(value)}</td>` +
        `<td class="mini">${bar(kr.score, c, kr.expected, w.word('expectedLine'))}</td><td class="n score">${esc(w.score(kr.score))}</td>` +
        `<td>${kr.status === null ? '' : badge(w.status(kr.status), c)}</td><td class="n">${esc(w.confidence(kr.confidence))}</td><td>${progressChart(kr, w)}</td></tr>`
      );
    })
    .join('');
  const table =
    rows === ''
      ? ''
      : `<table class="krs"><thead><tr><th>${esc(w.term('keyResult'))}</th><th>${esc(w.word('value'))}</th><th>${esc(w.term('progress'))}</th><th>${esc(w.term('score'))}</th><th>${esc(w.term('status'))}</th><th>${esc(w.term('confidence'))}</th><th>${esc(w.word('checkInColumn'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
  return (
    `<article class="objective" data-objective="${esc(o.id)}" style="--c:${color};margin-left:${levels * 28}px">` +
    `<div class="row"><h3>${esc(o.title)}${stateTag(o.state, w)}</h3>${badge(w.status(o.status), color)}<span class="score">${esc(w.score(o.score))}</span></div>` +
    `${bar(o.score, color, o.expected, w.word('expectedLine'))}<p class="details">${esc(details.join(' · '))}</p>${table}</article>`
  );
}

/**
 * Renders a report as one self-contained HTML page to hand to a client: inline CSS and
 * SVG, no script and nothing fetched, printable. It shows the overall score, the
 * objective tree with progress bars coloured by status (a mark at the expected
 * progress), each key result's check-ins drawn against its expected line, KPIs with
 * attainment, RAG colours and a small series chart each, scorecard totals and the
 * coach's findings, in the report's language. Every value is escaped.
 *
 * @param report - From {@link buildReport}.
 * @returns The HTML text.
 * @throws {OkrkitError} `invalid_argument` when the report is not one {@link buildReport} gives,
 *   or when the page would be over 200 million characters.
 * @example
 * writeFileSync('report.html', renderHtml(buildReport(plan, { asOf: '2026-10-01', locale: 'vi' })))
 * @category Reports
 */
export function renderHtml(report: Report): string {
  checkReport(report);
  const w = wordsFor(report.locale);
  const parts = new Output('HTML');
  parts.push(
    `<!doctype html>\n<html lang="${esc(report.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
      `<title>${esc(report.title)}</title><style>${STYLE}</style></head><body><main>${header(report, w)}`,
  );
  parts.push(`<section id="objectives"><h2>${esc(w.word('objectives'))}</h2>`);
  if (report.objectives.length === 0) parts.push(`<p class="empty">${esc(w.word('noObjectives'))}</p>`);
  for (const o of report.objectives) parts.push(objectiveBlock(o, w));
  parts.push('</section>');
  kpiSection(report, w, parts);
  otherSections(report, w, parts);
  parts.push(`</section><footer>${esc(w.word('generated'))}</footer></main></body></html>\n`);
  return parts.join('\n');
}

function header(report: Report, w: Words): string {
  // In the order the report counted them: the first objective's status first.
  const chips = Object.keys(report.statuses)
    .flatMap((key) => {
      const s = Status.safeParse(key);
      return s.success ? [badge(`${w.status(s.data)}: ${String(report.statuses[s.data])}`, COLOR[s.data])] : [];
    })
    .join('');
  const { counts } = report;
  const leftOut = counts.checkInsOutsideCycle > 0 ? `<p class="meta" id="left-out">${esc(w.leftOut(counts.checkInsOutsideCycle))}</p>` : '';
  return (
    `<header><div><h1>${esc(report.title)}</h1><p class="meta">${esc(report.asOf === null ? w.word('wholeCycle') : `${w.word('asOf')} ${report.asOf}`)} · ` +
    `${esc(String(counts.objectives))} ${esc(w.word('objectives').toLowerCase())} · ${esc(String(counts.keyResults))} ${esc(w.word('keyResults').toLowerCase())} · ${esc(String(counts.kpis))} ${esc(w.word('kpis'))}</p>${leftOut}</div>` +
    `<div class="overall"><div>${esc(w.word('companyScore'))}</div><div class="big" id="overall-score">${esc(w.score(report.score))}<small> / 100</small></div><div class="chips">${chips}</div></div></header>`
  );
}

function kpiSection(report: Report, w: Words, parts: Output): void {
  parts.push(`<section id="kpis"><h2>${esc(w.word('kpis'))}</h2>`);
  if (report.kpis.length === 0) parts.push(`<p class="empty">${esc(w.word('noKpis'))}</p>`);
  else {
    parts.push(
      `<table><thead><tr><th>${esc(w.term('kpi'))}</th><th>${esc(w.word('unit'))}</th><th>${esc(w.term('actual'))}</th><th>${esc(w.term('target'))}</th>` +
        `<th>${esc(w.term('attainment'))}</th><th></th><th>${esc(w.term('status'))}</th><th></th></tr></thead><tbody>`,
    );
    for (const k of report.kpis) {
      const c = COLOR[k.status ?? 'none'];
      parts.push(
        `<tr data-kpi="${esc(k.id)}"><td>${esc(k.name)}${k.linked ? '' : ` <small class="empty">(${esc(w.word('notLinked'))})</small>`}</td><td>${esc(k.unitName ?? '–')}</td>` +
          `<td class="n">${esc(w.value(k.actual, k.unit))}</td><td class="n">${esc(w.target(k.target, k.unit))}</td><td class="n">${esc(w.score(k.attainment))}</td>` +
          `<td class="mini">${bar(k.attainment, c, null, '')}</td><td>${k.status === null ? '–' : badge(w.rag(k.status), c)}</td><td>${seriesChart(k, w)}</td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  parts.push('</section>');
}

function otherSections(report: Report, w: Words, parts: Output): void {
  if (report.scorecards.length > 0) {
    parts.push(`<section id="scorecards"><h2>${esc(w.word('scorecards'))}</h2><table><thead><tr><th>${esc(w.word('unit'))}</th><th>${esc(w.term('total'))}</th><th></th><th>${esc(w.term('rating'))}</th></tr></thead><tbody>`);
    for (const s of report.scorecards) {
      const total = s.total === null ? null : s.total / 100;
      const c = total === null ? COLOR.none : total >= 0.9 ? COLOR.green : total >= 0.6 ? COLOR.amber : COLOR.red;
      parts.push(`<tr data-unit="${esc(s.unitId)}"><td>${esc(s.name)}</td><td class="n score">${esc(w.points(s.total))}</td><td class="mini">${bar(total, c, null, '')}</td><td>${esc(w.rating(s.rating))}</td></tr>`);
    }
    parts.push('</tbody></table></section>');
  }
  if (report.people !== undefined) parts.push(peopleSection(report.people, w, ownerObjectivesCell(report, w)));
  parts.push(`<section id="findings"><h2>${esc(w.word('findings'))}</h2>`);
  if (report.findings.length === 0) parts.push(`<p class="empty">${esc(w.word('noFindings'))}</p>`);
  else {
    parts.push('<ul class="findings">');
    for (const f of report.findings) {
      const c = f.severity === 'error' ? COLOR.red : f.severity === 'warning' ? COLOR.amber : COLOR.none;
      parts.push(`<li><span class="sev" style="color:${c}">${esc(w.severity(f.severity))}</span><code>${esc(f.code)}</code>${f.id === null ? '' : ` (${esc(f.id)})`}: ${esc(f.message)}</li>`);
    }
    parts.push('</ul>');
  }
}
