import { describe, expect, it } from "vitest";
import { checkPriceChange, priceBand, priceFloor, type PriceChangeCheck } from "./guardrails.ts";
import { resolvePricingRules } from "./rules.ts";
import { NOW, rulesWith } from "./test-helpers.ts";

const check = (overrides: Partial<PriceChangeCheck>) =>
  checkPriceChange({ currentPriceCents: 10000, newPriceCents: 9500, costCents: 5000, rules: rulesWith(), lastChangedAt: null, now: NOW, ...overrides });
const kinds = (overrides: Partial<PriceChangeCheck>) => check(overrides).map((violation) => violation.kind);

describe("price guardrails", () => {
  it("floors at cost × (1 + minimum markup), or the absolute floor when higher", () => {
    expect(priceFloor(5000, rulesWith())).toMatchObject({ floorCents: 6000, basis: "min_margin", minMarginPct: 20, costCents: 5000, source: "default" });
    // Rounded up to a whole minor unit: 3333 × 1.2 = 3999.6.
    expect(priceFloor(3333, rulesWith())?.floorCents).toBe(4000);
    expect(priceFloor(5000, rulesWith({ floorCents: 7000 }))).toMatchObject({ floorCents: 7000, basis: "absolute", source: "workspace" });
    expect(priceFloor(null, rulesWith({ floorCents: 7000 }))).toMatchObject({ floorCents: 7000, basis: "absolute" });
    expect(priceFloor(null, rulesWith())).toBeNull();
    expect(check({ currentPriceCents: 6500, newPriceCents: 5999 })).toEqual([{ kind: "below_floor", floorCents: 6000, basis: "min_margin", minMarginPct: 20, costCents: 5000, source: "default" }]);
    expect(kinds({ currentPriceCents: 6500, newPriceCents: 6000 })).toEqual([]);
    expect(kinds({ newPriceCents: 4999, rules: rulesWith({ maxChangePctPerDay: null }) })).toEqual(["below_cost", "below_floor"]);
  });

  it("holds MAP and the ceiling; floor and MAP win when the ceiling is below them", () => {
    const rules = rulesWith({ mapCents: 9000, ceilingCents: 11000, maxChangePctPerDay: null });
    expect(check({ newPriceCents: 8999, rules })).toEqual([{ kind: "below_map", mapCents: 9000, source: "workspace" }]);
    expect(check({ newPriceCents: 11001, rules })).toEqual([{ kind: "above_ceiling", ceilingCents: 11000, source: "workspace" }]);
    expect(priceBand(5000, rulesWith({ mapCents: 9000, ceilingCents: 8000 }))).toMatchObject({ minCents: 9000, maxCents: 9000 });
  });

  it("limits the move in 24 hours by percent and by amount, whichever is tighter, from the price a day ago", () => {
    expect(kinds({ newPriceCents: 9000 })).toEqual([]);
    expect(check({ newPriceCents: 8999 })).toEqual([
      { kind: "exceeds_daily_change", limit: "pct", limitPct: 10, limitCents: null, maxChangeCents: 1000, fromCents: 10000, changeCents: -1001, changePct: -10.01, source: "default" },
    ]);
    expect(kinds({ newPriceCents: 11001 })).toEqual(["exceeds_daily_change"]);
    const amount = rulesWith({ maxChangeCentsPerDay: 500 });
    expect(check({ newPriceCents: 9499, rules: amount })).toMatchObject([{ kind: "exceeds_daily_change", limit: "amount", maxChangeCents: 500, limitCents: 500, source: "workspace" }]);
    expect(kinds({ newPriceCents: 9500, rules: amount })).toEqual([]);
    // Already lowered to 9500 today from 10000: another cut to 8900 is 11% in 24 hours.
    expect(kinds({ currentPriceCents: 9500, priceDayAgoCents: 10000, newPriceCents: 8900 })).toEqual(["exceeds_daily_change"]);
    expect(kinds({ currentPriceCents: 9500, priceDayAgoCents: 10000, newPriceCents: 9000 })).toEqual([]);
    expect(kinds({ newPriceCents: 5000 + 1500, rules: rulesWith({ maxChangePctPerDay: null }) })).toEqual([]);
  });

  it("lets a price below the floor rise to it at once, but not beyond the daily limit past it", () => {
    // The cost went up: the floor is now 12,000, 20% above the current price.
    expect(kinds({ currentPriceCents: 10000, costCents: 10000, newPriceCents: 12000 })).toEqual([]);
    expect(kinds({ currentPriceCents: 10000, costCents: 10000, newPriceCents: 12500 })).toEqual(["exceeds_daily_change"]);
    expect(kinds({ currentPriceCents: 13000, costCents: 5000, newPriceCents: 11000, rules: rulesWith({ ceilingCents: 11000 }) })).toEqual([]);
  });

  it("refuses changes during the cool-down after an applied change", () => {
    const lastChangedAt = new Date(NOW.getTime() - 24 * 3_600_000);
    expect(check({ lastChangedAt })).toEqual([
      { kind: "in_cool_down", lastChangedAt: lastChangedAt.toISOString(), until: new Date(NOW.getTime() + 48 * 3_600_000).toISOString(), coolDownHours: 72, source: "default" },
    ]);
    expect(kinds({ lastChangedAt: new Date(NOW.getTime() - 73 * 3_600_000) })).toEqual([]);
    expect(kinds({ lastChangedAt: lastChangedAt.toISOString(), rules: resolvePricingRules(null, null, { coolDownHours: 0 }) })).toEqual([]);
  });

  it("refuses a price that is not positive, and nothing else then", () => {
    expect(check({ newPriceCents: 0 })).toEqual([{ kind: "not_positive" }]);
    expect(check({ newPriceCents: -5 })).toEqual([{ kind: "not_positive" }]);
  });
});
