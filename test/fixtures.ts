import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PlanInput } from '../src/index.js';

/** Reads one of the bundled example plans (examples/plans/NAME.json). */
export function loadPlan(name: 'xyz-corp' | 'saas-cascade' | 'abc-kpis' | 'saas-revenue'): PlanInput {
  const url = new URL(`../examples/plans/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as PlanInput;
}

/** Freezes a value and everything inside it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
