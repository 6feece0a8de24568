// The context okrkit runs in: a kit's plug-in kinds and scorings, and its schemas.
// `createOkrkit` builds one; the plain exports run in PLAIN_CONTEXT. Functions that need
// it take it first and are named `…In` (`evaluateIn(cx, plan, options)`).
import type * as z from 'zod/v4';
import type { CheckIn } from './check-in.js';
import type { KeyResult } from './key-result.js';
import type { Plan } from './plan.js';

/**
 * What a plug-in key-result kind is given to compute progress.
 *
 * @category Plug-ins
 */
export interface KeyResultKindContext {
  /** The current value from the check-ins (by the key result's `valueFrom`), or null before any. */
  readonly value: number | null;
  /** The check-ins that counted, oldest first. */
  readonly checkIns: readonly CheckIn[];
  /** The last date counted, or null when every check-in counts. */
  readonly asOf: string | null;
}

// The engine sees every plug-in through these shapes. `progress` and `score` are method
// signatures on purpose: a method's parameter is checked both ways, so a plug-in written
// for its own key-result type registers here as it is. The engine only ever passes it key
// results that the plug-in's schema has accepted.

/** A registered key-result kind, as the engine sees it. */
export interface KindPlugin {
  readonly kind: string;
  readonly schema: z.ZodObject;
  progress(keyResult: { readonly id: string }, context: KeyResultKindContext): number;
  readonly range?: readonly [number, number];
}

/** A registered scoring rule, as the engine sees it. */
export interface ScoringPlugin {
  readonly id: string;
  score(progress: number, keyResult: { readonly id: string }): number;
}


/** A kit's plug-ins and schemas. */
export interface Context {
  readonly kinds: ReadonlyMap<string, KindPlugin>;
  readonly scorings: ReadonlyMap<string, ScoringPlugin>;
  /** The kit's schemas (the built-in ones extended with its kinds); null: the built-in ones. */
  readonly schemas: { readonly plan: z.ZodType<Plan>; readonly keyResult: z.ZodType<KeyResult> } | null;
}

/** No plug-ins, the built-in schemas: what the plain exports run in. */
export const PLAIN_CONTEXT: Context = /*@__PURE__*/ Object.freeze({ kinds: new Map(), scorings: new Map(), schemas: null });
