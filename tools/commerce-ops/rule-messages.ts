/**
 * Why a price may not be proposed, in plain English for the model and in the shapes the answer
 * composers read back per language (agents/answers/commerce-ops/pricing-refusals.ts): money as
 * "$420.00" (major units, no thousands separators), percents as "10%", local wall times.
 */
import type { PriceViolation } from "../../engines/pricing/guardrails.ts";
import { minorUnitsToDecimal } from "../../lib/money.ts";

export function plainMoney(cents: number, currency: string): string {
  return `$${minorUnitsToDecimal(cents, currency)}`;
}

/** "2026-11-22 14:30" in the workspace's time zone. */
export function localWallTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

export function violationMessage(violation: PriceViolation, newPriceCents: number, currency: string, timeZone: string): string {
  const money = (cents: number) => plainMoney(cents, currency);
  switch (violation.kind) {
    case "not_positive":
      return "The price must be above 0.";
    case "below_cost":
      return `${money(newPriceCents)} is below the cost of ${money(violation.costCents)}.`;
    case "below_floor":
      return violation.basis === "min_margin" && violation.minMarginPct !== null
        ? `${money(newPriceCents)} is below the floor of ${money(violation.floorCents)} (cost plus the ${violation.minMarginPct}% minimum margin).`
        : `${money(newPriceCents)} is below the floor of ${money(violation.floorCents)} set in the pricing rules.`;
    case "below_map":
      return `${money(newPriceCents)} is below the MAP (minimum advertised price) of ${money(violation.mapCents)}.`;
    case "above_ceiling":
      return `${money(newPriceCents)} is above the ceiling of ${money(violation.ceilingCents)}.`;
    case "exceeds_daily_change": {
      const limitPrice = violation.changeCents < 0 ? violation.fromCents - violation.maxChangeCents : violation.fromCents + violation.maxChangeCents;
      const limit = violation.limit === "pct" && violation.limitPct !== null ? `${violation.limitPct}% per day` : `${money(violation.maxChangeCents)} per day`;
      return `${money(newPriceCents)} exceeds the daily change limit: today ${money(limitPrice)} at most (${limit}).`;
    }
    case "in_cool_down":
      return `The price changed recently: in cool-down until ${localWallTime(violation.until, timeZone)}.`;
  }
}
