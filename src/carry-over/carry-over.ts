import { invalidArgument } from '../messages/okrkit-error.js';
import type { Initiative } from '../model/initiative.js';
import type { KeyResult } from '../model/key-result.js';
import type { Objective } from '../model/objective.js';
import type { Plan } from '../model/plan.js';
import { evaluate } from '../evaluate/evaluate.js';
import { withPlan } from '../model/guard.js';
import type { DeepReadonly } from '../model/deep-readonly.js';

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
  /** The date that decides what is unfinished: the `from` cycle's last day by default. */
  readonly asOf?: string;
}

/**
 * Carries objectives and key results from one cycle into the next: a copy of each in the
 * new cycle, with `carriedFrom` naming the original, parents and links pointing to the
 * copies where those were carried too, open initiatives along with them, and no
 * check-ins, final scores or phases. With `mode: 'keep'` a metric key result starts from
 * the value it reached (one already at its target keeps its old start); milestones done
 * stay done. The input plan is not modified; a new plan is returned.
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param options - `from`, `to`, `mode`, `include`, `newId` and `asOf`.
 * @returns A new plan with the copies added.
 * @throws {OkrkitError} `invalid_argument` for unknown cycles or an id that is already taken.
 * @example
 * const next = carryOver(plan, { from: 'q3-2026', to: 'q4-2026' });
 * next.objectives.filter((o) => o.carriedFrom).map((o) => o.id)
 * //=> ['o-sales@q4-2026', 'o-quality@q4-2026', 'o-people@q4-2026']
 * @category Cycles
 */
export function carryOver(plan: DeepReadonly<Plan>, options: CarryOverOptions): Plan {
  return withPlan(plan, () => carry(plan, options));
}

function carry(plan: DeepReadonly<Plan>, options: CarryOverOptions): Plan {
  const source = plan as Plan;
  if (typeof options !== 'object' || options === null) invalidArgument('arg.object', { name: 'options' });
  const { from, to } = options;
  const fromCycle = source.cycles?.find((c) => c.id === from);
  if (fromCycle === undefined) invalidArgument('arg.unknownCycle', { id: String(from), name: 'options.from' });
  if (!source.cycles.some((c) => c.id === to)) invalidArgument('arg.unknownCycle', { id: String(to), name: 'options.to' });
  if (from === to) invalidArgument('arg.differentCycles');
  const mode = options.mode ?? 'reset';
  const include = options.include ?? 'unfinished';
  if (mode !== 'reset' && mode !== 'keep') invalidArgument('arg.oneOf', { name: 'options.mode', options: "'reset', 'keep'", value: String(mode) });
  if (include !== 'unfinished' && include !== 'all') invalidArgument('arg.oneOf', { name: 'options.include', options: "'unfinished', 'all'", value: String(include) });
  const newId = options.newId ?? ((id: string) => `${id}@${to}`);

  const evaluation = evaluate(source, { asOf: options.asOf ?? fromCycle.end });
  const objectives = source.objectives.filter((o) => {
    if (o.cycleId !== from) return false;
    const score = evaluation.objectives[o.id]?.score ?? null;
    return include === 'all' || score === null || score < 1;
  });
  const carriedObjectives = new Map(objectives.map((o) => [o.id, newId(o.id, 'objective')]));
  const keyResults = source.keyResults.filter((k) => {
    if (!carriedObjectives.has(k.objectiveId)) return false;
    const progress = evaluation.keyResults[k.id]?.progress ?? null;
    return include === 'all' || progress === null || progress < 1;
  });
  const carriedKeyResults = new Map(keyResults.map((k) => [k.id, newId(k.id, 'keyResult')]));
  const initiatives = source.initiatives.filter(
    (i) => i.status !== 'done' && (carriedKeyResults.has(i.keyResultId ?? '') || carriedObjectives.has(i.objectiveId ?? '')),
  );

  const taken = new Set<string>([...source.objectives.map((o) => o.id), ...source.keyResults.map((k) => k.id), ...source.initiatives.map((i) => i.id)]);
  const claim = (id: string) => {
    if (typeof id !== 'string' || id === '' || taken.has(id)) invalidArgument('arg.idTaken', { id: String(id) });
    taken.add(id);
    return id;
  };
  const remap = (id: string) => carriedObjectives.get(id) ?? carriedKeyResults.get(id) ?? id;

  const newObjectives: Objective[] = objectives.map((o) => {
    const { finalScore: _final, ...rest } = o;
    return {
      ...rest,
      id: claim(carriedObjectives.get(o.id) as string),
      cycleId: to,
      ...(o.parentId !== undefined ? { parentId: remap(o.parentId) } : {}),
      ...(o.links !== undefined ? { links: o.links.map((l) => ({ ...l, to: remap(l.to) })) } : {}),
      carriedFrom: o.id,
    };
  });
  const newKeyResults: KeyResult[] = keyResults.map((k) => {
    const { finalScore: _final, ...rest } = k;
    const base = { ...rest, id: claim(carriedKeyResults.get(k.id) as string), objectiveId: carriedObjectives.get(k.objectiveId) as string, carriedFrom: k.id };
    if (base.kind === 'metric') {
      const { phases: _phases, ...metric } = base;
      const reached = evaluation.keyResults[k.id]?.value ?? null;
      const keep = mode === 'keep' && reached !== null && (evaluation.keyResults[k.id]?.progress ?? 1) < 1 && Number(metric.target) !== reached;
      return keep ? { ...metric, start: reached } : metric;
    }
    if (base.kind === 'milestones') {
      const until = options.asOf ?? fromCycle.end;
      return {
        ...base,
        milestones: base.milestones.map(({ done, doneAt, ...m }) => {
          const wasDone = doneAt !== undefined ? doneAt <= until : done === true;
          return mode === 'keep' && wasDone ? { ...m, done: true } : m;
        }),
      };
    }
    return base;
  });
  const newInitiatives: Initiative[] = initiatives.map((i) => ({
    ...i,
    id: claim(newId(i.id, 'initiative')),
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
