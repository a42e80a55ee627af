/**
 * What a price change is expected to do over 30 days, from a constant-elasticity demand curve:
 * units after = units before × (new price ÷ current price)^elasticity. Revenue and gross profit
 * follow (gross profit only when the cost is known). These are expectations from the elasticity
 * estimate; its confidence travels with the suggestion.
 */

export const EXPECTED_HORIZON_DAYS = 30;

export interface ExpectedOutcome {
  readonly unitsPerDayBefore: number;
  readonly unitsPerDayAfter: number;
  readonly revenue30dBeforeCents: number;
  readonly revenue30dAfterCents: number;
  readonly grossProfit30dBeforeCents: number | null;
  readonly grossProfit30dAfterCents: number | null;
}

export interface OutcomeInput {
  readonly currentPriceCents: number;
  readonly newPriceCents: number;
  readonly costCents: number | null;
  readonly unitsPerDay: number;
  readonly elasticity: number;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

export function expectedOutcome(input: OutcomeInput): ExpectedOutcome {
  const before = Math.max(0, input.unitsPerDay);
  const after = input.currentPriceCents > 0 ? before * (input.newPriceCents / input.currentPriceCents) ** input.elasticity : before;
  const revenue = (units: number, price: number) => Math.round(units * EXPECTED_HORIZON_DAYS * price);
  const profit = (units: number, price: number) => (input.costCents === null ? null : Math.round(units * EXPECTED_HORIZON_DAYS * (price - input.costCents)));
  return {
    unitsPerDayBefore: round3(before),
    unitsPerDayAfter: round3(after),
    revenue30dBeforeCents: revenue(before, input.currentPriceCents),
    revenue30dAfterCents: revenue(after, input.newPriceCents),
    grossProfit30dBeforeCents: profit(before, input.currentPriceCents),
    grossProfit30dAfterCents: profit(after, input.newPriceCents),
  };
}

/** Gross margin on the price ((price − cost) ÷ price, 4 decimals), or null without a cost or price. */
export function marginOf(priceCents: number, costCents: number | null): number | null {
  if (costCents === null || priceCents <= 0) return null;
  return Math.round(((priceCents - costCents) / priceCents) * 1e4) / 1e4;
}
