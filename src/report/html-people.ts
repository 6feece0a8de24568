// The HTML report's "People and departments" section: the unit tree and the owners, each
// OKR score beside the KPI scorecard.
import type { Status } from '../index.js';
import type { ReportOwner, ReportPeople } from './model.js';
import { badge, bar, COLOR, esc } from './html-parts.js';
import { indentOf } from './output.js';
import type { Words } from './words.js';

const statusBadge = (w: Words, s: Status | null) => (s === null ? '–' : badge(w.status(s), COLOR[s]));

/** A KPI scorecard total (0–100) with its rating. */
function kpiCells(w: Words, total: number | null, rating: string | null): string {
  return `<td class="n">${esc(w.points(total))}</td><td>${esc(w.rating(rating))}</td>`;
}

export function peopleSection(people: ReportPeople, w: Words, objectivesOf: (o: ReportOwner) => string): string {
  const parts = [`<section id="people"><h2>${esc(w.word('people'))}</h2>`];
  if (people.units.length === 0 && people.owners.length === 0) parts.push(`<p class="empty">${esc(w.word('noPeople'))}</p>`);
  if (people.units.length > 0) {
    parts.push(
      `<table class="units"><thead><tr><th>${esc(w.word('unit'))}</th><th>${esc(w.word('unitLevel'))}</th><th>${esc(w.word('withBelow'))}</th><th></th><th>${esc(w.word('ownScore'))}</th>` +
        `<th>${esc(w.term('status'))}</th><th>${esc(w.word('objectives'))}</th><th>${esc(w.word('kpiScorecard'))}</th><th>${esc(w.term('rating'))}</th></tr></thead><tbody>`,
    );
    for (const u of people.units) {
      const { levels, deeper } = indentOf(u.depth);
      const deep = deeper ? ` <small class="empty">(${esc(`${w.word('depth')} ${u.depth}`)})</small>` : '';
      parts.push(
        `<tr data-unit="${esc(u.id)}"><td style="padding-left:${8 + levels * 20}px">${esc(u.name)}${deep}</td><td>${esc(w.level(u.level))}</td>` +
          `<td class="n score">${esc(w.score(u.total))}</td><td class="mini">${bar(u.total, COLOR[u.status ?? 'none'], null, '')}</td><td class="n">${esc(w.score(u.score))}</td>` +
          `<td>${statusBadge(w, u.status)}</td><td class="n">${esc(String(u.objectives))}</td>${kpiCells(w, u.kpiTotal, u.kpiRating)}</tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  if (people.owners.length > 0) {
    parts.push(
      `<h3>${esc(w.word('owners'))}</h3><table class="owners"><thead><tr><th>${esc(w.term('owner'))}</th><th>${esc(w.term('score'))}</th><th>${esc(w.term('status'))}</th>` +
        `<th>${esc(w.word('objectives'))}</th><th>${esc(w.word('kpiScorecard'))}</th><th>${esc(w.term('rating'))}</th></tr></thead><tbody>`,
    );
    for (const o of people.owners) {
      const name = o.name === null ? '' : ` <small class="empty">${esc(o.name)}</small>`;
      parts.push(
        `<tr data-owner="${esc(o.id)}"><td>${esc(o.id)}${name}</td><td class="n score">${esc(w.score(o.score))}</td><td>${statusBadge(w, o.status)}</td>` +
          `<td class="n">${esc(objectivesOf(o))}</td>${kpiCells(w, o.kpiTotal, o.kpiRating)}</tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  parts.push('</section>');
  return parts.join('');
}
