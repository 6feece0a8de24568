import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  advanceKeyResult,
  advanceObjective,
  checkKeyResultTransition,
  checkObjectiveTransition,
  evaluate,
  OkrkitError,
  parsePlan,
  stateOf,
  type OkrState,
  type Plan,
} from '../../src/index.js';
import { planArb } from '../arbitraries.js';
import { thrown } from '../builders.js';
import { deepFreeze } from '../fixtures.js';

const STATES = ['draft', 'proposed', 'approved', 'active', 'closed'] as const;
const stateArb = fc.constantFrom<OkrState | undefined>(undefined, ...STATES);

/** A random plan whose objectives and key results start in random states (no history yet). */
const statefulPlanArb = fc
  .tuple(planArb, fc.array(stateArb, { minLength: 40, maxLength: 40 }))
  .map(([input, states]) => {
    const plan = parsePlan(input);
    const stateAt = (i: number) => states[i % states.length];
    const set = <T extends object>(r: T, s: OkrState | undefined): T => (s === undefined ? r : { ...r, state: s });
    return parsePlan({
      ...plan,
      objectives: plan.objectives.map((o, i) => set(o, stateAt(i))),
      keyResults: plan.keyResults.map((k, j) => set(k, stateAt(j + 13))),
    });
  });

/** One attempted step: on an objective or a key result (by position), to a state, on a day, maybe with a note or a score. */
const stepArb = fc.record({
  objective: fc.boolean(),
  index: fc.nat(),
  to: fc.constantFrom(...STATES),
  day: fc.integer({ min: 0, max: 25 }),
  note: fc.constantFrom(undefined, 'why', ' '),
  score: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  asOf: fc.constantFrom(undefined, '2026-08-15', '2026-10-01'),
});

/** Day n after 2026-06-01: the steps run from June to past the cycle's end (2026-09-30). */
const dateOf = (n: number) => new Date(Date.UTC(2026, 5, 1 + n)).toISOString().slice(0, 10);

const FORWARD: Record<OkrState, OkrState> = { draft: 'proposed', proposed: 'approved', approved: 'active', active: 'closed', closed: 'active' };

/**
 * Whether a step is ready, worked out again from the rules as docs/process.md states them
 * (the plans here have no units, so alignment never matters).
 */
function oracle(plan: Plan, objective: boolean, index: number, to: OkrState, o: { at: string; note?: string; score?: number; asOf?: string }): boolean {
  const record = objective ? plan.objectives[index]! : plan.keyResults[index]!;
  const from = record.state ?? 'active';
  const last = record.history?.at(-1);
  const common = (FORWARD[from] === to || (to === 'draft' && from !== 'draft')) && (to !== 'draft' || (o.note ?? '').trim() !== '') && (last === undefined || last.at <= o.at);
  if (!common) return false;
  const asOf = o.asOf ?? o.at;
  const score = () => {
    if (o.score !== undefined) return true;
    const e = evaluate(plan, { asOf });
    return (objective ? e.objectives[record.id]!.score : e.keyResults[record.id]!.score) !== null;
  };
  // closing needs the day of `at` after the cycle's end, and the cycle over at asOf
  const over = o.at > '2026-09-30' && asOf > '2026-09-30';
  if (objective) {
    if (to === 'approved') {
      const n = plan.keyResults.filter((k) => k.objectiveId === record.id && counted(k)).length;
      return n >= 2 && n <= 5;
    }
    return to === 'closed' ? over && score() : true;
  }
  const parentId = 'objectiveId' in record ? record.objectiveId : '';
  const parent = plan.objectives.find((x) => x.id === parentId)!.state ?? 'active';
  if (to === 'approved') return parent !== 'draft';
  if (to === 'active') return from === 'closed' ? parent !== 'closed' : parent === 'approved' || parent === 'active';
  return to === 'closed' ? over && score() : true;
}

/** Whether a key result counts in its objective's score (and so for approving it): scored, approved or later, weight above 0. */
const counted = (k: Plan['keyResults'][number]): boolean =>
  k.kind !== 'baseline' && k.state !== 'draft' && k.state !== 'proposed' && (k.weight === undefined || k.weight === 'target' || Number(k.weight) > 0);

/** Everything but the moved record, which must be the same as before. */
const others = (plan: Plan, kind: 'objectives' | 'keyResults', index: number) => ({ ...plan, [kind]: plan[kind].filter((_, i) => i !== index) });

