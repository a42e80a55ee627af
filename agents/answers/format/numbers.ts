/**
 * Numbers as the asker reads them: the workspace currency in the asker's language's locale
 * (lib/locale-format.ts), counts with grouping, ratios as percentages, multiples as "3.2×".
 * Large or whole money amounts drop the minor units ("$ 1.234.567", "$ 299"); small ones keep them ("$ 412,50").
 * Intl's no-break spaces become plain spaces so the text reads the same in every channel.
 */
import { assertNever } from "../../../lib/assert-never.ts";
import { formattingLocale } from "../../../lib/locale-format.ts";
import { currencyMinorDigits } from "../../../lib/money.ts";
import type { MetricUnit } from "../../../engines/metrics/definitions/types.ts";
import type { AnswerContext } from "../types.ts";

/** Major units from which money is shown without its minor units. */
const WHOLE_MONEY_FROM = 1000;

export function localeOf(context: Pick<AnswerContext, "language" | "currency">): string {
  return formattingLocale(context.language, context.currency);
}

export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ");
}

/** Formatters by locale and options: constructing an Intl.NumberFormat costs far more than using one. */
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(context: Pick<AnswerContext, "language" | "currency">, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = localeOf(context);
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Money from minor units: 123456789 MXN (es) → "$1,234,568"; 41250 BRL (pt) → "R$ 412,50". */
export function money(minorUnits: number, context: AnswerContext): string {
  const major = minorUnits / 10 ** currencyMinorDigits(context.currency);
  const whole = Math.abs(major) >= WHOLE_MONEY_FROM || Number.isInteger(major);
  const options: Intl.NumberFormatOptions = { style: "currency", currency: context.currency, ...(whole ? { maximumFractionDigits: 0, minimumFractionDigits: 0 } : {}) };
  return plainSpaces(numberFormat(context, options).format(major));
}

export function count(value: number, context: AnswerContext): string {
  return plainSpaces(numberFormat(context, { maximumFractionDigits: 0 }).format(value));
}

/** A number with up to `digits` decimals (average orders per customer: "1.8"). */
export function decimal(value: number, context: AnswerContext, digits = 1, minimumDigits = 0): string {
  return plainSpaces(numberFormat(context, { maximumFractionDigits: digits, minimumFractionDigits: minimumDigits }).format(value));
}

/** A fraction as a percentage with one decimal: 0.1234 → "12.3%" / "12,3%". */
export function percent(fraction: number, context: AnswerContext, digits = 1): string {
  return plainSpaces(numberFormat(context, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction));
}

/** A value already in percent (anomaly deviations: −40 = 40% below) with no decimals. */
export function percentPoints(value: number, context: AnswerContext): string {
  return percent(value / 100, context, 0);
}

export function multiple(value: number, context: AnswerContext): string {
  return `${plainSpaces(numberFormat(context, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value))}×`;
}

/** A metric value in its unit; null is "—" (callers explain why next to it). */
export function metricValue(value: number | null, unit: MetricUnit, context: AnswerContext): string {
  if (value === null) return "—";
  switch (unit) {
    case "money":
      return money(value, context);
    case "count":
      return count(value, context);
    case "ratio":
      return percent(value, context);
    case "multiple":
      return multiple(value, context);
    default:
      return assertNever(unit, "metric unit");
  }
}

/** "1 order" / "3 orders": a count and its noun, singular or plural. */
export function counted(value: number, singular: string, plural: string, context: AnswerContext): string {
  return `${count(value, context)} ${value === 1 ? singular : plural}`;
}
