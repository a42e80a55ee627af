/**
 * Prediction intervals from empirical forecast errors of rolling-origin runs (forecast-validation.ts).
 *
 * Errors are relative, e = (y − ŷ)/max(ŷ, floor) with floor = 5% of the recent mean level, for
 * non-negative series with a positive level; absolute (e = y − ŷ) otherwise. For horizon h the interval
 * offsets are the empirical (1 − level)/2 and (1 + level)/2 quantiles of the errors at horizons h − 3 … h + 3,
 * pooled across runs. Horizons with fewer than 20 such errors reuse the last horizon h* that had enough,
 * widened by √(h/h*). Offsets are forced to bracket 0 (the point forecast is always inside) and to widen
 * monotonically with h. Interval: [ŷ + lo·d, ŷ + hi·d], d = max(ŷ, floor) (or 1 when absolute), lower
 * clamped at 0 for non-negative series.
 */
import { quantile } from "./robust-stats.ts";
import type { OriginRun } from "./forecast-validation.ts";

/** Interval offsets per horizon (index h − 1). */
export interface IntervalProfile {
  readonly relative: boolean;
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  /** Number of rolling-origin errors the profile was estimated from. */
  readonly errorCount: number;
}

const MIN_ERRORS = 20;
const HALF_WINDOW = 3;

/** The error of one forecast day: relative to max(ŷ, floor), or absolute. */
export function forecastError(actual: number, predicted: number, floor: number, relative: boolean): number {
  if (!relative) return actual - predicted;
  const denominator = Math.max(predicted, floor);
  return denominator > 0 ? (actual - predicted) / denominator : 0;
}

/** Estimates interval offsets for horizons 1 … `horizon` at the given central coverage `level` ∈ (0, 1). */
export function intervalProfile(runs: readonly OriginRun[], horizon: number, level: number, relative: boolean): IntervalProfile {
  const byHorizon: number[][] = Array.from({ length: horizon }, () => []);
  let errorCount = 0;
  for (const run of runs) {
    run.actual.forEach((y, i) => {
      byHorizon[i]?.push(forecastError(y, run.predicted[i] ?? 0, run.scaleFloor, relative));
      errorCount++;
    });
  }
  const windowErrors = (h: number): number[] => byHorizon.slice(Math.max(0, h - 1 - HALF_WINDOW), h + HALF_WINDOW).flat();
  const pLow = (1 - level) / 2;
  const pHigh = (1 + level) / 2;
  let reference = 0;
  for (let h = 1; h <= horizon; h++) if (windowErrors(h).length >= MIN_ERRORS) reference = h;
  const referenceErrors = reference > 0 ? windowErrors(reference) : byHorizon.flat();
  const referenceH = reference > 0 ? reference : Math.min(horizon, 7);
  const lower: number[] = [];
  const upper: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const own = h <= reference;
    const errors = own ? windowErrors(h) : referenceErrors;
    const widen = own ? 1 : Math.sqrt(Math.max(1, h / referenceH));
    const lo = Math.min(0, quantile(errors, pLow) * widen, lower[h - 2] ?? 0);
    const hi = Math.max(0, quantile(errors, pHigh) * widen, upper[h - 2] ?? 0);
    lower.push(lo);
    upper.push(hi);
  }
  return { relative, lower, upper, errorCount };
}

/** The interval of a point forecast at horizon h (1-based). */
export function intervalAt(profile: IntervalProfile, h: number, point: number, floor: number, nonNegative: boolean): { lower: number; upper: number } {
  const scale = profile.relative ? Math.max(point, floor) : 1;
  const lo = point + (profile.lower[h - 1] ?? 0) * scale;
  const hi = point + (profile.upper[h - 1] ?? 0) * scale;
  return { lower: nonNegative ? Math.max(0, lo) : lo, upper: hi };
}
