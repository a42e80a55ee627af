/**
 * The trend of a turn as a ChartSpec: a query_metrics series (a grain and two or more buckets),
 * with its comparison as a second line, or a forecast_metric forecast with its interval. Values are
 * in display units (money in major units, by the currency's own minor digits: ¥ has none), labels
 * are short dates in the answer's language, numbers are in the locale the answers use.
 */
import { assertNever } from "../../lib/assert-never.ts";
import { currencyMinorDigits } from "../../lib/money.ts";
import { isForecastMetricData, isQueryMetricsData } from "../../agents/answers/analytics/outcome-data.ts";
import { grainInWords, labelOf } from "../../agents/answers/analytics/metric-text.ts";
import { formatDate, formatMonthKey, shortMonth } from "../../agents/answers/format/dates.ts";
import { capitalise, metricLabel } from "../../agents/answers/format/labels.ts";
import { percent } from "../../agents/answers/format/numbers.ts";
import { listInWords, type Phrases } from "../../agents/answers/format/phrases.ts";
import type { Language } from "../../agents/shared/language.ts";
import type { MetricUnit } from "../../engines/metrics/definitions/types.ts";
import type { Comparison, Grain, TimeBucket } from "../../engines/metrics/time/types.ts";
import type { ForecastMetricData } from "../../tools/analytics/forecast-metric.ts";
import type { QueryMetricsData } from "../../tools/analytics/query-metrics.ts";
import type { ToolOutcome } from "../../tools/tool-outcome.ts";
import { outcomeContext, type FormatContext } from "./from-turn-context.ts";
import type { ChartSpec } from "./outbound-message.ts";

/** Lines a chart holds (the contract's limit). */
const MAX_SERIES = 3;

const COMPARISON_NAMES: Readonly<Record<Comparison, Phrases>> = {
  previous: { en: "Previous period", es: "Período anterior", pt: "Período anterior" },
  last_year: { en: "Last year", es: "Año anterior", pt: "Ano anterior" },
};

/** The chart's y-axis unit: multiples (ROAS 3.2×) are plain numbers on an axis. */
function chartUnit(unit: MetricUnit): ChartSpec["unit"] {
  switch (unit) {
    case "money":
      return "money";
    case "count":
    case "multiple":
      return "count";
    case "ratio":
      return "ratio";
    default:
      return assertNever(unit, "metric unit");
  }
}

/** A value in display units: money from minor to major units, everything else as it is. */
function displayValue(value: number | null | undefined, unit: MetricUnit, currency: string): number | null {
  if (value === null || value === undefined) return null;
  return unit === "money" ? value / 10 ** currencyMinorDigits(currency) : value;
}

/** A bucket's short label: "Sep 7" / "7 sep" for days and weeks, "oct" for months, "T3 2026", "2026". */
function bucketLabel(bucket: TimeBucket, grain: Grain, language: Language, acrossYears: boolean): string {
  switch (grain) {
    case "day":
    case "week":
      return formatDate(bucket.start, language, acrossYears);
    case "month":
      return acrossYears ? formatMonthKey(bucket.start.slice(0, 7), language) : shortMonth(Number(bucket.start.slice(5, 7)), language);
    case "quarter":
      return `${language === "en" ? "Q" : "T"}${Math.floor((Number(bucket.start.slice(5, 7)) - 1) / 3) + 1} ${bucket.start.slice(0, 4)}`;
    case "year":
      return bucket.start.slice(0, 4);
    default:
      return assertNever(grain, "grain");
  }
}

function seriesChart(data: QueryMetricsData, context: FormatContext): ChartSpec | null {
  const points = data.series ?? [];
  const first = data.metrics[0];
  if (data.grain === null || data.breakdown !== null || points.length < 2 || first === undefined) return null;
  const grain = data.grain;
  const language = context.language;
  const acrossYears = points[0]!.bucket.start.slice(0, 4) !== points[points.length - 1]!.bucket.start.slice(0, 4);
  const valuesOf = (read: (values: QueryMetricsData["totals"]) => number | null | undefined) => points.map((point) => displayValue(read(point.values), first.unit, data.currency));
  // With a comparison: the first metric and the same metric in the comparison period. Without:
  // the metrics that share the first one's unit (one axis), up to three.
  const metrics = data.comparison === null ? data.metrics.filter((metric) => metric.unit === first.unit).slice(0, MAX_SERIES) : [first];
  const series = metrics.map((metric) => ({ name: capitalise(labelOf(metric, language)), values: valuesOf((values) => values[metric.name]?.value) }));
  if (data.comparison !== null) series.push({ name: COMPARISON_NAMES[data.comparison.kind][language], values: valuesOf((values) => values[first.name]?.previous?.value) });
  return {
    title: `${capitalise(listInWords(metrics.map((metric) => labelOf(metric, language)), language))} ${grainInWords(grain, language)}`,
    labels: points.map((point) => bucketLabel(point.bucket, grain, language, acrossYears)),
    series,
    unit: chartUnit(first.unit),
    currency: first.unit === "money" ? data.currency : null,
    locale: context.locale,
  };
}

const FORECAST_TITLE: Phrases = { en: "{label} forecast by day", es: "Pronóstico de {label} por día", pt: "Previsão de {label} por dia" };
const LOW: Phrases = { en: "Low ({level})", es: "Mínimo ({level})", pt: "Mínimo ({level})" };
const HIGH: Phrases = { en: "High ({level})", es: "Máximo ({level})", pt: "Máximo ({level})" };

function forecastChart(data: ForecastMetricData, context: FormatContext): ChartSpec | null {
  const points = data.forecast.points;
  if (points.length < 2) return null;
  const language = context.language;
  const label = metricLabel(data.metric, data.label, language);
  const level = percent(data.forecast.intervalLevel, context, 0);
  // As the forecast answer shows them: whole minor units, never below zero.
  const shown = (value: number) => displayValue(Math.round(Math.max(0, value)), data.unit, context.currency);
  const acrossYears = points[0]!.date.slice(0, 4) !== points[points.length - 1]!.date.slice(0, 4);
  return {
    title: capitalise(FORECAST_TITLE[language].replace("{label}", label)),
    labels: points.map((point) => formatDate(point.date, language, acrossYears)),
    series: [
      { name: capitalise(label), values: points.map((point) => shown(point.value)) },
      { name: LOW[language].replace("{level}", level), values: points.map((point) => shown(point.lower)) },
      { name: HIGH[language].replace("{level}", level), values: points.map((point) => shown(point.upper)) },
    ],
    unit: chartUnit(data.unit),
    currency: data.unit === "money" ? context.currency : null,
    locale: context.locale,
  };
}

function chartOfOutcome(outcome: ToolOutcome, context: FormatContext): ChartSpec | null {
  if (!outcome.ok) return null;
  if (outcome.tool === "query_metrics" && isQueryMetricsData(outcome.data)) return seriesChart(outcome.data, context);
  if (outcome.tool === "forecast_metric" && isForecastMetricData(outcome.data)) return forecastChart(outcome.data, context);
  return null;
}

/** The chart of the first outcome that has a trend, or null. */
export function chartOfTurn(outcomes: readonly ToolOutcome[], language: Language, workspaceCurrency: string): ChartSpec | null {
  for (const outcome of outcomes) {
    const chart = chartOfOutcome(outcome, outcomeContext(outcome, language, workspaceCurrency));
    if (chart !== null) return chart;
  }
  return null;
}
