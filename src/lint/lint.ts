import { dateOf, daysBetween } from '../_lib/calendar.js';
import { add, compare, toText, toValue, type Value } from '../_lib/numeric.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import type { Cycle } from '../model/cycle.js';
import type { MessageKey } from '../messages/en.js';
import { checkLocale, type Locale } from '../messages/locale.js';
import { translate } from '../messages/localize.js';
import { msg, type Message, type MessageParam } from '../messages/message.js';
import { checkDate } from '../measure/progress.js';
import { seriesOf, type Day } from '../kpi/series.js';
import type { Measurement } from '../model/kpi.js';
import type { Plan } from '../model/plan.js';
import { withPlan } from '../model/guard.js';
import type { DeepReadonly } from '../model/deep-readonly.js';

/**
 * How serious a finding is.
 *
 * @category Lint
 */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Every lint rule's stable code with its default severity, in the order the rules run.
 *
 * @example
 * Object.keys(LINT_RULES).length
 * //=> 15
 * LINT_RULES['kpi-incomplete']
 * //=> 'error'
 * @category Lint
 */
export const LINT_RULES = {
  'objectives-per-owner': 'warning',
  'key-results-per-objective': 'warning',
  'cycle-too-long': 'warning',
  'child-outside-parent-cycle': 'warning',
  'kpi-incomplete': 'error',
  'kpi-frequency': 'warning',
  'kpi-stale': 'warning',
  'weights-sum': 'warning',
  'all-weights-zero': 'warning',
  'objective-has-number': 'info',
  'key-result-is-task': 'warning',
  'metric-without-unit': 'info',
  'unaligned': 'warning',
  'empty-objective': 'warning',
  'stale-key-result': 'warning',
} as const satisfies Record<string, Severity>;

/**
 * The stable code of a lint rule.
 *
 * @category Lint
 */
export type LintCode = keyof typeof LINT_RULES;

/**
 * One thing the coach noticed: the rule's code, its severity, the record it is about
 * (`id`, `path`) and a message in the requested language.
 *
 * @category Lint
 */
export interface LintFinding {
  readonly code: LintCode;
  readonly severity: Severity;
  /** The id of the record the finding is about, or null for a group (an owner's objectives). */
  readonly id: string | null;
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly messageKey: MessageKey;
  readonly params: Readonly<Record<string, MessageParam>>;
}

/**
 * Options of {@link lintPlan}.
 *
 * @category Lint
 */
export interface LintOptions {
  /** The date to judge staleness at; staleness rules are skipped without it. */
  readonly asOf?: string;
  /** The language of the messages: `en` (default) or `vi`. */
  readonly locale?: Locale;
  /** Switch rules off or change their severity: `{ 'metric-without-unit': 'off', 'unaligned': 'error' }`. */
  readonly rules?: Readonly<Partial<Record<LintCode, Severity | 'off'>>>;
  /** The team asks for key-result weights that add up to 100 in each objective (checked only then). */
  readonly weightsSumTo100?: boolean;
  /** Days allowed between check-ins: 7 (weekly) by default. */
  readonly checkInEvery?: number;
}

const FREQUENCY_DAYS = { daily: 1, weekly: 7, monthly: 28, quarterly: 90, yearly: 365 } as const;

/** Dates and quarter or half names are not the numbers objectives should leave to key results. */
const PERIOD_WORDS = /\b(?:Q[1-4]|H[12]|FY\s?\d{2,4}|(?:19|20)\d{2}|(?:quý|quarter|tháng|month)\s*\d{1,2})\b/giu;
const TASK_VERBS = [
  'implement', 'launch', 'build', 'create', 'develop', 'set up', 'setup', 'organise', 'organize', 'hold', 'conduct',
  'write', 'design', 'deploy', 'migrate', 'hire', 'prepare', 'run ', 'do ', 'make ', 'update', 'fix', 'work with', 'debug',
  'triển khai', 'xây dựng', 'tạo ', 'thiết lập', 'tổ chức', 'thực hiện', 'phát triển', 'làm ', 'viết', 'thiết kế', 'tuyển',
  'chuẩn bị', 'cập nhật', 'sửa', 'gỡ lỗi', 'làm việc với',
];

