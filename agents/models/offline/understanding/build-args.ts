/**
 * Tool arguments from a reading, exactly as a real model would call the tool: valid against the
 * tool's zod schema (parsed through it, so defaults are filled in). A follow-up passes the previous
 * call's arguments as `base`: what the new message says replaces or adds to them, the rest is kept.
 *
 * Ranking rule: a ranking or split with no metric named ranks by net_sales, whatever the verb ("más
 * vendidos", "best sellers", "top productos"); units only when units are named ("por unidades").
 * Metrics the person names always come first and are ranked on.
 */
import type { z } from "zod";
import { DEFAULT_TOP, metricQuerySchema, type MetricQuery } from "../../../../engines/metrics/query/query-schema.ts";
import type { RangeSpec } from "../../../../engines/metrics/time/range-spec.ts";
import { cohortAnalysisSchema, explainAnomaliesSchema, forecastMetricSchema, rfmSegmentsSchema } from "../../../../tools/analytics/analysis-contracts.ts";
import { competitorPricesSchema, inventoryStatusSchema, reorderSuggestionsSchema } from "../../../../tools/commerce-ops/contracts.ts";
import { priceChangesSchema, priceSuggestionsSchema, proposePriceChangeSchema, undoPriceChangeSchema } from "../../../../tools/commerce-ops/pricing-contracts.ts";
import { budgetReallocationSchema, marketingPerformanceSchema } from "../../../../tools/marketing/contracts.ts";
import { explainNotificationSchema, insightFeedbackSchema, notificationPreferencesSchema } from "../../../../tools/notifications/contracts.ts";
import { forgetMemorySchema, recallMemorySchema, rememberFactSchema } from "../../../../tools/memory/contracts.ts";
import type { ToolName } from "../../../../tools/tool-names.ts";
import type { WorkspaceContext } from "../../../shared/workspace-context.ts";
import type { MemberKind, MemberMatch } from "./members.ts";
import { findPhrases } from "./phrases.ts";
import type { Reading } from "./reading.ts";
import { daysSinceStart, defaultRangeForGrain, grainFor, rangeDays, rangeText } from "./time-phrases.ts";
import { RFM_SEGMENT_PHRASES } from "./vocabulary/intents.ts";
import { DEFAULT_METRICS } from "./vocabulary/metrics.ts";
import { commerceArgs, leadTimeDays, shiftPercent } from "./commerce-args.ts";

import type { Args } from "./args.ts";

export const TOOL_SCHEMAS = {
  query_metrics: metricQuerySchema,
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
} as const satisfies Record<ToolName, z.ZodType>;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(value)));

/** The filter dimension of a member kind (competitors are not a metrics dimension). */
function dimensionOf(match: MemberMatch): string | null {
  const kind: MemberKind = match.member.kind;
  switch (kind) {
    case "product":
    case "category":
    case "campaign":
    case "platform":
    case "country":
    case "state":
    case "city":
      return kind;
    case "channel":
      return "source_channel";
    case "attribute":
      return match.member.key === null ? null : `attr.${match.member.key}`;
    case "competitor":
      return null;
  }
}

type Filter = MetricQuery["filters"][number];

/** Every value a member kind has in this workspace, when the lexicon lists them (a filter on all of them narrows nothing). */
function allValues(kind: MemberKind, context: WorkspaceContext): readonly string[] | null {
  switch (kind) {
    case "country":
      return context.lexicon.countries;
    case "platform":
      return context.lexicon.platforms;
    case "channel":
      return context.lexicon.channels;
    case "attribute":
    case "campaign":
    case "category":
    case "city":
    case "competitor":
    case "product":
    case "state":
      return null;
  }
}

function mergeFilters(base: readonly Filter[], matches: readonly MemberMatch[], context: WorkspaceContext): Filter[] {
  const added = new Map<string, Filter>();
  for (const match of matches) {
    const dimension = dimensionOf(match);
    if (dimension === null) continue;
    // "la tienda de México" in a store that only sells in Mexico: no narrowing.
    const all = allValues(match.member.kind, context);
    if (!match.excluded && all !== null && all.length > 0 && all.every((value) => matches.some((other) => other.member.kind === match.member.kind && other.member.value === value))) continue;
    const operator = match.excluded ? "not_in" : "in";
    const key = `${dimension}:${operator}`;
    const existing = added.get(key);
    added.set(key, { dimension, operator, values: existing === undefined ? [match.member.value] : [...new Set([...existing.values, match.member.value])] });
  }
  const replaced = new Set([...added.values()].map((filter) => filter.dimension));
  return [...base.filter((filter) => !replaced.has(filter.dimension)), ...added.values()];
}

