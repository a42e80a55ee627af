/**
 * metric_anomaly insights: unusual days in net sales and orders (the metric engine's anomaly
 * findings with their drivers, computed once a day), and conversion drops (conversion-drop.ts:
 * ordinary traffic, far fewer orders). One insight per metric and direction — the same ongoing
 * problem — describing its most recent unusual day in the last 14.
 *
 * Impact (money at stake) is the day's shortfall: for net sales, expected − actual; for orders and
 * conversion drops, the missing orders × the average order value of the history. Spikes have no
 * money at stake (impact null) and are informational.
 */
import type { AnomalyDrivers, ExplainedAnomaly } from "../metrics/analysis/metric-anomalies.ts";
import { findAnomaliesOncePerDay } from "../metrics/analysis/anomalies-by-day.ts";
import { windowOf } from "../metrics/analysis/metric-series.ts";
import { findMetric } from "../metrics/definitions/registry.ts";
import { queryMetrics } from "../metrics/query/execute.ts";
import { question, shortDate } from "./action-text.ts";
import { findConversionDrops, type ConversionDrop, type TrafficDay } from "./conversion-drop.ts";
import { amount, rounded, type Detector, type DetectorContext } from "./detector.ts";
import type { MetricAnomalyEvidence } from "./evidence.ts";
import type { InsightCandidate, LocalizedText } from "./types.ts";

const LOOKBACK_DAYS = 14;
const HISTORY_DAYS = 56;
const METRICS = ["net_sales", "orders"] as const;
type AnomalyMetric = (typeof METRICS)[number];
/** A drop at least this deep (percent) and graded high by the detector is alert-worthy. */
const URGENT_DROP_PCT = -30;
const DRIVERS_KEPT = 3;

const NAMES: Readonly<Record<AnomalyMetric | "conversion_rate", LocalizedText>> = {
  net_sales: { en: "net sales", es: "las ventas", pt: "as vendas" },
  orders: { en: "orders", es: "los pedidos", pt: "os pedidos" },
  conversion_rate: { en: "conversion", es: "la conversión", pt: "a conversão" },
};

function dropQuestion(metric: AnomalyMetric | "conversion_rate", date: string): LocalizedText {
  const when = shortDate(date);
  const name = NAMES[metric];
  const plural = metric === "conversion_rate" ? { es: "cayó", pt: "caiu" } : { es: "cayeron", pt: "caíram" };
  return { en: `Why did ${name.en} drop on ${when.en}?`, es: `¿Por qué ${plural.es} ${name.es} el ${when.es}?`, pt: `Por que ${name.pt} ${plural.pt} em ${when.pt}?` };
}

const PLAIN_NAMES: Readonly<Record<AnomalyMetric, LocalizedText>> = {
  net_sales: { en: "net sales", es: "ventas", pt: "vendas" },
  orders: { en: "orders", es: "pedidos", pt: "pedidos" },
};

function spikeQuestion(metric: AnomalyMetric, date: string): LocalizedText {
  const when = shortDate(date);
  const name = PLAIN_NAMES[metric];
  return { en: `What drove the jump in ${name.en} on ${when.en}?`, es: `¿Qué impulsó el salto de ${name.es} el ${when.es}?`, pt: `O que impulsionou o salto de ${name.pt} em ${when.pt}?` };
}

/** The daily orders, sessions and net sales of the window (one query). */
async function trafficDays(ctx: DetectorContext): Promise<TrafficDay[]> {
  const window = windowOf(ctx.workspace, ctx.clock, LOOKBACK_DAYS + HISTORY_DAYS);
  const result = await queryMetrics(ctx.db, ctx.workspace, { metrics: ["orders", "sessions", "net_sales", "conversion_rate"], range: `${window.start}..${window.last}`, grain: "day" }, { clock: ctx.clock });
  if (!result.ok) throw new Error(`daily traffic: ${result.error.message}`);
  return (result.value.series ?? []).map((point) => {
    const sessions = point.values["sessions"]?.value ?? 0;
    return {
      date: point.bucket.start,
      orders: point.values["orders"]?.value ?? 0,
      sessions,
      netSalesCents: point.values["net_sales"]?.value ?? 0,
      // The engine has the rate (web conversions ÷ sessions); the count is rate × sessions.
      webConversions: Math.round((point.values["conversion_rate"]?.value ?? 0) * sessions),
    };
  });
}

function driversOf(drivers: AnomalyDrivers | null): MetricAnomalyEvidence["drivers"] {
  if (drivers === null) return null;
  const members = drivers.result.contributions
    .filter((c) => c.driver)
    .slice(0, DRIVERS_KEPT)
    .map((c) => ({ member: c.member, label: drivers.labels[c.member] ?? c.member, actual: c.actual, expected: rounded(c.expected, 2), deviation: rounded(c.deviation, 2), share: rounded(c.share, 3) }));
  return members.length === 0 ? null : { dimension: drivers.dimension, members };
}

