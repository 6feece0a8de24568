/**
 * Groups positions 0..n-1 by an integer key from 0 to keyCount-1 (a counting sort):
 * the positions with key k are `items[starts[k] .. starts[k+1])`, in ascending order.
 * Linear time, two typed arrays, no array per key.
 */
export function bucket(keys: ArrayLike<number>, keyCount: number): { starts: Int32Array; items: Int32Array } {
  const starts = new Int32Array(keyCount + 1);
  for (let i = 0; i < keys.length; i++) {
    const k = (keys[i] as number) + 1;
    starts[k] = (starts[k] as number) + 1;
  }
  for (let k = 0; k < keyCount; k++) starts[k + 1] = (starts[k + 1] as number) + (starts[k] as number);
  const next = starts.slice(0, keyCount);
  const items = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as number;
    const at = next[k] as number;
    items[at] = i;
    next[k] = at + 1;
  }
  return { starts, items };
}

/**
 * Groups records by the position of the id they refer to (a check-in by its key result,
 * a measurement by its KPI): `keyOf` gives the id, `index` maps ids to positions, and
 * `unknown` is called (and must throw) for an id that is not in the index. Linear time;
 * one map lookup per run of equal ids.
 */
export function bucketByRef<T>(
  records: readonly T[],
  keyOf: (record: T) => string,
  index: ReadonlyMap<string, number>,
  keyCount: number,
  unknown: (id: string) => never,
): { starts: Int32Array; items: Int32Array } {
  const owner = new Int32Array(records.length);
  // Records usually come ordered by what they refer to (a product's export of check-ins
  // by key result), so a run of the same id is looked up once: comparing an id with the
  // previous one is cheaper than hashing it.
  let previous: string | undefined;
  let k = -1;
  for (let i = 0; i < records.length; i++) {
    const id = keyOf(records[i] as T);
    if (id !== previous) {
      const found = index.get(id);
      k = found === undefined ? unknown(id) : found;
      previous = id;
    }
    owner[i] = k;
  }
  return bucket(owner, keyCount);
}
