/**
 * One-line English summaries of the analytics tools' results (metrics, cohorts, RFM, anomalies,
 * forecasts), for conversation memory: the metric names, the span and the figures, so "what were
 * net sales the week of Buen Fin?" finds them again. Data is checked with the composers' guards.
 */
import type { CohortRanking } from "../../engines/metrics/analysis/cohorts.ts";
import type { Result } from "../../lib/result.ts";
import type { CohortAnalysisData } from "../../tools/analytics/cohort-analysis.ts";
import type { ExplainAnomaliesData } from "../../tools/analytics/explain-anomalies.ts";
import type { ForecastMetricData } from "../../tools/analytics/forecast-metric.ts";
import type { QueryMetricsData } from "../../tools/analytics/query-metrics.ts";
import type { RfmSegmentsData } from "../../tools/analytics/rfm-segments.ts";
import { isRecord } from "./analytics/outcome-data.ts";
import { signedPercent } from "./commerce-ops/pricing-words.ts";
import { percent } from "./format/numbers.ts";
import { amount, englishContext, figure, firstOf, span, spanInclusive, type SummaryContext } from "./tool-summary-words.ts";

const BREAKDOWN_ROWS = 3;
const SEGMENTS_LISTED = 4;
const CUSTOMERS_LISTED = 3;
const ANOMALIES_LISTED = 3;

/** "where product in Playera Básica, Sudadera" from query_metrics' filters argument (unchecked JSON). */
function filterWords(filters: unknown): string {
  if (!Array.isArray(filters)) return "";
  const parts = filters.flatMap((filter: unknown) => {
    if (!isRecord(filter) || typeof filter.dimension !== "string" || !Array.isArray(filter.values)) return [];
    const values = filter.values.filter((value): value is string => typeof value === "string");
    return [`${filter.dimension} ${filter.operator === "not_in" ? "not in" : "in"} ${values.join(", ")}`];
  });
  return parts.length === 0 ? "" : ` where ${parts.join(" and ")}`;
}

export function queryMetricsSummary(args: Readonly<Record<string, unknown>>, data: QueryMetricsData, context: SummaryContext): string {
  const names = data.metrics.map((metric) => metric.name).join(", ");
  const against = data.comparison === null ? null : data.comparison.kind === "last_year" ? "last year" : "previous period";
  const value = (name: string, unit: QueryMetricsData["metrics"][number]["unit"]) => {
    const total = data.totals[name];
    const change = against !== null && typeof total?.changePct === "number" ? ` (${signedPercent(total.changePct, englishContext(context))})` : "";
    return `${figure(total?.value, unit, data.currency, context)}${change}`;
  };
  const totals = data.metrics.length === 1 ? value(data.metrics[0]!.name, data.metrics[0]!.unit) : data.metrics.map((metric) => `${metric.name} ${value(metric.name, metric.unit)}`).join(", ");
  let line = `query_metrics ${names} ${span(data.range.start, data.range.end)}${against === null ? "" : ` vs ${against}`}${filterWords(args.filters)}: ${totals}`;
  if (data.series !== null && data.grain !== null) line += `, by ${data.grain} (${data.series.length} buckets)`;
  const breakdown = data.breakdown;
  if (breakdown !== null) {
    const unit = data.metrics.find((metric) => metric.name === breakdown.sortBy)?.unit ?? "count";
    const rows = breakdown.rows.filter((row) => !row.other).map((row) => `${row.label} ${figure(row.values[breakdown.sortBy]?.value, unit, data.currency, context)}`);
    line += `; by ${breakdown.dimension}: ${firstOf(rows, BREAKDOWN_ROWS, ", ")}`;
  }
  return line;
}

