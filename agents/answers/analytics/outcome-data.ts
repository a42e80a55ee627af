/**
 * Outcome data back as the types the analytics tools wrote: ToolCallRecord carries it as unknown
 * (it crossed the graph as a ToolMessage artifact), so each composer checks the shape it reads.
 */
import type { CohortAnalysisData } from "../../../tools/analytics/cohort-analysis.ts";
import type { ExplainAnomaliesData } from "../../../tools/analytics/explain-anomalies.ts";
import type { ForecastMetricData } from "../../../tools/analytics/forecast-metric.ts";
import type { QueryMetricsData } from "../../../tools/analytics/query-metrics.ts";
import type { RfmSegmentsData } from "../../../tools/analytics/rfm-segments.ts";

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasArray(value: Readonly<Record<string, unknown>>, key: string): boolean {
  return Array.isArray(value[key]);
}

export function isQueryMetricsData(data: unknown): data is QueryMetricsData {
  return isRecord(data) && isRecord(data.range) && typeof data.range.start === "string" && hasArray(data, "metrics") && isRecord(data.totals) && typeof data.currency === "string";
}

export function isCohortAnalysisData(data: unknown): data is CohortAnalysisData {
  return isRecord(data) && hasArray(data, "cohorts") && hasArray(data, "averageRetention") && typeof data.asOfMonth === "string" && isRecord(data.totals);
}

export function isRfmSegmentsData(data: unknown): data is RfmSegmentsData {
  return isRecord(data) && isRecord(data.report) && hasArray(data.report, "segments") && isRecord(data.report.totals) && "focus" in data;
}

export function isExplainAnomaliesData(data: unknown): data is ExplainAnomaliesData {
  return isRecord(data) && hasArray(data, "anomalies") && isRecord(data.window) && typeof data.unit === "string" && typeof data.metric === "string";
}

export function isForecastMetricData(data: unknown): data is ForecastMetricData {
  return isRecord(data) && isRecord(data.total) && isRecord(data.forecast) && hasArray(data.forecast, "points") && typeof data.unit === "string";
}
