/**
 * Whether a list argument is really an array (a JavaScript caller may pass anything).
 * Not a type guard: `Array.isArray` would narrow `readonly T[]` to `any[]`, losing the
 * element type.
 */
export function isList(value: readonly unknown[]): boolean {
  return Array.isArray(value);
}
