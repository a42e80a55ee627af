/**
 * Rolling-origin backtest of `forecast`: fold k trains on every day before its origin and is scored on the
 * `horizonDays` days from the origin; origins are `stepDays` apart, the last one leaving exactly
 * `horizonDays` test days at the end of the series. Each fold is compared with a seasonal-naive forecast
 * (the last observed value of the same weekday, backtest-metrics.ts) made from the same training data.
 */
import { err, ok, type Result } from "../../../lib/result.ts";
import { coverage, errorMetrics, seasonalNaive, type ErrorMetrics } from "./backtest-metrics.ts";
import { forecast, type ForecastError, type ForecastMethod, type ForecastOptions } from "./forecast-model.ts";
import { validateSeries, type DailySeries } from "./series-types.ts";

/** Options of {@link backtest}. */
export interface BacktestOptions extends ForecastOptions {
  /** Days forecast in each fold (default 28). */
  readonly horizonDays?: number;
  /** Most folds (default 4); folds whose training data is too short are dropped. */
  readonly folds?: number;
  /** Days between fold origins (default horizonDays). */
  readonly stepDays?: number;
}

/** One fold's scores (fractions; null when undefined). */
export interface BacktestFold extends ErrorMetrics {
  /** Last training date. */
  readonly trainEnd: string;
  /** Days scored. */
  readonly horizon: number;
  readonly method: ForecastMethod;
  /** Share of actuals inside the forecast interval. */
  readonly coverage: number | null;
  readonly naiveSeasonalMape: number | null;
  readonly naiveSeasonalWape: number | null;
}

/** Scores pooled over every fold's days. */
export interface BacktestReport {
  /** Oldest first. */
  readonly folds: readonly BacktestFold[];
  readonly mape: number | null;
  readonly mapeSkippedZeros: number;
  readonly wape: number | null;
  readonly smape: number | null;
  readonly bias: number | null;
  readonly coverage: number | null;
  readonly intervalLevel: number;
  readonly naiveSeasonalMape: number | null;
  readonly naiveSeasonalWape: number | null;
  /** 1 − wape / naiveSeasonalWape: > 0 means better than seasonal-naive; null when either is undefined or naive WAPE is 0. */
  readonly skill: number | null;
}

/** Why no fold could be run. */
export type BacktestError = ForecastError | { readonly kind: "no_folds"; readonly historyDays: number; readonly neededDays: number };

/**
 * Runs the backtest; an error result when not even one fold has enough training days (or the options are
 * invalid). Throws an InputError for a non-contiguous series or a non-finite value.
 */
export function backtest(series: DailySeries, options: BacktestOptions = {}): Result<BacktestReport, BacktestError> {
  validateSeries(series);
  const horizon = options.horizonDays ?? 28;
  const step = Math.max(1, options.stepDays ?? horizon);
  const foldCount = Math.max(1, options.folds ?? 4);
  const minHistory = Math.max(21, options.minHistoryDays ?? 28);
  if (!Number.isInteger(horizon) || horizon < 1) return err({ kind: "invalid_horizon", horizonDays: horizon });
  const folds: BacktestFold[] = [];
  const actualAll: number[] = [];
  const predictedAll: number[] = [];
  const naiveAll: number[] = [];
  const lowerAll: number[] = [];
  const upperAll: number[] = [];
  for (let k = foldCount - 1; k >= 0; k--) {
    const origin = series.length - horizon - k * step;
    if (origin < minHistory) continue;
    const train = series.slice(0, origin);
    const actual = series.slice(origin, origin + horizon).map((p) => p.value);
    const result = forecast(train, horizon, options);
    if (!result.ok) return result;
    const points = result.value.points;
    const predicted = points.map((p) => p.value);
    const naive = seasonalNaive(train.map((p) => p.value), horizon);
    const naiveMetrics = errorMetrics(actual, naive);
    folds.push({
      ...errorMetrics(actual, predicted),
      trainEnd: train[train.length - 1]?.date ?? "",
      horizon: actual.length,
      method: result.value.method,
      coverage: coverage(actual, points.map((p) => p.lower), points.map((p) => p.upper)),
      naiveSeasonalMape: naiveMetrics.mape,
      naiveSeasonalWape: naiveMetrics.wape,
    });
    actualAll.push(...actual);
    predictedAll.push(...predicted);
    naiveAll.push(...naive);
    lowerAll.push(...points.map((p) => p.lower));
    upperAll.push(...points.map((p) => p.upper));
  }
  if (folds.length === 0) return err({ kind: "no_folds", historyDays: series.length, neededDays: minHistory + horizon });
  const pooled = errorMetrics(actualAll, predictedAll);
  const naive = errorMetrics(actualAll, naiveAll);
  const skill = pooled.wape !== null && naive.wape !== null && naive.wape > 0 ? 1 - pooled.wape / naive.wape : null;
  return ok({
    folds,
    mape: pooled.mape,
    mapeSkippedZeros: pooled.mapeSkippedZeros,
    wape: pooled.wape,
    smape: pooled.smape,
    bias: pooled.bias,
    coverage: coverage(actualAll, lowerAll, upperAll),
    intervalLevel: options.intervalLevel ?? 0.8,
    naiveSeasonalMape: naive.mape,
    naiveSeasonalWape: naive.wape,
    skill,
  });
}
