import { compare, toText, toValue } from '../_lib/numeric.js';
import { messages, nouns } from '../messages/where.js';
import { msg } from '../messages/message.js';
import { pathIn, type Checks, type Path } from './integrity-checks.js';
import type { Kpi } from './kpi.js';

type At = (...rest: (string | number)[]) => Path;

/** KPIs: a timeframe that is a known cycle or runs forward, a target that can be met. */
export function checkKpis(checks: Checks): void {
  const { ref, num, push } = checks;
  checks.plan.kpis.forEach((k, i) => {
    if (k === undefined) return;
    const at = pathIn('kpis', i);
    if ('cycleId' in k.timeframe) ref(at('timeframe', 'cycleId'), nouns.cycle, 'cycles', k.timeframe.cycleId);
    else if (k.timeframe.end < k.timeframe.start) push(at('timeframe', 'end'), 'cycle_range', messages.kpiEmptyTimeframe(k.timeframe.start, k.timeframe.end));
    ref(at('unitId'), nouns.unit, 'units', k.unitId);
    num(at('weight'), k.weight);
    checkTarget(checks, k.target, at);
    checkScale(checks, k, at);
    checkAnchors(checks, k, at);
  });
}

/** A range target's bounds in order; a value target neither zero without a baseline nor equal to it. */
function checkTarget({ num, push }: Checks, t: Kpi['target'], at: At): void {
  if (t.polarity === 'range') {
    num(at('target', 'min'), t.min);
    num(at('target', 'max'), t.max);
    const lo = toValue(t.min);
    const hi = toValue(t.max);
    if (lo !== null && hi !== null && compare(lo, hi) > 0) push(at('target', 'max'), 'range_bounds', messages.rangeMinAboveMax(toText(lo), toText(hi)));
    return;
  }
  num(at('target', 'value'), t.value);
  num(at('target', 'baseline'), t.baseline);
  const v = toValue(t.value);
  const b = t.baseline === undefined ? undefined : toValue(t.baseline);
  if (v !== null && b === undefined && compare(v, 0) === 0) push(at('target', 'value'), 'kpi_target', messages.kpiZeroTarget(t.polarity));
  if (v !== null && b !== undefined && b !== null && compare(v, b) === 0) push(at('target', 'baseline'), 'kpi_target', messages.kpiTargetEqualsBaseline);
}

/** An anchors scale's values are numbers that strictly increase or strictly decrease. */
function checkAnchors({ num, push }: Checks, k: Kpi, at: At): void {
  if (k.scoring?.type !== 'anchors') return;
  const anchors = k.scoring.anchors;
  anchors.forEach((a, i) => num(at('scoring', 'anchors', i, 'value'), a.value));
  const values = anchors.map((a) => toValue(a.value));
  let direction = 0;
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1];
    const cur = values[i];
    if (prev === null || prev === undefined || cur === null || cur === undefined) return;
    const c = compare(cur, prev);
    if (c === 0 || (direction !== 0 && c !== direction)) {
      push(at('scoring', 'anchors', i, 'value'), 'kpi_target', msg('issue.anchorsNotMonotone', { index: i, value: toText(cur), previous: toText(prev) }));
      return;
    }
    direction = c;
  }
}

/** A scale's goal and red flag differ. */
function checkScale({ num, push }: Checks, k: Kpi, at: At): void {
  if (k.scoring?.type !== 'scale') return;
  num(at('scoring', 'goal'), k.scoring.goal);
  num(at('scoring', 'redFlag'), k.scoring.redFlag);
  const g = toValue(k.scoring.goal);
  const r = toValue(k.scoring.redFlag);
  if (g !== null && r !== null && compare(g, r) === 0) push(at('scoring', 'goal'), 'kpi_target', messages.scaleGoalEqualsRedFlag);
}
