/**
 * Ranges as people say them ("la semana pasada (1–7 nov 2026)") and changes against a comparison
 * ("▲ 12,3 % vs la semana anterior ($ 1.099.000)").
 */
import { addDays, daysBetween } from "../../../lib/calendar-date.ts";
import type { MetricUnit } from "../../../engines/metrics/definitions/types.ts";
import type { Comparison, ResolvedRange } from "../../../engines/metrics/time/types.ts";
import type { ComparedValue } from "../../../engines/metrics/values.ts";
import type { Language } from "../../shared/language.ts";
import type { AnswerContext } from "../types.ts";
import { formatDate, formatRange, localParts, spanKind } from "./dates.ts";
import { decimal, metricValue, percent } from "./numbers.ts";

type Phrases = Readonly<Record<Language, string>>;

const TODAY: Phrases = { en: "today", es: "hoy", pt: "hoje" };
const YESTERDAY: Phrases = { en: "yesterday", es: "ayer", pt: "ontem" };
const LAST_WEEK: Phrases = { en: "last week", es: "la semana pasada", pt: "na semana passada" };
const LAST_MONTH: Phrases = { en: "last month", es: "el mes pasado", pt: "no mês passado" };
const THIS_WEEK: Phrases = { en: "this week", es: "esta semana", pt: "nesta semana" };
const THIS_MONTH: Phrases = { en: "this month", es: "este mes", pt: "neste mês" };

export function todayOf(context: AnswerContext): string {
  return localParts(context.now, context.timeZone).date;
}

/** "last week", "ayer", "nos últimos 30 dias"… (said as when it happened) for ranges relative to now; else null. */
export function relativeRange(range: ResolvedRange, context: AnswerContext): string | null {
  const today = todayOf(context);
  const { unit, count, toDate } = range.alignment;
  const language = context.language;
  if (range.days === 1 && range.start === today) return TODAY[language];
  if (range.days === 1 && range.end === today) return YESTERDAY[language];
  if (toDate && unit === "week" && range.end === addDays(today, 1)) return THIS_WEEK[language];
  if (toDate && unit === "month" && range.end === addDays(today, 1)) return THIS_MONTH[language];
  if (toDate || range.end > today) return null;
  if (unit === "day" && range.end === today && range.days > 1) {
    return { en: `in the last ${range.days} days`, es: `en los últimos ${range.days} días`, pt: `nos últimos ${range.days} dias` }[language];
  }
  if (unit === "week" && daysBetween(range.end, today) < 7) {
    return count === 1 ? LAST_WEEK[language] : { en: `in the last ${count} weeks`, es: `en las últimas ${count} semanas`, pt: `nas últimas ${count} semanas` }[language];
  }
  if (unit === "month" && range.end.endsWith("-01") && today.slice(0, 7) === range.end.slice(0, 7)) {
    return count === 1 ? LAST_MONTH[language] : { en: `in the last ${count} months`, es: `en los últimos ${count} meses`, pt: `nos últimos ${count} meses` }[language];
  }
  return null;
}

/** "la semana pasada (1–7 nov 2026)" or just "1–7 nov 2026". */
export function rangeInWords(range: ResolvedRange, context: AnswerContext): string {
  const span = formatRange(range.start, range.end, context.language);
  const relative = relativeRange(range, context);
  return relative === null ? span : `${relative} (${span})`;
}

/** A span said as when something happened: "on Nov 21, 2026", "en octubre de 2026", "del 1 al 7 nov 2026". */
export function spanPhrase(start: string, end: string, language: Language): string {
  const last = addDays(end, -1);
  const span = formatRange(start, end, language);
  const kind = spanKind(start, end);
  if (kind === "day") return { en: `on ${span}`, es: `el ${span}`, pt: `em ${span}` }[language];
  if (kind !== "days") return { en: `in ${span}`, es: `en ${span}`, pt: `em ${span}` }[language];
  const sameYear = start.slice(0, 4) === last.slice(0, 4);
  const from = formatDate(start, language, !sameYear);
  const to = formatDate(last, language);
  return { en: `from ${from} to ${to}`, es: `del ${from} al ${to}`, pt: `de ${from} a ${to}` }[language];
}

/** The range said as when: the relative phrase with its dates, or the span phrase. */
export function inRange(range: ResolvedRange, context: AnswerContext): string {
  return relativeRange(range, context) === null ? spanPhrase(range.start, range.end, context.language) : rangeInWords(range, context);
}

const PREVIOUS_UNIT: Readonly<Record<string, Phrases>> = {
  day: { en: "the previous day", es: "el día anterior", pt: "o dia anterior" },
  week: { en: "the previous week", es: "la semana anterior", pt: "a semana anterior" },
  month: { en: "the previous month", es: "el mes anterior", pt: "o mês anterior" },
  quarter: { en: "the previous quarter", es: "el trimestre anterior", pt: "o trimestre anterior" },
  year: { en: "the previous year", es: "el año anterior", pt: "o ano anterior" },
};
const PREVIOUS_PERIOD: Phrases = { en: "the previous period", es: "el período anterior", pt: "o período anterior" };
const LAST_YEAR: Phrases = { en: "the same period last year", es: "el mismo período del año pasado", pt: "o mesmo período do ano passado" };

/** What the range is compared with, in words: "la semana anterior", "the same period last year". */
export function comparisonInWords(kind: Comparison, range: ResolvedRange, language: Language): string {
  if (kind === "last_year") return LAST_YEAR[language];
  const { unit, count } = range.alignment;
  const phrases = count === 1 && !(unit === "day" && range.days > 1) ? PREVIOUS_UNIT[unit] : undefined;
  return (phrases ?? PREVIOUS_PERIOD)[language];
}

const NO_PREVIOUS: Phrases = { en: "no data for", es: "sin datos de", pt: "sem dados de" };
const NO_CHANGE: Phrases = { en: "no change vs", es: "sin cambios vs", pt: "sem mudança vs" };

/** "▲ 12.3% vs the previous week ($1,099,000)"; for ratios the change in points ("▼ 1.2 pp"). */
export function changeInWords(value: ComparedValue | undefined, unit: MetricUnit, against: string, context: AnswerContext): string {
  const previous = value?.previous?.value ?? null;
  if (value === undefined || previous === null) return `${NO_PREVIOUS[context.language]} ${against}`;
  const before = metricValue(previous, unit, context);
  const change = value.change ?? null;
  if (change === null || value.value === null) return `vs ${against} (${before})`;
  if (change === 0) return `${NO_CHANGE[context.language]} ${against} (${before})`;
  const arrow = change > 0 ? "▲" : "▼";
  if (unit === "ratio") return `${arrow} ${decimal(Math.abs(change) * 100, context, 1, 1)} pp vs ${against} (${before})`;
  if (value.changePct === null || value.changePct === undefined) return `${arrow} vs ${against} (${before})`;
  return `${arrow} ${percent(Math.abs(value.changePct), context)} vs ${against} (${before})`;
}
