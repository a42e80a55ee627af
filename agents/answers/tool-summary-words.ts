/**
 * The words tool-result summaries (tool-summaries.ts) are written with: English always (they are
 * memory, not replies), figures from the answers' own formatters in an English context, money as
 * "123,456.70 MXN" (whole minor units and the currency code, so a recalled figure is exact), local
 * date spans as "2026-11-14..2026-11-20" (last day inclusive) and lists cut short.
 */
import type { MetricUnit } from "../../engines/metrics/definitions/types.ts";
import { addDays } from "../../lib/calendar-date.ts";
import { currencyMinorDigits } from "../../lib/money.ts";
import { decimal, metricValue } from "./format/numbers.ts";
import type { AnswerContext } from "./types.ts";

/** Where a summary is written for: the workspace's currency (data without its own) and time zone. */
export interface SummaryContext {
  readonly currency: string;
  readonly timeZone: string;
}

/** The longest summary line; longer ones are cut with "…". */
export const SUMMARY_MAX_CHARS = 240;

/** The answers' formatters want a whole context: English, in the given currency. */
export function englishContext(context: SummaryContext, currency: string = context.currency): AnswerContext {
  return { language: "en", currency: currency === "" ? context.currency : currency, timeZone: context.timeZone, now: "", workspaceName: "" };
}

/** Minor units as "123,456.70" in the currency's own decimals. */
export function amountNumber(minorUnits: number, currency: string, context: SummaryContext): string {
  const digits = currencyMinorDigits(currency);
  return decimal(minorUnits / 10 ** digits, englishContext(context, currency), digits, digits);
}

/** Minor units as "123,456.70 MXN". */
export function amount(minorUnits: number, currency: string, context: SummaryContext): string {
  return `${amountNumber(Math.round(minorUnits), currency, context)} ${currency}`;
}

/** "299.00 → 279.00 MXN". */
export function priceMove(fromCents: number, toCents: number, currency: string, context: SummaryContext): string {
  return `${amountNumber(fromCents, currency, context)} → ${amount(toCents, currency, context)}`;
}

/** A metric value in its unit: money as amount(), the rest as the answers show them; null as "no value". */
export function figure(value: number | null | undefined, unit: MetricUnit, currency: string, context: SummaryContext): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "no value";
  if (unit === "money") return amount(value, currency, context);
  return metricValue(unit === "count" ? Math.round(value) : value, unit, englishContext(context, currency));
}

/** Local dates, end exclusive, as "2026-11-14..2026-11-20" (one day: "2026-11-20"). */
export function span(start: string, endExclusive: string): string {
  const last = addDays(endExclusive, -1);
  return last <= start ? start : `${start}..${last}`;
}

/** Local dates, last inclusive. */
export function spanInclusive(start: string, last: string): string {
  return last <= start ? start : `${start}..${last}`;
}

/** The first `max` items joined with "; ", with "+N more" for the rest. */
export function firstOf(items: readonly string[], max: number, separator = "; "): string {
  const shown = items.slice(0, max).join(separator);
  return items.length > max ? `${shown}${separator}+${items.length - max} more` : shown;
}

/** One line, at most SUMMARY_MAX_CHARS characters. */
export function clip(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= SUMMARY_MAX_CHARS ? line : `${line.slice(0, SUMMARY_MAX_CHARS - 1).trimEnd()}…`;
}
