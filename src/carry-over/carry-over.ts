import { invalidArgument } from '../messages/okrkit-error.js';
import type { Initiative } from '../model/initiative.js';
import type { KeyResult } from '../model/key-result.js';
import type { Objective } from '../model/objective.js';
import type { Plan } from '../model/plan.js';
import { evaluate, type Evaluation } from '../evaluate/evaluate.js';
import { withPlan } from '../model/guard.js';
import { copyPlan } from '../model/copy-plan.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { OkrState, type StateChange } from '../model/process.js';
import { parseArgument } from '../_lib/zod-issues.js';
import { Id, Timestamp } from '../model/primitives.js';
import { checkAsOf } from '../model/options.js';
import { checkTimeZone, clockOfInstant, isInstant, type DateInput } from '../model/instant.js';

/**
 * Options of {@link carryOver}.
 *
 * @category Cycles
 */
export interface CarryOverOptions {
  /** The cycle to carry from. */
  readonly from: string;
  /** The cycle to carry into. */
  readonly to: string;
  /** `reset` (default): key results start again from their old start. `keep`: metric key results start from the value they reached. */
  readonly mode?: 'reset' | 'keep';
  /** `unfinished` (default): objectives scoring below 1 and key results below full progress. `all`: everything in the cycle. */
  readonly include?: 'unfinished' | 'all';
  /** The id of a copy: `${id}@${to}` by default. */
  readonly newId?: (id: string, type: 'objective' | 'keyResult' | 'initiative') => string;
  /** The date that decides what is unfinished: the `from` cycle's last day by default. A `Date` or epoch milliseconds counts on its day in `timeZone`. */
  readonly asOf?: DateInput;
  /** The IANA time zone (`Asia/Ho_Chi_Minh`) that decides the calendar day of an `asOf` or `at` given as a `Date` or epoch milliseconds. */
  readonly timeZone?: string;
  /**
   * The state the copies start in. When the plan uses states (an objective or a key
   * result has one), copies start as `draft` by default, so the next cycle's OKRs are
   * drafted and aligned again, and each copy's history starts with one entry from the
   * original's state, with a note naming the original and its cycle. A plan without
   * states gets copies without states, as before, unless this is set. Not `closed`: a
   * copy has no final score.
   */
  readonly state?: OkrState;
  /** Who the copies' first history entry names: `carry-over` by default. */
  readonly by?: string;
  /** When the copies' first history entry is dated: the date that decides what is unfinished (`asOf`) by default. A `Date` or epoch milliseconds is the date-time it shows in `timeZone`. */
  readonly at?: DateInput;
}

/**
 * Carries objectives and key results from one cycle into the next: a copy of each in the
 * new cycle, with `carriedFrom` naming the original, parents and links pointing to the
 * copies where those were carried too, open initiatives along with them, and no
 * check-ins, final scores or phases. With `mode: 'keep'` a metric key result starts from
 * the value it reached (one already at its target keeps its old start); milestones done
 * stay done. In a plan that uses states the copies start as `draft`, each with a history
 * entry that names its original (see `state`, `by` and `at`). The input plan is not
 * modified; a new plan is returned.
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param options - `from`, `to`, `mode`, `include`, `newId`, `asOf`, and `state`, `by`, `at` for the copies' first history entry.
 * @returns A new plan with the copies added.
 * @throws {OkrkitError} `invalid_argument` for unknown cycles, an id that is already taken or `state: 'closed'`.
 * @example
 * const next = carryOver(plan, { from: 'q3-2026', to: 'q4-2026' });
 * next.objectives.filter((o) => o.carriedFrom).map((o) => o.id)
 * //=> ['o-sales@q4-2026', 'o-quality@q4-2026', 'o-people@q4-2026']
 * @category Cycles
 */
export function carryOver(plan: DeepReadonly<Plan>, options: CarryOverOptions): Plan {
  return withPlan(plan, () => carry(plan, options));
}

/** The options, checked, with their defaults. */
interface Settings {
  readonly from: string;
  readonly to: string;
  readonly mode: 'reset' | 'keep';
  readonly include: 'unfinished' | 'all';
  readonly newId: NonNullable<CarryOverOptions['newId']>;
  /** The date that decides what is unfinished and which milestones were done. */
  readonly until: string;
  /** The copies' state and the first entry of their history, or null to leave states out. */
  readonly arrival: { readonly state: OkrState; readonly by: string; readonly at: string } | null;
}

