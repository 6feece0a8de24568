/**
 * A type made read-only all the way down. okrkit's functions take their inputs as
 * `DeepReadonly<…>`, so data declared `as const` or frozen is accepted, and the types
 * promise what the functions do: they never modify their input.
 *
 * @example
 * const kr = { id: 'kr1', objectiveId: 'o1', title: 'Churn', kind: 'threshold', comparator: 'atMost', value: 10 } as const;
 * keyResultProgress(kr) // accepted: a readonly literal is a DeepReadonly<KeyResult>
 * @category Schemas
 */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends readonly (infer U)[]
    ? readonly DeepReadonly<U>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;
