/**
 * Groups positions 0..n-1 by an integer key from 0 to keyCount-1 (a counting sort):
 * the positions with key k are `items[starts[k] .. starts[k+1])`, in ascending order.
 * Linear time, two typed arrays, no array per key.
 */
export function bucket(keys: ArrayLike<number>, keyCount: number): { starts: Int32Array; items: Int32Array } {
  // Three loops in three functions: each is optimized whole with its own feedback (one
  // function with three loops was compiled on stack for its first loop, then thrown away
  // at each call when it reached the next).
  const starts = countKeys(keys, keyCount);
  const items = fillBuckets(keys, starts);
  starts.copyWithin(0, 1);
  starts[keyCount] = keys.length;
  return { starts, items };
}

/** starts[k + 1] = how many keys are k, then summed up: starts[k + 1] is where bucket k ends. */
function countKeys(keys: ArrayLike<number>, keyCount: number): Int32Array {
  const starts = new Int32Array(keyCount + 1);
  for (let i = 0; i < keys.length; i++) {
    const k = (keys[i] as number) + 1;
    starts[k] = (starts[k] as number) + 1;
  }
  for (let k = 0; k < keyCount; k++) starts[k + 1] = (starts[k + 1] as number) + (starts[k] as number);
  return starts;
}

/**
 * Fills each bucket from its end, last position first (so each bucket ends up in
 * ascending order), using starts[k + 1] as bucket k's cursor: it falls to bucket k's
 * start, and a shift by one slot puts every start back in place. No second array.
 */
function fillBuckets(keys: ArrayLike<number>, starts: Int32Array): Int32Array {
  const items = new Int32Array(keys.length);
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = (keys[i] as number) + 1;
    const at = (starts[k] as number) - 1;
    items[at] = i;
    starts[k] = at;
  }
  return items;
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
  index: { get(id: string): number | undefined },
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
    if (k < 0 || id !== previous) {
      const found = index.get(id);
      k = found === undefined ? unknown(id) : found;
      previous = id;
    }
    owner[i] = k;
  }
  return bucket(owner, keyCount);
}

/**
 * Records grouped by what they refer to. Key k's records are at positions
 * `from[k] .. to[k]` of `items` — or, when `items` is null, of the records themselves,
 * because every key's records already lay next to each other.
 */
export interface Groups {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly items: Int32Array | null;
}

/**
 * Groups records by the position of the id they refer to, like {@link bucketByRef}, but
 * without moving anything when each id's records already form one run (a product's
 * export ordered by key result): then the runs are the groups, and `onRun(k, from, to)`
 * is called as each one ends, while its records are still in the processor's cache.
 * When some id's records are split over two runs, it falls back to a counting sort and
 * returns `items`; `onRun` calls made before then described runs that were not whole,
 * so a caller that acted on them must redo that work.
 */
export function groupByRef<T>(
  records: readonly T[],
  keyOf: (record: T) => string,
  find: (id: string) => number,
  keyCount: number,
  unknown: (id: string) => never,
  onRun: ((k: number, from: number, to: number) => void) | null = null,
): Groups {
  const from = new Int32Array(keyCount);
  const to = new Int32Array(keyCount);
  let previous: string | undefined;
  let k = -1;
  let start = 0;
  for (let i = 0; i < records.length; i++) {
    const id = keyOf(records[i] as T);
    if (k >= 0 && id === previous) continue;
    const found = find(id);
    if (found < 0) unknown(id);
    if (found === k) {
      previous = id;
      continue;
    }
    if (k >= 0) {
      from[k] = start;
      to[k] = i;
      onRun?.(k, start, i);
    }
    // A run ends at a position above 0, so to[found] > 0 means the id was seen before.
    if ((to[found] as number) > 0) return sorted(records, keyOf, find, keyCount, unknown);
    k = found;
    start = i;
    previous = id;
  }
  if (k >= 0) {
    from[k] = start;
    to[k] = records.length;
    onRun?.(k, start, records.length);
  }
  return { from, to, items: null };
}

function sorted<T>(records: readonly T[], keyOf: (record: T) => string, find: (id: string) => number, keyCount: number, unknown: (id: string) => never): Groups {
  const index = {
    get: (id: string) => {
      const found = find(id);
      return found < 0 ? undefined : found;
    },
  };
  const { starts, items } = bucketByRef(records, keyOf, index, keyCount, unknown);
  return { from: starts.subarray(0, keyCount), to: starts.subarray(1), items };
}
