-- okrkit's flat plan as PostgreSQL tables (shipped as `okrkit/postgres.sql`).
--
-- One row per record of a plan (see okrkit's `Plan` schema), for many tenants in one
-- database: every table is keyed by (tenant_id, id) and every reference stays inside its
-- tenant (composite foreign keys). The file is idempotent: run it on every start.
-- Works on PostgreSQL 13+ and on PGlite (Postgres in-process); the database must be UTF8.
--
-- How the columns map to the schema:
--   * Numbers a plan carries as `Numeric` (values, starts, targets, weights) are `numeric`,
--     never float: `0.1` stays 0.1, and reading the column back as text gives okrkit the
--     exact decimal. Fields the schema types as plain numbers (confidence, finalScore,
--     progress) are `numeric` too; a loader reads them back with Number().
--   * Dates are `date`; a check-in's or a measurement's `at` is kept as written
--     (`2026-07-01T09:30:00+07:00` keeps its offset, which decides its calendar day) with
--     that calendar `day` beside it for queries.
--   * Ids are non-empty text of at most 256 characters in Unicode's composed form (NFC),
--     as okrkit reads them, so a foreign key matches exactly when okrkit's reference does.
--   * Fields a product seldom queries (links, history, phases, milestones, scoring rules,
--     KPI thresholds) are kept whole in a jsonb `extra` column, keyed by their field name,
--     and the record's own `meta` in `meta`: nothing of a plan is lost.
--   * CHECK constraints repeat the schema where SQL can say it (kinds, enumerations, weights
--     ≥ 0, shares 0–1, date order, the fields each key-result kind needs). What needs the
--     whole plan (cascade loops, units of `target` weights, value links) stays with
--     okrkit's `parsePlan`, which a loader runs on what it reads.
--   * `kind` allows the six built-in key-result kinds; a product with plug-in kinds
--     (`createOkrkit({ kinds })`) drops `key_results_kind_check` and keeps their fields
--     in `extra`.
--   * `seq` (an identity column) keeps the order records were written in: a loader reads
--     `order by seq`, so plan order (which decides ties and the order of results) survives.
--   * Foreign keys inside a tenant are DEFERRABLE INITIALLY DEFERRED: a whole plan can be
--     written in one transaction in any order, and is checked at commit.

-- Identifiers: okrkit's `Id` (1 to 256 characters), in NFC.
do $$ begin
  create domain okr_id as text
    check (value <> '' and char_length(value) <= 256 and value is nfc normalized);
exception when duplicate_object then null; end $$;

-- Relative weights: zero or more (okrkit's `Weight`).
do $$ begin
  create domain okr_weight as numeric check (value >= 0);
exception when duplicate_object then null; end $$;

-- Shares from 0 to 1 (okrkit's `Fraction`, `FinalScore`).
do $$ begin
  create domain okr_share as numeric check (value >= 0 and value <= 1);
exception when duplicate_object then null; end $$;

-- Where the OKR process has an objective or a key result (okrkit's `OkrState`).
do $$ begin
  create domain okr_state as text
    check (value in ('draft', 'proposed', 'approved', 'active', 'closed'));
exception when duplicate_object then null; end $$;

-- A timestamp as okrkit takes it: a date, or an ISO date-time with an offset.
do $$ begin
  create domain okr_timestamp as text
    check (value ~ '^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$');
exception when duplicate_object then null; end $$;

-- One row per tenant: the plan's own `name` and `meta`.
create table if not exists tenants (
  id okr_id primary key,
  name text,
  meta jsonb check (meta is null or jsonb_typeof(meta) = 'object')
);

-- Cycles: periods objectives live in; `end` is inclusive, a child lies in its parent.
create table if not exists cycles (
  tenant_id okr_id not null references tenants (id) on delete cascade,
  id okr_id not null,
  seq bigint generated always as identity,
  name text not null,
  start_date date not null,
  end_date date not null,
  parent_id okr_id,
  state text check (state in ('draft', 'active', 'grading', 'closed')),
  meta jsonb check (meta is null or jsonb_typeof(meta) = 'object'),
  primary key (tenant_id, id),
  check (end_date >= start_date),
  foreign key (tenant_id, parent_id) references cycles (tenant_id, id) deferrable initially deferred
);

-- Org units: the company, departments, teams, people.
create table if not exists units (
  tenant_id okr_id not null references tenants (id) on delete cascade,
  id okr_id not null,
  seq bigint generated always as identity,
  name text not null,
  level text not null check (level in ('company', 'department', 'team', 'individual')),
  parent_id okr_id,
  meta jsonb check (meta is null or jsonb_typeof(meta) = 'object'),
  primary key (tenant_id, id),
  foreign key (tenant_id, parent_id) references units (tenant_id, id) deferrable initially deferred
);

-- Objectives. `weight_by_target` is okrkit's weight 'target' (then `weight` is null).
-- `extra` holds `links` and `history`.
create table if not exists objectives (
  tenant_id okr_id not null references tenants (id) on delete cascade,
  id okr_id not null,
  seq bigint generated always as identity,
  title text not null,
  cycle_id okr_id not null,
  unit_id okr_id,
  owner_id okr_id,
  commitment text check (commitment in ('committed', 'aspirational')),
  parent_id okr_id,
  weight okr_weight,
  weight_by_target boolean not null default false,
  rollup text check (rollup in ('keyResults', 'children', 'both')),
  initiative_weight okr_weight,
  final_score okr_share,
  carried_from okr_id,
  state okr_state,
  description text,
  extra jsonb not null default '{}' check (jsonb_typeof(extra) = 'object'),
  meta jsonb check (meta is null or jsonb_typeof(meta) = 'object'),
  primary key (tenant_id, id),
  check (not (weight_by_target and weight is not null)),
  check (parent_id is distinct from id),
  foreign key (tenant_id, cycle_id) references cycles (tenant_id, id) deferrable initially deferred,
  foreign key (tenant_id, unit_id) references units (tenant_id, id) deferrable initially deferred,
  foreign key (tenant_id, parent_id) references objectives (tenant_id, id) deferrable initially deferred
);
create index if not exists objectives_cycle on objectives (tenant_id, cycle_id);
create index if not exists objectives_parent on objectives (tenant_id, parent_id);

-- KPIs: target (polarity and value, or a range), timeframe (a cycle or dates), data
-- source and frequency. `extra` holds `thresholds` and `scoring`.
create table if not exists kpis (
  tenant_id okr_id not null references tenants (id) on delete cascade,
  id okr_id not null,
  seq bigint generated always as identity,
  name text not null,
  description text,
  unit text,
  polarity text not null check (polarity in ('higher', 'lower', 'range')),
  target_value numeric,
  baseline numeric,
  target_min numeric,
  target_max numeric,
  cycle_id okr_id,
  start_date date,
  end_date date,
  data_source_name text not null check (data_source_name <> ''),
  data_source_kind text,
  data_source_ref text,
  frequency text not null check (frequency in ('daily', 'weekly', 'monthly', 'quarterly', 'yearly')),
  aggregation text check (aggregation in ('sum', 'average', 'last', 'min', 'max', 'count')),
  indicator text check (indicator in ('leading', 'lagging')),
  perspective text check (perspective in ('financial', 'customer', 'internal', 'learning')),
  unit_id okr_id,
  owner_id okr_id,
  weight okr_weight,
  week_starts_on smallint check (week_starts_on between 0 and 6),
  extra jsonb not null default '{}' check (jsonb_typeof(extra) = 'object'),
  meta jsonb check (meta is null or jsonb_typeof(meta) = 'object'),
  primary key (tenant_id, id),
  check (case polarity
    when 'range' then target_min is not null and target_max is not null and target_value is null and baseline is null
    else target_value is not null and target_min is null and target_max is null end),
  -- A timeframe is a cycle or two dates, never both.
  check ((cycle_id is not null and start_date is null and end_date is null)
    or (cycle_id is null and start_date is not null and end_date is not null and end_date >= start_date)),
  foreign key (tenant_id, cycle_id) references cycles (tenant_id, id) deferrable initially deferred,
  foreign key (tenant_id, unit_id) references units (tenant_id, id) deferrable initially deferred
);

-- Key results, one of six kinds, each with the columns it needs:
--   metric: start, target (≠ start), optional aggregate; threshold: comparator, level
--   (the schema's `value`), inclusive, measure; range: min ≤ max, tolerance, measure;
--   baseline: optional start; milestones: `extra.milestones`; binary: nothing more.
-- `extra` holds `links`, `history`, `phases`, `milestones` and `scoring`.
create table if not exists key_results (
  tenant_id okr_id not null references tenants (id) on delete cascade,
  id okr_id not null,
  seq bigint generated always as identity,
  objective_id okr_id not null,
  title text not null,
  kind text not null,
  weight okr_weight,
  weight_by_target boolean not null default false,
  unit text,
  value_from text check (value_from in ('latest', 'sum', 'average', 'min', 'max')),
  source_kpi_id okr_id,
  final_score okr_share,
  owner_id okr_id,
  carried_from okr_id,
  state okr_state,
  description text,
  start_value numeric,
  target_value numeric,
  aggregate text check (aggregate in ('latest', 'sum', 'average', 'min', 'max')),
  comparator text check (comparator in ('atLeast', 'atMost')),
  level numeric,
  inclusive boolean,
  min_value numeric,
  max_value numeric,
  tolerance numeric,
  measure text check (measure in ('current', 'shareOfCheckIns')),
  extra jsonb not null default '{}' check (jsonb_typeof(extra) = 'object'),
  meta jsonb check (meta is null or jsonb_typeof(meta) = 'object'),
  primary key (tenant_id, id),
  constraint key_results_kind_check
    check (kind in ('metric', 'threshold', 'range', 'binary', 'milestones', 'baseline')),
  check (not (weight_by_target and weight is not null)),
  check (kind <> 'metric' or (start_value is not null and target_value is not null and target_value <> start_value)),
  check (kind <> 'threshold' or (comparator is not null and level is not null)),
  check (kind <> 'range' or (min_value is not null and max_value is not null and min_value <= max_value)),
  check (kind <> 'milestones' or jsonb_typeof(extra -> 'milestones') = 'array'),
  check (aggregate is null or kind = 'metric'),
  foreign key (tenant_id, objective_id) references objectives (tenant_id, id) deferrable initially deferred,
  foreign key (tenant_id, source_kpi_id) references kpis (tenant_id, id) deferrable initially deferred
);
create index if not exists key_results_objective on key_results (tenant_id, objective_id);

-- Initiatives: work on a key result or an objective.
create table if not exists initiatives (
  tenant_id okr_id not null references tenants (id) on delete cascade,
  id okr_id not null,
  seq bigint generated always as identity,
  title text not null,
  key_result_id okr_id,
  objective_id okr_id,
  status text not null check (status in ('planned', 'inProgress', 'done', 'blocked')),
  owner_id okr_id,
  due date,
  progress okr_share,
  meta jsonb check (meta is null or jsonb_typeof(meta) = 'object'),
  primary key (tenant_id, id),
  foreign key (tenant_id, key_result_id) references key_results (tenant_id, id) deferrable initially deferred,
  foreign key (tenant_id, objective_id) references objectives (tenant_id, id) deferrable initially deferred
);

-- Check-ins. okrkit's `id` is optional; a database row needs one, so a writer makes one
-- (the default is a random UUID). `at` as written; `day` the calendar date it counts on.
create table if not exists check_ins (
  tenant_id okr_id not null references tenants (id) on delete cascade,
  id okr_id not null default gen_random_uuid()::text,
  seq bigint generated always as identity,
  key_result_id okr_id not null,
  at okr_timestamp not null,
  day date not null,
  value numeric,
  done boolean,
  confidence okr_share,
  note text,
  author_id okr_id,
  meta jsonb check (meta is null or jsonb_typeof(meta) = 'object'),
  primary key (tenant_id, id),
  check (left(at, 10) = to_char(day, 'YYYY-MM-DD')),
  foreign key (tenant_id, key_result_id) references key_results (tenant_id, id) deferrable initially deferred
);
-- A key result's check-ins by date: what measuring one key result (and a cycle) reads.
create index if not exists check_ins_key_result on check_ins (tenant_id, key_result_id, day);

-- KPI measurements. okrkit's measurements have no id: the row's id is the database's own.
create table if not exists measurements (
  tenant_id okr_id not null references tenants (id) on delete cascade,
  id okr_id not null default gen_random_uuid()::text,
  seq bigint generated always as identity,
  kpi_id okr_id not null,
  at okr_timestamp not null,
  day date not null,
  value numeric not null,
  note text,
  source text,
  meta jsonb check (meta is null or jsonb_typeof(meta) = 'object'),
  primary key (tenant_id, id),
  check (left(at, 10) = to_char(day, 'YYYY-MM-DD')),
  foreign key (tenant_id, kpi_id) references kpis (tenant_id, id) deferrable initially deferred
);
create index if not exists measurements_kpi on measurements (tenant_id, kpi_id, day);

-- The last evaluation stored for a tenant: the date it was judged at and its cap.
create table if not exists evaluations (
  tenant_id okr_id primary key references tenants (id) on delete cascade,
  as_of date,
  cap double precision not null,
  evaluated_at timestamptz not null default now()
);

-- Scores, one row per objective and per key result, as `evaluateColumns` (or a live
-- evaluation's changed records) give them. Scores are doubles computed by okrkit, so they
-- are `double precision`: PostgreSQL returns a float8 bit for bit, and a stored score
-- equals okrkit's. Missing numbers are NULL (the `has…` columns of evaluateColumns).
create table if not exists objective_scores (
  tenant_id okr_id not null,
  objective_id okr_id not null,
  score double precision,
  computed_score double precision,
  expected double precision not null,
  status text not null check (status in ('notStarted', 'noData', 'achieved', 'onTrack', 'atRisk', 'offTrack')),
  confidence double precision check (confidence between 0 and 1),
  grade text check (grade in ('green', 'yellow', 'red')),
  primary key (tenant_id, objective_id),
  foreign key (tenant_id, objective_id) references objectives (tenant_id, id) on delete cascade
);
-- A tenant's objectives worst first: the dashboard's query.
create index if not exists objective_scores_status on objective_scores (tenant_id, status);

create table if not exists key_result_scores (
  tenant_id okr_id not null,
  key_result_id okr_id not null,
  value double precision,
  raw double precision,
  progress double precision,
  score double precision,
  expected double precision not null,
  status text check (status in ('notStarted', 'noData', 'achieved', 'onTrack', 'atRisk', 'offTrack')),
  confidence double precision check (confidence between 0 and 1),
  grade text check (grade in ('green', 'yellow', 'red')),
  check_ins integer not null check (check_ins >= 0),
  last_check_in date,
  primary key (tenant_id, key_result_id),
  check ((raw is null) = (progress is null) and (progress is null) = (score is null)),
  foreign key (tenant_id, key_result_id) references key_results (tenant_id, id) on delete cascade
);
