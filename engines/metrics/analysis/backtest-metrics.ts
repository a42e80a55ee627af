/**
 * Forecast accuracy measures, as fractions (0.05 = 5%), null when undefined (never NaN or Infinity):
 *   MAPE  = mean over days with y ≠ 0 of |y − ŷ|/|y| (days with y = 0 are skipped and counted);
 *   WAPE  = Σ|y − ŷ| / Σ|y|;
 *   sMAPE = mean over days with |y| + |ŷ| > 0 of 2|y − ŷ|/(|y| + |ŷ|);
 *   bias  = Σ(ŷ − y) / Σ|y| (positive: over-forecast);
 *   coverage = share of days with lower ≤ y ≤ upper.
 */
import { mean } from "./robust-stats.ts";

/** Accuracy of point forecasts against actuals. */
export interface ErrorMetrics {
  readonly mape: number | null;
  /** Days left out of MAPE because the actual was 0. */
  readonly mapeSkippedZeros: number;
  readonly wape: number | null;
  readonly smape: number | null;
  readonly bias: number | null;
  readonly days: number;
}

/** {@link ErrorMetrics} of `predicted` against `actual` (paired by index, over the shorter length). */
export function errorMetrics(actual: readonly number[], predicted: readonly number[]): ErrorMetrics {
  const n = Math.min(actual.length, predicted.length);
  const ape: number[] = [];
  const sape: number[] = [];
  let absError = 0;
  let absActual = 0;
  let signed = 0;
  let skipped = 0;
  for (let i = 0; i < n; i++) {
    const y = actual[i] ?? 0;
    const f = predicted[i] ?? 0;
    absError += Math.abs(y - f);
    absActual += Math.abs(y);
    signed += f - y;
    if (y === 0) skipped++;
    else ape.push(Math.abs(y - f) / Math.abs(y));
    if (Math.abs(y) + Math.abs(f) > 0) sape.push((2 * Math.abs(y - f)) / (Math.abs(y) + Math.abs(f)));
  }
  return {
    mape: ape.length > 0 ? mean(ape) : null,
    mapeSkippedZeros: skipped,
    wape: absActual > 0 ? absError / absActual : null,
    smape: sape.length > 0 ? mean(sape) : null,
    bias: absActual > 0 ? signed / absActual : null,
    days: n,
  };
}

/** Share of actuals inside [lower, upper]; null with no days. */
export function coverage(actual: readonly number[], lower: readonly number[], upper: readonly number[]): number | null {
  const n = Math.min(actual.length, lower.length, upper.length);
  if (n === 0) return null;
  let inside = 0;
  for (let i = 0; i < n; i++) {
    const y = actual[i] ?? 0;
    if (y >= (lower[i] ?? 0) && y <= (upper[i] ?? 0)) inside++;
  }
  return inside / n;
}

/**
 * Seasonal-naive forecast: each day gets the value of the same weekday in the last observed week of
 * `train` (ŷ_{T+h} = y_{T+h−7k} with the smallest k that lands inside the training data), so days within the
 * first week get the value one week earlier and later days repeat that week. Empty when `train` has < 7 days.
 */
export function seasonalNaive(train: readonly number[], horizon: number): number[] {
  if (train.length < 7) return [];
  const lastWeek = train.slice(-7);
  return Array.from({ length: horizon }, (_, i) => lastWeek[i % 7] ?? 0);
}

