import { describe, expect, it } from "vitest";
import { expectedGainCents, overpricingExposureCents, rankSuggestions } from "./rank-suggestions.ts";
import { suggestPrice, type PriceSuggestion, type SuggestPriceInput } from "./suggest-price.ts";
import { quote, rulesWith, suggestInput, variant } from "./test-helpers.ts";

function make(overrides: Partial<SuggestPriceInput>): PriceSuggestion {
  const result = suggestPrice(suggestInput({ rules: rulesWith({ maxChangePctPerDay: null }), ...overrides }));
  if (result.kind !== "suggestion") throw new Error(result.reason);
  return result.suggestion;
}

// Raises (competitors above us) gain profit; cuts lose some under an elasticity of −1.5 at these margins.
const bigRaise = make({ variant: variant({ variantId: 1 }), quotes: [quote("Zara", 54900)], unitsPerDay: 5 });
const smallRaise = make({ variant: variant({ variantId: 2 }), quotes: [quote("Zara", 51900)], unitsPerDay: 5 });
const twinRaise = make({ variant: variant({ variantId: 5 }), quotes: [quote("Zara", 51900)], unitsPerDay: 5 });
const bestSellerCut = make({ variant: variant({ variantId: 3 }), quotes: [quote("Zara", 42900)], unitsPerDay: 9 });
const slowCut = make({ variant: variant({ variantId: 4 }), quotes: [quote("Zara", 46900)], unitsPerDay: 1 });
const noCost = make({ variant: variant({ variantId: 6, costCents: null }), quotes: [quote("Zara", 45900)], unitsPerDay: 3 });
const all = [slowCut, bestSellerCut, twinRaise, smallRaise, bigRaise, noCost];

describe("rankSuggestions", () => {
  it("ranks by expected 30-day gross profit gain (revenue gain without a cost), ties by variant id", () => {
    expect(expectedGainCents(bigRaise)).toBeGreaterThan(expectedGainCents(smallRaise));
    expect(expectedGainCents(bestSellerCut)).toBeLessThan(0);
    expect(expectedGainCents(noCost)).toBe(noCost.expected.revenue30dAfterCents - noCost.expected.revenue30dBeforeCents);
    // Without a cost the cut's revenue gain (+1,915 pesos) counts; the two equal raises are ordered by id.
    expect(expectedGainCents(twinRaise)).toBe(expectedGainCents(smallRaise));
    expect(rankSuggestions(all, { view: "all", top: 10 }).map((s) => s.variantId)).toEqual([6, 1, 2, 5, 4, 3]);
    expect(rankSuggestions(all, { view: "all", top: 2 }).map((s) => s.variantId)).toEqual([6, 1]);
  });

  it("keeps increases for underpriced and cuts for overpriced, the biggest gap on the best sellers first", () => {
    expect(rankSuggestions(all, { view: "underpriced", top: 10 }).map((s) => s.variantId)).toEqual([1, 2, 5]);
    expect(overpricingExposureCents(bestSellerCut)).toBe(Math.round((9 * 30 * 49900 * (49900 - 42900)) / 49900));
    expect(overpricingExposureCents(bigRaise)).toBe(0);
    expect(rankSuggestions(all, { view: "overpriced", top: 10 }).map((s) => s.variantId)).toEqual([3, 6, 4]);
  });
});
