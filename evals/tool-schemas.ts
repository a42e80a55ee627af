/** Every tool's zod argument schema by name, to validate expected arguments and fill their defaults. */
import type { z } from "zod";
import { cohortAnalysisSchema, explainAnomaliesSchema, forecastMetricSchema, rfmSegmentsSchema } from "../tools/analytics/analysis-contracts.ts";
import { queryMetricsContract } from "../tools/analytics/query-metrics-contract.ts";
import { competitorPricesSchema, inventoryStatusSchema, reorderSuggestionsSchema } from "../tools/commerce-ops/contracts.ts";
import { priceChangesSchema, priceSuggestionsSchema, proposePriceChangeSchema, undoPriceChangeSchema } from "../tools/commerce-ops/pricing-contracts.ts";
import { budgetReallocationSchema, marketingPerformanceSchema } from "../tools/marketing/contracts.ts";
import { explainNotificationSchema, insightFeedbackSchema, notificationPreferencesSchema } from "../tools/notifications/contracts.ts";
import { forgetMemorySchema, recallMemorySchema, rememberFactSchema } from "../tools/memory/contracts.ts";
import { AGENT_TOOLS, type AgentName, type ToolName } from "../tools/tool-names.ts";

export const TOOL_SCHEMAS: Readonly<Record<ToolName, z.ZodType<Record<string, unknown>>>> = {
  query_metrics: queryMetricsContract.schema,
  cohort_analysis: cohortAnalysisSchema,
  rfm_segments: rfmSegmentsSchema,
  explain_anomalies: explainAnomaliesSchema,
  forecast_metric: forecastMetricSchema,
  marketing_performance: marketingPerformanceSchema,
  budget_reallocation: budgetReallocationSchema,
  inventory_status: inventoryStatusSchema,
  reorder_suggestions: reorderSuggestionsSchema,
  competitor_prices: competitorPricesSchema,
  price_suggestions: priceSuggestionsSchema,
  propose_price_change: proposePriceChangeSchema,
  undo_price_change: undoPriceChangeSchema,
  price_changes: priceChangesSchema,
  notification_preferences: notificationPreferencesSchema,
  explain_notification: explainNotificationSchema,
  insight_feedback: insightFeedbackSchema,
  recall_memory: recallMemorySchema,
  remember_fact: rememberFactSchema,
  forget_memory: forgetMemorySchema,
};

export const TOOL_NAMES = Object.keys(TOOL_SCHEMAS) as readonly string[];

export function isToolName(name: string): name is ToolName {
  return TOOL_NAMES.includes(name);
}

export function agentHasTool(agent: AgentName, tool: ToolName): boolean {
  return AGENT_TOOLS[agent].includes(tool);
}

/** The arguments parsed by the tool's schema (defaults filled), or the schema's complaint. */
export function parseToolArgs(tool: ToolName, args: unknown): { ok: true; args: Record<string, unknown> } | { ok: false; message: string } {
  const parsed = TOOL_SCHEMAS[tool].safeParse(args);
  if (parsed.success) return { ok: true, args: parsed.data };
  return { ok: false, message: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(args)"}: ${issue.message}`).join("; ") };
}
