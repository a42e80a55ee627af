/**
 * A trend: every bucket when there are few ("• 2–8 nov: $120,400"), or the first and last buckets
 * with the highest and lowest when there are many, then the total for the range.
 */
import type { MetricSummary, SeriesPoint } from "../../../engines/metrics/query/result.ts";
import type { TimeBucket } from "../../../engines/metrics/time/types.ts";
import type { QueryMetricsData } from "../../../tools/analytics/query-metrics.ts";
import { addDays } from "../../../lib/calendar-date.ts";
import { formatRange } from "../format/dates.ts";
import { capitalise } from "../format/labels.ts";
import { metricValue, percent } from "../format/numbers.ts";
import { bullets, listInWords } from "../format/phrases.ts";
import { comparisonInWords, inRange } from "../format/periods.ts";
import type { AnswerContext } from "../types.ts";
import { grainInWords, labelOf, nullNotes, valueWithChange } from "./metric-text.ts";

/** Buckets listed one by one up to this many. */
export const LISTED_BUCKETS = 8;

const PARTIAL = { en: " (so far)", es: " (parcial)", pt: " (parcial)" } as const;

function bucketLabel(bucket: TimeBucket, data: QueryMetricsData, context: AnswerContext): string {
  const withYear = data.range.start.slice(0, 4) !== addDays(data.range.end, -1).slice(0, 4);
  return `${formatRange(bucket.start, bucket.end, context.language, withYear)}${bucket.partial ? PARTIAL[context.language] : ""}`;
}

function pointValues(point: SeriesPoint, metrics: readonly MetricSummary[], compared: boolean, context: AnswerContext): string {
  return metrics
    .map((metric) => {
      const value = point.values[metric.name];
      const shown = metricValue(value?.value ?? null, metric.unit, context);
      const change = compared && value?.changePct !== undefined && value.changePct !== null ? ` (${value.changePct >= 0 ? "▲" : "▼"} ${percent(Math.abs(value.changePct), context)})` : "";
      return metrics.length > 1 ? `${labelOf(metric, context.language)} ${shown}${change}` : `${shown}${change}`;
    })
    .join(", ");
}

function extremes(points: readonly SeriesPoint[], metric: MetricSummary, data: QueryMetricsData, context: AnswerContext): string {
  const language = context.language;
  const known = points.filter((point) => point.values[metric.name]?.value !== null && point.values[metric.name]?.value !== undefined);
  if (known.length === 0) return "";
  const valueOf = (point: SeriesPoint) => point.values[metric.name]?.value ?? 0;
  const highest = known.reduce((best, point) => (valueOf(point) > valueOf(best) ? point : best));
  const lowest = known.reduce((worst, point) => (valueOf(point) < valueOf(worst) ? point : worst));
  const at = (point: SeriesPoint) => `${metricValue(valueOf(point), metric.unit, context)} (${bucketLabel(point.bucket, data, context)})`;
  const first = known[0]!;
  const last = known[known.length - 1]!;
  const name = capitalise(labelOf(metric, language));
  return {
    en: `${name}: from ${at(first)} to ${at(last)}; highest ${at(highest)}, lowest ${at(lowest)}.`,
    es: `${name}: de ${at(first)} a ${at(last)}; máximo ${at(highest)}, mínimo ${at(lowest)}.`,
    pt: `${name}: de ${at(first)} a ${at(last)}; máximo ${at(highest)}, mínimo ${at(lowest)}.`,
  }[language];
}

export function seriesText(data: QueryMetricsData, context: AnswerContext): string {
  const language = context.language;
  const points = data.series ?? [];
  const names = listInWords(data.metrics.map((metric) => labelOf(metric, language)), language);
  const grain = data.grain === null ? "" : ` ${grainInWords(data.grain, language)}`;
  const against = data.comparison ? comparisonInWords(data.comparison.kind, data.range, language) : null;
  const header = `*${capitalise(names)}*${grain} ${inRange(data.range, context)}${against === null ? "" : `, vs ${against}`}:`;
  const body =
    points.length <= LISTED_BUCKETS
      ? bullets(points.map((point) => `${bucketLabel(point.bucket, data, context)}: ${pointValues(point, data.metrics, data.comparison !== null, context)}`))
      : data.metrics.slice(0, 3).map((metric) => extremes(points, metric, data, context)).filter((line) => line !== "").join("\n");
  const totals = data.metrics.map((metric) => `${data.metrics.length > 1 ? `${labelOf(metric, language)} ` : ""}${valueWithChange(data.totals[metric.name], metric, against, context)}`);
  const total = `${{ en: "Total", es: "Total", pt: "Total" }[language]}: ${totals.join("; ")}.`;
  const notes = nullNotes(data.metrics, points.map((point) => point.values), context);
  return [header, body, total, ...notes].join("\n");
}
