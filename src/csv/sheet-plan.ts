import type { PlanInput } from '../index.js';
import { msg } from '../messages/message.js';
import type { LabelledCycle } from './cycle-label.js';
import type { CsvProblems } from './rows.js';
import type { SheetColumns } from './sheet-headers.js';
import type { KeyResultRow, SheetRow } from './sheet-rows.js';

/** One record of a plan collection, as `PlanInput` types it. */
type InputOf<K extends keyof PlanInput> = NonNullable<PlanInput[K]> extends readonly (infer T)[] ? T : never;

/** An objective as the sheet names it: by title within a cycle and department. */
interface SheetObjective {
  readonly id: string;
  readonly title: string;
  readonly cycle: LabelledCycle;
  readonly unitId: string | undefined;
  readonly line: number;
  /** The title of the objective it supports, from the row that first names it. */
  readonly parent: string;
}

/** The records of a sheet, gathered, with the line each was first written on. */
interface Gathered {
  readonly cycles: Map<string, { readonly cycle: LabelledCycle; readonly line: number }>;
  readonly units: Map<string, { readonly id: string; readonly line: number }>;
  readonly objectives: Map<string, SheetObjective>;
  readonly keyResults: InputOf<'keyResults'>[];
  readonly checkIns: InputOf<'checkIns'>[];
  readonly lines: { readonly keyResults: number[]; readonly checkIns: number[] };
}

/** A plan assembled from a sheet, with the line each record of each collection came from. */
export interface SheetPlan {
  readonly input: PlanInput;
  readonly lines: ReadonlyMap<string, readonly number[]>;
}

/**
 * Assembles a plan from the rows of a sheet. Cycles and departments are the distinct
 * ones in row order (`u1`, `u2`…); an objective is one title within a cycle and
 * department (`o1`, `o2`…), its key results numbered under it (`o1-kr1`…); parents are
 * found by title. A parent that names no objective is added to `problems`.
 */
export function assembleSheetPlan(rows: readonly SheetRow[], file: string, columns: SheetColumns, problems: CsvProblems): SheetPlan {
  const gathered = gather(rows);
  const objectives = objectiveRecords([...gathered.objectives.values()], file, columns, problems);
  const { cycles, units } = gathered;
  const input = {
    cycles: [...cycles.values()].map((c) => ({ ...c.cycle })),
    units: [...units.entries()].map(([name, u]) => ({ id: u.id, name, level: 'department' }) satisfies InputOf<'units'>),
    objectives,
    keyResults: gathered.keyResults,
    checkIns: gathered.checkIns,
  } satisfies PlanInput;
  const lines = new Map<string, readonly number[]>([
    ['objectives', [...gathered.objectives.values()].map((o) => o.line)],
    ['keyResults', gathered.lines.keyResults],
    ['checkIns', gathered.lines.checkIns],
    ['cycles', [...cycles.values()].map((c) => c.line)],
    ['units', [...units.values()].map((u) => u.line)],
  ]);
  return { input, lines };
}

function gather(rows: readonly SheetRow[]): Gathered {
  const gathered: Gathered = { cycles: new Map(), units: new Map(), objectives: new Map(), keyResults: [], checkIns: [], lines: { keyResults: [], checkIns: [] } };
  const krCount = new Map<string, number>();
  for (const row of rows) {
    if (!gathered.cycles.has(row.cycle.id)) gathered.cycles.set(row.cycle.id, { cycle: row.cycle, line: row.line });
    const objective = objectiveOf(gathered, row);
    if (row.keyResult === null) continue;
    const k = (krCount.get(objective.id) ?? 0) + 1;
    krCount.set(objective.id, k);
    const id = `${objective.id}-kr${k}`;
    gathered.keyResults.push(keyResultRecord(id, objective.id, row.keyResult));
    gathered.lines.keyResults.push(row.line);
    const { checkIn } = row.keyResult;
    if (checkIn !== null) {
      gathered.checkIns.push({ keyResultId: id, at: checkIn.at, value: checkIn.value });
      gathered.lines.checkIns.push(row.line);
    }
  }
  return gathered;
}

/** The row's objective, added (with its department) when the row is the first to name it. */
function objectiveOf(gathered: Gathered, row: SheetRow): SheetObjective {
  let unitId: string | undefined;
  if (row.department !== '') {
    const unit = gathered.units.get(row.department) ?? { id: `u${gathered.units.size + 1}`, line: row.line };
    gathered.units.set(row.department, unit);
    unitId = unit.id;
  }
  const key = `${row.cycle.id}\u0000${row.department}\u0000${row.objective}`;
  const known = gathered.objectives.get(key);
  if (known !== undefined) return known;
  const objective = { id: `o${gathered.objectives.size + 1}`, title: row.objective, cycle: row.cycle, unitId, line: row.line, parent: row.parent };
  gathered.objectives.set(key, objective);
  return objective;
}

function keyResultRecord(id: string, objectiveId: string, kr: KeyResultRow): InputOf<'keyResults'> {
  return {
    id,
    objectiveId,
    title: kr.title,
    kind: 'metric',
    start: kr.start,
    target: kr.target,
    ...(kr.unit === null ? {} : { unit: kr.unit }),
    ...(kr.weight === null ? {} : { weight: kr.weight }),
    ...(kr.owner === '' ? {} : { ownerId: kr.owner }),
  };
}

/** The objectives' records, each parent named by title: an objective of the same cycle first, then any. */
function objectiveRecords(objectives: readonly SheetObjective[], file: string, columns: SheetColumns, problems: CsvProblems): InputOf<'objectives'>[] {
  const byTitle = new Map<string, SheetObjective[]>();
  for (const o of objectives) {
    const same = byTitle.get(o.title);
    if (same === undefined) byTitle.set(o.title, [o]);
    else same.push(o);
  }
  return objectives.map((o) => {
    let parentId: string | undefined;
    if (o.parent !== '') {
      const candidates = (byTitle.get(o.parent) ?? []).filter((p) => p.id !== o.id);
      parentId = (candidates.find((p) => p.cycle.id === o.cycle.id) ?? candidates[0])?.id;
      if (parentId === undefined) problems.add(file, o.line, columns.column('parent'), 'unknown_reference', msg('csv.parentObjective', { value: o.parent }));
    }
    return {
      id: o.id,
      title: o.title,
      cycleId: o.cycle.id,
      ...(o.unitId === undefined ? {} : { unitId: o.unitId }),
      ...(parentId === undefined ? {} : { parentId }),
    };
  });
}
