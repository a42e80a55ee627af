/**
 * Analyses as text for the terminal: cohort retention and LTV grids, RFM segments, anomalies with
 * their drivers, forecasts and backtests. Money and ratios use the metric formatter.
 */
import type { Workspace } from "../db/schema/core.ts";
import type { CohortReport } from "../engines/metrics/analysis/cohorts.ts";
import type { AnomalyFindings } from "../engines/metrics/analysis/metric-anomalies.ts";
import type { MetricBacktest, MetricForecast } from "../engines/metrics/analysis/metric-forecast.ts";
import type { RfmCustomer, RfmReport } from "../engines/metrics/analysis/rfm.ts";
import { findMetric } from "../engines/metrics/definitions/registry.ts";
import { formatMetricValue, type FormatContext } from "../engines/metrics/format-value.ts";
import { renderTable } from "./table.ts";

type Shop = Pick<Workspace, "name" | "currency" | "locale">;

function contextOf(workspace: Shop): FormatContext {
  return { currency: workspace.currency, language: workspace.locale };
}

export function renderCohorts(report: CohortReport, workspace: Shop): string {
  const c = contextOf(workspace);
  const ages = Array.from({ length: report.maxAge + 1 }, (_, age) => age).filter((age) => report.cohorts.some((cohort) => cohort.ages.length > age));
  const pct = (value: number | null) => formatMetricValue(value, "ratio", c);
  const retention = report.cohorts.map((cohort) => [cohort.month, String(cohort.customers), ...ages.map((age) => (cohort.ages[age] ? pct(cohort.ages[age].retention) : ""))]);
  const ltv = report.cohorts.map((cohort) => [cohort.month, ...ages.map((age) => (cohort.ages[age] ? formatMetricValue(cohort.ages[age].cumulativeRevenuePerCustomerCents, "money", c) : ""))]);
  const ranking = (label: string, ranked: CohortReport["retentionRanking"], unit: "ratio" | "money") =>
    ranked.ok
      ? `${label}: best ${ranked.value.best.month} (${formatMetricValue(ranked.value.best.value, unit, c)}), worst ${ranked.value.worst.month} (${formatMetricValue(ranked.value.worst.value, unit, c)}) — ${ranked.value.criterion}`
      : `${label}: ${ranked.error}`;
  return [
    `${workspace.name} · monthly cohorts as of ${report.asOf.slice(0, 10)} (${report.timeZone})`,
    "",
    "Retention: share of each cohort buying in month N after its first order",
    renderTable(["cohort", "customers", ...ages.map((age) => `M${age}`)], retention),
    "",
    "Cumulative net revenue per customer (LTV to date)",
    renderTable(["cohort", ...ages.map((age) => `M${age}`)], ltv),
    "",
    ranking("Retention", report.retentionRanking, "ratio"),
    ranking("LTV", report.lifetimeValueRanking, "money"),
    `Guest orders left out: ${report.excludedGuestOrders}. The last month is still in progress.`,
  ].join("\n");
}

export function renderRfm(report: RfmReport, workspace: Shop, customers: readonly RfmCustomer[] | null): string {
  const c = contextOf(workspace);
  const rows = report.segments.map((segment) => [
    segment.label,
    formatMetricValue(segment.customers, "count", c),
    formatMetricValue(segment.customerShare, "ratio", c),
    formatMetricValue(segment.revenueCents, "money", c),
    formatMetricValue(segment.revenueShare, "ratio", c),
    segment.avgRecencyDays === null ? "—" : `${Math.round(segment.avgRecencyDays)} d`,
    segment.avgFrequency === null ? "—" : segment.avgFrequency.toFixed(1),
    formatMetricValue(segment.avgMonetaryCents, "money", c),
  ]);
  const lines = [
    `${workspace.name} · RFM segments of customers who bought ${report.windowStart} – ${report.asOfDate}`,
    "",
    renderTable(["segment", "customers", "share", "revenue", "rev. share", "recency", "orders", "avg spend"], rows),
    "",
    `${formatMetricValue(report.totals.customers, "count", c)} customers, ${formatMetricValue(report.totals.orders, "count", c)} orders, ${formatMetricValue(report.totals.revenueCents, "money", c)}; guest orders left out: ${report.excludedGuestOrders}.`,
  ];
  if (customers) {
    lines.push("", renderTable(["customer", "email", "last order", "orders", "spend", "R", "F", "M"], customers.map((row) => [row.name ?? `#${row.customerId}`, row.email ?? "", row.lastOrderDate, String(row.frequency), formatMetricValue(row.monetaryCents, "money", c), String(row.scores.r), String(row.scores.f), String(row.scores.m)])));
  }
  return lines.join("\n");
}

