/**
 * A metric query result as text for the terminal: a header with the range and comparison, one
 * table (metrics, a trend, a breakdown, or a trend per member), notes for null values and caveats,
 * and a data-freshness line.
 */
import type { Workspace } from "../db/schema/core.ts";
import { formatChange, formatChangePct, formatMetricValue, type FormatContext } from "../engines/metrics/format-value.ts";
import type { Freshness } from "../engines/metrics/query/freshness.ts";
import type { MetricQueryResult, MetricSummary, MetricValues } from "../engines/metrics/query/result.ts";
import type { ComparedValue } from "../engines/metrics/values.ts";
import { renderTable } from "./table.ts";

function cell(value: ComparedValue | undefined, metric: MetricSummary, context: FormatContext): string {
  return formatMetricValue(value?.value ?? null, metric.unit, context);
}

function notesOf(values: MetricValues, metrics: readonly MetricSummary[]): string[] {
  const notes: string[] = [];
  for (const metric of metrics) {
    const value = values[metric.name];
    if (value?.reason) notes.push(`${metric.label}: — because ${value.reason}.`);
    if (value?.note) notes.push(`${metric.label}: ${value.note}.`);
  }
  return notes;
}

function freshnessLine(freshness: readonly Freshness[], timeZone: string): string {
  const when = new Intl.DateTimeFormat("en", { timeZone, dateStyle: "medium", timeStyle: "short" });
  const parts = freshness.map((entry) => {
    if (entry.latestData === null) return `${entry.source}: no data`;
    const latest = entry.latestData.length === 10 ? entry.latestData : when.format(new Date(entry.latestData));
    return `${entry.source} up to ${latest}`;
  });
  return `Data: ${parts.join(" · ")} (${timeZone})`;
}

function totalsTable(result: MetricQueryResult, context: FormatContext): string {
  const compared = result.comparison !== null;
  const headers = compared ? ["metric", "value", "previous", "change", "change %"] : ["metric", "value"];
  const rows = result.metrics.map((metric) => {
    const value = result.totals[metric.name];
    const row = [metric.label, cell(value, metric, context)];
    if (compared) {
      row.push(formatMetricValue(value?.previous?.value ?? null, metric.unit, context), formatChange(value?.change ?? null, metric.unit, context), formatChangePct(value?.changePct ?? null, context));
    }
    return row;
  });
  return renderTable(headers, rows);
}

function seriesTable(result: MetricQueryResult, context: FormatContext): string {
  const compared = result.comparison !== null;
  const headers = ["period", ...result.metrics.flatMap((metric) => (compared ? [metric.label, "vs prev"] : [metric.label]))];
  const rows = (result.series ?? []).map((point) => [
    `${point.bucket.label}${point.bucket.partial ? "*" : ""}`,
    ...result.metrics.flatMap((metric) => {
      const value = point.values[metric.name];
      return compared ? [cell(value, metric, context), formatChangePct(value?.changePct ?? null, context)] : [cell(value, metric, context)];
    }),
  ]);
  rows.push(["Total", ...result.metrics.flatMap((metric) => (compared ? [cell(result.totals[metric.name], metric, context), formatChangePct(result.totals[metric.name]?.changePct ?? null, context)] : [cell(result.totals[metric.name], metric, context)]))]);
  const partial = (result.series ?? []).some((point) => point.bucket.partial) ? "\n* partial period" : "";
  return `${renderTable(headers, rows)}${partial}`;
}

function breakdownTable(result: MetricQueryResult, context: FormatContext): string {
  const breakdown = result.breakdown!;
  const compared = result.comparison !== null;
  const first = result.metrics[0]!;
  if (result.grain !== null) {
    const members = breakdown.rows;
    const headers = ["period", ...members.map((row) => row.label)];
    const rows = (result.series ?? []).map((point, index) => [point.bucket.label, ...members.map((row) => cell(row.series?.[index]?.values[first.name], first, context))]);
    return `${first.label} by ${breakdown.dimension}\n${renderTable(headers, rows)}`;
  }
  const headers = [breakdown.dimension, ...result.metrics.map((metric) => metric.label), "share", ...(compared ? [`${first.label} vs prev`] : [])];
  const rows = breakdown.rows.map((row) => [
    row.label,
    ...result.metrics.map((metric) => cell(row.values[metric.name], metric, context)),
    row.share === null ? "—" : formatMetricValue(row.share, "ratio", context),
    ...(compared ? [formatChangePct(row.values[first.name]?.changePct ?? null, context)] : []),
  ]);
  rows.push(["Total", ...result.metrics.map((metric) => cell(result.totals[metric.name], metric, context)), breakdown.rows.length > 0 ? formatMetricValue(1, "ratio", context) : "—", ...(compared ? [formatChangePct(result.totals[first.name]?.changePct ?? null, context)] : [])]);
  const shown = breakdown.rows.filter((row) => !row.other).length;
  const more = breakdown.members > shown ? `\n${shown} of ${breakdown.members} members shown; the rest are in "Other".` : "";
  return `${renderTable(headers, rows)}${more}`;
}

export function renderMetricResult(result: MetricQueryResult, workspace: Pick<Workspace, "name" | "locale">): string {
  const context: FormatContext = { currency: result.currency, language: workspace.locale };
  const header = `${workspace.name} · ${result.range.label}${result.comparison ? ` vs ${result.comparison.range.label}` : ""}`;
  const body = result.breakdown ? breakdownTable(result, context) : result.series ? seriesTable(result, context) : totalsTable(result, context);
  const notes = notesOf(result.totals, result.metrics);
  const paths = Object.entries(result.paths).map(([fact, path]) => `${fact}: ${path}`).join(", ");
  return [header, "", body, ...(notes.length > 0 ? ["", ...notes] : []), "", freshnessLine(result.freshness, result.timeZone), `Read from: ${paths}`].join("\n");
}
