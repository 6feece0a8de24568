// How okrkit's plan records map to the tables of okrkit/postgres.sql: one entry per
// collection, one per column. A field without a column (links, history, phases,
// milestones, scoring, KPI thresholds, a plug-in kind's own fields) goes into the row's
// jsonb `extra`, so nothing of a plan is lost on the way through the database.

/**
 * How a field is written and read back:
 * - `text`: as is;
 * - `exact`: okrkit's `Numeric` (a number or a decimal string) into `numeric`, read back
 *   as the decimal string PostgreSQL prints, so no digit is lost;
 * - `number`: a field okrkit types as a plain number, into `numeric`, read with Number();
 * - `int`, `date` (`YYYY-MM-DD`), `bool`, `json` (jsonb);
 * - `weight`: okrkit's weight, a number or 'target' (then `weight_by_target`).
 */
export type Conversion = 'text' | 'exact' | 'number' | 'int' | 'date' | 'bool' | 'json' | 'weight';

export interface Column {
  readonly column: string;
  /** Where the field is in the record: `['target', 'value']` is `record.target.value`. */
  readonly path: readonly string[];
  readonly as: Conversion;
}

export type Collection = 'cycles' | 'units' | 'objectives' | 'keyResults' | 'initiatives' | 'checkIns' | 'kpis' | 'measurements';

export interface Table {
  readonly table: string;
  readonly collection: Collection;
  readonly columns: readonly Column[];
  /** Whether the table has an `extra` column for the fields without one. */
  readonly extra: boolean;
  /** Whether the row has a `day` column: the calendar date of `at`. */
  readonly day: boolean;
}

const col = (column: string, path: string | readonly string[], as: Conversion = 'text'): Column => ({
  column,
  path: typeof path === 'string' ? [path] : path,
  as,
});
const id = col('id', 'id');
const meta = col('meta', 'meta', 'json');

/** Every collection of a plan, in an order that writes what is referred to first. */
export const TABLES: readonly Table[] = [
  {
    table: 'cycles', collection: 'cycles', extra: false, day: false,
    columns: [id, col('name', 'name'), col('start_date', 'start', 'date'), col('end_date', 'end', 'date'), col('parent_id', 'parentId'), col('state', 'state'), meta],
  },
  {
    table: 'units', collection: 'units', extra: false, day: false,
    columns: [id, col('name', 'name'), col('level', 'level'), col('parent_id', 'parentId'), meta],
  },
  {
    table: 'objectives', collection: 'objectives', extra: true, day: false,
    columns: [
      id, col('title', 'title'), col('cycle_id', 'cycleId'), col('unit_id', 'unitId'), col('owner_id', 'ownerId'),
      col('commitment', 'commitment'), col('parent_id', 'parentId'), col('weight', 'weight', 'weight'), col('rollup', 'rollup'),
      col('initiative_weight', 'initiativeWeight', 'exact'), col('final_score', 'finalScore', 'number'),
      col('carried_from', 'carriedFrom'), col('state', 'state'), col('description', 'description'), meta,
    ],
  },
  {
    table: 'kpis', collection: 'kpis', extra: true, day: false,
    columns: [
      id, col('name', 'name'), col('description', 'description'), col('unit', 'unit'),
      col('polarity', ['target', 'polarity']), col('target_value', ['target', 'value'], 'exact'), col('baseline', ['target', 'baseline'], 'exact'),
      col('target_min', ['target', 'min'], 'exact'), col('target_max', ['target', 'max'], 'exact'),
      col('cycle_id', ['timeframe', 'cycleId']), col('start_date', ['timeframe', 'start'], 'date'), col('end_date', ['timeframe', 'end'], 'date'),
      col('data_source_name', ['dataSource', 'name']), col('data_source_kind', ['dataSource', 'kind']), col('data_source_ref', ['dataSource', 'ref']),
      col('frequency', 'frequency'), col('aggregation', 'aggregation'), col('indicator', 'indicator'), col('perspective', 'perspective'),
      col('unit_id', 'unitId'), col('owner_id', 'ownerId'), col('weight', 'weight', 'exact'), col('week_starts_on', 'weekStartsOn', 'int'), meta,
    ],
  },
  {
    table: 'key_results', collection: 'keyResults', extra: true, day: false,
    columns: [
      id, col('objective_id', 'objectiveId'), col('title', 'title'), col('kind', 'kind'), col('weight', 'weight', 'weight'),
      col('unit', 'unit'), col('value_from', 'valueFrom'), col('source_kpi_id', ['source', 'kpiId']), col('final_score', 'finalScore', 'number'),
      col('owner_id', 'ownerId'), col('carried_from', 'carriedFrom'), col('state', 'state'), col('description', 'description'),
      col('start_value', 'start', 'exact'), col('target_value', 'target', 'exact'), col('aggregate', 'aggregate'),
      col('comparator', 'comparator'), col('level', 'value', 'exact'), col('inclusive', 'inclusive', 'bool'),
      col('min_value', 'min', 'exact'), col('max_value', 'max', 'exact'), col('tolerance', 'tolerance', 'exact'), col('measure', 'measure'), meta,
    ],
  },
  {
    table: 'initiatives', collection: 'initiatives', extra: false, day: false,
    columns: [
      id, col('title', 'title'), col('key_result_id', 'keyResultId'), col('objective_id', 'objectiveId'), col('status', 'status'),
      col('owner_id', 'ownerId'), col('due', 'due', 'date'), col('progress', 'progress', 'number'), meta,
    ],
  },
  {
    table: 'check_ins', collection: 'checkIns', extra: false, day: true,
    columns: [
      id, col('key_result_id', 'keyResultId'), col('at', 'at'), col('value', 'value', 'exact'), col('done', 'done', 'bool'),
      col('confidence', 'confidence', 'number'), col('note', 'note'), col('author_id', 'authorId'), meta,
    ],
  },
  {
    // okrkit's measurements have no id: the database makes one, which the plan never sees.
    table: 'measurements', collection: 'measurements', extra: false, day: true,
    columns: [col('kpi_id', 'kpiId'), col('at', 'at'), col('value', 'value', 'exact'), col('note', 'note'), col('source', 'source'), meta],
  },
];
