import type { Locale } from '../index.js';
import { Dec } from '../_lib/numeric.js';
import { cycleFromLabel } from '../csv/cycle-label.js';
import { isRecord } from '../csv/extra.js';
import { exactDouble, typedDate, type Out } from './style.js';

// The flat sheet a consultant reads: a row per key result (or per objective without one),
// the layout readPlanSheet reads. A plan fits it when every key result is a metric one on
// an objective and every objective's cycle is named like `Q3 2026`.

/** The flat sheet's headers in each language, in the order of its columns; each is one `readPlanSheet` knows. */
export const FLAT_HEADERS: Readonly<Record<Locale, readonly string[]>> = {
  en: ['Objective', 'Key result', 'Start', 'Target', 'Current', 'Measure', 'Weight', 'Owner', 'Cycle', 'Department', 'Parent objective', 'Updated'],
  vi: ['Mục tiêu', 'Kết quả then chốt', 'Bắt đầu', 'Chỉ tiêu', 'Hiện tại', 'Đơn vị tính', 'Trọng số', 'Người phụ trách', 'Chu kỳ', 'Phòng ban', 'Mục tiêu cấp trên', 'Ngày cập nhật'],
};

/** The flat sheet's name in each language. */
export const FLAT_SHEET: Readonly<Record<Locale, string>> = { en: 'OKRs', vi: 'Bảng OKR' };

/** The columns of the flat sheet that offer drop-down lists (by index): measure, owner, cycle, department. */
export const FLAT_LISTS: readonly number[] = [5, 7, 8, 9];

type Rec = Readonly<Record<string, unknown>>;

const list = (plan: Rec, name: string): Rec[] => {
  const value = plan[name];
  return Array.isArray(value) ? value.filter(isRecord) : [];
};
const str = (r: Rec, name: string): string => (typeof r[name] === 'string' ? String(r[name]) : '');

/** A number of the flat sheet: typed when a double holds it and Excel keeps it; else its text, written so the sheet reader cannot take it for grouped thousands. */
function numberOut(value: unknown): Out | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const text = String(value);
  const n = exactDouble(text);
  if (n !== null) return n;
  let plain: string;
  try {
    plain = new Dec(text).toFixed();
  } catch {
    return undefined;
  }
  return /\.\d{3}$/.test(plain) ? `${plain}0` : plain;
}

/** The label of a cycle that the sheet reader reads back to the same dates: its name, else its id; null for none. */
function cycleLabel(cycle: Rec | undefined): string | null {
  if (cycle === undefined) return null;
  for (const label of [str(cycle, 'name'), str(cycle, 'id')]) {
    const read = label === '' ? null : cycleFromLabel(label);
    if (read !== null && read.start === cycle.start && read.end === cycle.end) return label;
  }
  return null;
}

/** The index of the latest check-in of each key result with a number value. */
function latestCheckIns(plan: Rec): Map<string, number> {
  const checkIns = list(plan, 'checkIns');
  const latest = new Map<string, number>();
  checkIns.forEach((c, i) => {
    const id = str(c, 'keyResultId');
    const known = latest.get(id);
    const knownAt = known === undefined ? undefined : checkIns[known];
    if (numberOut(c.value) !== undefined && (knownAt === undefined || str(c, 'at') >= str(knownAt, 'at'))) latest.set(id, i);
  });
  return latest;
}

/** A key result's cells of its row; its owner is its own, else its objective's (as okrkit's people reports count it). */
function keyResultCells(kr: Rec, objectiveOwner: string, checkIn: Rec | undefined): Out[] | null {
  const kind = kr.kind ?? 'metric';
  const start = kr.start === undefined ? 0 : numberOut(kr.start);
  const target = numberOut(kr.target);
  if (kind !== 'metric' || start === undefined || target === undefined) return null;
  const weight = kr.weight === 'target' ? 'target' : kr.weight === undefined ? null : (numberOut(kr.weight) ?? null);
  const at = checkIn === undefined ? '' : str(checkIn, 'at');
  return [
    str(kr, 'title'), start, target, checkIn === undefined ? null : (numberOut(checkIn.value) ?? null),
    str(kr, 'unit') || null, weight, str(kr, 'ownerId') || objectiveOwner || null, typedDate(at) ?? (at || null),
  ];
}

