// Scores into the database. A whole evaluation goes in through `evaluateColumns` (typed
// arrays, one row per objective and key result: made for bulk writes); a live check-in
// writes only the records it changed. Both become the same rows, written by one upsert.
import { GRADE_CODES, STATUS_CODES, type EvaluationChanges, type EvaluationColumns, type KeyResultEvaluation, type ObjectiveEvaluation } from 'okrkit';
import type { Queryable } from './db.js';

/** One row of objective_scores. */
export interface ObjectiveScoreRow {
  readonly objective_id: string;
  readonly score: number | null;
  readonly computed_score: number | null;
  readonly expected: number;
  readonly status: string;
  readonly confidence: number | null;
  readonly grade: string | null;
}

/** One row of key_result_scores. */
export interface KeyResultScoreRow {
  readonly key_result_id: string;
  readonly value: number | null;
  readonly raw: number | null;
  readonly progress: number | null;
  readonly score: number | null;
  readonly expected: number;
  readonly status: string | null;
  readonly confidence: number | null;
  readonly grade: string | null;
  readonly check_ins: number;
  readonly last_check_in: string | null;
}

const at = (xs: ArrayLike<number>, i: number): number => xs[i] ?? 0;
const when = (has: ArrayLike<number>, xs: ArrayLike<number>, i: number): number | null => (at(has, i) === 1 ? at(xs, i) : null);
const statusOf = (code: number): string | null => STATUS_CODES[code] ?? null;
const gradeOf = (code: number): string | null => GRADE_CODES[code] ?? null;

/** The rows of a whole evaluation, from `evaluateColumns`. */
export function rowsOfColumns(columns: EvaluationColumns): { objectives: ObjectiveScoreRow[]; keyResults: KeyResultScoreRow[] } {
  const o = columns.objectives;
  const k = columns.keyResults;
  const objectives = o.id.map((id, i) => ({
    objective_id: id,
    score: when(o.hasScore, o.score, i),
    computed_score: when(o.hasComputedScore, o.computedScore, i),
    expected: at(o.expected, i),
    status: statusOf(at(o.status, i)) ?? 'noData',
    confidence: when(o.hasConfidence, o.confidence, i),
    grade: gradeOf(at(o.grade, i)),
  }));
  const keyResults = k.id.map((id, j) => ({
    key_result_id: id,
    value: when(k.hasValue, k.value, j),
    raw: when(k.hasProgress, k.raw, j),
    progress: when(k.hasProgress, k.progress, j),
    score: when(k.hasProgress, k.score, j),
    expected: at(k.expected, j),
    status: statusOf(at(k.status, j)),
    confidence: when(k.hasConfidence, k.confidence, j),
    grade: gradeOf(at(k.grade, j)),
    check_ins: at(k.checkIns, j),
    last_check_in: k.lastCheckIn[j] ?? null,
  }));
  return { objectives, keyResults };
}

/** The row of one objective's record (from `evaluate` or a live evaluation). */
export function objectiveRow(r: ObjectiveEvaluation): ObjectiveScoreRow {
  return { objective_id: r.objectiveId, score: r.score, computed_score: r.computedScore, expected: r.expected, status: r.status, confidence: r.confidence, grade: r.grade };
}

/** The row of one key result's record. */
export function keyResultRow(r: KeyResultEvaluation): KeyResultScoreRow {
  return {
    key_result_id: r.keyResultId, value: r.value, raw: r.raw, progress: r.progress, score: r.score, expected: r.expected,
    status: r.status, confidence: r.confidence, grade: r.grade, check_ins: r.checkIns, last_check_in: r.lastCheckIn,
  };
}

/** The rows of what a live check-in changed. */
export function rowsOfChanges(changes: EvaluationChanges): { objectives: ObjectiveScoreRow[]; keyResults: KeyResultScoreRow[] } {
  return { objectives: Object.values(changes.objectives).map(objectiveRow), keyResults: Object.values(changes.keyResults).map(keyResultRow) };
}

// One statement per table whatever the number of rows: the rows travel as one JSON
// parameter. JSON numbers are the shortest text of each double, which float8 reads back
// to the same double.
const UPSERT_OBJECTIVES = `
insert into objective_scores (tenant_id, objective_id, score, computed_score, expected, status, confidence, grade)
select $1::text, r.objective_id, r.score, r.computed_score, r.expected, r.status, r.confidence, r.grade
from jsonb_to_recordset($2::text::jsonb) as r(objective_id text, score float8, computed_score float8, expected float8, status text, confidence float8, grade text)
on conflict (tenant_id, objective_id) do update set score = excluded.score, computed_score = excluded.computed_score,
  expected = excluded.expected, status = excluded.status, confidence = excluded.confidence, grade = excluded.grade`;