function rankingWords(ranking: Result<CohortRanking, string>, context: SummaryContext): string {
  if (!ranking.ok) return "";
  const { best, worst, age } = ranking.value;
  const value = (entry: CohortRanking["best"]) => (ranking.value.metric === "retention" ? percent(entry.value, englishContext(context)) : amount(entry.value, context.currency, context));
  const what = ranking.value.metric === "retention" ? "retention" : "revenue per customer";
  return `; best ${best.month} (${value(best)}), worst ${worst.month} (${value(worst)}) by ${what} at month ${age}`;
}

export function cohortSummary(data: CohortAnalysisData, context: SummaryContext): string {
  const first = data.cohorts[0]?.month ?? data.asOfMonth;
  const monthOne = data.averageRetention.find((point) => point.age === 1)?.retention;
  const retention = typeof monthOne === "number" ? `; month-1 retention ${percent(monthOne, englishContext(context))}` : "";
  return `cohort_analysis ${first}..${data.asOfMonth}: ${data.totals.customers} customers, ${amount(data.totals.revenueCents, context.currency, context)}${retention}${rankingWords(data.retentionRanking, context)}`;
}

export function rfmSummary(data: RfmSegmentsData, context: SummaryContext): string {
  const report = data.report;
  const window = spanInclusive(report.windowStart, report.asOfDate);
  if (data.focus !== null) {
    const segment = report.segments.find((entry) => entry.segment === data.focus);
    const customers = (data.customers ?? []).map((customer) => `${customer.name ?? customer.email ?? `customer #${customer.customerId}`} (${amount(customer.monetaryCents, context.currency, context)})`);
    const size = segment === undefined ? "" : `: ${segment.customers} customers, ${amount(segment.revenueCents, context.currency, context)}`;
    return `rfm_segments ${data.focus} ${window}${size}${customers.length > 0 ? `; top: ${firstOf(customers, CUSTOMERS_LISTED, ", ")}` : ""}`;
  }
  const segments = report.segments
    .filter((segment) => segment.customers > 0)
    .sort((a, b) => b.revenueCents - a.revenueCents)
    .map((segment) => `${segment.segment} ${segment.customers} (${amount(segment.revenueCents, context.currency, context)})`);
  return `rfm_segments ${window}: ${report.totals.customers} customers, ${amount(report.totals.revenueCents, context.currency, context)}${segments.length > 0 ? `; ${firstOf(segments, SEGMENTS_LISTED, ", ")}` : ""}`;
}

export function anomaliesSummary(data: ExplainAnomaliesData, context: SummaryContext): string {
  const head = `explain_anomalies ${data.metric} ${spanInclusive(data.checked.start, data.checked.last)}`;
  if (data.skippedReason !== null) return `${head}: not enough daily history`;
  if (data.anomalies.length === 0) return `${head}: nothing unusual`;
  const lines = data.anomalies
    .slice(-ANOMALIES_LISTED)
    .reverse()
    .map((anomaly) => {
      const size = anomaly.deviationPct === null ? "" : ` ${Math.round(Math.abs(anomaly.deviationPct))}%`;
      const drivers = anomaly.drivers;
      const top = drivers?.result.contributions.filter((contribution) => contribution.driver).slice(0, 2) ?? [];
      const by = drivers && top.length > 0 ? `; ${drivers.dimension}: ${top.map((contribution) => drivers.labels[contribution.member] ?? contribution.member).join(", ")}` : "";
      return `${anomaly.date} ${anomaly.direction}${size} (${figure(anomaly.actual, data.unit, context.currency, context)} vs ${figure(anomaly.expected, data.unit, context.currency, context)} expected${by})`;
    });
  return `${head}: ${data.anomalies.length} unusual days: ${lines.join(", ")}`;
}

export function forecastSummary(data: ForecastMetricData, context: SummaryContext): string {
  const total = data.total;
  const show = (value: number) => figure(Math.max(0, value), data.unit, context.currency, context);
  const level = Math.round(total.intervalLevel * 100);
  return `forecast_metric ${data.metric} ${spanInclusive(total.startDate, total.endDate)}: ${show(total.total)} expected (${level}% interval ${show(total.lower)} to ${show(total.upper)})`;
}
