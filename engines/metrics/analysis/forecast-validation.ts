/**
 * Rolling-origin evaluation of a point forecaster on its own history: origins every `step` days going back
 * from the end, each forecaster call trained only on the days before its origin and compared with the
 * actual days that follow (up to `horizon` of them, fewer for the most recent origins). These runs feed
 * model selection, prediction intervals and the interval of totals.
 */
import { sum } from "./robust-stats.ts";

/** Point forecasts for the `horizon` days after `train` (whose first day has day number `firstDay`); null if it cannot fit. */
export type PointForecaster = (train: readonly number[], firstDay: number, horizon: number) => number[] | null;

/** One rolling origin: forecasts and actuals for the days from the origin on. */
export interface OriginRun {
  /** Index in the series of the first forecast day (= training length). */
  readonly origin: number;
  readonly predicted: readonly number[];
  readonly actual: readonly number[];
  /** Relative-error scale floor of this run: 5% of the mean |value| of its last 28 training days. */
  readonly scaleFloor: number;
}

/** Settings of {@link rollingOrigins}. */
export interface RollingOriginOptions {
  /** Days between origins (default 7). */
  readonly step?: number;
  /** Most origins (default ⌈horizon/step⌉ + 12, so about 12 runs reach the full horizon). */
  readonly maxOrigins?: number;
  /** Shortest training length (default 21). */
  readonly minTrain?: number;
}

/** 5% of the mean |value| of the last 28 values: the floor under the denominator of relative errors. */
export function relativeScaleFloor(values: readonly number[]): number {
  const tail = values.slice(-28);
  return tail.length === 0 ? 0 : (0.05 * sum(tail.map(Math.abs))) / tail.length;
}

/** Runs the forecaster from each origin, most recent first. */
export function rollingOrigins(values: readonly number[], firstDay: number, forecaster: PointForecaster, horizon: number, options: RollingOriginOptions = {}): OriginRun[] {
  const step = Math.max(1, options.step ?? 7);
  const maxOrigins = options.maxOrigins ?? Math.ceil(horizon / step) + 12;
  const minTrain = options.minTrain ?? 21;
  const runs: OriginRun[] = [];
  for (let k = 1; k <= maxOrigins; k++) {
    const origin = values.length - k * step;
    if (origin < minTrain) break;
    const train = values.slice(0, origin);
    const actual = values.slice(origin, origin + horizon);
    const predicted = forecaster(train, firstDay, actual.length);
    if (predicted === null) continue;
    runs.push({ origin, predicted, actual, scaleFloor: relativeScaleFloor(train) });
  }
  return runs;
}

/** WAPE of a set of runs, Σ|y − ŷ| / Σ|y| over all their days (Σ|y − ŷ| when every actual is 0); null with no runs. */
export function runsWape(runs: readonly OriginRun[]): number | null {
  let absError = 0;
  let absActual = 0;
  for (const run of runs) {
    run.actual.forEach((y, i) => {
      absError += Math.abs(y - (run.predicted[i] ?? 0));
      absActual += Math.abs(y);
    });
  }
  if (runs.length === 0) return null;
  return absActual > 0 ? absError / absActual : absError;
}
