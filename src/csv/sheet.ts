import { CalendarDate, Timestamp, type PlanInput } from '../index.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { parseArgument } from '../_lib/zod-issues.js';
import { msg } from '../messages/message.js';
import { readNumber } from './cells.js';
import { cycleFromLabel, type LabelledCycle } from './cycle-label.js';
import { CsvProblems, readSheet, type Row } from './rows.js';
import type { CsvLocation, CsvPlan } from './tables.js';

/** The fields of a flat sheet, each with the headers it may have (English and Vietnamese). */
const FIELDS = {
  objective: ['objective', 'objectives', 'mục tiêu', 'muc tieu'],
  keyResult: ['key result', 'key results', 'kr', 'kết quả then chốt', 'ket qua then chot', 'kết quả chính'],
  start: ['start', 'baseline', 'bắt đầu', 'ban đầu', 'giá trị ban đầu'],
  target: ['target', 'chỉ tiêu', 'giá trị mục tiêu', 'mục tiêu số'],
  current: ['current', 'actual', 'hiện tại', 'thực tế', 'giá trị hiện tại'],
  weight: ['weight', 'trọng số', 'trong so'],
  owner: ['owner', 'người phụ trách', 'phụ trách', 'người sở hữu'],
  cycle: ['cycle', 'quarter', 'period', 'chu kỳ', 'quý', 'kỳ'],
  department: ['department', 'unit', 'team', 'phòng ban', 'bộ phận', 'đơn vị'],
  parent: ['parent', 'parent objective', 'supports', 'mục tiêu cấp trên'],
  measure: ['measure', 'unit of measure', 'đơn vị tính', 'đvt'],
  updated: ['updated', 'as of', 'date', 'ngày cập nhật', 'ngày'],
} as const;
type Field = keyof typeof FIELDS;

const normal = (header: string) => header.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
const ALIAS = new Map<string, Field>();
for (const field of Object.keys(FIELDS) as Field[]) for (const name of FIELDS[field]) ALIAS.set(name, field);

/** Options for {@link readPlanSheet}. @category Spreadsheets */
export interface ReadPlanSheetOptions {
  /** The file name used in messages (default `sheet.csv`). */
  readonly file?: string;
  /**
   * The date of the `current` values when the sheet has no `updated` column (or the
   * cell is empty), typically the report's as-of date; it is moved into the row's cycle.
   */
  readonly checkInDate?: string;
  /** Called every 50,000 rows with the rows read so far and the total, for a progress line. */
  readonly onProgress?: (done: number, total: number) => void;
}

interface ObjectiveRow {
  readonly id: string;
  readonly title: string;
  readonly cycle: LabelledCycle;
  readonly line: number;
  readonly parent: { readonly title: string; readonly line: number } | null;
}

/**
 * Reads a plan from one flat sheet, the layout of the seeds' templates: a row per key
 * result with columns objective, key result, start, target, current, weight, owner and
 * cycle (English or Vietnamese headers, any order, other columns ignored), and
 * optionally department, parent (the title of the objective it supports), measure and
 * updated. A blank objective, cycle or department repeats the row above (merged cells).
 * Cycles are written like `Q3 2026`, `H1 2026`, `2026-07` or `2026`; `start` defaults
 * to 0; a number may end in `%`, which becomes the key result's unit. Each key result is
 * a metric key result, and `current` becomes its check-in.
 *
 * @param text - The sheet's CSV text (`,`, `;` or tab separated; a byte-order mark is fine).
 * @param options - `file`, `checkInDate`, `onProgress`.
 * @returns The plan as read, with `locate` to point at the cell behind a path.
 * @throws {OkrkitError} `invalid_csv` listing every missing column and bad cell, each at
 *   `[file, line, column]`; `invalid_argument` for bad options.
 * @example
 * const read = readPlanSheet('objective,key result,start,target,current,cycle\nGrow sales,Revenue (bn VND),0,20,12,Q3 2026\n', { checkInDate: '2026-08-15' });
 * evaluate(parsePlan(read.input), { asOf: '2026-08-15' }).keyResults['o1-kr1'].score
 * //=> 0.6
 * @category Spreadsheets
 */
