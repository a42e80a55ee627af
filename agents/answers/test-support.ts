/** Hand-built tool outcomes and answer contexts for the composer and number-checker tests. */
import type { Freshness } from "../../engines/metrics/query/freshness.ts";
import type { BreakdownRow, MetricQueryResult, MetricSummary, SeriesPoint } from "../../engines/metrics/query/result.ts";
import type { ResolvedRange } from "../../engines/metrics/time/types.ts";
import { compare, type ComparedValue, type MetricValue } from "../../engines/metrics/values.ts";
import { addDays, daysBetween } from "../../lib/calendar-date.ts";
import type { ToolName } from "../../tools/tool-names.ts";
import { toolData, type ToolOutcome } from "../../tools/tool-outcome.ts";
import type { Language } from "../shared/language.ts";
import type { AnswerContext, ToolCallRecord } from "./types.ts";

export function answerContext(language: Language, currency: string, overrides: Partial<AnswerContext> = {}): AnswerContext {
  return { language, currency, timeZone: "America/Argentina/Buenos_Aires", now: "2026-11-10T15:00:00Z", workspaceName: "Tienda Sur", ...overrides };
}

export const ORDERS_FRESHNESS: Freshness = { source: "orders", latestData: "2026-11-10T17:05:00Z", lastLoadedAt: "2026-11-10T17:10:00Z" };
export const ADS_FRESHNESS: Freshness = { source: "ads", latestData: "2026-11-09", lastLoadedAt: "2026-11-10T06:00:00Z" };

export const METRICS: Readonly<Record<string, MetricSummary>> = {
  net_sales: { name: "net_sales", label: "Net sales", domain: "ecommerce", unit: "money", formula: "", higherIsBetter: true },
  orders: { name: "orders", label: "Orders", domain: "ecommerce", unit: "count", formula: "", higherIsBetter: true },
  gross_margin: { name: "gross_margin", label: "Gross margin", domain: "ecommerce", unit: "ratio", formula: "", higherIsBetter: true },
  roas: { name: "roas", label: "ROAS", domain: "marketing", unit: "multiple", formula: "", higherIsBetter: true },
};

export function range(start: string, end: string, unit: ResolvedRange["alignment"]["unit"] = "day", count = 1): ResolvedRange {
  return { start, end, days: daysBetween(start, end), label: `${start}..${end}`, alignment: { unit, count: unit === "day" ? daysBetween(start, end) : count, toDate: false } };
}

/** Last week as of the contexts' now (Tue Nov 10, 2026): Sun Nov 1 – Sat Nov 7. */
export const LAST_WEEK = range("2026-11-01", "2026-11-08", "week");
export const WEEK_BEFORE = range("2026-10-25", "2026-11-01", "week");

export function value(current: number | null, previous?: number | null, reason?: string): ComparedValue {
  const now: MetricValue = current === null ? { value: null, reason: reason ?? "no data" } : { value: current };
  if (previous === undefined) return now;
  return compare(now, previous === null ? { value: null, reason: "no data" } : { value: previous });
}

export function metricResult(parts: Partial<MetricQueryResult> & Pick<MetricQueryResult, "metrics" | "totals">): MetricQueryResult {
  return {
    workspaceId: 1,
    currency: "ARS",
    timeZone: "America/Argentina/Buenos_Aires",
    range: LAST_WEEK,
    comparison: null,
    grain: null,
    series: null,
    breakdown: null,
    freshness: [ORDERS_FRESHNESS],
    paths: { orders: "rollup" },
    ...parts,
  };
}

export function dailySeries(start: string, values: readonly number[], metric: string): SeriesPoint[] {
  return values.map((amount, index) => {
    const day = addDays(start, index);
    return { bucket: { start: day, end: addDays(day, 1), key: day, label: day, partial: false }, comparisonBucket: null, values: { [metric]: value(amount) } };
  });
}

export function row(member: string, label: string, values: Readonly<Record<string, ComparedValue>>, share: number | null, other = false): BreakdownRow {
  return { member, label, other, values, share, series: null };
}

export function call(name: ToolName, args: Readonly<Record<string, unknown>>, data: unknown, freshness: readonly Freshness[] = [ORDERS_FRESHNESS]): ToolCallRecord {
  const outcome: ToolOutcome = toolData(name, data, freshness);
  return { name, args, outcome };
}
