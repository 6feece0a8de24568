/**
 * The table layout: one CSV file per plan collection, one column per field. Nested
 * objects become dotted columns (`target.value`); lists and free-form objects are JSON
 * text in one cell. Anything a record holds beyond these columns (a plug-in kind's own
 * fields, say) travels in the `extra` column as JSON, so no field is ever lost.
 */

/** How a cell is written and read back. */
export type CellType = 'text' | 'number' | 'weight' | 'boolean' | 'json';

export interface Column {
  /** The column's header and the field's dotted path in the record. */
  readonly name: string;
  readonly type: CellType;
}

export interface TableLayout {
  /** The plan collection this table holds; `plan` for the plan's own fields. */
  readonly collection: 'plan' | 'cycles' | 'units' | 'objectives' | 'keyResults' | 'initiatives' | 'checkIns' | 'kpis' | 'measurements';
  readonly file: string;
  readonly columns: readonly Column[];
}

const t = (name: string): Column => ({ name, type: 'text' });
const n = (name: string): Column => ({ name, type: 'number' });
const b = (name: string): Column => ({ name, type: 'boolean' });
const j = (name: string): Column => ({ name, type: 'json' });
const w = (name: string): Column => ({ name, type: 'weight' });

/** The column that carries whatever the named columns do not. */
export const EXTRA = 'extra';

/** Every table, in the order a plan is written. */
export const TABLES: readonly TableLayout[] = [
  { collection: 'plan', file: 'plan.csv', columns: [t('name'), j('meta')] },
  { collection: 'cycles', file: 'cycles.csv', columns: [t('id'), t('name'), t('start'), t('end'), t('parentId'), t('state'), j('meta')] },
  { collection: 'units', file: 'units.csv', columns: [t('id'), t('name'), t('level'), t('parentId'), j('meta')] },
  {
    collection: 'objectives',
    file: 'objectives.csv',
    columns: [
      t('id'), t('title'), t('cycleId'), t('unitId'), t('ownerId'), t('parentId'), w('weight'), t('commitment'),
      t('rollup'), n('initiativeWeight'), n('finalScore'), t('carriedFrom'), t('description'), j('links'), t('state'), j('history'), j('meta'),
    ],
  },
  {
    collection: 'keyResults',
    file: 'key-results.csv',
    columns: [
      t('id'), t('objectiveId'), t('title'), t('kind'), n('start'), n('target'), t('unit'), w('weight'), t('ownerId'),
      t('comparator'), n('value'), b('inclusive'), t('measure'), n('min'), n('max'), n('tolerance'), t('valueFrom'),
      t('source.kpiId'), t('aggregate'), n('finalScore'), t('carriedFrom'), t('description'), j('scoring'), j('phases'), j('milestones'),
      j('links'), t('state'), j('history'), j('meta'),
    ],
  },
  {
    collection: 'initiatives',
    file: 'initiatives.csv',
    columns: [t('id'), t('title'), t('keyResultId'), t('objectiveId'), t('status'), t('ownerId'), t('due'), n('progress'), j('meta')],
  },
  {
    collection: 'checkIns',
    file: 'check-ins.csv',
    columns: [t('id'), t('keyResultId'), t('at'), n('value'), b('done'), n('confidence'), t('note'), t('authorId'), j('meta')],
  },
  {
    collection: 'kpis',
    file: 'kpis.csv',
    columns: [
      t('id'), t('name'), t('unit'), t('target.polarity'), n('target.value'), n('target.baseline'), n('target.min'), n('target.max'),
      t('timeframe.cycleId'), t('timeframe.start'), t('timeframe.end'), t('dataSource.name'), t('dataSource.kind'), t('dataSource.ref'),
      t('frequency'), t('aggregation'), t('unitId'), t('ownerId'), n('weight'), t('perspective'), t('indicator'), n('weekStartsOn'),
      t('description'), j('thresholds'), j('scoring'), j('meta'),
    ],
  },
  { collection: 'measurements', file: 'measurements.csv', columns: [t('kpiId'), t('at'), n('value'), t('note'), t('source'), j('meta')] },
];
