/** Totals of one to a few metrics: one sentence for one metric, a short list for several. */
import type { QueryMetricsData } from "../../../tools/analytics/query-metrics.ts";
import { capitalise } from "../format/labels.ts";
import { metricValue } from "../format/numbers.ts";
import { bullets } from "../format/phrases.ts";
import { comparisonInWords, inRange, rangeInWords } from "../format/periods.ts";
import type { AnswerContext } from "../types.ts";
import { allEmpty, labelOf, valueWithChange } from "./metric-text.ts";

export function totalsText(data: QueryMetricsData, context: AnswerContext): string {
  const language = context.language;
  const when = rangeInWords(data.range, context);
  const against = data.comparison ? comparisonInWords(data.comparison.kind, data.range, language) : null;
  if (allEmpty(data.totals) && data.metrics.some((metric) => data.totals[metric.name]?.value === 0)) {
    const values = data.metrics.map((metric) => `${labelOf(metric, language)} ${metricValue(data.totals[metric.name]?.value ?? null, metric.unit, context)}`).join(", ");
    return { en: `Nothing was recorded ${inRange(data.range, context)}: ${values}.`, es: `No hubo movimiento ${inRange(data.range, context)}: ${values}.`, pt: `Não houve movimento ${inRange(data.range, context)}: ${values}.` }[language];
  }
  if (data.metrics.length === 1) {
    const metric = data.metrics[0]!;
    return `*${capitalise(labelOf(metric, language))}* ${when}: ${valueWithChange(data.totals[metric.name], metric, against, context)}.`;
  }
  const lines = data.metrics.map((metric) => `${capitalise(labelOf(metric, language))}: ${valueWithChange(data.totals[metric.name], metric, against, context)}`);
  return [`${capitalise(when)}:`, bullets(lines)].join("\n");
}
