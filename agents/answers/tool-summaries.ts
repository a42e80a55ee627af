/**
 * Tool-result summaries: one deterministic English line per executed tool call of a turn, e.g.
 * `query_metrics net_sales 2026-11-14..2026-11-20: 123,456.70 MXN`,
 * `propose_price_change Playera Básica Negro: 299.00 → 279.00 MXN, code 4F2K, pending approval`,
 * `inventory_status failed: not_found No product matches "Playera Roja".`. The channels record them
 * as "tool" messages and the memory indexer embeds them, so a later question recalls what the tools
 * found with the names and figures they found it with (product names, SKUs, campaigns, codes).
 * Lines are at most SUMMARY_MAX_CHARS long. Data crossed the graph as unknown: each tool's data is
 * checked with the composers' guards, and a shape that does not pass says so instead of guessing.
 * The memory tools' lines never repeat memories (tool-summaries-memory.ts).
 */
import { assertNever } from "../../lib/assert-never.ts";
import type { ToolName } from "../../tools/tool-names.ts";
import type { ToolError } from "../../tools/tool-outcome.ts";
import { isCohortAnalysisData, isExplainAnomaliesData, isForecastMetricData, isQueryMetricsData, isRfmSegmentsData } from "./analytics/outcome-data.ts";
import { isCompetitorPricesData, isInventoryStatusData, isPriceChangesData, isPriceSuggestionsData, isProposePriceChangeData, isReorderSuggestionsData } from "./commerce-ops/outcome-data.ts";
import { localParts } from "./format/dates.ts";
import { isBudgetReallocationData, isMarketingPerformanceData, platformName } from "./marketing/outcome-data.ts";
import { readForgetData, readRecallData, readRememberData } from "./memory/outcome-data.ts";
import { isExplainNotificationData, isInsightFeedbackData, isNotificationPreferencesData } from "./notifications/outcome-data.ts";
import { anomaliesSummary, cohortSummary, forecastSummary, queryMetricsSummary, rfmSummary } from "./tool-summaries-analytics.ts";
import { forgetSummary, recallSummary, rememberSummary } from "./tool-summaries-memory.ts";
import { competitorSummary, inventorySummary, priceChangesSummary, priceSuggestionsSummary, proposalSummary, reorderSummary } from "./tool-summaries-commerce.ts";
import { amount, clip, figure, firstOf, span, type SummaryContext } from "./tool-summary-words.ts";
import type { ToolCallRecord } from "./types.ts";
import type { BudgetReallocationData } from "../../tools/marketing/budget-reallocation.ts";
import type { MarketingPerformanceData } from "../../tools/marketing/marketing-performance.ts";
import type { ExplainNotificationData, InsightData, InsightFeedbackData, NotificationPreferencesData } from "../../tools/notifications/notification-data.ts";

export { SUMMARY_MAX_CHARS, type SummaryContext } from "./tool-summary-words.ts";

const ROWS_LISTED = 3;

/** "inventory_status failed: not_found No product matches "x". (suggestions: a, b)". */
function failureSummary(tool: ToolName, error: ToolError): string {
  const suggestions = error.suggestions && error.suggestions.length > 0 ? ` (suggestions: ${firstOf(error.suggestions, 5, ", ")})` : "";
  return `${tool} failed: ${error.code} ${error.message}${suggestions}`;
}

function marketingSummary(data: MarketingPerformanceData, context: SummaryContext): string {
  const name = (label: string) => (data.by === "platform" ? platformName(label) : label);
  const roas = (value: number | null) => (value === null ? "" : `, ROAS ${figure(value, "multiple", context.currency, context)}`);
  const totals = data.totals;
  const conversions = totals.conversions === null ? "" : `, ${figure(totals.conversions, "count", context.currency, context)} conversions`;
  const head = `marketing_performance by ${data.by} ${span(data.range.start, data.range.end)}: spend ${figure(totals.spendCents, "money", context.currency, context)}${conversions}${roas(totals.roas)}`;
  const rows = data.rows.filter((row) => !row.other).map((row) => `${name(row.label)} ${figure(row.spendCents, "money", context.currency, context)}${roas(row.roas)}`);
  return rows.length === 0 ? head : `${head}; ${firstOf(rows, ROWS_LISTED)}`;
}

function budgetSummary(data: BudgetReallocationData, context: SummaryContext): string {
  const name = (label: string) => (data.by === "platform" ? platformName(label) : label);
  const head = `budget_reallocation by ${data.by} ${span(data.range.start, data.range.end)}, spend ${amount(data.totalSpendCents, context.currency, context)}`;
  if (data.movedCents === 0) return `${head}: nothing worth moving`;
  const moves = data.transfers.map((transfer) => `${amount(transfer.amountCents, context.currency, context)} ${name(transfer.from)} → ${name(transfer.to)}`);
  const conversions = `${data.expectedConversionsChange >= 0 ? "+" : "−"}${Math.abs(Math.round(data.expectedConversionsChange * 10) / 10)} conversions`;
  const revenue = `${data.expectedRevenueChangeCents >= 0 ? "+" : "−"}${amount(Math.abs(data.expectedRevenueChangeCents), context.currency, context)}`;
  return `${head}: move ${amount(data.movedCents, context.currency, context)} (${firstOf(moves, ROWS_LISTED, ", ")}); expected ${conversions}, ${revenue} revenue`;
}

