/**
 * The tools of a turn, per agent, bound to its workspace, clock and database (AGENT_TOOLS says which
 * agent gets which). Built per turn because the clock is the turn's "now".
 */
import type { StructuredToolInterface } from "@langchain/core/tools";
import { cohortAnalysisContract, explainAnomaliesContract, forecastMetricContract, rfmSegmentsContract } from "./analytics/analysis-contracts.ts";
import { createCohortAnalysisTool } from "./analytics/cohort-analysis.ts";
import { createExplainAnomaliesTool } from "./analytics/explain-anomalies.ts";
import { createForecastMetricTool } from "./analytics/forecast-metric.ts";
import { queryMetricsContract } from "./analytics/query-metrics-contract.ts";
import { createQueryMetricsTool } from "./analytics/query-metrics.ts";
import { createRfmSegmentsTool } from "./analytics/rfm-segments.ts";
import { createCompetitorPricesTool } from "./commerce-ops/competitor-prices.ts";
import { competitorPricesContract, inventoryStatusContract, reorderSuggestionsContract } from "./commerce-ops/contracts.ts";
import { createInventoryStatusTool } from "./commerce-ops/inventory-status.ts";
import { createReorderSuggestionsTool } from "./commerce-ops/reorder-suggestions.ts";
import { createBudgetReallocationTool } from "./marketing/budget-reallocation.ts";
import { budgetReallocationContract, marketingPerformanceContract } from "./marketing/contracts.ts";
import { createMarketingPerformanceTool } from "./marketing/marketing-performance.ts";
import { asLangChainTool, type ToolDeps } from "./tool-contract.ts";
import { AGENT_TOOLS, type AgentName, type ToolName } from "./tool-names.ts";

export function toolsByName(deps: ToolDeps): Readonly<Record<ToolName, StructuredToolInterface>> {
  return {
    query_metrics: asLangChainTool(queryMetricsContract, createQueryMetricsTool(deps)),
    cohort_analysis: asLangChainTool(cohortAnalysisContract, createCohortAnalysisTool(deps)),
    rfm_segments: asLangChainTool(rfmSegmentsContract, createRfmSegmentsTool(deps)),
    explain_anomalies: asLangChainTool(explainAnomaliesContract, createExplainAnomaliesTool(deps)),
    forecast_metric: asLangChainTool(forecastMetricContract, createForecastMetricTool(deps)),
    marketing_performance: asLangChainTool(marketingPerformanceContract, createMarketingPerformanceTool(deps)),
    budget_reallocation: asLangChainTool(budgetReallocationContract, createBudgetReallocationTool(deps)),
    inventory_status: asLangChainTool(inventoryStatusContract, createInventoryStatusTool(deps)),
    reorder_suggestions: asLangChainTool(reorderSuggestionsContract, createReorderSuggestionsTool(deps)),
    competitor_prices: asLangChainTool(competitorPricesContract, createCompetitorPricesTool(deps)),
  };
}

export function toolsForTurn(deps: ToolDeps): Readonly<Record<AgentName, readonly StructuredToolInterface[]>> {
  const byName = toolsByName(deps);
  const pick = (agent: AgentName) => AGENT_TOOLS[agent].map((name) => byName[name]);
  return { analytics: pick("analytics"), marketing: pick("marketing"), commerce_ops: pick("commerce_ops") };
}
