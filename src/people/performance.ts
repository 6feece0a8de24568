import { dictionary } from '../_lib/dictionary.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { isRecord, withPlan } from '../model/guard.js';
import { checkDate, checkFlag, checkKnownKeys, checkOptions } from '../model/options.js';
import type { Plan } from '../model/plan.js';
import type { Unit } from '../model/unit.js';
import type { Evaluation } from '../evaluate/types.js';
import { evaluatedKpis, type EvaluatedKpi } from '../kpi/evaluate-kpis.js';
import { scorecardByUnit, type Scorecard } from '../kpi/scorecard.js';
import { rulesOf, type ScorecardOptions } from '../kpi/scorecard-options.js';
import { build } from '../kpi/scorecard-totals.js';
import { itemsOf, listOf, shown, type Item } from './items.js';
import { Tally } from './tally.js';
import { unitTree } from './tree.js';
import type { OwnerPerformance, Performance, PerformanceContributor, PerformanceOf, PerformanceOptions, UnitPerformance } from './types.js';

type CardOptions = Omit<ScorecardOptions, 'unitId' | 'ownerId' | 'perspective' | 'kpiIds'>;

/** The options, checked, with the scorecards' `asOf` defaulting to the evaluation's. */
function settingsOf(plan: DeepReadonly<Plan>, evaluation: unknown, given: PerformanceOptions | undefined) {
  const options = checkOptions(given, 'options');
  checkKnownKeys(options, ['of', 'cycleId', 'includeDrafts', 'scorecard'], 'options');
  const of: PerformanceOf = options.of ?? 'objectives';
  if (of !== 'objectives' && of !== 'keyResults') invalidArgument('arg.oneOf', { name: 'options.of', options: "'objectives', 'keyResults'", value: String(of) });
  const cycleId = options.cycleId ?? null;
  if (cycleId !== null && !listOf<{ readonly id: string }>(plan, 'cycles').some((c) => c.id === cycleId)) {
    invalidArgument('arg.unknownCycle', { id: String(cycleId), name: 'options.cycleId' });
  }
  if (!isRecord(evaluation)) invalidArgument('arg.object', { name: 'evaluation' });
  const evaluated = evaluation['asOf'];
  if (evaluated !== null && evaluated !== undefined && typeof evaluated !== 'string') {
    invalidArgument('arg.oneOf', { name: 'evaluation.asOf', options: 'a date, null', value: shown(evaluated) });
  }
  const asOf = typeof evaluated === 'string' ? checkDate(evaluated, 'evaluation.asOf') : null;
  const card: CardOptions = checkOptions(options.scorecard, 'options.scorecard');
  checkKnownKeys(card, ['asOf', 'timeZone', 'weights', 'bands', 'cap', 'floor', 'missing'], 'options.scorecard');
  const cardAsOf = card.asOf ?? asOf;
  const includeDrafts = checkFlag(options.includeDrafts, 'options.includeDrafts');
  return { of, cycleId, asOf, includeDrafts, card: cardAsOf === null ? card : { ...card, asOf: cardAsOf } };
}

/** Counts an item into a tally; it feeds the score when it is of the chosen kind and weighs above 0. */
function addItem(tally: Tally, item: Item): void {
  if (item.type === 'objective') tally.objectives++;
  else tally.keyResults++;
  if (item.counts && item.exact !== null) tally.add(item.exact, item.score, item.status);
}

/** The items a score is made of, with their shares. */
function contributorsOf(tally: Tally, items: readonly Item[]): PerformanceContributor[] {
  const out: PerformanceContributor[] = [];
  for (const item of items) {
    if (!item.counts || item.exact === null) continue;
    const share = item.score === null ? 0 : tally.share(item.exact);
    out.push({ id: item.id, type: item.type, weight: item.weight, share, score: item.score });
  }
  return out;
}

/** Items grouped by a key (unit or owner), in plan order. */
function groupBy(items: readonly Item[], key: (item: Item) => string | undefined): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function tallyOf(items: readonly Item[]): Tally {
  const tally = new Tally();
  for (const item of items) addItem(tally, item);
  return tally;
}

function unitsOf(plan: DeepReadonly<Plan>, items: readonly Item[], card: CardOptions) {
  const units = listOf<DeepReadonly<Unit>>(plan, 'units');
  const tree = unitTree(units);
  const byUnit = groupBy(items, (i) => i.unitId);
  const cards = scorecardByUnit(plan, card);
  const rolled = new Map<string, Tally>();
  const out = dictionary<UnitPerformance>();
  for (const unit of tree.leavesFirst) {
    const own = byUnit.get(unit.id) ?? [];
    const tally = tallyOf(own);
    const sub = new Tally();
    sub.merge(tally);
    const childIds = tree.children.get(unit.id) ?? [];
    for (const c of childIds) {
      const t = rolled.get(c);
      if (t !== undefined) sub.merge(t);
    }
    rolled.set(unit.id, sub);
    const kpis = cards[unit.id];
    // scorecardByUnit gives every unit of the plan a scorecard: a miss is a bug, said plainly.
    if (kpis === undefined) throw new Error(`okrkit: internal error: no scorecard for unit "${unit.id}"`);
    const parentId = tree.parents.get(unit.id) ?? null;
    out[unit.id] = { unitId: unit.id, name: unit.name, level: unit.level, parentId, childIds, ...tally.summary(), contributors: contributorsOf(tally, own), rolledUp: sub.summary(), kpis };
  }
  // Records in plan order, as evaluate's are.
  const ordered = dictionary<UnitPerformance>();
  for (const unit of tree.units) {
    const u = out[unit.id];
    if (u !== undefined) ordered[unit.id] = u;
  }
  return { units: ordered, roots: tree.roots };
}

