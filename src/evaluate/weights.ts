// Contribution weights, read exactly and made whole: the weighted means of the scoring
// pass add exact products of whole-number weights, so each weight is scaled by a power
// of ten — one scale for the whole plan when it can be, else one per node.
import { at as item, i32 } from '../_lib/at.js';
import { scaleOf, scaledBy, toNumber, toValue, type Value } from '../_lib/numeric.js';
import type { Message } from '../messages/message.js';
import { at, messages } from '../messages/where.js';
import { invalidArgument } from '../messages/okrkit-error.js';

/** Reads a weight exactly; the place of the problem is built only when there is one. */
export function weightOf(w: string | number | undefined, place: (id: string, field: string) => Message, id: string, field: string): Value {
  if (w === undefined) return 1;
  const v = toValue(w);
  const n = v === null ? NaN : toNumber(v);
  if (!(n >= 0) || !Number.isFinite(n) || v === null) invalidArgument(at(place(id, field), messages.negativeWeight));
  return v;
}

/** Whether a weight counts (zero weights contribute nothing). */
export function positive(w: Value): boolean {
  return typeof w === 'number' ? w > 0 : !w.isZero();
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9] as const;
const SAFE_N = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Whole-number weights: every weight times 10^k for the largest k of its decimals, so
 * the weighted means add exact products. Null when some weight has more than nine
 * decimals or the total does not stay below 2^53; means are then computed exactly.
 */
export function wholeWeights(values: Float64Array): Float64Array | null {
  let k = 0;
  for (const w of values) {
    const s = scaleOf(w);
    if (s < 0) return null;
    if (s > k) k = s;
  }
  // Whole weights already: the same numbers, no second array.
  if (k === 0) return sumIsSafe(values) ? values : null;
  const units = new Float64Array(values.length);
  values.forEach((w, i) => {
    const kw = scaleOf(w);
    units[i] = scaledBy(w, kw) * item(POW10, k - kw);
  });
  return sumIsSafe(units) ? units : null;
}

function sumIsSafe(units: Float64Array): boolean {
  let total = 0;
  for (const u of units) total += u;
  return total <= Number.MAX_SAFE_INTEGER;
}

/** A weight as written: its digits n and decimals k (w = n / 10^k), or null when n has more than 53 bits. */
function decimalOf(w: Value): { n: bigint; k: number } | null {
  const text = typeof w === 'number' ? String(w) : w.toFixed();
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (m === null) return null;
  const k = (m[2] ?? '').length - Number(m[3] ?? '0');
  const digits = BigInt(`${m[1]}${m[2] ?? ''}`);
  const n = k >= 0 ? digits : digits * 10n ** BigInt(-k);
  return n <= SAFE_N ? { n, k: k > 0 ? k : 0 } : null;
}

/** Where a node's weights are: its edges (by parent) and its initiative weight. */
export interface WeightLayout {
  readonly byParentStart: Int32Array;
  readonly byParent: Int32Array;
  readonly initiativeEdges: ReadonlyMap<number, number>;
}

/**
 * Whole-number weights node by node, for weights that have no common scale across the
 * plan (more than nine decimals, say 33.3333333333333): each node's weights times 10^k
 * for the most decimals among them. A node whose weights still do not fit below 2^53 is
 * marked in `fractional`, and its means are computed in fractions.
 */
export function wholeWeightsByNode(N: number, count: number, weightAt: (e: number) => Value, layout: WeightLayout): { units: Float64Array; fractional: Uint8Array } {
  const units = new Float64Array(count).fill(1);
  const fractional = new Uint8Array(N);
  for (let n = 0; n < N; n++) {
    const list = weightsOf(layout, n);
    if (list.length === 0) continue;
    const decimals = list.map((e) => decimalOf(weightAt(e)));
    let k = 0;
    for (const d of decimals) k = d === null ? Infinity : Math.max(k, d.k);
    let total = 0n;
    const scaled = decimals.map((d) => (d === null || !Number.isFinite(k) ? SAFE_N + 1n : d.n * 10n ** BigInt(k - d.k)));
    for (const u of scaled) total += u;
    if (total > SAFE_N) {
      fractional[n] = 1;
      continue;
    }
    list.forEach((e, i) => (units[e] = Number(scaled[i])));
  }
  return { units, fractional };
}

/** The positions of node n's weights: its edges', then its initiative weight's. */
function weightsOf(layout: WeightLayout, n: number): number[] {
  const list: number[] = [];
  for (let k = i32(layout.byParentStart, n); k < i32(layout.byParentStart, n + 1); k++) list.push(i32(layout.byParent, k));
  const initiative = layout.initiativeEdges.get(n);
  if (initiative !== undefined) list.push(initiative);
  return list;
}
