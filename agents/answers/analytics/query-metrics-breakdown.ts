/** A breakdown: the top members with their share, an "Other" row, and the total. */
import type { BreakdownRow, MetricSummary } from "../../../engines/metrics/query/result.ts";
import type { QueryMetricsData } from "../../../tools/analytics/query-metrics.ts";
import { capitalise, dimensionLabel, memberLabel } from "../format/labels.ts";
import { metricValue, percent } from "../format/numbers.ts";
import { bullets } from "../format/phrases.ts";
import { comparisonInWords, inRange } from "../format/periods.ts";
import type { AnswerContext } from "../types.ts";
import { labelOf, nullNotes, valueWithChange } from "./metric-text.ts";

function rowText(row: BreakdownRow, sortBy: MetricSummary, others: readonly MetricSummary[], compared: boolean, context: AnswerContext): string {
  const value = row.values[sortBy.name];
  const main = metricValue(value?.value ?? null, sortBy.unit, context);
  const share = row.share === null ? "" : ` (${percent(row.share, context)})`;
  const change = compared && value?.changePct !== undefined && value.changePct !== null ? `, ${value.changePct >= 0 ? "▲" : "▼"} ${percent(Math.abs(value.changePct), context)}` : "";
  const rest = others.map((metric) => `, ${labelOf(metric, context.language)} ${metricValue(row.values[metric.name]?.value ?? null, metric.unit, context)}`).join("");
  return `${memberLabel(row.label, context.language)}: ${main}${share}${change}${rest}`;
}

export function breakdownText(data: QueryMetricsData, context: AnswerContext): string {
  const language = context.language;
  const breakdown = data.breakdown!;
  const sortBy = data.metrics.find((metric) => metric.name === breakdown.sortBy) ?? data.metrics[0]!;
  const others = data.metrics.filter((metric) => metric !== sortBy).slice(0, 2);
  const against = data.comparison ? comparisonInWords(data.comparison.kind, data.range, language) : null;
  const by = { en: "by", es: "por", pt: "por" }[language];
  const header = `*${capitalise(labelOf(sortBy, language))}* ${by} ${dimensionLabel(breakdown.dimension, language)} ${inRange(data.range, context)}${against === null ? "" : `, vs ${against}`}:`;
  if (breakdown.rows.length === 0) {
    return { en: `No ${labelOf(sortBy, language)} to break down ${inRange(data.range, context)}.`, es: `No hubo ${labelOf(sortBy, language)} para desglosar ${inRange(data.range, context)}.`, pt: `Não houve ${labelOf(sortBy, language)} para detalhar ${inRange(data.range, context)}.` }[language];
  }
  const rows = bullets(breakdown.rows.map((row) => rowText(row, sortBy, others, against !== null, context)));
  const total = `Total: ${valueWithChange(data.totals[sortBy.name], sortBy, against, context)}.`;
  const shown = breakdown.rows.filter((row) => !row.other).length;
  const more =
    breakdown.members > shown
      ? { en: `Top ${breakdown.top} of ${breakdown.members} shown; the rest are in "Other".`, es: `Se muestran los ${breakdown.top} principales de ${breakdown.members}; el resto está en "Otros".`, pt: `Mostrando os ${breakdown.top} principais de ${breakdown.members}; o resto está em "Outros".` }[language]
      : null;
  const notes = nullNotes([sortBy, ...others], breakdown.rows.map((row) => row.values), context);
  return [header, rows, total, ...(more === null ? [] : [more]), ...notes].join("\n");
}
