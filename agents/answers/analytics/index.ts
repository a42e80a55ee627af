/** The analytics tools' composers, by tool name. */
import type { AnalyticsToolName } from "../../../tools/tool-names.ts";
import type { OutcomeComposer } from "../types.ts";
import { composeCohortAnalysis } from "./cohort-analysis.ts";
import { composeExplainAnomalies } from "./explain-anomalies.ts";
import { composeForecastMetric } from "./forecast-metric.ts";
import { composeQueryMetrics } from "./query-metrics.ts";
import { composeRfmSegments } from "./rfm-segments.ts";

export const analyticsComposers: Readonly<Record<AnalyticsToolName, OutcomeComposer>> = {
  query_metrics: composeQueryMetrics,
  cohort_analysis: composeCohortAnalysis,
  rfm_segments: composeRfmSegments,
  explain_anomalies: composeExplainAnomalies,
  forecast_metric: composeForecastMetric,
};