/** Rankings and splits with no metric named rank by net sales (units only when units are named). */
function defaultMetrics(reading: Reading): string[] {
  if (reading.ranking !== null || reading.breakdown !== null || reading.top !== null) return ["net_sales"];
  if (reading.members.matches.some((match) => match.member.kind === "product" || match.member.kind === "category")) return ["net_sales", "units"];
  if (reading.comparison !== null && !reading.cues.has("overview")) return ["net_sales"];
  return [...DEFAULT_METRICS];
}

function queryMetrics(reading: Reading, context: WorkspaceContext, base: MetricQuery | null): Args {
  const named = reading.metrics.length > 0 && !(reading.weakMetric && reading.ranking !== null);
  const metrics = named ? [...reading.metrics] : (base?.metrics ?? defaultMetrics(reading));
  const grainAsked = reading.grain !== undefined;
  const range: RangeSpec | string = reading.range ?? base?.range ?? defaultRangeForGrain(reading.grain);
  const spec: RangeSpec = typeof range === "string" ? { kind: "last", n: 30, unit: "day" } : range;
  const grain = grainAsked ? (reading.grain ?? grainFor(spec, context)) : (base?.grain ?? null);
  let breakdown = base?.breakdown ?? null;
  const rankingDimension = reading.breakdown ?? ((reading.ranking !== null || reading.top !== null) && breakdown === null ? "product" : null);
  if (rankingDimension !== null) {
    const sortBy = reading.ranking !== null && (!named || metrics.includes(reading.ranking.sortBy)) ? reading.ranking.sortBy : undefined;
    breakdown = { dimension: rankingDimension, top: reading.top ?? DEFAULT_TOP, direction: reading.direction ?? "desc", ...(sortBy === undefined ? {} : { sortBy }) };
  } else if (breakdown !== null && (reading.top !== null || reading.direction !== null)) {
    breakdown = { ...breakdown, top: reading.top ?? breakdown.top, direction: reading.direction ?? breakdown.direction };
  } else if (breakdown === null && base !== null && reading.direction !== null) {
    breakdown = { dimension: "product", top: reading.top ?? DEFAULT_TOP, direction: reading.direction };
  }
  if (breakdown?.sortBy !== undefined && !metrics.includes(breakdown.sortBy)) {
    const { sortBy: _dropped, ...rest } = breakdown;
    breakdown = rest;
  }
  return {
    metrics: metrics.slice(0, 8),
    range,
    grain,
    filters: mergeFilters(base?.filters ?? [], reading.members.matches, context),
    breakdown,
    comparison: reading.comparison ?? base?.comparison ?? null,
  };
}

function stringField(base: Args | null, key: string): string | undefined {
  const value = base?.[key];
  return typeof value === "string" ? value : undefined;
}