function readsLikeTask(title: string): boolean {
  const t = title.normalize('NFC').trim().toLowerCase();
  if (/\d/.test(t)) return false;
  return TASK_VERBS.some((verb) => t.startsWith(verb));
}

function hasQuantity(title: string): boolean {
  return /\d/.test(title.normalize('NFC').replace(PERIOD_WORDS, ''));
}

/**
 * Checks a plan against the practice the seeds teach and returns what a coach would
 * point out: 3–5 objectives per owner and cycle (a warning outside 2–7), 2–5 key results
 * per objective, cycles of at most a year, child objectives inside their parent's cycle,
 * KPIs with all four parts filled in and measured on time, key-result weights that add up
 * to 100 when the team asks for that, objectives whose key results all weigh 0,
 * objectives with numbers in their title, key results that read like tasks, metric key
 * results without a unit, team and individual objectives aligned to nothing, objectives
 * with nothing to score them, and key results without a recent check-in. Each rule has
 * a stable code and can be switched off or re-levelled. Never throws on a plan that
 * {@link parsePlan} accepts.
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param options - `asOf`, `locale`, `rules`, `weightsSumTo100` and `checkInEvery`.
 * @returns The findings, rule by rule in the order above.
 * @throws {OkrkitError} `invalid_argument` for bad options only.
 * @example
 * // plan: examples/plans/saas-cascade.json
 * lintPlan(plan, { asOf: '2026-08-20', locale: 'vi' }).find((f) => f.id === 'kr-seo')
 * //=> { code: 'metric-without-unit', severity: 'info', id: 'kr-seo', path: ['keyResults', 3], message: 'Kết quả then chốt dạng số này chưa có đơn vị (%, VND, khách hàng…).', … }
 * @category Lint
 */
export function lintPlan(plan: DeepReadonly<Plan>, options: LintOptions = {}): LintFinding[] {
  return withPlan(plan, () => lint(plan, options));
}

