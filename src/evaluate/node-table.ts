// The node table: one slot per node (objectives 0..O-1, then key results O..O+K-1) for
// each number an evaluation computes. Numbers that may be missing are a value and a flag
// in two typed arrays; the accessors read and write them as one `number | null`, so no
// caller handles the pair. Rolled-up numbers are channels: a double, the rest beyond it,
// and a bound on the distance to the exact value (see near.ts). Slots are read directly
// (`?? 0` only satisfies the index type: every slot exists), so each read inlines.
import type { Near } from '../_lib/near.js';
import type { Forecast } from '../time/forecast.js';

/**
 * The error bound of a measured key result's registers relative to its double: a
 * quotient or a fraction split into its nearest double and the rest is within
 * 2^-103 of exact (near.ts), so 2^-100 holds with room.
 */
const LEAF_ERROR = 2 ** -100;

/** The single-precision store of a bound rounds to nearest, within 2^-24: this keeps it above. */
const ROUND_UP = 1 + 2 ** -20;

/**
 * One rolled-up number per node: its double `hi`, the rest `lo`, and the bound on the
 * distance to the exact value relative to `hi`. The bound is kept for the first
 * `relSize` nodes (objectives and driven key results); a measured key result's value is
 * always within LEAF_ERROR of exact.
 */
export class Channel {
  readonly hi: Float64Array;
  private readonly lo: Float64Array;
  private readonly rel: Float32Array;

  constructor(size: number, relSize: number) {
    this.hi = new Float64Array(size);
    this.lo = new Float64Array(size);
    this.rel = new Float32Array(relSize);
  }

  /** Node n's double. */
  get(n: number): number {
    return this.hi[n] ?? 0;
  }

  /** Loads node n's value into a register: hi, lo, and the error bound |hi| × rel. */
  load(out: Near, n: number): Near {
    const h = this.hi[n] ?? 0;
    const rel = n < this.rel.length ? (this.rel[n] ?? 0) : LEAF_ERROR;
    return out.set(h, this.lo[n] ?? 0, Math.abs(h) * rel);
  }

  /**
   * Stores a rounded register as node n's value. The bound is kept relative to hi in
   * single precision, rounded up (values are never negative, and an exact zero has no error).
   */
  store(x: Near, n: number): void {
    this.hi[n] = x.hi === 0 ? 0 : x.hi;
    this.lo[n] = x.lo;
    if (n < this.rel.length) this.rel[n] = x.hi === 0 ? 0 : (x.err / Math.abs(x.hi)) * ROUND_UP;
    else if (!(x.err <= Math.abs(x.hi) * LEAF_ERROR)) throw new Error('okrkit: internal error: a measured value lost its error bound');
  }

  /** Node n has no value: zero (its flag, kept by the table, says it is missing). */
  clear(n: number): void {
    this.hi[n] = 0;
  }
}

/** A number per slot that may be missing: the value and its flag. */
class Optional {
  readonly values: Float64Array;
  readonly flags: Uint8Array;

  constructor(size: number) {
    this.values = new Float64Array(size);
    this.flags = new Uint8Array(size);
  }

  get(i: number): number | null {
    return this.flags[i] === 1 ? (this.values[i] ?? 0) : null;
  }

  set(i: number, v: number | null): void {
    this.flags[i] = v === null ? 0 : 1;
    this.values[i] = v ?? 0;
  }
}

/**
 * Every number of an evaluation, by node. `withForecast` sizes the forecast channel;
 * `relSize` is how many nodes keep an error bound (see {@link Channel}).
 */
export class NodeTable {
  readonly O: number;
  readonly K: number;
  readonly score: Channel;
  readonly expected: Channel;
  readonly forecast: Channel;
  private readonly scored: Uint8Array;
  private readonly confidence: Optional;
  /** Severity of each node's status (see time/status.ts). */
  readonly severity: Uint8Array;
  /** Objectives: the weighted mean before any `finalScore`. */
  private readonly computed: Optional;
  /** Key results: the measurement. */
  private readonly value: Optional;
  private readonly raw: Float64Array;
  private readonly progress: Float64Array;
  private readonly overridden: Uint8Array;
  private readonly checkInCount: Int32Array;
  private readonly lastCheckIn: (string | null)[];
  private readonly forecasts: (Forecast | null)[];
  readonly withForecast: boolean;

