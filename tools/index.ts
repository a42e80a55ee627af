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
import { createPriceChangesTool } from "./commerce-ops/price-changes.ts";
import { createPriceSuggestionsTool } from "./commerce-ops/price-suggestions.ts";
import { priceChangesContract, priceSuggestionsContract, proposePriceChangeContract, undoPriceChangeContract } from "./commerce-ops/pricing-contracts.ts";
import { createProposePriceChangeTool } from "./commerce-ops/propose-price-change.ts";
import { createUndoPriceChangeTool } from "./commerce-ops/undo-price-change.ts";
import { createBudgetReallocationTool } from "./marketing/budget-reallocation.ts";
import { budgetReallocationContract, marketingPerformanceContract } from "./marketing/contracts.ts";
import { createMarketingPerformanceTool } from "./marketing/marketing-performance.ts";
import { explainNotificationContract, insightFeedbackContract, notificationPreferencesContract } from "./notifications/contracts.ts";
import { createExplainNotificationTool } from "./notifications/explain-notification.ts";
import { createInsightFeedbackTool } from "./notifications/insight-feedback.ts";
import { createNotificationPreferencesTool } from "./notifications/notification-preferences.ts";
import { forgetMemoryContract, recallMemoryContract, rememberFactContract } from "./memory/contracts.ts";
import { createForgetMemoryTool } from "./memory/forget-memory.ts";
import { createRecallMemoryTool } from "./memory/recall-memory.ts";
import { createRememberFactTool } from "./memory/remember-fact.ts";
import type { z } from "zod";
import { withheldMetrics } from "../engines/access/roles.ts";
import { canUseTool, costsForbidden, roleForbidden } from "./tool-access.ts";
import { asLangChainTool, type ToolContract, type ToolDeps, type ToolRun } from "./tool-contract.ts";
import { AGENT_TOOLS, type AgentName, type ToolName } from "./tool-names.ts";

export function toolsByName(deps: ToolDeps): Readonly<Record<ToolName, StructuredToolInterface>> {
  /** The tool as the model sees it, refusing (typed `forbidden`) what the asker's role may not use or see. */
  const guarded = <Schema extends z.ZodObject>(contract: ToolContract<Schema>, run: ToolRun<Schema>, metricsOf?: (args: z.output<Schema>) => readonly string[]) =>
    asLangChainTool(contract, async (args: z.output<Schema>) => {
      if (!canUseTool(deps.access, contract.name)) return roleForbidden(contract.name, deps.access);
      const withheld = metricsOf === undefined ? [] : withheldMetrics(deps.access, metricsOf(args));
      if (withheld.length > 0) return costsForbidden(contract.name, withheld);
      return run(args);
    });
  return {
    query_metrics: guarded(queryMetricsContract, createQueryMetricsTool(deps), (args) => args.metrics),
    cohort_analysis: guarded(cohortAnalysisContract, createCohortAnalysisTool(deps)),
    rfm_segments: guarded(rfmSegmentsContract, createRfmSegmentsTool(deps)),
    explain_anomalies: guarded(explainAnomaliesContract, createExplainAnomaliesTool(deps), (args) => [args.metric]),
    forecast_metric: guarded(forecastMetricContract, createForecastMetricTool(deps), (args) => [args.metric]),
    marketing_performance: guarded(marketingPerformanceContract, createMarketingPerformanceTool(deps)),
    budget_reallocation: guarded(budgetReallocationContract, createBudgetReallocationTool(deps)),
    inventory_status: guarded(inventoryStatusContract, createInventoryStatusTool(deps)),
    reorder_suggestions: guarded(reorderSuggestionsContract, createReorderSuggestionsTool(deps)),
    competitor_prices: guarded(competitorPricesContract, createCompetitorPricesTool(deps)),
    price_suggestions: guarded(priceSuggestionsContract, createPriceSuggestionsTool(deps)),
    propose_price_change: guarded(proposePriceChangeContract, createProposePriceChangeTool(deps)),
    undo_price_change: guarded(undoPriceChangeContract, createUndoPriceChangeTool(deps)),
    price_changes: guarded(priceChangesContract, createPriceChangesTool(deps)),
    notification_preferences: guarded(notificationPreferencesContract, createNotificationPreferencesTool(deps)),
    explain_notification: guarded(explainNotificationContract, createExplainNotificationTool(deps)),
    insight_feedback: guarded(insightFeedbackContract, createInsightFeedbackTool(deps)),
    recall_memory: guarded(recallMemoryContract, createRecallMemoryTool(deps)),
    remember_fact: guarded(rememberFactContract, createRememberFactTool(deps)),
    forget_memory: guarded(forgetMemoryContract, createForgetMemoryTool(deps)),
  };
}

export function toolsForTurn(deps: ToolDeps): Readonly<Record<AgentName, readonly StructuredToolInterface[]>> {
  const byName = toolsByName(deps);
  const pick = (agent: AgentName) => AGENT_TOOLS[agent].map((name) => byName[name]);
  return { analytics: pick("analytics"), marketing: pick("marketing"), commerce_ops: pick("commerce_ops"), notifications: pick("notifications"), memory: pick("memory") };
}
