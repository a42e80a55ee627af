/**
 * trend_break insights: a key daily metric whose last 14 complete days ran well off what the 112
 * days before them led to expect (trend-break.ts: the metric engine's robust seasonal-trend forecast
 * for flows, the last 8 weeks' level for ratios, judged against their own misses at past origins;
 * the median day off, not one or a few; still off in the last week). Stores: net sales, orders,
 * average order value (sales after discounts ÷ orders) and conversion rate (web conversions ÷
 * sessions); SaaS: net new MRR, the slope of MRR. Every number comes from one metric query of the
 * daily values per vertical. One insight per metric and direction (the same ongoing break, updated
 * day after day while it lasts).
 *
 * Impact, for a break down only (a break up is good news: info, impact null): the shortfall against
 * the trend over the next HORIZON_DAYS (as long as the window) if the new level holds —
 * - net sales: (expected − actual per day) × 14;
 * - orders: missing orders per day × the average order value of the days read × 14;
 * - average order value: (expected − actual) × the window's orders per day × 14;
 * - conversion rate: (expected − actual rate) × the window's sessions per day × that average order value × 14;
 * - net new MRR: the MRR the window added short of the trend, (expected − actual per day) × 14: a
 *   month of revenue, since it recurs every month (as churn risk counts a month of MRR).
 * Severity: a break down is a warning; critical (and urgent) when it is CRITICAL_DROP or deeper and
 * far outside the band of past misses (z ≥ 2·Z_MIN: confidence ≥ 0.94): the cases to act on now. A
 * break up is info.
 * The days after the last one with any data (a sync still to come) are left out, not read as a drop.
 */
import type { Vertical } from "../../db/schema/core.ts";
import { addDays } from "../../lib/calendar-date.ts";
import { findMetric } from "../metrics/definitions/registry.ts";
import { queryMetrics } from "../metrics/query/execute.ts";
import { question, shortDate } from "./action-text.ts";
import { amount, rounded, type Detector, type DetectorContext } from "./detector.ts";
import type { TrendBreakEvidence } from "./evidence.ts";
import { findTrendBreak, WINDOW_DAYS, Z_MIN, type TrendBreak, type TrendDay } from "./trend-break.ts";
import type { InsightCandidate, LocalizedText } from "./types.ts";

export const HISTORY_DAYS = 112;
export const HORIZON_DAYS = WINDOW_DAYS;
export const CRITICAL_DROP = -0.3;

const STORE_METRICS = ["net_sales", "orders", "aov", "conversion_rate"] as const;
const SAAS_METRICS = ["net_new_mrr"] as const;
type TrendMetric = (typeof STORE_METRICS)[number] | (typeof SAAS_METRICS)[number];
/** What the store metrics are built from, read per day. */
const STORE_READS = ["net_sales", "orders", "gross_sales", "discounts", "conversion_rate", "sessions"] as const;

type DayValues = { readonly date: string; readonly values: Readonly<Record<string, number>> };

const v = (day: DayValues, name: string): number => day.values[name] ?? 0;

/** The metric's daily numerator and denominator (flows: the value and 1), and the events behind it. */
function trendDay(metric: TrendMetric, day: DayValues): TrendDay {
  const orders = v(day, "orders");
  switch (metric) {
    case "net_sales":
    case "orders":
      return { date: day.date, numerator: v(day, metric), denominator: 1, events: orders };
    case "net_new_mrr":
      return { date: day.date, numerator: v(day, metric), denominator: 1, events: null };
    case "aov":
      // The engine's aov: (gross sales − discounts) ÷ orders.
      return { date: day.date, numerator: v(day, "gross_sales") - v(day, "discounts"), denominator: orders, events: orders };
    case "conversion_rate": {
      // The engine has the rate (web conversions ÷ sessions); the count is rate × sessions.
      const conversions = Math.round(v(day, "conversion_rate") * v(day, "sessions"));
      return { date: day.date, numerator: conversions, denominator: v(day, "sessions"), events: conversions };
    }
  }
}

const isRatio = (metric: TrendMetric): boolean => metric === "aov" || metric === "conversion_rate";

function unitOf(metric: TrendMetric): TrendBreakEvidence["unit"] {
  switch (metric) {
    case "net_sales":
    case "aov":
    case "net_new_mrr":
      return "money";
    case "orders":
      return "count";
    case "conversion_rate":
      return "ratio";
  }
}

/** Money lost over the horizon at the new level (see the module comment); the gap is expected − actual. */
function shortfallCents(metric: TrendMetric, found: TrendBreak, averageOrderCents: number): number {
  const gap = found.expected - found.actual;
  const perDay = found.denominator / WINDOW_DAYS;
  switch (metric) {
    case "net_sales":
    case "net_new_mrr":
      return Math.round(gap * HORIZON_DAYS);
    case "orders":
      return Math.round(gap * averageOrderCents * HORIZON_DAYS);
    case "aov":
      return Math.round(gap * perDay * HORIZON_DAYS);
    case "conversion_rate":
      return Math.round(gap * perDay * averageOrderCents * HORIZON_DAYS);
  }
}

const NAMES: Readonly<Record<TrendMetric, LocalizedText & { readonly plural: boolean }>> = {
  net_sales: { en: "net sales", es: "las ventas", pt: "as vendas", plural: true },
  orders: { en: "orders", es: "los pedidos", pt: "os pedidos", plural: true },
  aov: { en: "the average order value", es: "el ticket promedio", pt: "o ticket médio", plural: false },
  conversion_rate: { en: "conversion", es: "la conversión", pt: "a conversão", plural: false },
  net_new_mrr: { en: "net new MRR", es: "el MRR neto nuevo", pt: "o MRR líquido novo", plural: false },
};

