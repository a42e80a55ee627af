/**
 * Metric values as people read them, in the workspace's language and currency: money from minor
 * units ("$1,234.56", "R$ 1.234,56"), counts with grouping, ratios as percentages, multiples as
 * "3.2×", and changes with a sign. Null values show as "—".
 */
import { formattingLocale } from "../../lib/locale-format.ts";
import { formatMoney } from "../../lib/money.ts";
import type { MetricUnit } from "./definitions/types.ts";

export interface FormatContext {
  readonly currency: string;
  readonly language: string;
}

export function formatMetricValue(value: number | null, unit: MetricUnit, context: FormatContext): string {
  if (value === null) return "—";
  const locale = formattingLocale(context.language, context.currency);
  switch (unit) {
    case "money":
      return formatMoney(value, context.currency, context.language);
    case "count":
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case "ratio":
      return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    case "multiple":
      return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)}×`;
  }
}

/** A relative change (0.125) as "+12.5%"; for ratio metrics, the change in points ("+1.2 pp"). */
export function formatChangePct(changePct: number | null, context: FormatContext): string {
  if (changePct === null) return "—";
  const locale = formattingLocale(context.language, context.currency);
  return new Intl.NumberFormat(locale, { style: "percent", signDisplay: "exceptZero", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(changePct);
}

export function formatChange(change: number | null, unit: MetricUnit, context: FormatContext): string {
  if (change === null) return "—";
  if (unit === "ratio") {
    const locale = formattingLocale(context.language, context.currency);
    return `${new Intl.NumberFormat(locale, { signDisplay: "exceptZero", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(change * 100)} pp`;
  }
  const formatted = formatMetricValue(Math.abs(change), unit, context);
  return change > 0 ? `+${formatted}` : change < 0 ? `−${formatted}` : formatted;
}
