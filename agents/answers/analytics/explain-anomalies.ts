/** Answers for explain_anomalies: the unusual days, how far off they were, and what drove them. */
import type { ExplainedAnomaly } from "../../../engines/metrics/analysis/metric-anomalies.ts";
import type { ExplainAnomaliesData } from "../../../tools/analytics/explain-anomalies.ts";
import { addDays } from "../../../lib/calendar-date.ts";
import { formatDate } from "../format/dates.ts";
import { spanPhrase } from "../format/periods.ts";
import { capitalise, dimensionLabel, memberLabel, metricLabel } from "../format/labels.ts";
import { metricValue, percent, percentPoints } from "../format/numbers.ts";
import { bullets, wantToSee } from "../format/phrases.ts";
import { composeToolError } from "../tool-error.ts";
import type { AnswerContext, ComposedPart, OutcomeComposer } from "../types.ts";
import { isExplainAnomaliesData } from "./outcome-data.ts";

/** The most recent anomalies shown. */
const SHOWN = 5;

const SEVERITY = {
  low: { en: "low", es: "baja", pt: "baixa" },
  medium: { en: "medium", es: "media", pt: "média" },
  high: { en: "high", es: "alta", pt: "alta" },
} as const;

function anomalyLine(anomaly: ExplainedAnomaly, data: ExplainAnomaliesData, context: AnswerContext): string {
  const language = context.language;
  const show = (value: number) => metricValue(data.unit === "money" || data.unit === "count" ? Math.round(value) : value, data.unit, context);
  const arrow = anomaly.direction === "down" ? "▼" : "▲";
  const pct = anomaly.deviationPct === null ? "" : ` ${percentPoints(Math.abs(anomaly.deviationPct), context)}`;
  const expected = { en: "expected", es: "esperado", pt: "esperado" }[language];
  const severity = { en: "severity", es: "severidad", pt: "severidade" }[language];
  const confidence = { en: "confidence", es: "confianza", pt: "confiança" }[language];
  let line = `${formatDate(anomaly.date, language)}: ${show(anomaly.actual)} vs ${show(anomaly.expected)} ${expected} (${arrow}${pct}); ${severity} ${SEVERITY[anomaly.severity][language]}, ${confidence} ${percent(anomaly.confidence, context, 0)}.`;
  const drivers = anomaly.drivers;
  const top = drivers?.result.contributions.filter((contribution) => contribution.driver).slice(0, 3) ?? [];
  if (drivers && top.length > 0) {
    const ofChange = { en: "of the gap", es: "del desvío", pt: "do desvio" }[language];
    const signed = (value: number) => `${value < 0 ? "−" : "+"}${show(Math.abs(value))}`;
    const members = top.map((contribution) => `${memberLabel(drivers.labels[contribution.member] ?? contribution.member, language)} (${signed(contribution.deviation)}, ${percent(Math.abs(contribution.share), context, 0)} ${ofChange})`);
    const by = { en: `Mostly ${dimensionLabel(drivers.dimension, language)}`, es: `Sobre todo por ${dimensionLabel(drivers.dimension, language)}`, pt: `Principalmente por ${dimensionLabel(drivers.dimension, language)}` }[language];
    line += ` ${by}: ${members.join(", ")}.`;
  }
  return line;
}

function anomaliesText(data: ExplainAnomaliesData, context: AnswerContext): string {
  const language = context.language;
  const label = metricLabel(data.metric, data.label, language);
  const window = spanPhrase(data.checked.start, addDays(data.checked.last, 1), language);
  if (data.skippedReason !== null) {
    return { en: `There isn't enough daily history of ${label} yet to tell what is unusual.`, es: `Todavía no hay suficiente historial diario de ${label} para saber qué es inusual.`, pt: `Ainda não há histórico diário suficiente de ${label} para saber o que é incomum.` }[language];
  }
  if (data.anomalies.length === 0) {
    return {
      en: `Nothing unusual in *${label}* ${window}: every day was within its usual range for that weekday and trend.`,
      es: `Nada fuera de lo normal en *${label}* ${window}: cada día quedó dentro de su rango habitual para ese día de la semana y la tendencia.`,
      pt: `Nada fora do normal em *${label}* ${window}: cada dia ficou dentro da faixa habitual para o dia da semana e a tendência.`,
    }[language];
  }
  const header = { en: `*${capitalise(label)}*: unusual days ${window}`, es: `*${capitalise(label)}*: días fuera de lo normal ${window}`, pt: `*${capitalise(label)}*: dias fora do normal ${window}` }[language];
  const shown = data.anomalies.slice(-SHOWN);
  return [`${header}:`, bullets(shown.map((anomaly) => anomalyLine(anomaly, data, context)))].join("\n");
}

export const composeExplainAnomalies: OutcomeComposer = (call, context): ComposedPart => {
  const outcome = call.outcome;
  if (!outcome.ok) return composeToolError(outcome.error, context);
  const data = outcome.data;
  if (!isExplainAnomaliesData(data)) throw new Error("explain_anomalies outcome data is not anomaly findings");
  const label = metricLabel(data.metric, data.label, context.language);
  const suggestion = wantToSee({ en: `the ${label} forecast for the coming weeks`, es: `el pronóstico de ${label} para las próximas semanas`, pt: `a previsão de ${label} para as próximas semanas` }, context.language);
  return { text: anomaliesText(data, context), suggestion };
};