function checkOptions(plan: DeepReadonly<Plan>, options: CarryOverOptions): Settings {
  if (typeof options !== 'object' || options === null) invalidArgument('arg.object', { name: 'options' });
  const { from, to } = options;
  const fromCycle = plan.cycles?.find((c) => c.id === from);
  if (fromCycle === undefined) invalidArgument('arg.unknownCycle', { id: String(from), name: 'options.from' });
  if (!plan.cycles.some((c) => c.id === to)) invalidArgument('arg.unknownCycle', { id: String(to), name: 'options.to' });
  if (from === to) invalidArgument('arg.differentCycles');
  const mode = options.mode ?? 'reset';
  const include = options.include ?? 'unfinished';
  if (mode !== 'reset' && mode !== 'keep') invalidArgument('arg.oneOf', { name: 'options.mode', options: "'reset', 'keep'", value: String(mode) });
  if (include !== 'unfinished' && include !== 'all') invalidArgument('arg.oneOf', { name: 'options.include', options: "'unfinished', 'all'", value: String(include) });
  const newId = options.newId ?? ((id: string) => `${id}@${to}`);
  const until = checkAsOf(options) ?? fromCycle.end;
  return { from, to, mode, include, newId, until, arrival: arrivalOf(plan, options, until) };
}

/** The copies' state and first history entry: when asked for, or when the plan uses states. */
function arrivalOf(plan: DeepReadonly<Plan>, options: CarryOverOptions, until: string): Settings['arrival'] {
  const usesStates = plan.objectives.some((o) => o.state !== undefined) || plan.keyResults.some((k) => k.state !== undefined);
  if (options.state === undefined && !usesStates) return null;
  return {
    state: options.state === undefined ? 'draft' : arrivalState(options.state),
    by: options.by === undefined ? 'carry-over' : parseArgument(Id, options.by, 'options.by'),
    at: options.at === undefined ? until : isInstant(options.at) ? clockOfInstant(options.at, checkTimeZone(options.timeZone, 'timeZone'), 'options.at').stamp : parseArgument(Timestamp, options.at, 'options.at'),
  };
}

/** The state copies may start in: any but `closed` (a copy has not been worked on, so it has no final score). */
function arrivalState(state: unknown): OkrState {
  const parsed = parseArgument(OkrState, state, 'options.state');
  if (parsed === 'closed') invalidArgument('arg.oneOf', { name: 'options.state', options: "'draft', 'proposed', 'approved', 'active'", value: '"closed"' });
  return parsed;
}

/**
 * A copy's state and history: one entry from the original's state, naming the original.
 * `parsePlan` accepts it as a carried-over copy's arrival (its first entry, with
 * `carriedFrom` set), even where it is not a step of the process (a draft copied as a draft).
 */
function arrived(original: { readonly id: string; readonly state?: OkrState | undefined }, from: string, arrival: Settings['arrival']): { state?: OkrState; history?: StateChange[] } {
  if (arrival === null) return {};
  const { state, by, at } = arrival;
  return { state, history: [{ from: original.state ?? 'active', to: state, by, at, note: `Carried over from "${original.id}" in cycle "${from}".` }] };
}

/** What is carried: each record with the id of its copy, and those ids by original id. */
interface Chosen {
  readonly objectives: readonly (readonly [Objective, string])[];
  /** Each key result with its copy's id and the id of its objective's copy. */
  readonly keyResults: readonly (readonly [KeyResult, string, string])[];
  readonly initiatives: readonly Initiative[];
  readonly remap: (id: string) => string;
}

