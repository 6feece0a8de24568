import type { DateInput } from '../model/instant.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { checkCap, checkFloor } from '../model/options.js';
import type { Perspective } from '../model/kpi.js';
import { DEFAULT_BANDS, type RatingBand } from './scorecard-ratings.js';

/**
 * Options of {@link scorecard}.
 *
 * @category Scorecards
 */
export interface ScorecardOptions {
  /** The date to evaluate at; each KPI's whole timeframe when omitted. A `Date` or epoch milliseconds counts on its day in `timeZone`. */
  readonly asOf?: DateInput;
  /** The IANA time zone (`Asia/Ho_Chi_Minh`) that decides the calendar day of an `asOf` given as a `Date` or epoch milliseconds. */
  readonly timeZone?: string;
  /** Only KPIs of this unit. */
  readonly unitId?: string;
  /** Only KPIs of this owner (a person's evaluation sheet). */
  readonly ownerId?: string;
  /** Only KPIs of this perspective. */
  readonly perspective?: Perspective;
  /** Only these KPIs. */
  readonly kpiIds?: readonly string[];
  /** Weights for this scorecard, overriding the KPIs' own `weight` (default 1). */
  readonly weights?: readonly { readonly kpiId: string; readonly weight: number }[];
  /** Rating bands, checked from the highest `min` down: A ≥ 90, B ≥ 75, C ≥ 60, D below by default. */
  readonly bands?: readonly RatingBand[];
  /** Upper bound of an item's score: 1 by default (no extra credit), 1.2 to reward over-achievement. */
  readonly cap?: number;
  /**
   * Lower bound of a `linear` item's score: 0 by default; below 0 (or `-Infinity`) keeps
   * an attainment below 0 (an actual on the wrong side of the baseline, say) in the total.
   */
  readonly floor?: number;
  /** A KPI with no measurement scores 0 (`zero`, default, as evaluation sheets do) or is left out (`skip`). */
  readonly missing?: 'zero' | 'skip';
}

/** How a scorecard scores and rates, from its options, checked. */
export interface Rules {
  /** Highest `min` first. */
  readonly bands: readonly RatingBand[];
  readonly cap: number;
  readonly floor: number;
  readonly missing: 'zero' | 'skip';
  /** Weights given in the options, by KPI id. */
  readonly weights: ReadonlyMap<string, number>;
}

function weightsOf(options: ScorecardOptions): Map<string, number> {
  const weights = new Map<string, number>();
  for (const w of options.weights ?? []) {
    if (typeof w?.weight !== 'number' || !Number.isFinite(w.weight) || w.weight < 0) invalidArgument('arg.scoreWeight', { id: String(w?.kpiId) });
    weights.set(w.kpiId, w.weight);
  }
  return weights;
}

/** A value as the error shows it: JSON, or its text for what JSON cannot hold (undefined). */
function shown(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** Whether a value typed as a list is one: options come from JavaScript callers too. Not a type guard, so a list keeps its element type. */
function isList(value: unknown): boolean {
  return Array.isArray(value);
}

/** Checks the options a scorecard is built with: an object, bands, `missing`, `cap`, `floor` and weights. */
export function rulesOf(options: ScorecardOptions): Rules {
  if (typeof options !== 'object' || options === null) invalidArgument('arg.object', { name: 'options' });
  const bands = options.bands ?? DEFAULT_BANDS;
  if (!isList(bands) || bands.length === 0) invalidArgument('arg.bands');
  for (const b of bands) {
    if (typeof b?.label !== 'string' || typeof b.min !== 'number' || Number.isNaN(b.min)) invalidArgument('arg.band', { value: shown(b) });
  }
  const missing = options.missing ?? 'zero';
  if (missing !== 'zero' && missing !== 'skip') invalidArgument('arg.oneOf', { name: 'missing', options: "'zero', 'skip'", value: String(missing) });
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return { bands: sorted, cap: checkCap(options.cap), floor: checkFloor(options.floor), missing, weights: weightsOf(options) };
}