function lint(plan: DeepReadonly<Plan>, options: LintOptions): LintFinding[] {
  if (typeof options !== 'object' || options === null) invalidArgument('arg.object', { name: 'options' });
  const locale = checkLocale(options.locale);
  const asOf = checkDate(options.asOf, 'asOf');
  const every = options.checkInEvery ?? 7;
  if (!Number.isInteger(every) || every < 1) invalidArgument('arg.integerBetween', { name: 'checkInEvery', min: 1, max: 'Infinity', value: String(every) });
  const levels = new Map<LintCode, Severity | 'off'>();
  for (const [code, level] of Object.entries(options.rules ?? {})) {
    if (!(code in LINT_RULES)) invalidArgument('arg.rule', { rule: code, options: Object.keys(LINT_RULES).join(', ') });
    if (level !== 'off' && level !== 'error' && level !== 'warning' && level !== 'info') {
      invalidArgument('arg.oneOf', { name: `rules.${code}`, options: "'off', 'error', 'warning', 'info'", value: String(level) });
    }
    levels.set(code as LintCode, level);
  }

  const p = plan as Plan;
  const findings: LintFinding[] = [];
  const report = (code: LintCode, path: readonly (string | number)[], id: string | null, message: Message, severity: Severity = LINT_RULES[code]) => {
    const level = levels.get(code);
    if (level === 'off') return;
    findings.push({
      code,
      severity: level ?? severity,
      id,
      path,
      message: translate(message, locale),
      messageKey: message.key,
      params: message.params ?? {},
    });
  };
  const on = (code: LintCode) => levels.get(code) !== 'off';

  const cycles = new Map<string, Cycle>((p.cycles ?? []).map((c) => [c.id, c]));
  const units = new Map((p.units ?? []).map((u) => [u.id, u]));
  const objectives = p.objectives ?? [];
  const keyResults = p.keyResults ?? [];
  const objectiveById = new Map(objectives.map((o) => [o.id, o]));
  const krsOf = new Map<string, number[]>();
  keyResults.forEach((k, j) => {
    const list = krsOf.get(k.objectiveId);
    if (list) list.push(j);
    else krsOf.set(k.objectiveId, [j]);
  });

  // objectives-per-owner
  if (on('objectives-per-owner')) {
    const groups = new Map<string, { owner: string; cycle: string; count: number }>();
    for (const o of objectives) {
      const owner = o.ownerId ?? o.unitId;
      if (owner === undefined) continue;
      const key = JSON.stringify([owner, o.cycleId]);
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { owner, cycle: o.cycleId, count: 1 });
    }
    for (const g of groups.values()) {
      const owner = units.get(g.owner)?.name ?? g.owner;
      const cycle = cycles.get(g.cycle)?.name ?? g.cycle;
      const params = { owner, cycle, count: g.count };
      if (g.count < 2) report('objectives-per-owner', ['objectives'], null, msg('lint.objectivesPerOwner.few', params));
      else if (g.count > 7) report('objectives-per-owner', ['objectives'], null, msg('lint.objectivesPerOwner.many', params));
      else if (g.count < 3 || g.count > 5) report('objectives-per-owner', ['objectives'], null, msg('lint.objectivesPerOwner.outside', params), 'info');
    }
  }

  // Children that contribute to each objective (for empty-objective).
  const contributingChildren = new Set<string>();
  for (const o of objectives) {
    if (o.parentId !== undefined && (o.weight === undefined || compare(toValue(o.weight) ?? 1, 0) > 0)) contributingChildren.add(o.parentId);
    for (const l of o.links ?? []) if (l.contributes === true) contributingChildren.add(l.to);
  }

  objectives.forEach((o, i) => {
    const path = ['objectives', i];
    const own = (krsOf.get(o.id) ?? []).map((j) => keyResults[j]!).filter((k) => k.kind !== 'baseline');
    if (own.length > 5 || (own.length > 0 && own.length < 2)) report('key-results-per-objective', path, o.id, msg('lint.keyResultsPerObjective', { count: own.length }));
    const cycle = cycles.get(o.cycleId);
    const parent = o.parentId === undefined ? undefined : objectiveById.get(o.parentId);
    const parentCycle = parent === undefined ? undefined : cycles.get(parent.cycleId);
    if (cycle !== undefined && parentCycle !== undefined && (cycle.start < parentCycle.start || cycle.end > parentCycle.end)) {
      report('child-outside-parent-cycle', [...path, 'cycleId'], o.id, msg('lint.childOutsideParentCycle', { cycle: cycle.name, parentCycle: parentCycle.name }));
    }
    if (options.weightsSumTo100 === true && own.length > 0) {
      let sum: Value = 0;
      for (const k of own) sum = add(sum, k.weight === undefined ? 0 : (toValue(k.weight) ?? 0));
      if (compare(sum, 100) !== 0) report('weights-sum', path, o.id, msg('lint.weightsSum', { sum: toText(sum) }));
    }
    if (own.length > 0 && own.every((k) => k.weight !== undefined && compare(toValue(k.weight) ?? 1, 0) === 0)) {
      report('all-weights-zero', path, o.id, msg('lint.allWeightsZero'));
    }
    if (hasQuantity(o.title)) report('objective-has-number', [...path, 'title'], o.id, msg('lint.objectiveHasNumber', { title: o.title }));
    const unit = o.unitId === undefined ? undefined : units.get(o.unitId);
    if (unit !== undefined && (unit.level === 'team' || unit.level === 'individual') && o.parentId === undefined && (o.links ?? []).length === 0) {
      report('unaligned', path, o.id, msg('lint.unaligned', { level: msg(`level.${unit.level}`) }));
    }
    if (own.length === 0 && !contributingChildren.has(o.id) && o.initiativeWeight === undefined) {
      report('empty-objective', path, o.id, msg('lint.emptyObjective'));
    }
  });

  (p.cycles ?? []).forEach((c, i) => {
    const days = daysBetween(c.start, c.end) + 1;
    if (days > 366) report('cycle-too-long', ['cycles', i], c.id, msg('lint.cycleTooLong', { days }));
  });

  // Measurements grouped by KPI once, for kpi-stale.
  const measurementsOf = new Map<string, Measurement[]>();
  for (const m of p.measurements ?? []) {
    const list = measurementsOf.get(m.kpiId);
    if (list) list.push(m);
    else measurementsOf.set(m.kpiId, [m]);
  }
  (p.kpis ?? []).forEach((k, i) => {
    const path = ['kpis', i];
    if (k.name.trim() === '') report('kpi-incomplete', [...path, 'name'], k.id, msg('lint.kpiIncomplete', { part: msg('term.kpi') }));
    if (k.dataSource.name.trim() === '') report('kpi-incomplete', [...path, 'dataSource'], k.id, msg('lint.kpiIncomplete', { part: msg('kpiPart.dataSource') }));
    const span = 'cycleId' in k.timeframe ? cycles.get(k.timeframe.cycleId) : k.timeframe;
    if (span === undefined) return;
    const days = daysBetween(span.start, span.end) + 1;
    if (days < FREQUENCY_DAYS[k.frequency]) report('kpi-frequency', [...path, 'frequency'], k.id, msg('lint.kpiFrequency', { frequency: msg(`frequency.${k.frequency}`), days }));
    if (asOf !== null && on('kpi-stale') && span.start <= asOf && asOf <= span.end) {
      const series = seriesOf(k, measurementsOf.get(k.id) ?? [], span, asOf, (k.weekStartsOn ?? 1) as Day);
      if (series.stale) {
        const last = series.buckets.filter((b) => b.complete).at(-1)!;
        report('kpi-stale', path, k.id, msg('lint.kpiStale', { frequency: msg(`frequency.${k.frequency}`), start: last.start, end: last.end }));
      }
    }
  });

  // Latest check-in per key result, for stale-key-result.
  const lastCheckIn = new Map<string, string>();
  if (asOf !== null) {
    for (const c of p.checkIns ?? []) {
      const day = dateOf(c.at);
      if (day > asOf) continue;
      const seen = lastCheckIn.get(c.keyResultId);
      if (seen === undefined || day > seen) lastCheckIn.set(c.keyResultId, day);
    }
  }
  keyResults.forEach((k, j) => {
    const path = ['keyResults', j];
    if (readsLikeTask(k.title)) report('key-result-is-task', [...path, 'title'], k.id, msg('lint.keyResultIsTask', { title: k.title }));
    if (k.kind === 'metric' && (k.unit === undefined || k.unit.trim() === '')) report('metric-without-unit', path, k.id, msg('lint.metricWithoutUnit'));
    if (asOf === null || k.kind === 'milestones' || k.source !== undefined) return;
    const cycle = cycles.get(objectiveById.get(k.objectiveId)?.cycleId ?? '');
    if (cycle === undefined || asOf < cycle.start || asOf > cycle.end) return;
    const last = lastCheckIn.get(k.id);
    const since = last !== undefined && last >= cycle.start ? last : cycle.start;
    const days = daysBetween(since, asOf);
    if (days > every) report('stale-key-result', path, k.id, msg('lint.staleKeyResult', { days, every }));
  });

  // Report in the order of the rules, each rule's findings in plan order.
  const order = Object.keys(LINT_RULES);
  return findings
    .map((f, n) => ({ f, n }))
    .sort((a, b) => order.indexOf(a.f.code) - order.indexOf(b.f.code) || a.n - b.n)
    .map(({ f }) => f);
}