export function renderAnomalies(findings: AnomalyFindings, workspace: Shop): string {
  const c = contextOf(workspace);
  const unit = findMetric(findings.metric)?.unit ?? "count";
  const header = `${workspace.name} · ${findings.metric} anomalies in the ${findings.evaluatedDays} days up to ${findings.window.last}`;
  if (findings.skippedReason) return `${header}\nNot enough history to judge (${findings.skippedReason.replace(/_/g, " ")}).`;
  if (findings.anomalies.length === 0) return `${header}\nNothing unusual: every day was within its normal range for that weekday and trend.`;
  const blocks = findings.anomalies.map((anomaly) => {
    const pct = anomaly.deviationPct === null ? "" : ` (${anomaly.deviationPct > 0 ? "+" : ""}${anomaly.deviationPct.toFixed(0)}%)`;
    const lines = [
      `${anomaly.date}  ${anomaly.direction === "down" ? "▼" : "▲"} ${formatMetricValue(anomaly.actual, unit, c)} vs ${formatMetricValue(Math.round(anomaly.expected), unit, c)} expected${pct}; normal range ${formatMetricValue(Math.round(anomaly.lower), unit, c)}–${formatMetricValue(Math.round(anomaly.upper), unit, c)}; ${anomaly.severity} severity, confidence ${Math.round(anomaly.confidence * 100)}%`,
    ];
    const drivers = anomaly.drivers;
    if (drivers) {
      const top = drivers.result.contributions.slice(0, 3).map((contribution) => `${drivers.labels[contribution.member] ?? contribution.member} ${formatMetricValue(Math.round(contribution.deviation), unit, c)} (${Math.round(contribution.share * 100)}% of the change)`);
      lines.push(`    driven by ${drivers.dimension}: ${top.join("; ")}`);
    }
    return lines.join("\n");
  });
  return [header, "", ...blocks].join("\n");
}

export function renderForecast(result: MetricForecast, workspace: Shop): string {
  const c = contextOf(workspace);
  const unit = findMetric(result.metric)?.unit ?? "count";
  const level = Math.round(result.forecast.intervalLevel * 100);
  const rows = result.forecast.points.map((point) => [point.date, formatMetricValue(Math.round(point.value), unit, c), formatMetricValue(Math.round(point.lower), unit, c), formatMetricValue(Math.round(point.upper), unit, c)]);
  return [
    `${workspace.name} · ${result.metric} forecast for the next ${result.forecast.points.length} days (${result.forecast.method}, from ${result.history.start} – ${result.history.last})`,
    "",
    renderTable(["day", "forecast", `low ${level}%`, `high ${level}%`], rows),
    "",
    `Total ${result.total.startDate} – ${result.total.endDate}: ${formatMetricValue(Math.round(result.total.total), unit, c)} (${level}% interval ${formatMetricValue(Math.round(result.total.lower), unit, c)} – ${formatMetricValue(Math.round(result.total.upper), unit, c)})`,
  ].join("\n");
}

export function renderBacktest(result: MetricBacktest, workspace: Shop): string {
  const r = result.report;
  const pct = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(1)}%`);
  const rows = r.folds.map((fold) => [fold.trainEnd, String(fold.horizon), pct(fold.mape), pct(fold.wape), pct(fold.bias), pct(fold.coverage)]);
  return [
    `${workspace.name} · ${result.metric} forecast backtest on ${result.history.start} – ${result.history.last}`,
    "",
    renderTable(["trained up to", "days", "MAPE", "WAPE", "bias", "in interval"], rows),
    "",
    `Overall: MAPE ${pct(r.mape)}, WAPE ${pct(r.wape)}, interval coverage ${pct(r.coverage)}; seasonal-naive MAPE ${pct(r.naiveSeasonalMape)}; skill vs naive ${pct(r.skill)}.`,
  ].join("\n");
}
