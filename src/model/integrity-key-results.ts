import { compare, toText, toValue, type Value } from '../_lib/numeric.js';
import { messages, nouns } from '../messages/where.js';
import { msg, type Message } from '../messages/message.js';
import { pathIn, type Checks, type Path } from './integrity-checks.js';
import type { KeyResult, MetricKeyResult, RangeKeyResult } from './key-result.js';

type At = (...rest: (string | number)[]) => Path;

/** Key results: their objective and KPI, numbers per kind, and their scoring. */
export function checkKeyResults(checks: Checks): void {
  checks.plan.keyResults.forEach((kr, i) => {
    if (kr === undefined) return;
    const at = pathIn('keyResults', i);
    checks.ref(at('objectiveId'), nouns.objective, 'objectives', kr.objectiveId);
    if (kr.source !== undefined) checks.ref(at('source', 'kpiId'), nouns.kpi, 'kpis', kr.source.kpiId);
    checks.num(at('weight'), kr.weight === 'target' ? undefined : kr.weight);
    checkKind(checks, kr, at);
    checkScoring(checks, kr, at);
  });
}

/** The numbers each kind has, and how they must relate. */
function checkKind(checks: Checks, kr: KeyResult, at: At): void {
  const { num } = checks;
  switch (kr.kind) {
    case 'metric':
      checkMetric(checks, kr, at);
      break;
    case 'threshold':
      num(at('value'), kr.value);
      break;
    case 'range':
      checkRange(checks, kr, at);
      break;
    case 'milestones':
      kr.milestones.forEach((m, j) => num(at('milestones', j, 'weight'), m.weight));
      break;
    case 'baseline':
      num(at('start'), kr.start);
      break;
    case 'binary':
      break;
  }
}

/** A metric moves from its start to a different target, through phases in order. */
function checkMetric({ num, push }: Checks, kr: MetricKeyResult, at: At): void {
  num(at('start'), kr.start);
  num(at('target'), kr.target);
  kr.phases?.forEach((p, j) => num(at('phases', j, 'target'), p.target));
  const s = toValue(kr.start);
  const t = toValue(kr.target);
  if (s !== null && t !== null && compare(s, t) === 0) push(at('target'), 'target_equals_start', messages.targetEqualsStart(toText(t)));
  if (s !== null && t !== null && kr.phases !== undefined) {
    checkPhases(kr.phases, s, t, (j, code, message) => push(at('phases', j, code === 'phase_order' ? 'target' : 'at'), 'phase_order', message));
  }
}

/** A range's minimum is at most its maximum, and its tolerance is not negative. */
function checkRange({ num, push }: Checks, kr: RangeKeyResult, at: At): void {
  num(at('min'), kr.min);
  num(at('max'), kr.max);
  num(at('tolerance'), kr.tolerance);
  const lo = toValue(kr.min);
  const hi = toValue(kr.max);
  if (lo !== null && hi !== null && compare(lo, hi) > 0) push(at('max'), 'range_bounds', messages.rangeMinAboveMax(toText(lo), toText(hi)));
  if (kr.tolerance !== undefined) {
    const tol = toValue(kr.tolerance);
    if (tol !== null && compare(tol, 0) < 0) push(at('tolerance'), 'invalid_value', messages.negativeTolerance);
  }
}

/** A plug-in scoring the kit knows; steps that each start at a different minimum. */
function checkScoring({ cx, push }: Checks, kr: KeyResult, at: At): void {
  if (kr.scoring?.type === 'plugin' && !cx.scorings.has(kr.scoring.id)) {
    push(at('scoring', 'id'), 'unknown_reference', msg('plugin.unknownScoring', { id: kr.scoring.id, keyResult: kr.id }));
  }
  if (kr.scoring?.type === 'steps') {
    const seen = new Set<number>();
    kr.scoring.steps.forEach((step, j) => {
      if (seen.has(step.min)) push(at('scoring', 'steps', j, 'min'), 'invalid_value', messages.duplicateStep(String(step.min)));
      seen.add(step.min);
    });
  }
}

/**
 * Phase targets, in date order, must move monotonically from the start towards the
 * target and stay between them, so expected progress never goes backwards.
 */
function checkPhases(
  phases: readonly { at: string; target: string | number }[],
  start: Value,
  target: Value,
  report: (index: number, code: 'phase_order' | 'phase_date', message: Message) => void,
): void {
  const up = compare(target, start) > 0;
  const order = phases.map((p, i) => ({ p, i })).sort((a, b) => (a.p.at < b.p.at ? -1 : a.p.at > b.p.at ? 1 : a.i - b.i));
  let previous = start;
  let previousAt: string | null = null;
  for (const { p, i } of order) {
    if (p.at === previousAt) report(i, 'phase_date', messages.phaseDuplicate(p.at));
    previousAt = p.at;
    const v = toValue(p.target);
    if (v === null) continue;
    const forward = up ? compare(v, previous) >= 0 && compare(v, target) <= 0 : compare(v, previous) <= 0 && compare(v, target) >= 0;
    if (!forward) report(i, 'phase_order', messages.phaseOutOfOrder(p.at));
    else previous = v;
  }
}