/** Each KPI owner's evaluated KPIs. */
function kpisByOwner(kpis: readonly EvaluatedKpi[]): Map<string, EvaluatedKpi[]> {
  const byOwner = new Map<string, EvaluatedKpi[]>();
  for (const item of kpis) {
    const owner = item.kpi.ownerId;
    if (owner === undefined) continue;
    const list = byOwner.get(owner);
    if (list) list.push(item);
    else byOwner.set(owner, [item]);
  }
  return byOwner;
}

function ownersOf(plan: DeepReadonly<Plan>, items: readonly Item[], card: CardOptions) {
  const rules = rulesOf(card);
  const byOwner = groupBy(items, (i) => i.ownerId);
  const kpis = kpisByOwner(evaluatedKpis(plan, { asOf: card.asOf, timeZone: card.timeZone }));
  const people = new Set(listOf<DeepReadonly<Unit>>(plan, 'units').filter((u) => u.level === 'individual').map((u) => u.id));
  // Everyone who owns something is listed, an owner of only drafts too (with nothing counted yet).
  const named = [...listOf<{ readonly ownerId?: string }>(plan, 'objectives'), ...listOf<{ readonly ownerId?: string }>(plan, 'keyResults')].flatMap((r) => (r.ownerId === undefined ? [] : [r.ownerId]));
  const ownerIds = [...new Set([...byOwner.keys(), ...named, ...kpis.keys()])];
  let empty: Scorecard | null = null;
  const out = dictionary<OwnerPerformance>();
  for (const id of ownerIds) {
    const own = byOwner.get(id) ?? [];
    const tally = tallyOf(own);
    const theirs = kpis.get(id);
    const card_ = theirs === undefined ? (empty ??= build([], rules).card) : build(theirs, rules).card;
    out[id] = { ownerId: id, unitId: people.has(id) ? id : null, ...tally.summary(), contributors: contributorsOf(tally, own), kpis: card_ };
  }
  return { owners: out, ownerIds };
}

/**
 * The performance of every unit (company, department, team, person) and every owner,
 * from the OKRs they own: the weighted mean of their objectives' scores (or, with `of:
 * 'keyResults'`, of their key results' scores), with counts, statuses and the
 * contributors, each unit's score rolled up over the units below it, and beside each the
 * KPI scorecard — the seeds' progress report of the company, each department and each
 * person, OKRs and KPIs together.
 *
 * A unit owns the objectives whose `unitId` is its id, and their key results. An owner
 * owns the objectives whose `ownerId` is theirs, and the key results whose `ownerId` is
 * theirs or, without one, whose objective's is. Weights are the items' own `weight`
 * (default 1; weight 0 leaves an item out); means are exact and rounded once, so no
 * result depends on the order of the plan. A unit's `rolledUp` score is the weighted
 * mean over every item of its subtree. Draft and proposed objectives and key results are
 * left out, as `evaluate` leaves them out of rollups, unless `includeDrafts`.
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param evaluation - What {@link evaluate} returned for this plan (in a kit, with its plug-ins).
 * @param options - `of`, `cycleId`, `includeDrafts` and the `scorecard` options.
 * @returns The {@link Performance}.
 * @throws {OkrkitError} `invalid_argument` for bad options or an evaluation of another plan.
 * @example
 * // plan: examples/plans/abc-kpis.json — Marketing's objective is achieved; Lan's KPI sheet totals 92
 * const people = performance(plan, evaluate(plan, { asOf: '2026-12-31' }));
 * [people.units['marketing'].score, people.owners['lan'].kpis.total]
 * //=> [1, 92]
 * @category People
 */
export function performance(plan: DeepReadonly<Plan>, evaluation: DeepReadonly<Evaluation>, options: PerformanceOptions = {}): Performance {
  return withPlan(plan, () => {
    const s = settingsOf(plan, evaluation, options);
    const items = itemsOf(plan, evaluation, s.of, s.cycleId, s.includeDrafts);
    return { of: s.of, asOf: s.asOf, cycleId: s.cycleId, ...unitsOf(plan, items, s.card), ...ownersOf(plan, items, s.card) };
  });
}
