// The context okrkit runs in: a kit's plug-in kinds and scorings, and its schemas.
// `createOkrkit` builds one; the plain exports run in PLAIN_CONTEXT. Functions that need
// it take it first and are named `…In` (`evaluateIn(cx, plan, options)`).
import type * as z from 'zod';
import type { KindPlugin, ScoringPlugin } from './plugin-registry.js';

/** A kit's plug-ins and schemas. */
export interface Context {
  readonly kinds: ReadonlyMap<string, KindPlugin>;
  readonly scorings: ReadonlyMap<string, ScoringPlugin>;
  /** The kit's schemas (the built-in ones extended with its kinds); null: the built-in ones. */
  readonly schemas: { readonly plan: z.ZodType; readonly keyResult: z.ZodType } | null;
}

/** No plug-ins, the built-in schemas: what the plain exports run in. */
export const PLAIN_CONTEXT: Context = Object.freeze({ kinds: new Map(), scorings: new Map(), schemas: null });