/** Where a flat row's values come from: the indexes of its objective, key result and latest check-in in the plan. */
export interface FlatSource {
  readonly objective: number;
  readonly keyResult: number | null;
  readonly checkIn: number | null;
}

/** The flat sheet of a plan: its rows, and where each row's values come from. */
export interface FlatLayout {
  readonly rows: Out[][];
  readonly sources: FlatSource[];
}

/**
 * The flat sheet's rows of a plan, or null when the plan does not fit the layout: a key
 * result that is not a metric one or has no objective, an objective without a cycle
 * named like `Q3 2026` (or `2026-07`, `2026`…) or whose title is not unique in its cycle and department.
 */
export function flatLayout(plan: Rec): FlatLayout | null {
  const cycles = new Map(list(plan, 'cycles').map((c) => [str(c, 'id'), c]));
  const units = new Map(list(plan, 'units').map((u) => [str(u, 'id'), str(u, 'name') || str(u, 'id')]));
  const objectives = list(plan, 'objectives');
  const titles = new Map(objectives.map((o) => [str(o, 'id'), str(o, 'title')]));
  const keyResults = list(plan, 'keyResults');
  const krsOf = new Map<string, number[]>();
  keyResults.forEach((kr, i) => krsOf.set(str(kr, 'objectiveId'), [...(krsOf.get(str(kr, 'objectiveId')) ?? []), i]));
  const placed = objectives.reduce((n, o) => n + (krsOf.get(str(o, 'id'))?.length ?? 0), 0);
  if (placed !== keyResults.length) return null;
  const latest = latestCheckIns(plan);
  const checkIns = list(plan, 'checkIns');
  const seen = new Set<string>();
  const layout: FlatLayout = { rows: [], sources: [] };
  for (const [oi, o] of objectives.entries()) {
    const label = cycleLabel(cycles.get(str(o, 'cycleId')));
    const department = units.get(str(o, 'unitId')) ?? '';
    const key = `${label ?? ''}\u0000${department}\u0000${str(o, 'title')}`;
    if (label === null || str(o, 'title') === '' || seen.has(key)) return null;
    seen.add(key);
    const objective = [str(o, 'title'), label, department || null, titles.get(str(o, 'parentId')) || null] as const;
    const krs = (krsOf.get(str(o, 'id')) ?? []).map((ki) => ({ ki, ci: latest.get(str(keyResults[ki] ?? {}, 'id')) ?? null }));
    const cells = krs.map(({ ki, ci }) => keyResultCells(keyResults[ki] ?? {}, str(o, 'ownerId'), ci === null ? undefined : checkIns[ci]));
    if (cells.some((c) => c === null || c[0] === '')) return null;
    if (krs.length === 0) addRow(layout, objective, ['', null, null, null, null, null, null, null], { objective: oi, keyResult: null, checkIn: null });
    krs.forEach(({ ki, ci }, k) => addRow(layout, objective, cells[k] ?? [], { objective: oi, keyResult: ki, checkIn: ci }));
  }
  return layout;
}

function addRow(layout: FlatLayout, objective: readonly [string, string, string | null, string | null], c: readonly Out[], source: FlatSource): void {
  const [title, label, department, parent] = objective;
  const [krTitle, start, target, current, measure, weight, owner, updated] = c;
  layout.rows.push([title, krTitle ?? null, start ?? null, target ?? null, current ?? null, measure ?? null, weight ?? null, owner ?? null, label, department, parent, updated ?? null]);
  layout.sources.push(source);
}

/** The flat sheet's rows of a plan, or null when the plan does not fit the layout (see {@link flatLayout}). */
export const flatRows = (plan: Rec): Out[][] | null => flatLayout(plan)?.rows ?? null;
