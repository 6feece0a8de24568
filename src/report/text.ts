import type { Rag, Status } from '../index.js';
import type { Report, ReportKeyResult, ReportObjective, ReportOwner, ReportPeople } from './model.js';
import { ownerObjectivesCell } from './people.js';
import { checkReport } from './check.js';
import { indentOf, Output, visible } from './output.js';
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

/** A record's state after its title (` [proposed — not counted]`, dimmed when not counted), or nothing when it is active. */
function stateTag(w: Words, item: ReportObjective | ReportKeyResult, paint: (tone: Tone, text: string) => string): string {
  const tag = w.state(item.state);
  if (tag === '') return '';
  return ` ${item.state?.counted === false ? paint('yellow', tag) : tag}`;
}

/** The indentation of a line at a depth: two spaces a level up to MAX_INDENT levels, then the level number. */
function padOf(depth: number, w: Words): string {
  const { levels, deeper } = indentOf(depth);
  return `${'  '.repeat(levels + 1)}${deeper ? `[${w.word('depth')} ${depth}] ` : ''}`;
}

/**
 * Renders a report as plain text for a terminal: the objective tree with scores on
 * 0–100, statuses and details, key results under their objectives, then KPIs,
 * scorecards and the coach's findings. Control characters in the plan's text are shown
 * escaped (`\u001b`), so none reaches the terminal raw; the tree is indented up to 12
 * levels, deeper levels show their level number.
 *
 * @param report - From {@link buildReport}.
 * @param options - `color`.
 * @returns The text, lines joined with `\n`.
 * @throws {OkrkitError} `invalid_argument` when the report is not one {@link buildReport} gives,
 *   or when the text would be over 200 million characters.
 * @example
 * console.log(renderText(buildReport(plan, { asOf: '2026-10-01' }), { color: process.stdout.isTTY }))
 * @category Reports
 */
export function renderText(report: Report, options: RenderTextOptions = {}): string {
  checkReport(report);
  const w = wordsFor(report.locale);
  const paint = (tone: Tone, text: string) => (options.color === true ? `\u001b[${ANSI[tone]}m${text}\u001b[0m` : text);
  const lines = new Output('text');
  lines.push(paint('bold', `${visible(report.title)} — ${report.asOf === null ? w.word('wholeCycle') : `${w.word('asOf')} ${visible(report.asOf)}`}`));
  lines.push(`${w.word('companyScore')}: ${w.score(report.score)} / 100`);
  if (report.counts.checkInsOutsideCycle > 0) lines.push(w.leftOut(report.counts.checkInsOutsideCycle));
  lines.push('');
  objectiveLines(report, w, paint, lines);
  otherLines(report, w, paint, lines);
  return lines.join('\n');
}

type Paint = (tone: Tone, text: string) => string;

function objectiveLines(report: Report, w: Words, paint: Paint, lines: Output): void {
  const status = (s: Status | null) => (s === null ? '–' : paint(STATUS_TONE[s], w.status(s)));
  lines.push(paint('bold', w.word('objectives')));
  if (report.objectives.length === 0) lines.push(`  ${w.word('noObjectives')}`);
  for (const o of report.objectives) {
    const pad = padOf(o.depth, w);
    lines.push(`${pad}${w.score(o.score).padStart(3)}  ${visible(o.title)}${stateTag(w, o, paint)}  ${status(o.status)}`);
    lines.push(`${pad}     ${paint('dim', details(w, o))}`);
    for (const kr of o.keyResults) {
      const value = kr.value === null ? '' : `  [${visible(w.value(kr.value, kr.unit))}${kr.target === null ? '' : ` / ${visible(w.value(kr.target, kr.unit))}`}]`;
      lines.push(`${pad}     ${w.score(kr.score).padStart(3)}  ${visible(kr.title)}${stateTag(w, kr, paint)}${value}  ${status(kr.status)}`);
      if (kr.aggregate !== null) lines.push(`${pad}          ${visible(w.aggregate(kr.aggregate, kr.unit))}`);
      lines.push(`${pad}          ${paint('dim', details(w, kr))}`);
    }
  }
}

function otherLines(report: Report, w: Words, paint: Paint, lines: Output): void {
  if (report.kpis.length > 0) {
    lines.push('', paint('bold', w.word('kpis')));
    for (const k of report.kpis) {
      const rag = k.status === null ? '–' : paint(RAG_TONE[k.status], w.rag(k.status));
      const unit = k.unitName === null ? '' : ` — ${visible(k.unitName)}`;
      lines.push(`  ${w.score(k.attainment).padStart(3)}  ${visible(k.name)}${unit}  [${visible(w.value(k.actual, k.unit))} / ${visible(w.target(k.target, k.unit))}]  ${rag}`);
    }
  }
  if (report.scorecards.length > 0) {
    lines.push('', paint('bold', w.word('scorecards')));
    for (const s of report.scorecards) lines.push(`  ${w.points(s.total).padStart(3)}  ${visible(s.name)}  ${visible(w.rating(s.rating))}`);
  }
  if (report.people !== undefined) peopleLines(report.people, w, paint, lines, ownerObjectivesCell(report, w));
  lines.push('', paint('bold', w.word('findings')));
  if (report.findings.length === 0) lines.push(`  ${w.word('noFindings')}`);
  for (const f of report.findings) {
    const tone: Tone = f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'yellow' : 'dim';
    lines.push(`  ${paint(tone, w.severity(f.severity).padEnd(8))}  ${visible(f.code)}${f.id === null ? '' : ` (${visible(f.id)})`}: ${visible(f.message)}`);
  }
}

/** The KPI part of a unit's or owner's details: `KPI scorecard 87 (B · Good)`. */
function kpiDetail(w: Words, total: number | null, rating: string | null): string {
  return total === null ? '' : ` · ${w.word('kpiScorecard')} ${w.points(total)}${rating === null ? '' : ` (${visible(w.rating(rating))})`}`;
}

function peopleLines(people: ReportPeople, w: Words, paint: Paint, lines: Output, objectivesOf: (o: ReportOwner) => string): void {
  const status = (s: Status | null) => (s === null ? '–' : paint(STATUS_TONE[s], w.status(s)));
  lines.push('', paint('bold', w.word('people')));
  if (people.units.length === 0 && people.owners.length === 0) lines.push(`  ${w.word('noPeople')}`);
  for (const u of people.units) {
    const pad = padOf(u.depth, w);
    lines.push(`${pad}${w.score(u.total).padStart(3)}  ${visible(u.name)} — ${w.level(u.level)}  ${status(u.status)}`);
    lines.push(`${pad}     ${paint('dim', `${w.word('ownScore')} ${w.score(u.score)} · ${w.word('objectives')} ${u.objectives}${kpiDetail(w, u.kpiTotal, u.kpiRating)}`)}`);
  }
  if (people.owners.length > 0) lines.push(`  ${paint('bold', w.word('owners'))}`);
  for (const o of people.owners) {
    const name = o.name === null ? '' : ` (${visible(o.name)})`;
    lines.push(`    ${w.score(o.score).padStart(3)}  ${visible(o.id)}${name}  ${status(o.status)}`);
    lines.push(`         ${paint('dim', `${w.word('objectives')} ${objectivesOf(o)}${kpiDetail(w, o.kpiTotal, o.kpiRating)}`)}`);
  }
}
