import * as z from 'zod/v4';
import { CheckIn } from './check-in.js';
import { Cycle } from './cycle.js';
import { Initiative } from './initiative.js';
import { Kpi, Measurement } from './kpi.js';
import { KeyResult } from './key-result.js';
import { Objective } from './objective.js';
import { Meta, Text } from './primitives.js';
import { Unit } from './unit.js';

/**
 * One plan: flat arrays of records joined by ids, as a product stores them in its
 * database. Every array may be left out and reads as empty.
 *
 * @example
 * Plan.parse({ cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }] })
 * //=> { cycles: [ … ], units: [], objectives: [], keyResults: [], initiatives: [], checkIns: [], kpis: [], measurements: [] }
 * @category Schemas
 */
export const Plan = /*@__PURE__*/ z.strictObject({
  name: Text.optional(),
  cycles: z.array(Cycle).default([]),
  units: z.array(Unit).default([]),
  objectives: z.array(Objective).default([]),
  keyResults: z.array(KeyResult).default([]),
  initiatives: z.array(Initiative).default([]),
  checkIns: z.array(CheckIn).default([]),
  kpis: z.array(Kpi).default([]),
  measurements: z.array(Measurement).default([]),
  meta: Meta.optional(),
});
/** A validated plan, with every array present. @category Schemas */
export type Plan = z.infer<typeof Plan>;
/** A plan as it may be written: arrays may be left out. @category Schemas */
export type PlanInput = z.input<typeof Plan>;

/** The record arrays of a plan, with the schema of one element each. */
export const PLAN_COLLECTIONS = {
  cycles: Cycle,
  units: Unit,
  objectives: Objective,
  keyResults: KeyResult,
  initiatives: Initiative,
  checkIns: CheckIn,
  kpis: Kpi,
  measurements: Measurement,
} as const;