export function readPlanSheet(text: string, options: ReadPlanSheetOptions = {}): CsvPlan {
  const file = options.file ?? 'sheet.csv';
  const checkInDate = options.checkInDate === undefined ? undefined : parseArgument(CalendarDate, options.checkInDate, 'options.checkInDate');
  if (typeof text !== 'string') invalidArgument('arg.required', { name: 'text' });
  const problems = new CsvProblems();
  const sheet = readSheet(text, file, problems);
  problems.throwIfAny();

  const index = new Map<Field, number>();
  const headerOf = new Map<Field, string>();
  sheet.header.forEach((name, i) => {
    const field = ALIAS.get(normal(name));
    if (field === undefined) return;
    if (index.has(field)) problems.add(file, 1, name, 'csv_syntax', msg('csv.duplicateColumn', { column: name }));
    index.set(field, i);
    headerOf.set(field, name);
  });
  for (const field of ['objective', 'keyResult', 'target', 'cycle'] as const) {
    if (!index.has(field)) problems.add(file, 1, null, 'missing', msg('csv.missingColumn', { column: FIELDS[field][0] }));
  }
  problems.throwIfAny();
  const column = (field: Field) => headerOf.get(field) ?? FIELDS[field][0];
  const cell = (row: Row, field: Field) => {
    const i = index.get(field);
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  };

  const cycles = new Map<string, { cycle: LabelledCycle; line: number }>();
  const units = new Map<string, { id: string; line: number }>();
  const objectives = new Map<string, ObjectiveRow & { unitId: string | undefined }>();
  const keyResults: Record<string, unknown>[] = [];
  const checkIns: Record<string, unknown>[] = [];
  const krCount = new Map<string, number>();
  const lineOf = { objectives: [] as number[], keyResults: [] as number[], checkIns: [] as number[], cycles: [] as number[], units: [] as number[] };

  const number = (row: Row, field: Field): { value: unknown; percent: boolean } | null => {
    const raw = cell(row, field);
    if (raw === '') return null;
    const percent = raw.endsWith('%');
    const read = readNumber(percent ? raw.slice(0, -1) : raw);
    if (!read.ok) {
      problems.add(file, row.line, column(field), 'invalid_number', read.message);
      return null;
    }
    return { value: read.value, percent };
  };

  let above = { objective: '', cycle: '', department: '' };
  let done = 0;
  for (const row of sheet.rows) {
    if (options.onProgress !== undefined && ++done % 50_000 === 0) options.onProgress(done, sheet.rows.length);
    const krTitle = cell(row, 'keyResult');
    const own = { objective: cell(row, 'objective'), cycle: cell(row, 'cycle'), department: cell(row, 'department') };
    if (own.objective === '' && krTitle === '') continue;
    const here = {
      objective: own.objective || above.objective,
      cycle: own.cycle || above.cycle,
      department: own.department || above.department,
    };
    above = here;
    if (here.objective === '') {
      problems.add(file, row.line, column('objective'), 'missing', msg('csv.required'));
      continue;
    }
    if (here.cycle === '') {
      problems.add(file, row.line, column('cycle'), 'missing', msg('csv.required'));
      continue;
    }
    const cycle = cycleFromLabel(here.cycle);
    if (cycle === null) {
      problems.add(file, row.line, column('cycle'), 'invalid_value', msg('csv.cycle', { value: here.cycle }));
      continue;
    }
    if (!cycles.has(cycle.id)) cycles.set(cycle.id, { cycle, line: row.line });
    let unitId: string | undefined;
    if (here.department !== '') {
      if (!units.has(here.department)) units.set(here.department, { id: `u${units.size + 1}`, line: row.line });
      unitId = units.get(here.department)!.id;
    }
    const key = `${cycle.id}\u0000${here.department}\u0000${here.objective}`;
    let objective = objectives.get(key);
    if (objective === undefined) {
      const parentTitle = cell(row, 'parent');
      objective = {
        id: `o${objectives.size + 1}`,
        title: here.objective,
        cycle,
        line: row.line,
        parent: parentTitle === '' ? null : { title: parentTitle, line: row.line },
        unitId,
      };
      objectives.set(key, objective);
    }
    if (krTitle === '') continue;

    const k = (krCount.get(objective.id) ?? 0) + 1;
    krCount.set(objective.id, k);
    const id = `${objective.id}-kr${k}`;
    const start = number(row, 'start');
    const target = number(row, 'target');
    const current = number(row, 'current');
    const weight = number(row, 'weight');
    if (target === null && cell(row, 'target') === '') problems.add(file, row.line, column('target'), 'missing', msg('csv.required'));
    const kr: Record<string, unknown> = { id, objectiveId: objective.id, title: krTitle, kind: 'metric', start: start?.value ?? 0, target: target?.value };
    const measure = cell(row, 'measure');
    if (measure !== '') kr.unit = measure;
    else if (start?.percent || target?.percent || current?.percent) kr.unit = '%';
    if (weight !== null) kr.weight = weight.value;
    const owner = cell(row, 'owner');
    if (owner !== '') kr.ownerId = owner;
    keyResults.push(kr);
    lineOf.keyResults.push(row.line);

    if (current !== null) {
      const updated = cell(row, 'updated');
      let at: string;
      if (updated !== '') {
        if (!Timestamp.safeParse(updated).success) {
          problems.add(file, row.line, column('updated'), 'invalid_date', msg('issue.invalidTimestamp'));
          continue;
        }
        at = updated;
      } else if (checkInDate !== undefined) {
        at = checkInDate < cycle.start ? cycle.start : checkInDate > cycle.end ? cycle.end : checkInDate;
      } else {
        problems.add(file, row.line, column('current'), 'missing', msg('csv.checkInDate'));
        continue;
      }
      checkIns.push({ keyResultId: id, at, value: current.value });
      lineOf.checkIns.push(row.line);
    }
  }

  // Parents are named by title: prefer an objective of the same cycle, then any.
  const byTitle = new Map<string, ObjectiveRow[]>();
  for (const o of objectives.values()) byTitle.set(o.title, [...(byTitle.get(o.title) ?? []), o]);
  const objectiveList: Record<string, unknown>[] = [];
  for (const o of objectives.values()) {
    const record: Record<string, unknown> = { id: o.id, title: o.title, cycleId: o.cycle.id };
    if (o.unitId !== undefined) record.unitId = o.unitId;
    if (o.parent !== null) {
      const candidates = (byTitle.get(o.parent.title) ?? []).filter((p) => p.id !== o.id);
      const parent = candidates.find((p) => p.cycle.id === o.cycle.id) ?? candidates[0];
      if (parent === undefined) problems.add(file, o.parent.line, column('parent'), 'unknown_reference', msg('csv.parentObjective', { value: o.parent.title }));
      else record.parentId = parent.id;
    }
    objectiveList.push(record);
    lineOf.objectives.push(o.line);
  }
  problems.throwIfAny();
  for (const c of cycles.values()) lineOf.cycles.push(c.line);
  for (const u of units.values()) lineOf.units.push(u.line);

  const fieldColumn: Readonly<Record<string, Readonly<Record<string, Field>>>> = {
    objectives: { title: 'objective', cycleId: 'cycle', unitId: 'department', parentId: 'parent' },
    keyResults: { title: 'keyResult', start: 'start', target: 'target', weight: 'weight', ownerId: 'owner', unit: 'measure' },
    checkIns: { value: 'current', at: 'updated' },
    cycles: {},
    units: {},
  };
  const locate = (path: readonly (string | number)[]): CsvLocation | null => {
    const [head, i, field] = path;
    if (typeof head !== 'string' || typeof i !== 'number' || !Object.hasOwn(lineOf, head)) return null;
    const line = lineOf[head as keyof typeof lineOf][i];
    if (line === undefined) return null;
    const f = head === 'cycles' ? 'cycle' : head === 'units' ? 'department' : typeof field === 'string' ? fieldColumn[head]?.[field] : undefined;
    return { file, line, column: f === undefined ? null : column(f) };
  };
  const input = {
    cycles: [...cycles.values()].map((c) => ({ ...c.cycle })),
    units: [...units.entries()].map(([name, u]) => ({ id: u.id, name, level: 'department' as const })),
    objectives: objectiveList,
    keyResults,
    checkIns,
  };
  return { input: input as PlanInput, locate };
}