const UPSERT_KEY_RESULTS = `
insert into key_result_scores (tenant_id, key_result_id, value, raw, progress, score, expected, status, confidence, grade, check_ins, last_check_in)
select $1::text, r.key_result_id, r.value, r.raw, r.progress, r.score, r.expected, r.status, r.confidence, r.grade, r.check_ins, r.last_check_in
from jsonb_to_recordset($2::text::jsonb) as r(key_result_id text, value float8, raw float8, progress float8, score float8, expected float8,
  status text, confidence float8, grade text, check_ins integer, last_check_in date)
on conflict (tenant_id, key_result_id) do update set value = excluded.value, raw = excluded.raw, progress = excluded.progress,
  score = excluded.score, expected = excluded.expected, status = excluded.status, confidence = excluded.confidence,
  grade = excluded.grade, check_ins = excluded.check_ins, last_check_in = excluded.last_check_in`;

/** Writes (inserts or updates) score rows of a tenant. */
export async function upsertScores(tx: Queryable, tenant: string, rows: { objectives: readonly ObjectiveScoreRow[]; keyResults: readonly KeyResultScoreRow[] }): Promise<void> {
  if (rows.objectives.length > 0) await tx.query(UPSERT_OBJECTIVES, [tenant, JSON.stringify(rows.objectives)]);
  if (rows.keyResults.length > 0) await tx.query(UPSERT_KEY_RESULTS, [tenant, JSON.stringify(rows.keyResults)]);
}

/** Replaces a tenant's scores with a whole evaluation and records when it was judged. */
export async function replaceScores(tx: Queryable, tenant: string, columns: EvaluationColumns): Promise<void> {
  await tx.query('delete from objective_scores where tenant_id = $1::text', [tenant]);
  await tx.query('delete from key_result_scores where tenant_id = $1::text', [tenant]);
  await upsertScores(tx, tenant, rowsOfColumns(columns));
  await recordEvaluation(tx, tenant, columns.asOf, columns.cap);
}

/** Notes the date and cap of the tenant's stored scores. */
export async function recordEvaluation(tx: Queryable, tenant: string, asOf: string | null, cap: number): Promise<void> {
  await tx.query(
    `insert into evaluations (tenant_id, as_of, cap) values ($1::text, $2::text::date, $3::text::float8)
     on conflict (tenant_id) do update set as_of = excluded.as_of, cap = excluded.cap, evaluated_at = now()`,
    [tenant, asOf, String(cap)],
  );
}

/** A tenant's stored scores, ordered by id (what the tests compare with `evaluate`). */
export async function readScores(db: Queryable, tenant: string): Promise<{ objectives: ObjectiveScoreRow[]; keyResults: KeyResultScoreRow[] }> {
  const objectives = await db.query(
    `select objective_id, score, computed_score, expected, status, confidence, grade
     from objective_scores where tenant_id = $1::text order by objective_id`, [tenant]);
  const keyResults = await db.query(
    `select key_result_id, value, raw, progress, score, expected, status, confidence, grade, check_ins,
       to_char(last_check_in, 'YYYY-MM-DD') as last_check_in
     from key_result_scores where tenant_id = $1::text order by key_result_id`, [tenant]);
  return { objectives: objectives.map(objectiveFrom), keyResults: keyResults.map(keyResultFrom) };
}

const num = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);

function objectiveFrom(r: Readonly<Record<string, unknown>>): ObjectiveScoreRow {
  return {
    objective_id: String(r.objective_id), score: num(r.score), computed_score: num(r.computed_score), expected: Number(r.expected),
    status: String(r.status), confidence: num(r.confidence), grade: str(r.grade),
  };
}

function keyResultFrom(r: Readonly<Record<string, unknown>>): KeyResultScoreRow {
  return {
    key_result_id: String(r.key_result_id), value: num(r.value), raw: num(r.raw), progress: num(r.progress), score: num(r.score),
    expected: Number(r.expected), status: str(r.status), confidence: num(r.confidence), grade: str(r.grade),
    check_ins: Number(r.check_ins), last_check_in: str(r.last_check_in),
  };
}
