/**
 * Follow-ups: "¿y en septiembre?", "and by category", "solo Instagram", "vs last year", "top 3",
 * "¿y los pedidos?", "¿por qué?". A message that opens with a follow-up word, or a short one that only
 * changes something (a range, a split, a filter, a metric), refers to the thread's last tool call;
 * a complete question of its own does not, even when there is one.
 */
import type { ToolName } from "../../../../tools/tool-names.ts";
import { chooseTool, type ToolChoice } from "./intents.ts";
import { findPhrases, hasPhrase } from "./phrases.ts";
import type { Reading } from "./reading.ts";
import type { PreviousCall } from "./types.ts";
import { FOLLOW_UP_LEADS, QUESTION_WORDS } from "./vocabulary/follow-up-words.ts";
import { type ToolCue } from "./vocabulary/intents.ts";
import { AD_METRICS, BLENDED_MARKETING_METRICS } from "./vocabulary/metrics.ts";
import { GREETING, THANKS } from "./vocabulary/intents.ts";

export type FollowUpKind = "follow" | "new" | "orphan";

const GENERIC: ReadonlySet<ToolCue> = new Set(["data", "why", "overview", "ads"]);
const SHORT = 5;

/** True when the message changes something a query has: range, split, filter, metric, ranking… */
export function hasModifier(reading: Reading): boolean {
  return (
    reading.range !== null ||
    reading.comparison !== null ||
    reading.grain !== undefined ||
    reading.breakdown !== null ||
    reading.dimensionWords.length > 0 ||
    reading.members.matches.length > 0 ||
    reading.top !== null ||
    reading.direction !== null ||
    reading.metrics.length > 0 ||
    reading.horizonDays !== null ||
    reading.cues.has("why")
  );
}

function opensWithLead(words: readonly string[]): boolean {
  let start = 0;
  while (start < words.length && (hasPhrase([words[start] ?? ""], THANKS) || hasPhrase([words[start] ?? ""], GREETING))) start++;
  const rest = words.slice(start);
  return findPhrases(rest, FOLLOW_UP_LEADS, rest.map(() => false), false).some((match) => match.start === 0);
}

/** Whether the message follows the previous call, stands alone, or would follow one that does not exist. */
export function followUpKind(reading: Reading, hasPrevious: boolean): FollowUpKind {
  if (!hasModifier(reading)) return "new";
  const specific = [...reading.cues].some((cue) => !GENERIC.has(cue));
  if (specific) return "new";
  const lead = opensWithLead(reading.words);
  const complete = reading.metrics.length > 0 && hasPhrase(reading.words, QUESTION_WORDS) && reading.tokens.length > SHORT;
  const short = reading.tokens.length <= SHORT;
  if (!lead && (complete || !short)) return "new";
  if (hasPrevious) return "follow";
  const standalone = reading.metrics.length > 0 || reading.members.matches.length > 0 || reading.cues.has("overview");
  if (standalone) return "new";
  const onlyTime = reading.breakdown === null && reading.ranking === null && reading.top === null && reading.dimensionWords.length === 0 && reading.direction === null;
  return lead || onlyTime ? "orphan" : "new";
}

const METRIC_TOOLS: ReadonlySet<ToolName> = new Set(["query_metrics", "explain_anomalies", "forecast_metric"]);

/** The tool the follow-up calls and the arguments it builds on (null: start afresh but keep the range). */
export function followUpTarget(reading: Reading, previous: PreviousCall): { readonly choice: ToolChoice; readonly base: Readonly<Record<string, unknown>> } {
  const sameAgent = (tool: ToolName): ToolChoice => ({ agent: agentOf(previous, tool), tool });
  if (reading.cues.has("why") && reading.metrics.length === 0 && previous.tool === "query_metrics") {
    const metrics = previous.args["metrics"];
    const metric = Array.isArray(metrics) && typeof metrics[0] === "string" ? metrics[0] : "net_sales";
    return { choice: { agent: "analytics", tool: "explain_anomalies" }, base: { metric } };
  }
  const newMetrics = reading.metrics.length > 0 && !reading.weakMetric;
  if (!newMetrics || METRIC_TOOLS.has(previous.tool)) return { choice: sameAgent(previous.tool), base: previous.args };
  const adMetrics = reading.metrics.every((metric) => AD_METRICS.has(metric));
  if (previous.tool === "marketing_performance" && adMetrics) return { choice: sameAgent(previous.tool), base: previous.args };
  const range = previous.args["range"];
  const choice = chooseTool({ ...reading, cues: new Set<ToolCue>() }) ?? { agent: "analytics", tool: "query_metrics" };
  const tool: ToolChoice = choice.tool === "query_metrics" ? choice : { agent: reading.metrics.every((m) => AD_METRICS.has(m) || BLENDED_MARKETING_METRICS.has(m)) ? "marketing" : "analytics", tool: "query_metrics" };
  return { choice: tool, base: typeof range === "string" ? { range } : {} };
}

function agentOf(previous: PreviousCall, tool: ToolName): ToolChoice["agent"] {
  switch (tool) {
    case "query_metrics": {
      const metrics = previous.args["metrics"];
      const names = Array.isArray(metrics) ? metrics.filter((m): m is string => typeof m === "string") : [];
      return names.length > 0 && names.every((m) => AD_METRICS.has(m) || BLENDED_MARKETING_METRICS.has(m)) ? "marketing" : "analytics";
    }
    case "cohort_analysis":
    case "rfm_segments":
    case "explain_anomalies":
    case "forecast_metric":
      return "analytics";
    case "marketing_performance":
    case "budget_reallocation":
      return "marketing";
    case "inventory_status":
    case "reorder_suggestions":
    case "competitor_prices":
    case "price_suggestions":
    case "propose_price_change":
    case "undo_price_change":
    case "price_changes":
      return "commerce_ops";
    case "notification_preferences":
    case "explain_notification":
    case "insight_feedback":
      return "notifications";
    case "recall_memory":
    case "remember_fact":
    case "forget_memory":
      return "memory";
  }
}

/** "¿y el año pasado?" after a query: the same range against last year, not last year's range. */
export function yearAgoAsComparison(reading: Reading, tool: ToolName): Reading {
  const range = reading.range;
  const onlyYear = range !== null && range.kind === "previous" && range.unit === "year" && reading.comparison === null;
  if (!onlyYear || (tool !== "query_metrics" && tool !== "marketing_performance")) return reading;
  return { ...reading, range: null, comparison: "last_year" };
}
