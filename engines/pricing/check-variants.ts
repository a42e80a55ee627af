/**
 * A proposed price against the rules of every variant it changes (a product's sizes share one
 * change but may differ in cost or rules): the first rule any of them breaks, or null. Used when a
 * change is proposed and again when it is applied.
 */
import { checkPriceChange, type PriceViolation } from "./guardrails.ts";
import type { VariantPricingInput } from "./pricing-sql.ts";

export interface ProposedPrice {
  readonly currentPriceCents: number;
  readonly newPriceCents: number;
}

export interface CheckOptions {
  /**
   * False for an undo: restoring the price before a change is not held back by the cool-down or the
   * daily limit (only by floors, ceilings and MAP).
   */
  readonly timing: boolean;
}

export function firstViolation(variants: readonly VariantPricingInput[], price: ProposedPrice, now: Date, options: CheckOptions = { timing: true }): PriceViolation | null {
  for (const input of variants) {
    const violations = checkPriceChange({
      currentPriceCents: price.currentPriceCents,
      newPriceCents: price.newPriceCents,
      costCents: input.variant.costCents,
      rules: input.rules,
      lastChangedAt: options.timing ? input.lastChangedAt : null,
      priceDayAgoCents: options.timing ? input.priceDayAgoCents : null,
      now,
    });
    const [first] = options.timing ? violations : violations.filter((v) => v.kind !== "exceeds_daily_change" && v.kind !== "in_cool_down");
    if (first) return first;
  }
  return null;
}