function trendQuestion(metric: TrendMetric, direction: "up" | "down", start: string): LocalizedText {
  const name = NAMES[metric];
  const when = shortDate(start);
  const down = direction === "down";
  const en = `Why ${name.plural ? "have" : "has"} ${name.en} been ${down ? "below" : "above"} trend since ${when.en}?`;
  const es = `¿Por qué ${name.plural ? "están" : "está"} ${name.es} ${down ? "por debajo" : "por encima"} de la tendencia desde el ${when.es}?`;
  const pt = `Por que ${name.pt} ${name.plural ? "estão" : "está"} ${down ? "abaixo" : "acima"} da tendência desde ${when.pt}?`;
  return { en: en.charAt(0).toUpperCase() + en.slice(1), es, pt };
}

function evidenceValue(metric: TrendMetric, value: number): number {
  switch (unitOf(metric)) {
    case "money":
      return Math.round(value);
    case "count":
      return rounded(value, 2);
    case "ratio":
    case "multiple":
      return rounded(value, 5);
  }
}

function candidate(metric: TrendMetric, found: TrendBreak, averageOrderCents: number, currency: string): InsightCandidate {
  const label = findMetric(metric)?.label ?? metric;
  const down = found.direction === "down";
  const impactCents = down ? Math.max(0, shortfallCents(metric, found, averageOrderCents)) : null;
  const critical = down && found.change <= CRITICAL_DROP && found.z >= 2 * Z_MIN;
  const evidence: TrendBreakEvidence = {
    metric,
    label,
    unit: unitOf(metric),
    currency,
    start: found.start,
    end: found.end,
    actualPerDay: evidenceValue(metric, found.actual),
    expectedPerDay: evidenceValue(metric, found.expected),
    changePct: rounded(found.change, 3),
    direction: found.direction,
    daysOnSide: found.daysOnSide,
    ...(isRatio(metric) ? { aggregate: "window" as const } : {}),
  };
  const show = (value: number) => (unitOf(metric) === "money" ? amount(value, currency) : unitOf(metric) === "ratio" ? `${rounded(value * 100, 2)}%` : String(rounded(value, 1)));
  const per = isRatio(metric) ? "" : " a day";
  const pct = `${found.change > 0 ? "+" : ""}${Math.round(found.change * 100)}%`;
  return {
    type: "trend_break",
    severity: critical ? "critical" : down ? "warning" : "info",
    fingerprint: `trend_break:${metric}:${found.direction}`,
    subject: `metric:${metric}`,
    impactCents,
    confidence: found.confidence,
    title: `${label} ${down ? "below" : "above"} trend for ${WINDOW_DAYS} days (${pct})`,
    summary: `From ${found.start} to ${addDays(found.end, -1)} ${label.charAt(0).toLowerCase()}${label.slice(1)} ${isRatio(metric) ? "was" : "averaged"} ${show(found.actual)}${per} against ${show(found.expected)} expected from the trend before${impactCents ? ` (about ${amount(impactCents, currency)} short over the next ${HORIZON_DAYS} days if it holds)` : ""}.`,
    evidence,
    action: question(trendQuestion(metric, found.direction, found.start)),
    urgent: critical,
  };
}

/** The metrics a vertical watches, and what to read for them. */
function plan(vertical: Vertical): { readonly metrics: readonly TrendMetric[]; readonly reads: readonly string[] }[] {
  const store = { metrics: STORE_METRICS, reads: STORE_READS };
  const saas = { metrics: SAAS_METRICS, reads: SAAS_METRICS };
  switch (vertical) {
    case "ecommerce":
      return [store];
    case "saas":
      return [saas];
    case "both":
      return [store, saas];
  }
}

/** The daily values of `reads` over the history and window, up to the last day with any data. */
async function dailyValues(ctx: DetectorContext, reads: readonly string[]): Promise<DayValues[]> {
  const last = addDays(ctx.today, -1);
  const start = addDays(ctx.today, -(HISTORY_DAYS + WINDOW_DAYS));
  const result = await queryMetrics(ctx.db, ctx.workspace, { metrics: [...reads], range: `${start}..${last}`, grain: "day" }, { clock: ctx.clock });
  if (!result.ok) throw new Error(`daily metrics: ${result.error.message}`);
  const days = (result.value.series ?? []).map((point) => ({
    date: point.bucket.start,
    values: Object.fromEntries(reads.map((name) => [name, point.values[name]?.value ?? 0])),
  }));
  const lastWithData = days.findLastIndex((d) => reads.some((name) => v(d, name) !== 0));
  return days.slice(0, lastWithData + 1);
}

export const trendDetector: Detector = {
  name: "trends",
  types: ["trend_break"],
  verticals: ["ecommerce", "saas"],
  detect: async (ctx) => {
    const candidates: InsightCandidate[] = [];
    for (const { metrics, reads } of plan(ctx.workspace.vertical)) {
      const days = await dailyValues(ctx, reads);
      const orders = days.reduce((total, d) => total + v(d, "orders"), 0);
      const averageOrderCents = orders > 0 ? days.reduce((total, d) => total + v(d, "net_sales"), 0) / orders : 0;
      for (const metric of metrics) {
        const found = findTrendBreak(days.map((d) => trendDay(metric, d)), isRatio(metric));
        if (found) candidates.push(candidate(metric, found, averageOrderCents, ctx.workspace.currency));
      }
    }
    return candidates;
  },
};