function anomalyCandidate(metric: AnomalyMetric, anomaly: ExplainedAnomaly, averageOrderCents: number, currency: string): InsightCandidate {
  const definition = findMetric(metric);
  const label = definition?.label ?? metric;
  const down = anomaly.direction === "down";
  const missing = Math.max(0, anomaly.expected - anomaly.actual);
  const shortfallCents = down ? Math.round(metric === "net_sales" ? missing : missing * averageOrderCents) : null;
  const evidence: MetricAnomalyEvidence = {
    metric,
    label,
    unit: metric === "net_sales" ? "money" : "count",
    currency,
    date: anomaly.date,
    actual: anomaly.actual,
    expected: rounded(anomaly.expected, metric === "net_sales" ? 0 : 1),
    deviationPct: anomaly.deviationPct === null ? null : rounded(anomaly.deviationPct, 1),
    direction: anomaly.direction,
    anomalySeverity: anomaly.severity,
    drivers: driversOf(anomaly.drivers),
    shortfallCents,
  };
  const show = (value: number) => (metric === "net_sales" ? amount(value, currency) : String(rounded(value, 1)));
  const pct = anomaly.deviationPct === null ? "" : ` (${anomaly.deviationPct > 0 ? "+" : ""}${Math.round(anomaly.deviationPct)}%)`;
  const urgent = down && anomaly.severity === "high" && anomaly.deviationPct !== null && anomaly.deviationPct <= URGENT_DROP_PCT;
  return {
    type: "metric_anomaly",
    severity: !down ? "info" : anomaly.severity === "high" ? "critical" : anomaly.severity === "medium" ? "warning" : "info",
    fingerprint: `metric_anomaly:${metric}:${anomaly.direction}`,
    subject: `metric:${metric}`,
    impactCents: shortfallCents,
    confidence: anomaly.confidence,
    title: `${label} unusually ${down ? "low" : "high"} on ${anomaly.date}${pct}`,
    summary: `${label} was ${show(anomaly.actual)} against an expected ${show(anomaly.expected)} on ${anomaly.date}${shortfallCents ? ` (about ${amount(shortfallCents, currency)} short)` : ""}.`,
    evidence,
    action: question(down ? dropQuestion(metric, anomaly.date) : spikeQuestion(metric, anomaly.date)),
    urgent,
  };
}

function conversionCandidate(drop: ConversionDrop, currency: string): InsightCandidate {
  const deviationPct = drop.expectedOrders > 0 ? (100 * (drop.orders - drop.expectedOrders)) / drop.expectedOrders : null;
  const evidence: MetricAnomalyEvidence = {
    metric: "orders",
    label: "Orders",
    unit: "count",
    currency,
    date: drop.date,
    actual: drop.orders,
    expected: rounded(drop.expectedOrders, 1),
    deviationPct: deviationPct === null ? null : rounded(deviationPct, 1),
    direction: "down",
    anomalySeverity: "high",
    drivers: null,
    shortfallCents: drop.shortfallCents,
    conversion: { sessions: drop.sessions, webConversions: drop.webConversions, usualSessions: rounded(drop.usualSessions, 1), rate: rounded(drop.rate, 4), usualRate: rounded(drop.usualRate, 4) },
  };
  return {
    type: "metric_anomaly",
    severity: "critical",
    fingerprint: "metric_anomaly:conversion_rate:down",
    subject: "metric:conversion_rate",
    impactCents: drop.shortfallCents,
    confidence: drop.confidence,
    title: `Conversion collapsed on ${drop.date}: ${drop.orders} orders from ${drop.sessions} sessions`,
    summary: `On ${drop.date} traffic was ordinary (${drop.sessions} sessions, usually ${Math.round(drop.usualSessions)}) but only ${drop.orders} orders came in against about ${rounded(drop.expectedOrders, 1)} expected (about ${amount(drop.shortfallCents, currency)} of sales short).`,
    evidence,
    action: question(dropQuestion("conversion_rate", drop.date)),
    urgent: true,
  };
}

export const anomalyDetector: Detector = {
  name: "anomalies",
  types: ["metric_anomaly"],
  verticals: ["ecommerce"],
  detect: async (ctx) => {
    const currency = ctx.workspace.currency;
    const days = await trafficDays(ctx);
    const totalOrders = days.reduce((sum, d) => sum + d.orders, 0);
    const averageOrderCents = totalOrders > 0 ? days.reduce((sum, d) => sum + d.netSalesCents, 0) / totalOrders : 0;
    // Days after the last one with any order or visit have no data yet (a sync still to come), not a drop.
    const lastWithData = days.filter((d) => d.orders > 0 || d.sessions > 0).at(-1)?.date ?? "";
    const candidates: InsightCandidate[] = [];
    const drop = findConversionDrops(days, LOOKBACK_DAYS, HISTORY_DAYS).at(-1);
    if (drop) candidates.push(conversionCandidate(drop, currency));
    for (const metric of METRICS) {
      const found = await findAnomaliesOncePerDay(ctx.db, ctx.workspace, ctx.clock, { metric, lookbackDays: LOOKBACK_DAYS, historyDays: HISTORY_DAYS });
      if (!found.ok) throw new Error(`${metric} anomalies: ${found.error.message}`);
      for (const direction of ["down", "up"] as const) {
        // The most recent unusual day; a conversion drop already tells the story of its day.
        const latest = found.value.anomalies.filter((a) => a.direction === direction && a.date <= lastWithData && !(direction === "down" && a.date === drop?.date)).at(-1);
        if (latest) candidates.push(anomalyCandidate(metric, latest, averageOrderCents, currency));
      }
    }
    return candidates;
  },
};
