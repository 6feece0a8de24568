/**
 * An empty record with no prototype, so that any id (`__proto__`, `constructor`) is an
 * ordinary key.
 */
export function dictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
