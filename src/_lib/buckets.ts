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
