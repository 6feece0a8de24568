// The OKR process and value rollups in a report: each record's state (and whether the
// rollups count it) and, for an aggregated key result, the key results its value was made of.
import type { DeepReadonly, KeyResult, KeyResultEvaluation, OkrState } from '../index.js';
import type { ReportAggregate, ReportState } from './model.js';

/** The states that `evaluate` leaves out of rollups unless `includeDrafts` is set. */
const UNAPPROVED: ReadonlySet<OkrState> = new Set<OkrState>(['draft', 'proposed']);

/** A record's state as the report shows it: null when the plan gives none (it is then active and counted). */
export function stateOf(record: { readonly state?: OkrState | undefined }, includeDrafts: boolean): ReportState | null {
  const name = record.state;
  if (name === undefined) return null;
  return { name, counted: includeDrafts || !UNAPPROVED.has(name) };
}

/** Whether a record with this report state feeds the rollups above it. */
export const counted = (state: ReportState | null): boolean => state === null || state.counted;

/** An aggregated key result's aggregate and contributors, their titles from the plan; null for other key results. */
export function aggregateOf(
  kr: DeepReadonly<KeyResult>,
  e: KeyResultEvaluation,
  keyResults: ReadonlyMap<string, DeepReadonly<KeyResult>>,
): ReportAggregate | null {
  if (kr.kind !== 'metric' || kr.aggregate === undefined || e.aggregatedFrom === null) return null;
  return {
    how: kr.aggregate,
    from: e.aggregatedFrom.map((c) => ({ id: c.id, title: keyResults.get(c.id)?.title ?? c.id, value: c.value })),
  };
}
