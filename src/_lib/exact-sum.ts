/**
 * Exact summation of doubles. The running sum is kept as a short list of
 * non-overlapping partials whose exact total is the true sum (Shewchuk's method, as
 * in Python's math.fsum), so a sum does not depend on the order of its terms and two
 * partial sums merge into the sum of all terms. The list keeps an explicit count and
 * never shrinks its array, so adding and resetting allocate nothing on the hot path.
 */
export class ExactSum {
  /** Non-overlapping partials, smallest magnitude first; only the first `count` are live. */
  private readonly partials: number[] = [];
  /** How many partials are live. */
  count = 0;

  /** Empties the sum, for reuse. */
  reset(): this {
    this.count = 0;
    return this;
  }

  /** Adds one double exactly. */
  add(value: number): this {
    const partials = this.partials;
    const count = this.count;
    let x = value;
    let i = 0;
    for (let j = 0; j < count; j++) {
      let y = partials[j] as number;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials[i] = x;
    this.count = i + 1;
    return this;
  }

  /** Adds the exact product a × b (Dekker's two-product: the rounded product and its error). */
  addProduct(a: number, b: number): this {
    if (a === 1) return this.add(b);
    if (b === 1) return this.add(a);
    const p = a * b;
    const e = productError(a, b, p);
    this.add(p);
    if (e !== 0) this.add(e);
    return this;
  }

  /** Adds every term of another sum. */
  merge(other: ExactSum): this {
    for (let j = 0; j < other.count; j++) this.add(other.partials[j] as number);
    return this;
  }

  /** The exact sum rounded once to the nearest double. */
  value(): number {
    const partials = this.partials;
    let n = this.count;
    if (n === 0) return 0;
    let hi = partials[--n] as number;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n] as number;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // Round half-way cases the way the exact sum says, not the way the last add did.
    if (n > 0 && ((lo < 0 && (partials[n - 1] as number) < 0) || (lo > 0 && (partials[n - 1] as number) > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi === 0 ? 0 : hi;
  }
}

const SPLITTER = 134217729; // 2^27 + 1

/** The rounding error of a × b: a × b = p + productError(a, b, p) exactly, p = fl(a × b) (Dekker). */
export function productError(a: number, b: number, p: number): number {
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return al * bl - (((p - ah * bh) - al * bh) - ah * bl);
}
