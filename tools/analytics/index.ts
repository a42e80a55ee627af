/** The analytics agent's tools, bound to one workspace's data. */
import type { StructuredToolInterface } from "@langchain/core/tools";
import { asLangChainTool, type ToolDeps } from "../tool-contract.ts";
import { cohortAnalysisContract, explainAnomaliesContract, forecastMetricContract, rfmSegmentsContract } from "./analysis-contracts.ts";
import { createCohortAnalysisTool } from "./cohort-analysis.ts";
import { createExplainAnomaliesTool } from "./explain-anomalies.ts";
import { createForecastMetricTool } from "./forecast-metric.ts";
import { queryMetricsContract } from "./query-metrics-contract.ts";
import { createQueryMetricsTool } from "./query-metrics.ts";
import { createRfmSegmentsTool } from "./rfm-segments.ts";

export { createCohortAnalysisTool, type CohortAnalysisData } from "./cohort-analysis.ts";
export { createExplainAnomaliesTool, type ExplainAnomaliesData } from "./explain-anomalies.ts";
export { createForecastMetricTool, type ForecastMetricData } from "./forecast-metric.ts";
export { createQueryMetricsTool, type QueryMetricsData } from "./query-metrics.ts";
export { createRfmSegmentsTool, type RfmSegmentsData } from "./rfm-segments.ts";

/** query_metrics, cohort_analysis, rfm_segments, explain_anomalies and forecast_metric as LangChain tools. */
export function analyticsTools(deps: ToolDeps): StructuredToolInterface[] {
  return [
    asLangChainTool(queryMetricsContract, createQueryMetricsTool(deps)),
    asLangChainTool(cohortAnalysisContract, createCohortAnalysisTool(deps)),
    asLangChainTool(rfmSegmentsContract, createRfmSegmentsTool(deps)),
    asLangChainTool(explainAnomaliesContract, createExplainAnomaliesTool(deps)),
    asLangChainTool(forecastMetricContract, createForecastMetricTool(deps)),
  ];
}