describe('transitions: properties', () => {
  test.prop([statefulPlanArb, fc.array(stepArb, { minLength: 1, maxLength: 12 })], { numRuns: 150 })(
    'a ready step adds one chained history entry and changes nothing else; a step that is not ready throws not_ready with the same reasons; the input is never modified',
    (start, steps) => {
      let plan = deepFreeze(start);
      let day = 0;
      for (const s of steps) {
        day += s.day;
        const kind = s.objective ? 'objectives' : 'keyResults';
        const records = plan[kind];
        if (records.length === 0) continue;
        const index = s.index % records.length;
        const record = records[index]!;
        const options = { by: 'u', at: dateOf(day), ...(s.note !== undefined ? { note: s.note } : {}), ...(s.score !== undefined ? { score: s.score } : {}), ...(s.asOf !== undefined ? { asOf: s.asOf } : {}) };
        if (s.asOf !== undefined && s.asOf > options.at) {
          // a score from the future: refused as a bad option, by both
          const checking = () => (s.objective ? checkObjectiveTransition(plan, record.id, s.to, options) : checkKeyResultTransition(plan, record.id, s.to, options));
          expect(thrown(checking).code).toBe('invalid_argument');
          expect(thrown(() => (s.objective ? advanceObjective(plan, record.id, s.to, options) : advanceKeyResult(plan, record.id, s.to, options))).code).toBe('invalid_argument');
          continue;
        }
        const check = s.objective ? checkObjectiveTransition(plan, record.id, s.to, options) : checkKeyResultTransition(plan, record.id, s.to, options);
        const take = () => (s.objective ? advanceObjective(plan, record.id, s.to, options) : advanceKeyResult(plan, record.id, s.to, options));
        expect(check.from).toBe(stateOf(record));
        expect([s, check.ready]).toEqual([s, oracle(plan, s.objective, index, s.to, options)]);
        if (!check.ready) {
          expect(check.reasons.length).toBeGreaterThan(0);
          let error: unknown;
          try {
            take();
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(OkrkitError);
          expect((error as OkrkitError).code).toBe('not_ready');
          expect((error as OkrkitError).issues).toEqual(check.reasons);
          continue;
        }
        const next = take();
        const moved = next[kind][index]!;
        const before = record.history ?? [];
        expect(moved.state).toBe(s.to);
        expect(moved.history).toHaveLength(before.length + 1);
        expect(moved.history!.slice(0, -1)).toEqual(before);
        expect(moved.history!.at(-1)).toMatchObject({ from: check.from, to: s.to, by: 'u', at: options.at });
        expect(others(next, kind, index)).toEqual(others(plan, kind, index));
        plan = deepFreeze(next);
      }
      // every history the steps wrote chains: parsePlan accepts the plan
      expect(() => parsePlan(plan)).not.toThrow();
    },
  );

  test.prop([planArb, fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined })], { numRuns: 80 })(
    'draft → proposed → approved → active → closed: ready exactly when the objective has 2–5 key results its score counts and a score; one entry per step',
    (input, score) => {
      const parsed = parsePlan(input);
      const plan = deepFreeze(parsePlan({ ...parsed, objectives: parsed.objectives.map((o) => ({ ...o, state: 'draft' as const })) }));
      const o = plan.objectives[0]!;
      const count = plan.keyResults.filter((k) => k.objectiveId === o.id && counted(k)).length;
      let p: Plan = advanceObjective(plan, o.id, 'proposed', { by: 'u', at: '2026-06-20' });
      const approve = checkObjectiveTransition(p, o.id, 'approved', { by: 'u', at: '2026-06-25' });
      expect(approve.ready).toBe(count >= 2 && count <= 5);
      if (!approve.ready) {
        expect(approve.reasons.map((r) => r.messageKey)).toEqual(['process.keyResultCount']);
        expect(approve.reasons[0]!.params).toEqual({ count });
        return;
      }
      p = advanceObjective(p, o.id, 'approved', { by: 'u', at: '2026-06-25' });
      p = advanceObjective(p, o.id, 'active', { by: 'u', at: '2026-07-01' });
      const closing = { by: 'u', at: '2026-10-01', ...(score !== undefined ? { score } : {}) };
      const expected = score ?? evaluate(p, { asOf: '2026-10-01' }).objectives[o.id]!.score;
      expect(checkObjectiveTransition(p, o.id, 'closed', closing).ready).toBe(expected !== null);
      if (expected === null) return;
      const closed = advanceObjective(p, o.id, 'closed', closing).objectives[0]!;
      expect(closed.history!.map((h) => h.to)).toEqual(['proposed', 'approved', 'active', 'closed']);
      expect(closed.finalScore).toBe(expected);
      expect(closed.history!.at(-1)!.score).toBe(expected);
    },
  );
});
