/** forecast_metric: the next days of a daily money or count metric, with an 80% interval. */
import type { z } from "zod";
import { forecastMetric, type MetricForecast } from "../../engines/metrics/analysis/metric-forecast.ts";
import { findMetric } from "../../engines/metrics/definitions/registry.ts";
import type { MetricUnit } from "../../engines/metrics/definitions/types.ts";
import type { ToolFactory } from "../tool-contract.ts";
import { toolData, toolError } from "../tool-outcome.ts";
import { analysisError } from "./analysis-errors.ts";
import { forecastMetricContract } from "./analysis-contracts.ts";
import { metricFreshness } from "./metric-facts.ts";

export type ForecastMetricArgs = z.output<typeof forecastMetricContract.schema>;

export interface ForecastMetricData extends MetricForecast {
  /** The metric's English label and unit, so answers can format values. */
  readonly label: string;
  readonly unit: MetricUnit;
}

const TOOL = forecastMetricContract.name;

export const createForecastMetricTool: ToolFactory<typeof forecastMetricContract.schema, ForecastMetricData> = (deps) => async (args) => {
  const metric = findMetric(args.metric);
  if (!metric) return analysisError(TOOL, args.metric, { code: "unknown_metric", message: `Unknown metric "${args.metric}".` });
  const freshness = await metricFreshness(deps.db, deps.workspace.id, metric.name);
  if (freshness.length > 0 && freshness.every((entry) => entry.latestData === null)) {
    return toolError(TOOL, "no_data", `The workspace has no ${freshness.map((entry) => entry.source).join(", ")} data to forecast ${metric.name} from.`);
  }
  const result = await forecastMetric(deps.db, deps.workspace, deps.clock, { metric: metric.name, horizonDays: args.horizonDays });
  if (!result.ok) return analysisError(TOOL, args.metric, result.error);
  return toolData(TOOL, { ...result.value, label: metric.label, unit: metric.unit }, freshness);
};