function preferencesSummary(data: NotificationPreferencesData): string {
  const { preferences } = data;
  const onOff = (enabled: boolean) => (enabled ? "on" : "off");
  const via = (channels: readonly string[]) => (channels.length === 0 ? "" : ` via ${channels.join(", ")}`);
  const what = data.requested.length === 0 ? "shown" : data.changed.length === 0 ? `unchanged ${data.requested.join(", ")}` : `changed ${data.changed.join(", ")}`;
  const quiet = preferences.quietHours === null ? "no quiet hours" : `quiet hours ${preferences.quietHours.start}-${preferences.quietHours.end}`;
  return (
    `notification_preferences ${data.memberName} ${what}: digest ${onOff(preferences.digest.enabled)} at ${preferences.digest.time}${via(data.digestChannels)}, ` +
    `alerts ${onOff(preferences.alerts.enabled)}${via(data.alertChannels)}, weekly ${onOff(preferences.weekly.enabled)}, ${quiet}`
  );
}

function insightWords(insight: InsightData): string {
  return `insight #${insight.id} ${insight.type} (${insight.severity}) "${insight.title}"`;
}

function explanationSummary(data: ExplainNotificationData, context: SummaryContext): string {
  const day = localParts(data.sent.at, context.timeZone).date;
  const feedback = data.feedback === null ? "" : `, marked ${data.feedback.replaceAll("_", " ")}`;
  return `explain_notification ${insightWords(data.insight)}: sent as ${data.sent.kind} on ${data.sent.channel} ${day}${feedback}`;
}

function feedbackSummary(data: InsightFeedbackData): string {
  return `insight_feedback ${insightWords(data.insight)}: ${data.verdict.replaceAll("_", " ")}`;
}

/** The line of a tool whose data is readable, or null when its shape does not pass the tool's guard. */
function dataSummary(call: ToolCallRecord, data: unknown, context: SummaryContext): string | null {
  const tool: ToolName = call.name;
  switch (tool) {
    case "query_metrics":
      return isQueryMetricsData(data) ? queryMetricsSummary(call.args, data, context) : null;
    case "cohort_analysis":
      return isCohortAnalysisData(data) ? cohortSummary(data, context) : null;
    case "rfm_segments":
      return isRfmSegmentsData(data) ? rfmSummary(data, context) : null;
    case "explain_anomalies":
      return isExplainAnomaliesData(data) ? anomaliesSummary(data, context) : null;
    case "forecast_metric":
      return isForecastMetricData(data) ? forecastSummary(data, context) : null;
    case "marketing_performance":
      return isMarketingPerformanceData(data) ? marketingSummary(data, context) : null;
    case "budget_reallocation":
      return isBudgetReallocationData(data) ? budgetSummary(data, context) : null;
    case "inventory_status":
      return isInventoryStatusData(data) ? inventorySummary(data) : null;
    case "reorder_suggestions":
      return isReorderSuggestionsData(data) ? reorderSummary(data, context) : null;
    case "competitor_prices":
      return isCompetitorPricesData(data) ? competitorSummary(data, context) : null;
    case "price_suggestions":
      return isPriceSuggestionsData(data) ? priceSuggestionsSummary(data, context) : null;
    case "propose_price_change":
    case "undo_price_change":
      return isProposePriceChangeData(data) ? proposalSummary(tool, data, context) : null;
    case "price_changes":
      return isPriceChangesData(data) ? priceChangesSummary(data, context) : null;
    case "notification_preferences":
      return isNotificationPreferencesData(data) ? preferencesSummary(data) : null;
    case "explain_notification":
      return isExplainNotificationData(data) ? explanationSummary(data, context) : null;
    case "insight_feedback":
      return isInsightFeedbackData(data) ? feedbackSummary(data) : null;
    case "recall_memory": {
      const recalled = readRecallData(data);
      return recalled === null ? null : recallSummary(recalled);
    }
    case "remember_fact": {
      const kept = readRememberData(data);
      return kept === null ? null : rememberSummary(kept);
    }
    case "forget_memory": {
      const forgotten = readForgetData(data);
      return forgotten === null ? null : forgetSummary(forgotten);
    }
    default:
      return assertNever(tool, "tool name");
  }
}

/** One call's line. A result whose data cannot be read (a shape the guards reject, or one that breaks a formatter) still gets a line. */
export function toolSummary(call: ToolCallRecord, context: SummaryContext): string {
  const outcome = call.outcome;
  if (!outcome.ok) return clip(failureSummary(call.name, outcome.error));
  let line: string | null;
  try {
    line = dataSummary(call, outcome.data, context);
  } catch {
    line = null;
  }
  return clip(line ?? `${call.name} ok (result in an unexpected shape, not summarised)`);
}

/** The turn's lines, one per executed tool call, in the order they ran. */
export function toolSummaries(calls: readonly ToolCallRecord[], context: SummaryContext): string[] {
  return calls.map((call) => toolSummary(call, context));
}
