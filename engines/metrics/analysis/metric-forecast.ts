/**
 * Forecasts and backtests of a metric's daily series, on the workspace's own history.
 */
import type { DbOrTrx } from "../../../db/database.ts";
import type { Clock } from "../../../lib/clock.ts";
import { err, ok, type Result } from "../../../lib/result.ts";
import { findMetric } from "../definitions/registry.ts";
import type { MetricWorkspace } from "../query/execute.ts";
import type { MetricQueryError } from "../query/plan.ts";
import { backtest, type BacktestError, type BacktestReport } from "./backtest.ts";
import { forecast, type Forecast, type ForecastError } from "./forecast-model.ts";
import { forecastTotal, type ForecastTotal } from "./forecast-total.ts";
import { dailySeries, windowOf, type SeriesWindow } from "./metric-series.ts";

export type ForecastFailure = MetricQueryError | { readonly code: "not_forecastable"; readonly message: string } | { readonly code: "forecast_failed"; readonly message: string; readonly cause: ForecastError | BacktestError };

export interface MetricForecast {
  readonly metric: string;
  readonly history: SeriesWindow;
  readonly forecast: Forecast;
  readonly total: ForecastTotal;
}

export interface MetricBacktest {
  readonly metric: string;
  readonly history: SeriesWindow;
  readonly report: BacktestReport;
}

function describe(error: ForecastError | BacktestError): string {
  switch (error.kind) {
    case "insufficient_history":
      return "not enough history to forecast (at least four weeks of data are needed)";
    case "no_folds":
      return `not enough history to backtest: ${error.neededDays} days needed, ${error.historyDays} available`;
    case "invalid_horizon":
      return "the horizon must be a whole number of days from 1";
    case "invalid_interval_level":
      return "the interval level must be between 0 and 1";
  }
}

async function seriesFor(db: DbOrTrx, workspace: MetricWorkspace, clock: Clock, name: string, historyDays: number) {
  const metric = findMetric(name);
  if (!metric) return err({ code: "unknown_metric" as const, message: `Unknown metric "${name}".` });
  if (metric.aggregation !== "flow" || (metric.unit !== "money" && metric.unit !== "count")) {
    return err({ code: "not_forecastable" as const, message: `${metric.label} is not a daily total; forecast a money or count metric such as net_sales or orders.` });
  }
  const window = windowOf(workspace, clock, historyDays);
  const series = await dailySeries(db, workspace, clock, metric.name, window);
  return series.ok ? ok({ metric: metric.name, window, series: series.value.total }) : series;
}

/** The next `horizonDays` days of a metric, with an 80% interval per day and for the total. */
export async function forecastMetric(
  db: DbOrTrx,
  workspace: MetricWorkspace,
  clock: Clock,
  options: { readonly metric?: string; readonly horizonDays?: number; readonly historyDays?: number } = {},
): Promise<Result<MetricForecast, ForecastFailure>> {
  const loaded = await seriesFor(db, workspace, clock, options.metric ?? "net_sales", options.historyDays ?? 365);
  if (!loaded.ok) return loaded;
  const horizon = options.horizonDays ?? 30;
  const daily = forecast(loaded.value.series, horizon);
  if (!daily.ok) return err({ code: "forecast_failed", message: describe(daily.error), cause: daily.error });
  const total = forecastTotal(loaded.value.series, horizon);
  if (!total.ok) return err({ code: "forecast_failed", message: describe(total.error), cause: total.error });
  return ok({ metric: loaded.value.metric, history: loaded.value.window, forecast: daily.value, total: total.value });
}

/** Rolling-origin backtest of the forecast on the metric's own history: MAPE, WAPE, interval coverage. */
export async function backtestMetric(
  db: DbOrTrx,
  workspace: MetricWorkspace,
  clock: Clock,
  options: { readonly metric?: string; readonly horizonDays?: number; readonly folds?: number; readonly historyDays?: number } = {},
): Promise<Result<MetricBacktest, ForecastFailure>> {
  const loaded = await seriesFor(db, workspace, clock, options.metric ?? "net_sales", options.historyDays ?? 365);
  if (!loaded.ok) return loaded;
  const report = backtest(loaded.value.series, { horizonDays: options.horizonDays ?? 28, folds: options.folds ?? 4 });
  if (!report.ok) return err({ code: "forecast_failed", message: describe(report.error), cause: report.error });
  return ok({ metric: loaded.value.metric, history: loaded.value.window, report: report.value });
}
