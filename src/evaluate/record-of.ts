// Typed access to a result's records by id, for code compiled with
// noUncheckedIndexedAccess: the record, or an error that names the id and a close one.
import { closestName } from '../_lib/closest.js';
import { msg } from '../messages/message.js';
import { invalidArgument, OkrkitError } from '../messages/okrkit-error.js';

/** How many ids the error lists when none is close to the one asked for. */
const LISTED = 5;

/**
 * The record with id `id` in a result's records by id — an {@link Evaluation}'s
 * `objectives` or `keyResults`, `evaluateKpis`' results, a live evaluation's records, or
 * the same records after a round trip through JSON — typed as the record itself, so code
 * compiled with `noUncheckedIndexedAccess` needs no `!` and no check for `undefined`.
 *
 * A standalone function rather than a method on the records: the results stay plain
 * JSON data (an id such as `"get"` can never be shadowed, and an evaluation read back
 * from a cache or a database works the same), and `evaluate` does no extra work.
 *
 * @throws {@link OkrkitError} `unknown_reference` when no record has the id (the message
 *   names it and the closest known id); `invalid_argument` when `records` is not an object.
 * @example
 * ```ts
 * import { evaluate, parsePlan, recordOf } from 'okrkit';
 *
 * const plan = parsePlan({
 *   cycles: [{ id: 'q3', name: 'Q3', start: '2026-07-01', end: '2026-09-30' }],
 *   objectives: [{ id: 'o-sales', title: 'Grow sales', cycleId: 'q3' }],
 *   keyResults: [{ id: 'kr-revenue', objectiveId: 'o-sales', title: 'Revenue', kind: 'metric', start: 0, target: 100 }],
 *   checkIns: [{ keyResultId: 'kr-revenue', at: '2026-08-15', value: 40 }],
 * });
 * const evaluation = evaluate(plan, { asOf: '2026-08-15' });
 * recordOf(evaluation.objectives, 'o-sales').score; // 0.4
 * recordOf(evaluation.keyResults, 'kr-revenue').progress; // 0.4
 * recordOf(evaluation.objectives, 'o-sale'); // throws: no record has the id "o-sale"; did you mean "o-sales"?
 * ```
 * @category Rollup
 */
export function recordOf<T>(records: Readonly<Record<string, T>>, id: string): T {
  if (typeof records !== 'object' || records === null) invalidArgument('arg.object', { name: 'records' });
  if (typeof id !== 'string') invalidArgument('arg.string', { name: 'id', value: typeof id });
  const record = Object.hasOwn(records, id) ? records[id] : undefined;
  if (record !== undefined) return record;
  // Keys that hold no record are not ids to suggest (`{ a: undefined }` has no record "a").
  throw unknownId(Object.keys(records).filter((k) => records[k] !== undefined), id);
}

/** The error for an id no record has: the closest known id when one is close, else the first few ids. */
function unknownId(known: readonly string[], id: string): OkrkitError {
  if (known.length === 0) return new OkrkitError('unknown_reference', msg('error.unknownId.empty', { id }));
  const suggestion = closestName(id, known);
  if (suggestion !== undefined) return new OkrkitError('unknown_reference', msg('error.unknownId', { id, suggestion }));
  const listed = known.slice(0, LISTED).map((k) => `"${k}"`).join(', ');
  return new OkrkitError('unknown_reference', msg('error.unknownId.none', { id, known: known.length > LISTED ? `${listed}, …` : listed }));
}
