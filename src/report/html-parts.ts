// The pieces of the HTML report that its sections share: colours, escaping, badges and bars.
import { toScale, type Rag, type Status } from '../index.js';
import type { ReportKeyResult, ReportState } from './model.js';
import type { Words } from './words.js';

export const COLOR: Readonly<Record<Status | Rag | 'none', string>> = {
  achieved: '#1b7f3b',
  onTrack: '#2e9e4f',
  atRisk: '#d99a00',
  offTrack: '#c62828',
  noData: '#9e9e9e',
  notStarted: '#9e9e9e',
  green: '#2e9e4f',
  amber: '#d99a00',
  red: '#c62828',
  none: '#9e9e9e',
};

/** The entity for each character HTML gives a meaning to. */
function entity(c: string): string {
  switch (c) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    case "'":
      return '&#39;';
    default:
      return c;
  }
}
export const esc = (text: string) => text.replace(/[&<>"']/g, entity);

/** A share (0–1 and above) as a bar width in percent, clamped to 0–100. */
const width = (share: number | null) => (share === null ? 0 : Math.min(100, Math.max(0, toScale(share, { digits: 1 }))));
export const fixed = (n: number) => (Math.round(n * 10) / 10).toString();

export function badge(text: string, color: string): string {
  return `<span class="badge" style="background:${color}">${esc(text)}</span>`;
}

export function bar(share: number | null, color: string, expected: number | null, name: string): string {
  const mark = expected === null ? '' : `<div class="mark" style="left:${width(expected)}%" title="${esc(name)}"></div>`;
  return `<div class="bar"><div class="fill" style="width:${width(share)}%;background:${color}"></div>${mark}</div>`;
}

/** A record's state after its title, `<small class="state">[proposed — not counted]</small>`; nothing when it is active. */
export function stateTag(state: ReportState | null, w: Words): string {
  const tag = w.state(state);
  if (tag === '') return '';
  return ` <small class="state${state?.counted === false ? ' out' : ''}" data-state="${esc(state?.name ?? '')}">${esc(tag)}</small>`;
}

/** An aggregated key result's line under its title: `= sum of Product A $52,000.00 + …`, every title escaped. */
export function aggregateLine(kr: ReportKeyResult, w: Words): string {
  return kr.aggregate === null ? '' : `<div class="agg">${esc(w.aggregate(kr.aggregate, kr.unit))}</div>`;
}
