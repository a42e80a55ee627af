/** explain_anomalies: unusual days in a metric's recent daily series, with the members that drove them. */
import type { z } from "zod";
import { findAnomaliesOncePerDay } from "../../engines/metrics/analysis/anomalies-by-day.ts";
import type { AnomalyFindings } from "../../engines/metrics/analysis/metric-anomalies.ts";
import { findMetric } from "../../engines/metrics/definitions/registry.ts";
import type { MetricUnit } from "../../engines/metrics/definitions/types.ts";
import { addDays } from "../../lib/calendar-date.ts";
import type { ToolFactory } from "../tool-contract.ts";
import { toolData, toolError } from "../tool-outcome.ts";
import { analysisError } from "./analysis-errors.ts";
import { explainAnomaliesContract } from "./analysis-contracts.ts";
import { metricFreshness } from "./metric-facts.ts";

export type ExplainAnomaliesArgs = z.output<typeof explainAnomaliesContract.schema>;

export interface ExplainAnomaliesData extends AnomalyFindings {
  /** The metric's English label and unit, so answers can format values. */
  readonly label: string;
  readonly unit: MetricUnit;
  readonly lookbackDays: number;
  /** The days checked for anomalies: the last `lookbackDays` complete days (local dates, inclusive). */
  readonly checked: { readonly start: string; readonly last: string };
}

const TOOL = explainAnomaliesContract.name;

export const createExplainAnomaliesTool: ToolFactory<typeof explainAnomaliesContract.schema, ExplainAnomaliesData> = (deps) => async (args) => {
  const metric = findMetric(args.metric);
  if (!metric) return analysisError(TOOL, args.metric, { code: "unknown_metric", message: `Unknown metric "${args.metric}".` });
  const freshness = await metricFreshness(deps.db, deps.workspace.id, metric.name);
  if (freshness.length > 0 && freshness.every((entry) => entry.latestData === null)) {
    return toolError(TOOL, "no_data", `The workspace has no ${freshness.map((entry) => entry.source).join(", ")} data, so ${metric.name} has no daily series.`);
  }
  const found = await findAnomaliesOncePerDay(deps.db, deps.workspace, deps.clock, { metric: metric.name, lookbackDays: args.lookbackDays });
  if (!found.ok) return analysisError(TOOL, args.metric, found.error);
  const last = found.value.window.last;
  const checked = { start: addDays(last, 1 - args.lookbackDays), last };
  return toolData(TOOL, { ...found.value, label: metric.label, unit: metric.unit, lookbackDays: args.lookbackDays, checked }, freshness);
};
