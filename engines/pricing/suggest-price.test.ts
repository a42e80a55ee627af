import { describe, expect, it } from "vitest";
import { resolvePricingRules } from "./rules.ts";
import { shortCode } from "./short-code.ts";
import { suggestPrice, type PriceSuggestion, type SuggestPriceInput } from "./suggest-price.ts";
import { NOW, quote, rulesWith, suggestInput, variant } from "./test-helpers.ts";

function suggested(overrides: Partial<SuggestPriceInput>): PriceSuggestion {
  const result = suggestPrice(suggestInput(overrides));
  if (result.kind !== "suggestion") throw new Error(`expected a suggestion, got no_change ${result.reason}`);
  return result.suggestion;
}
const noChange = (overrides: Partial<SuggestPriceInput>) => {
  const result = suggestPrice(suggestInput(overrides));
  if (result.kind !== "no_change") throw new Error(`expected no change, got ${result.suggestion.suggestedPriceCents}`);
  return result;
};

describe("suggestPrice", () => {
  it("matches the lowest competitor and explains it: rule, competitors, margins, expected units and money", () => {
    const s = suggested({});
    expect(s).toMatchObject({
      code: shortCode("7:45900"),
      variantId: 7,
      productId: 3,
      title: "Playera básica",
      variantTitle: "M",
      currency: "MXN",
      currentPriceCents: 49900,
      suggestedPriceCents: 45900,
      targetPriceCents: 45900,
      strategyPriceCents: 45900,
      direction: "down",
      changePct: -8.016,
      rule: { strategy: { kind: "match_lowest" }, source: "default" },
      marginBefore: 0.5992,
      marginAfter: 0.5643,
      constraints: [],
    });
    expect(s.competitors).toEqual({
      considered: [
        { competitor: "Zara", priceCents: 45900, observedAt: quote("Zara", 1).observedAt },
        { competitor: "Shein", priceCents: 47900, observedAt: quote("Shein", 1).observedAt },
      ],
      ignored: [],
      lowestCents: 45900,
      averageCents: 46900,
    });
    const unitsAfter = 2 * (45900 / 49900) ** -1.5;
    expect(s.expected.unitsPerDayBefore).toBe(2);
    expect(s.expected.unitsPerDayAfter).toBeCloseTo(unitsAfter, 3);
    expect(s.expected.revenue30dBeforeCents).toBe(2 * 30 * 49900);
    expect(s.expected.revenue30dAfterCents).toBe(Math.round(unitsAfter * 30 * 45900));
    expect(s.expected.grossProfit30dBeforeCents).toBe(2 * 30 * 29900);
    expect(s.expected.grossProfit30dAfterCents).toBe(Math.round(unitsAfter * 30 * 25900));
  });

  it("ignores out-of-stock, stale, other-currency and outlier prices, each with its reason, and uses each competitor's latest", () => {
    const s = suggested({
      quotes: [
        quote("Zara", 40000, { daysAgo: 5 }),
        quote("Zara", 45900, { daysAgo: 1 }),
        quote("Mercado Libre", 47900),
        quote("Shein", 39900, { inStock: false }),
        quote("Coppel", 30000, { daysAgo: 20 }),
        quote("Amazon", 2500, { currency: "USD" }),
        quote("Liverpool", 9900),
        quote("Walmart", 150000),
      ],
    });
    expect(s.competitors.considered.map((q) => [q.competitor, q.priceCents])).toEqual([["Zara", 45900], ["Mercado Libre", 47900]]);
    expect(s.competitors.ignored.map((q) => [q.competitor, q.reason])).toEqual([
      ["Amazon", "other_currency"],
      ["Liverpool", "outlier_low"],
      ["Coppel", "stale"],
      ["Shein", "out_of_stock"],
      ["Walmart", "outlier_high"],
    ]);
    expect(s.suggestedPriceCents).toBe(45900);
    // Out-of-stock prices count when the rules say so; two prices are never outliers of each other.
    expect(suggested({ quotes: [quote("Shein", 45000, { inStock: false }), quote("Zara", 47900)], rules: rulesWith({ ignoreOutOfStock: false }) }).suggestedPriceCents).toBe(45000);
    expect(suggested({ quotes: [quote("Liverpool", 46000), quote("Zara", 9900)], rules: rulesWith({ maxChangePctPerDay: null }) }).competitors.considered).toHaveLength(2);
  });

  it("beats the lowest by a percent or an amount, positions against the average, holds a margin", () => {
    expect(suggested({ rules: rulesWith({ strategy: { kind: "beat_lowest", amountCents: 500 } }) }).suggestedPriceCents).toBe(45400);
    // 45,900 × 0.98 = 449.82 pesos → whole pesos: 450.
    const beat = suggested({ rules: rulesWith({ strategy: { kind: "beat_lowest", percent: 2 } }) });
    expect([beat.strategyPriceCents, beat.suggestedPriceCents]).toEqual([44982, 45000]);
    expect(beat.constraints).toEqual([{ kind: "rounding", mode: "whole", fromCents: 44982, toCents: 45000, source: "default" }]);
    // 5% under the 469.00 average: 445.55 → 446.
    expect(suggested({ rules: rulesWith({ strategy: { kind: "position_average", percent: -5 }, maxChangePctPerDay: null }) }).suggestedPriceCents).toBe(44600);
    const margin = suggested({ quotes: [], rules: rulesWith({ strategy: { kind: "hold_margin", marginPct: 55 }, maxChangePctPerDay: null }) });
    // 20,000 ÷ (1 − 0.55) = 44,444.4 → 44,445 → whole pesos, up (444 would give up the margin): 445.
    expect(margin.strategyPriceCents).toBe(44445);
    expect(margin.suggestedPriceCents).toBe(44500);
    expect(margin.marginAfter).toBeGreaterThanOrEqual(0.55);
    expect(noChange({ variant: variant({ costCents: null }), rules: rulesWith({ strategy: { kind: "hold_margin", marginPct: 55 } }) }).reason).toBe("no_cost");
  });

  it("holds the price at the floor, MAP and ceiling and says which held it", () => {
    const uncapped = { maxChangePctPerDay: null } as const;
    const floor = suggested({ variant: variant({ priceCents: 26000 }), quotes: [quote("Zara", 21000)], rules: rulesWith(uncapped) });
    expect([floor.strategyPriceCents, floor.targetPriceCents, floor.suggestedPriceCents]).toEqual([21000, 24000, 24000]);
    expect(floor.constraints).toEqual([{ kind: "floor", floorCents: 24000, basis: "min_margin", minMarginPct: 20, costCents: 20000, source: "default" }]);
    const map = suggested({ variant: variant({ priceCents: 30000 }), quotes: [quote("Zara", 21000)], rules: resolvePricingRules(uncapped, null, { mapCents: 27550 }) });
    // MAP is never undercut, rounding included: 275.50 rounds up to 276.
    expect(map.suggestedPriceCents).toBe(27600);
    expect(map.constraints).toEqual([
      { kind: "map", mapCents: 27550, source: "product" },
      { kind: "rounding", mode: "whole", fromCents: 27550, toCents: 27600, source: "default" },
    ]);
    const ceiling = suggested({ quotes: [quote("Zara", 60000)], rules: rulesWith({ ...uncapped, ceilingCents: 52000 }) });
    expect([ceiling.direction, ceiling.suggestedPriceCents]).toEqual(["up", 52000]);
    expect(ceiling.constraints).toEqual([{ kind: "ceiling", ceilingCents: 52000, source: "workspace" }]);
  });

  it("moves at most the daily limit today and says where it is heading", () => {
    const s = suggested({ quotes: [quote("Zara", 39900)] });
    // 10% of 499.00 = 49.90 → no lower than 449.10 → whole pesos: 450.
    expect([s.strategyPriceCents, s.targetPriceCents, s.suggestedPriceCents]).toEqual([39900, 39900, 45000]);
    expect(s.constraints).toEqual([
      { kind: "daily_cap", limit: "pct", limitPct: 10, limitCents: null, maxChangeCents: 4990, fromCents: 49900, source: "default" },
      { kind: "rounding", mode: "whole", fromCents: 44910, toCents: 45000, source: "default" },
    ]);
    const byAmount = suggested({ quotes: [quote("Zara", 39900)], rules: rulesWith({ maxChangeCentsPerDay: 2000 }) });
    expect(byAmount.suggestedPriceCents).toBe(47900);
    // Cut 5% earlier today: only 5% more to go.
    const again = suggested({ variant: variant({ priceCents: 47400 }), priceDayAgoCents: 49900, quotes: [quote("Zara", 39900)], rules: rulesWith({ coolDownHours: 0 }) });
    expect(again.suggestedPriceCents).toBe(45000);
  });

  it("rounds to the currency's endings: USD .99, BRL .90", () => {
    const usd = suggested({ variant: variant({ currency: "USD", priceCents: 2999, costCents: 1000 }), quotes: [quote("Amazon", 2843)] });
    expect(usd.suggestedPriceCents).toBe(2799);
    const brl = suggested({ variant: variant({ currency: "BRL", priceCents: 5990, costCents: 2000 }), quotes: [quote("Beleza na Web", 5650)] });
    expect(brl.suggestedPriceCents).toBe(5690);
  });

  it("says why there is no change: cool-down, out of stock, no usable competitor price, too small, held by a limit", () => {
    const cooling = noChange({ lastChangedAt: new Date(NOW.getTime() - 10 * 3_600_000) });
    expect([cooling.reason, cooling.coolDownUntil]).toEqual(["in_cool_down", new Date(NOW.getTime() + 62 * 3_600_000).toISOString()]);
    expect(noChange({ variant: variant({ inventoryQty: 0 }) }).reason).toBe("out_of_stock");
    expect(suggestPrice(suggestInput({ variant: variant({ inventoryQty: null }) })).kind).toBe("suggestion");
    expect(noChange({ quotes: [quote("Zara", 45900, { inStock: false }), quote("Shein", 47900, { daysAgo: 30 })] }).reason).toBe("no_competitor_prices");
    expect(noChange({ quotes: [quote("Zara", 49800)] })).toMatchObject({ reason: "within_threshold", strategyPriceCents: 49800 });
    const held = noChange({ variant: variant({ priceCents: 24000 }), quotes: [quote("Zara", 19900)] });
    expect(held).toMatchObject({ reason: "held_by_constraints", strategyPriceCents: 19900 });
    expect(held.constraints.map((c) => c.kind)).toEqual(["floor"]);
    expect(noChange({ variant: variant({ priceCents: 0 }) }).reason).toBe("invalid_price");
  });

  it("names the scope whose strategy produced the suggestion", () => {
    const rules = resolvePricingRules({ strategy: { kind: "match_lowest" } }, { strategy: { kind: "beat_lowest", amountCents: 500 } }, null);
    expect(suggested({ rules }).rule).toEqual({ strategy: { kind: "beat_lowest", amountCents: 500 }, source: "category" });
  });
});