function choose(source: Plan, evaluation: Evaluation, { from, include, newId }: Settings): Chosen {
  const objectives = source.objectives
    .filter((o) => {
      if (o.cycleId !== from) return false;
      const score = evaluation.objectives[o.id]?.score ?? null;
      return include === 'all' || score === null || score < 1;
    })
    .map((o) => [o, newId(o.id, 'objective')] as const);
  const objectiveIds = new Map(objectives.map(([o, id]) => [o.id, id]));
  const keyResults = source.keyResults.flatMap((k) => {
    const objectiveId = objectiveIds.get(k.objectiveId);
    if (objectiveId === undefined) return [];
    const progress = evaluation.keyResults[k.id]?.progress ?? null;
    return include === 'all' || progress === null || progress < 1 ? [[k, objectiveId] as const] : [];
  }).map(([k, objectiveId]) => [k, newId(k.id, 'keyResult'), objectiveId] as const);
  const keyResultIds = new Map(keyResults.map(([k, id]) => [k.id, id]));
  const initiatives = source.initiatives.filter(
    (i) => i.status !== 'done' && (keyResultIds.has(i.keyResultId ?? '') || objectiveIds.has(i.objectiveId ?? '')),
  );
  const remap = (id: string) => objectiveIds.get(id) ?? keyResultIds.get(id) ?? id;
  return { objectives, keyResults, initiatives, remap };
}

/** Ids for the copies: each must be a new, non-empty string. */
function idClaims(source: Plan): (id: string) => string {
  const taken = new Set<string>([...source.objectives.map((o) => o.id), ...source.keyResults.map((k) => k.id), ...source.initiatives.map((i) => i.id)]);
  return (id) => {
    if (typeof id !== 'string' || id === '' || taken.has(id)) invalidArgument('arg.idTaken', { id: String(id) });
    taken.add(id);
    return id;
  };
}

/**
 * The copy of a key result as it starts in the new cycle: no phases; with `keep`, a
 * metric starts from the value the original reached, and milestones done stay done.
 */
function startAgain(k: KeyResult, original: string, evaluation: Evaluation, { mode, until }: Settings): KeyResult {
  if (k.kind === 'metric') {
    const { phases: _phases, ...metric } = k;
    const reached = evaluation.keyResults[original]?.value ?? null;
    const keep = mode === 'keep' && reached !== null && (evaluation.keyResults[original]?.progress ?? 1) < 1 && Number(metric.target) !== reached;
    return keep ? { ...metric, start: reached } : metric;
  }
  if (k.kind === 'milestones') {
    return {
      ...k,
      milestones: k.milestones.map(({ done, doneAt, ...m }) => {
        const wasDone = doneAt !== undefined ? doneAt <= until : done === true;
        return mode === 'keep' && wasDone ? { ...m, done: true } : m;
      }),
    };
  }
  return k;
}

function carry(plan: DeepReadonly<Plan>, options: CarryOverOptions): Plan {
  const settings = checkOptions(plan, options);
  const source = copyPlan(plan);
  const evaluation = evaluate(source, { asOf: settings.until });
  const { objectives, keyResults, initiatives, remap } = choose(source, evaluation, settings);
  const claim = idClaims(source);
  const { to } = settings;

  const newObjectives = objectives.map(([o, id]): Objective => {
    const { finalScore: _final, state: _state, history: _history, ...rest } = o;
    return {
      ...rest,
      id: claim(id),
      cycleId: to,
      ...(o.parentId !== undefined ? { parentId: remap(o.parentId) } : {}),
      ...(o.links !== undefined ? { links: o.links.map((l) => ({ ...l, to: remap(l.to) })) } : {}),
      carriedFrom: o.id,
      ...arrived(o, settings.from, settings.arrival),
    };
  });
  const newKeyResults = keyResults.map(([k, id, objectiveId]) => {
    const { finalScore: _final, state: _state, history: _history, ...rest } = k;
    return startAgain({ ...rest, id: claim(id), objectiveId, carriedFrom: k.id, ...arrived(k, settings.from, settings.arrival) }, k.id, evaluation, settings);
  });
  const newInitiatives = initiatives.map((i): Initiative => ({
    ...i,
    id: claim(settings.newId(i.id, 'initiative')),
    ...(i.keyResultId !== undefined ? { keyResultId: remap(i.keyResultId) } : {}),
    ...(i.objectiveId !== undefined ? { objectiveId: remap(i.objectiveId) } : {}),
  }));

  return {
    ...source,
    objectives: [...source.objectives, ...newObjectives],
    keyResults: [...source.keyResults, ...newKeyResults],
    initiatives: [...source.initiatives, ...newInitiatives],
  };
}