  constructor(O: number, K: number, relSize: number, withForecast: boolean) {
    const N = O + K;
    this.O = O;
    this.withForecast = withForecast;
    this.K = K;
    this.score = new Channel(N, relSize);
    this.expected = new Channel(N, relSize);
    this.forecast = new Channel(withForecast ? N : 0, withForecast ? relSize : 0);
    this.scored = new Uint8Array(N);
    this.confidence = new Optional(N);
    this.severity = new Uint8Array(N);
    this.computed = new Optional(O);
    this.value = new Optional(K);
    this.raw = new Float64Array(K);
    this.progress = new Float64Array(K);
    this.overridden = new Uint8Array(K);
    this.checkInCount = new Int32Array(K);
    this.lastCheckIn = new Array<string | null>(K).fill(null);
    this.forecasts = withForecast ? new Array<Forecast | null>(K).fill(null) : [];
  }

  /** Whether node n has a score. */
  isScored(n: number): boolean {
    return this.scored[n] === 1;
  }

  /** Node n's score, or null. */
  scoreOf(n: number): number | null {
    return this.scored[n] === 1 ? (this.score.hi[n] ?? 0) : null;
  }

  /** Sets node n's score from a rounded register, or marks it unscored. */
  setScore(n: number, x: Near | null): void {
    this.scored[n] = x === null ? 0 : 1;
    if (x === null) this.score.clear(n);
    else this.score.store(x, n);
  }

  /** Node n's confidence, or null. */
  confidenceOf(n: number): number | null {
    return this.confidence.get(n);
  }

  setConfidence(n: number, v: number | null): void {
    this.confidence.set(n, v);
  }

  /** Objective i's computed score (before `finalScore`), or null. */
  computedOf(i: number): number | null {
    return this.computed.get(i);
  }

  setComputed(i: number, v: number | null): void {
    this.computed.set(i, v);
  }

  /** Key result j's current value, or null before any. */
  valueOf(j: number): number | null {
    return this.value.get(j);
  }

  /** Key result j's raw and clamped progress (0 when it has no score). */
  rawOf(j: number): number {
    return this.raw[j] ?? 0;
  }

  progressOf(j: number): number {
    return this.progress[j] ?? 0;
  }

  /** Sets key result j's raw and clamped progress. */
  setProgress(j: number, raw: number, progress: number): void {
    this.raw[j] = raw;
    this.progress[j] = progress;
  }

  isOverridden(j: number): boolean {
    return this.overridden[j] === 1;
  }

  setOverridden(j: number, overridden: boolean): void {
    this.overridden[j] = overridden ? 1 : 0;
  }

  /** Sets what key result j's check-ins gave: its value, how many counted and the last one's date. */
  setMeasurement(j: number, value: number | null, checkIns: number, lastCheckIn: string | null): void {
    this.value.set(j, value);
    this.checkInCount[j] = checkIns;
    this.lastCheckIn[j] = lastCheckIn;
  }

  checkInsOf(j: number): number {
    return this.checkInCount[j] ?? 0;
  }

  lastCheckInOf(j: number): string | null {
    return this.lastCheckIn[j] ?? null;
  }

  forecastOf(j: number): Forecast | null {
    return this.forecasts[j] ?? null;
  }

  setForecast(j: number, f: Forecast | null): void {
    this.forecasts[j] = f;
  }

  /**
   * The table as columns: objectives' slots and key results' slots of each node array,
   * as views (no copies), for `evaluateColumns`.
   */
  columns() {
    const { O, K } = this;
    const N = O + K;
    const forecast = this.withForecast ? this.forecast.hi : null;
    return {
      objectives: {
        score: this.score.hi.subarray(0, O),
        hasScore: this.scored.subarray(0, O),
        computedScore: this.computed.values,
        hasComputedScore: this.computed.flags,
        expected: this.expected.hi.subarray(0, O),
        confidence: this.confidence.values.subarray(0, O),
        hasConfidence: this.confidence.flags.subarray(0, O),
        forecastScore: forecast === null ? null : forecast.subarray(0, O),
      },
      keyResults: {
        value: this.value.values,
        hasValue: this.value.flags,
        raw: this.raw,
        progress: this.progress,
        score: this.score.hi.subarray(O, N),
        hasProgress: this.scored.subarray(O, N),
        overridden: this.overridden,
        expected: this.expected.hi.subarray(O, N),
        confidence: this.confidence.values.subarray(O, N),
        hasConfidence: this.confidence.flags.subarray(O, N),
        checkIns: this.checkInCount,
        lastCheckIn: this.lastCheckIn,
        forecastScore: forecast === null ? null : forecast.subarray(O, N),
      },
    };
  }
}
