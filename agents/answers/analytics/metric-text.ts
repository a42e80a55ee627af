/**
 * Pieces of metric answers shared by totals, series and breakdowns: a metric's name and value with
 * its change, and the notes that explain missing values.
 */
import { assertNever } from "../../../lib/assert-never.ts";
import type { MetricSummary } from "../../../engines/metrics/query/result.ts";
import type { Grain } from "../../../engines/metrics/time/types.ts";
import type { ComparedValue } from "../../../engines/metrics/values.ts";
import type { Language } from "../../shared/language.ts";
import { capitalise, metricLabel, noteText, reasonText } from "../format/labels.ts";
import { metricValue } from "../format/numbers.ts";
import { changeInWords } from "../format/periods.ts";
import type { AnswerContext } from "../types.ts";

export function labelOf(metric: MetricSummary, language: Language): string {
  return metricLabel(metric.name, metric.label, language);
}

const NO_VALUE = { en: "no value", es: "sin dato", pt: "sem valor" } as const;

/** "$1,234,567, ▲ 12.3% vs the previous week ($1,099,000)"; "no value (there were no orders…)". */
export function valueWithChange(value: ComparedValue | undefined, metric: MetricSummary, against: string | null, context: AnswerContext): string {
  const shown = value?.value ?? null;
  if (shown === null) {
    const reason = value?.reason ? ` (${reasonText(value.reason, context.language)})` : "";
    return `${NO_VALUE[context.language]}${reason}`;
  }
  const text = `*${metricValue(shown, metric.unit, context)}*`;
  const change = against === null ? "" : `, ${changeInWords(value, metric.unit, against, context)}`;
  const note = value?.note ? ` (${noteText(value.note, context.language)})` : "";
  return `${text}${change}${note}`;
}

/** The reasons values are missing, once each, as one sentence per metric. */
export function nullNotes(metrics: readonly MetricSummary[], values: readonly (Readonly<Record<string, ComparedValue>> | undefined)[], context: AnswerContext): string[] {
  const notes: string[] = [];
  for (const metric of metrics) {
    const reason = values.map((row) => row?.[metric.name]).find((value) => value !== undefined && value.value === null && value.reason)?.reason;
    if (reason) notes.push(`${capitalise(labelOf(metric, context.language))}: — ${{ en: "because", es: "porque", pt: "porque" }[context.language]} ${reasonText(reason, context.language)}.`);
  }
  return notes;
}

export function grainInWords(grain: Grain, language: Language): string {
  switch (grain) {
    case "day":
      return { en: "by day", es: "por día", pt: "por dia" }[language];
    case "week":
      return { en: "by week", es: "por semana", pt: "por semana" }[language];
    case "month":
      return { en: "by month", es: "por mes", pt: "por mês" }[language];
    case "quarter":
      return { en: "by quarter", es: "por trimestre", pt: "por trimestre" }[language];
    case "year":
      return { en: "by year", es: "por año", pt: "por ano" }[language];
    default:
      return assertNever(grain, "grain");
  }
}

/** True when every value is 0 or missing: nothing happened in the range. */
export function allEmpty(values: Readonly<Record<string, ComparedValue>>): boolean {
  return Object.values(values).every((value) => value.value === null || value.value === 0);
}
