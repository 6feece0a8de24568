import * as z from 'zod/v4';
import { Plan } from './plan.js';

/**
 * The plan's JSON Schema (draft 2020-12), generated from okrkit's zod schemas, for code
 * that does not run TypeScript: form builders, other languages, API gateways. It checks
 * the shape of a plan; {@link parsePlan} also checks references, loops and other rules a
 * schema cannot express, so every plan the schema rejects, `parsePlan` rejects too. The
 * same schema ships in the package as `okrkit/plan.schema.json`.
 *
 * @returns The JSON Schema, as a plain object.
 * @example
 * const schema = planJsonSchema();
 * schema.$schema
 * //=> 'https://json-schema.org/draft/2020-12/schema'
 * @category Schemas
 */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Plan, { target: 'draft-2020-12', io: 'input' });
  return {
    $schema: schema.$schema,
    title: 'okrkit plan',
    description:
      'One OKR and KPI plan: flat arrays of cycles, units, objectives, key results, initiatives, check-ins, KPIs and measurements, joined by ids. Numbers may be JSON numbers or decimal strings; dates are YYYY-MM-DD.',
    ...schema,
  };
}
