/**
 * Answers for query_metrics: totals, a trend, or a breakdown, with a next question the tools can
 * answer (totals → by channel, breakdown → the trend, trend → a comparison or a breakdown).
 */
import { findMetric } from "../../../engines/metrics/definitions/registry.ts";
import type { QueryMetricsData } from "../../../tools/analytics/query-metrics.ts";
import { dimensionLabel } from "../format/labels.ts";
import { wantToSee } from "../format/phrases.ts";
import { composeToolError } from "../tool-error.ts";
import type { AnswerContext, ComposedPart, OutcomeComposer } from "../types.ts";
import { allEmpty } from "./metric-text.ts";
import { isQueryMetricsData } from "./outcome-data.ts";
import { breakdownText } from "./query-metrics-breakdown.ts";
import { seriesText } from "./query-metrics-series.ts";
import { totalsText } from "./query-metrics-totals.ts";

/** Dimensions offered after totals, the most useful first. */
const NEXT_DIMENSIONS = ["source_channel", "category", "platform", "campaign", "source_medium"] as const;

function nextDimension(data: QueryMetricsData): string | null {
  const metric = findMetric(data.metrics[0]?.name ?? "");
  return NEXT_DIMENSIONS.find((dimension) => metric?.dimensions.includes(dimension)) ?? null;
}

function byDimension(dimension: string, context: AnswerContext): string {
  const language = context.language;
  const label = dimensionLabel(dimension, language);
  return wantToSee({ en: `it by ${label}`, es: `el detalle por ${label}`, pt: `por ${label}` }, language);
}

function suggestionFor(data: QueryMetricsData, context: AnswerContext): string | null {
  const language = context.language;
  const comparePrevious = wantToSee({ en: "how it compares with the previous period", es: "cómo se compara con el período anterior", pt: "a comparação com o período anterior" }, language);
  if (allEmpty(data.totals)) return null;
  if (data.breakdown) return wantToSee({ en: "the weekly trend", es: "la tendencia semanal", pt: "a tendência semanal" }, language);
  const dimension = nextDimension(data);
  if (data.series) return data.comparison === null ? comparePrevious : dimension === null ? null : byDimension(dimension, context);
  if (dimension !== null) return byDimension(dimension, context);
  return data.comparison === null ? comparePrevious : wantToSee({ en: "the monthly trend", es: "la tendencia mensual", pt: "a tendência mensal" }, language);
}

export const composeQueryMetrics: OutcomeComposer = (call, context): ComposedPart => {
  const outcome = call.outcome;
  if (!outcome.ok) return composeToolError(outcome.error, context);
  const data = outcome.data;
  if (!isQueryMetricsData(data)) throw new Error("query_metrics outcome data is not a metric query result");
  const text = data.breakdown ? breakdownText(data, context) : data.series ? seriesText(data, context) : totalsText(data, context);
  return { text, suggestion: suggestionFor(data, context) };
};
