/** Metric-series analysis failures (anomalies, forecasts) as typed tool errors. */
import { assertNever } from "../../lib/assert-never.ts";
import type { ForecastFailure } from "../../engines/metrics/analysis/metric-forecast.ts";
import type { ToolName } from "../tool-names.ts";
import { toolError, type ToolOutcome } from "../tool-outcome.ts";
import { closestMetricNames } from "./metric-facts.ts";

/** Daily totals that can be forecast and checked for anomalies, offered when a metric cannot be. */
export const SERIES_METRICS = ["net_sales", "orders", "units", "new_customers", "ad_spend", "sessions"] as const;

export function analysisError(tool: ToolName, metric: string, failure: ForecastFailure): ToolOutcome<never> {
  switch (failure.code) {
    case "unknown_metric":
      return toolError(tool, "not_found", failure.message, closestMetricNames(metric));
    case "not_forecastable":
      return toolError(tool, "invalid_request", failure.message, SERIES_METRICS);
    case "forecast_failed":
      return toolError(tool, failure.cause.kind === "insufficient_history" || failure.cause.kind === "no_folds" ? "no_data" : "invalid_request", failure.message);
    case "unknown_dimension":
    case "unsupported_dimension":
    case "invalid_range":
    case "unknown_member":
      return toolError(tool, "invalid_request", failure.message);
    default:
      return assertNever(failure, "analysis failure");
  }
}
