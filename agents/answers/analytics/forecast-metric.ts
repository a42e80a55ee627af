/** Answers for forecast_metric: the expected total with its interval, and the strongest day. */
import type { ForecastMetricData } from "../../../tools/analytics/forecast-metric.ts";
import { addDays } from "../../../lib/calendar-date.ts";
import { formatDate, formatRange } from "../format/dates.ts";
import { capitalise, metricLabel } from "../format/labels.ts";
import { metricValue, percent } from "../format/numbers.ts";
import { wantToSee } from "../format/phrases.ts";
import { composeToolError } from "../tool-error.ts";
import type { AnswerContext, ComposedPart, OutcomeComposer } from "../types.ts";
import { isForecastMetricData } from "./outcome-data.ts";

function forecastText(data: ForecastMetricData, context: AnswerContext): string {
  const language = context.language;
  const label = metricLabel(data.metric, data.label, language);
  const show = (value: number) => metricValue(Math.round(Math.max(0, value)), data.unit, context);
  const total = data.total;
  const span = formatRange(total.startDate, addDays(total.endDate, 1), language);
  const level = percent(total.intervalLevel, context, 0);
  const main = {
    en: `*${capitalise(label)} forecast* for the next ${total.days} days (${span}): about *${show(total.total)}* (${level} range: ${show(total.lower)} to ${show(total.upper)}).`,
    es: `*Pronóstico de ${label}* para los próximos ${total.days} días (${span}): alrededor de *${show(total.total)}*, con un rango del ${level} entre ${show(total.lower)} y ${show(total.upper)}.`,
    pt: `*Previsão de ${label}* para os próximos ${total.days} dias (${span}): cerca de *${show(total.total)}*, com uma faixa de ${level} entre ${show(total.lower)} e ${show(total.upper)}.`,
  }[language];
  const points = data.forecast.points;
  const peak = points.length > 1 ? points.reduce((best, point) => (point.value > best.value ? point : best)) : null;
  const peakLine = peak
    ? { en: `Strongest day: ${formatDate(peak.date, language)} (${show(peak.value)}).`, es: `El día más fuerte sería el ${formatDate(peak.date, language)} (${show(peak.value)}).`, pt: `O dia mais forte seria ${formatDate(peak.date, language)} (${show(peak.value)}).` }[language]
    : null;
  const basis = {
    en: `Seasonal model fitted on ${data.forecast.fittedDays} days of history${data.forecast.validationWape === null ? "" : `; typical error in backtests ${percent(data.forecast.validationWape, context)}`}.`,
    es: `Modelo estacional ajustado con ${data.forecast.fittedDays} días de historia${data.forecast.validationWape === null ? "" : `; error típico en pruebas ${percent(data.forecast.validationWape, context)}`}.`,
    pt: `Modelo sazonal ajustado com ${data.forecast.fittedDays} dias de histórico${data.forecast.validationWape === null ? "" : `; erro típico nos testes ${percent(data.forecast.validationWape, context)}`}.`,
  }[language];
  return [main, ...(peakLine === null ? [] : [peakLine]), basis].join("\n");
}

export const composeForecastMetric: OutcomeComposer = (call, context): ComposedPart => {
  const outcome = call.outcome;
  if (!outcome.ok) return composeToolError(outcome.error, context);
  const data = outcome.data;
  if (!isForecastMetricData(data)) throw new Error("forecast_metric outcome data is not a forecast");
  const suggestion = wantToSee({ en: "how the last few weeks went, by week", es: "cómo fueron las últimas semanas, por semana", pt: "como foram as últimas semanas, por semana" }, context.language);
  return { text: forecastText(data, context), suggestion };
};
