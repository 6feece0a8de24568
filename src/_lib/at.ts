// Reading an element that the caller knows is there. With `noUncheckedIndexedAccess` an
// index read is typed `T | undefined`; these helpers state "in bounds by construction"
// once, here, instead of a cast at every read. One function per array type keeps each
// call site monomorphic, so the engine's loops stay as fast as plain index reads.

/** Element i of a Float64Array that has it. */
export function f64(a: Float64Array, i: number): number {
  return a[i] as number;
}


/** Element i of an Int32Array that has it. */
export function i32(a: Int32Array, i: number): number {
  return a[i] as number;
}

/** Element i of a Uint8Array that has it. */
export function u8(a: Uint8Array, i: number): number {
  return a[i] as number;
}

/** Element i of an array that has it. */
export function at<T>(a: readonly T[], i: number): T {
  return a[i] as T;
}

/**
 * A record's list field whose element type the caller knows (a guarded plan's), or an
 * empty list when it is left out; `notArray` throws when the field is something else.
 */
export function listField<T>(record: object, name: string, notArray: () => never): readonly T[] {
  const value: unknown = Reflect.get(record, name);
  if (value === undefined) return [];
  if (!Array.isArray(value)) notArray();
  return value as T[];
}