function stringList(base: Args | null, key: string): string[] {
  const value = base?.[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function numberField(base: Args | null, key: string): number | undefined {
  const value = base?.[key];
  return typeof value === "number" ? value : undefined;
}

function membersOf(reading: Reading, kind: MemberKind): string[] {
  return reading.members.matches.filter((match) => match.member.kind === kind && !match.excluded).map((match) => match.member.value);
}

function rangeTextOf(reading: Reading, base: Args | null): string | undefined {
  if (reading.range !== null) return rangeText(reading.range);
  const previous = base?.range;
  if (typeof previous === "string") return previous;
  if (previous !== undefined && previous !== null && typeof previous === "object") {
    const parsed = metricQuerySchema.shape.range.safeParse(previous);
    if (parsed.success) return typeof parsed.data === "string" ? parsed.data : rangeText(parsed.data);
  }
  return undefined;
}

function marketingBy(reading: Reading, base: Args | null): "platform" | "campaign" {
  if (reading.breakdown === "campaign" || membersOf(reading, "campaign").length > 0) return "campaign";
  if (reading.breakdown === "platform") return "platform";
  if (reading.dimensionWords.includes("campaign")) return "campaign";
  const previous = stringField(base, "by");
  return previous === "campaign" ? "campaign" : "platform";
}

function firstMetric(reading: Reading, base: Args | null): string {
  return reading.metrics[0] ?? stringField(base, "metric") ?? "net_sales";
}

function build(tool: ToolName, reading: Reading, context: WorkspaceContext, base: Args | null): Args {
  switch (tool) {
    case "query_metrics": {
      const parsedBase = base === null ? null : metricQuerySchema.safeParse(base);
      return queryMetrics(reading, context, parsedBase?.success === true ? parsedBase.data : null);
    }
    case "cohort_analysis": {
      const months = reading.range?.kind === "last" && reading.range.unit === "month" ? clamp(reading.range.n, 1, 24) : numberField(base, "months");
      return months === undefined ? {} : { months };
    }
    case "rfm_segments": {
      const segment = findPhrases(reading.words, RFM_SEGMENT_PHRASES, reading.words.map(() => false), false)[0]?.value ?? stringField(base, "segment") ?? null;
      const lookback = reading.range === null ? numberField(base, "lookbackDays") : clamp(rangeDays(reading.range, context), 30, 1095);
      return { segment, ...(lookback === undefined ? {} : { lookbackDays: lookback }) };
    }
    case "explain_anomalies": {
      const lookback = reading.range === null ? numberField(base, "lookbackDays") : clamp(daysSinceStart(reading.range, context), 1, 90);
      return { metric: firstMetric(reading, base), ...(lookback === undefined ? {} : { lookbackDays: lookback }) };
    }
    case "forecast_metric": {
      const horizon = reading.horizonDays ?? numberField(base, "horizonDays");
      return { metric: firstMetric(reading, base), ...(horizon === undefined ? {} : { horizonDays: clamp(horizon, 1, 90) }) };
    }
    case "marketing_performance": {
      const range = rangeTextOf(reading, base);
      const named = membersOf(reading, "platform");
      // "meta vs google" when those are all the platforms there are: a split, not a narrowing.
      const platforms = named.length > 1 && context.lexicon.platforms.every((platform) => named.includes(platform)) ? [] : named;
      const campaigns = membersOf(reading, "campaign");
      return {
        ...(range === undefined ? {} : { range }),
        by: marketingBy(reading, base),
        platforms: named.length > 0 ? platforms : stringList(base, "platforms"),
        campaigns: campaigns.length > 0 ? campaigns : stringList(base, "campaigns"),
        comparison: reading.comparison ?? (stringField(base, "comparison") === "last_year" ? "last_year" : stringField(base, "comparison") === "previous" ? "previous" : null),
        top: clamp(reading.top ?? numberField(base, "top") ?? 10, 1, 50),
      };
    }
    case "budget_reallocation": {
      const range = rangeTextOf(reading, base);
      const shift = shiftPercent(reading.words) ?? numberField(base, "shiftPercent");
      const byPlatform = reading.breakdown === "platform" || reading.dimensionWords.includes("platform") || (membersOf(reading, "platform").length >= 2 && membersOf(reading, "campaign").length === 0);
      return { ...(range === undefined ? {} : { range }), by: byPlatform ? "platform" : (stringField(base, "by") ?? "campaign"), ...(shift === undefined ? {} : { shiftPercent: clamp(shift, 5, 50) }) };
    }
    case "inventory_status":
    case "reorder_suggestions":
    case "competitor_prices":
    case "price_suggestions":
    case "price_changes":
      return commerceArgs(tool, reading, base, rangeTextOf(reading, base), leadTimeDays(reading.words));
    // Proposals (price-orders.ts) and notification settings and feedback (notification-orders.ts) are
    // built whole from the message and never followed up: kept as they are.
    case "propose_price_change":
    case "undo_price_change":
    case "notification_preferences":
    case "explain_notification":
    case "insight_feedback":
    case "recall_memory":
    case "remember_fact":
    case "forget_memory":
      return { ...base };
  }
}

const FALLBACK: Readonly<Record<ToolName, Args>> = {
  query_metrics: { metrics: [...DEFAULT_METRICS], range: { kind: "last", n: 30, unit: "day" } },
  cohort_analysis: {},
  rfm_segments: {},
  explain_anomalies: {},
  forecast_metric: {},
  marketing_performance: {},
  budget_reallocation: {},
  inventory_status: {},
  reorder_suggestions: {},
  competitor_prices: {},
  price_suggestions: {},
  propose_price_change: {},
  // Never used: an undo is only built with the code it names.
  undo_price_change: { code: "?" },
  price_changes: {},
  notification_preferences: {},
  explain_notification: {},
  insight_feedback: { verdict: "not_useful" },
  // Never used: memory calls are built whole from the message (memory-orders.ts).
  recall_memory: { query: "?" },
  remember_fact: { statement: "?" },
  forget_memory: {},
};

/** Arguments parsed by the tool's schema (defaults filled in); the tool's plain defaults when they do not parse. */
export function toolArgs(tool: ToolName, args: Args): Record<string, unknown> {
  const schema: z.ZodType = TOOL_SCHEMAS[tool];
  const parsed = schema.safeParse(args);
  const value: unknown = parsed.success ? parsed.data : schema.parse(FALLBACK[tool]);
  return isRecord(value) ? value : {};
}

/** The tool's arguments for this reading (on top of `base` for a follow-up), parsed by the tool's schema. */
export function buildArgs(tool: ToolName, reading: Reading, context: WorkspaceContext, base: Readonly<Record<string, unknown>> | null): Record<string, unknown> {
  return toolArgs(tool, build(tool, reading, context, base === null ? null : { ...base }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

