import { describe, expect, it } from "vitest";
import type { SkuRow } from "./inventory-sql.ts";
import { assessSku } from "./assess-inventory.ts";
import { dailyHistory, demandFromHistory } from "./sku-demand.ts";
import { normalCdf, normalQuantile } from "./normal-distribution.ts";
import { rankInventory } from "./rank-inventory.ts";
import { DEFAULT_POLICY, stockoutProbability, stockPolicy, zForServiceLevel } from "./stock-policy.ts";

describe("normal distribution", () => {
  it("matches table values", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
    expect(zForServiceLevel(0.95)).toBeCloseTo(1.644854, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe("stock policy", () => {
  it("computes safety stock, reorder point and quantity by hand", () => {
    // z(95%) = 1.6449; safety = ⌈1.6449 × 2 × √14⌉ = ⌈12.31⌉ = 13; reorder point = 3 × 14 + 13 = 55.
    // Order up to ⌈3 × 44 + 1.6449 × 2 × √44⌉ = ⌈153.82⌉ = 154, so with 50 on hand order 104.
    const policy = stockPolicy({ onHand: 50, dailyDemand: 3, sigmaPerDay: 2, horizonDemand: 42, horizonDays: 14 });
    expect(policy.safetyStock).toBe(13);
    expect(policy.reorderPoint).toBe(55);
    expect(policy.reorderNow).toBe(true);
    expect(policy.reorderQuantity).toBe(104);
    expect(policy.daysOfStock).toBeCloseTo(50 / 3, 10);
    // P(N(42, 2√14) > 50) = 1 − Φ(8 / 7.483) ≈ 0.1425
    expect(policy.stockoutProbability).toBeCloseTo(0.1425, 3);
    expect(policy.overstockThresholdDays).toBe(132);
    expect(policy.overstock).toBe(false);
  });

  it("flags overstock beyond the threshold with the excess over the order-up-to level", () => {
    const policy = stockPolicy({ onHand: 500, dailyDemand: 1, sigmaPerDay: 0, horizonDemand: 14, horizonDays: 14 });
    expect(policy.overstock).toBe(true);
    expect(policy.excessUnits).toBe(500 - 44);
    expect(policy.reorderQuantity).toBe(0);
    expect(policy.stockoutProbability).toBe(0);
  });

  it("treats stock out with demand as certain, and no demand as no risk", () => {
    expect(stockoutProbability(0, 5, 1)).toBe(1);
    expect(stockoutProbability(10, 0, 0)).toBe(0);
    expect(stockoutProbability(10, 12, 0)).toBe(1);
  });

  it("honours another lead time and service level", () => {
    const policy = stockPolicy({ onHand: 0, dailyDemand: 2, sigmaPerDay: 1, horizonDemand: 14, horizonDays: 7 }, { leadTimeDays: 7, reviewPeriodDays: 30, serviceLevel: 0.99 });
    // ⌈2.3263 × 1 × √7⌉ = ⌈6.155⌉ = 7; 2 × 7 + 7 = 21
    expect(policy.safetyStock).toBe(7);
    expect(policy.reorderPoint).toBe(21);
  });
});

const SKU: SkuRow = {
  variantId: 1, sku: "A-1", variantTitle: "M", productId: 10, productTitle: "Tee", category: "Tops",
  priceCents: 29900, costCents: 12000, inventoryQty: 99, snapshotDate: "2026-03-14", snapshotOnHand: 20,
};

describe("assessSku on a hand-made history", () => {
  it("steady demand of 2 a day with 20 on hand: 10 days of stock, reorder 68", () => {
    const units = new Map<string, number>();
    const history = dailyHistory("2025-12-21", "2026-03-15", undefined, undefined).map((day) => {
      units.set(day.date, 2);
      return { ...day, units: 2 };
    });
    expect(history).toHaveLength(84);
    const item = assessSku(SKU, demandFromHistory(SKU.variantId, history, "2026-03-15"), { today: "2026-03-15", horizonDays: 14, policy: DEFAULT_POLICY });
    expect(item.dailyDemand).toBeCloseTo(2, 10);
    expect(item.sigmaPerDay).toBeCloseTo(0, 10);
    expect(item.onHand).toBe(20);
    expect(item.daysOfStock).toBeCloseTo(10, 10);
    expect(item.reorderPoint).toBe(28);
    expect(item.reorderQuantity).toBe(68);
    expect(item.stockoutProbability).toBe(1);
    expect(item.projectedStockoutDate).toBe("2026-03-25");
    expect(item.unitsSoldLast30Days).toBe(60);
    expect(item.sellThrough).toBeCloseTo(60 / 80, 10);
  });

  it("does not read days that opened and closed empty as zero demand", () => {
    const closing = new Map<string, number>();
    const units = new Map<string, number>();
    for (const day of dailyHistory("2025-12-21", "2026-03-15", undefined, undefined)) {
      // The last units sell on Mar 8; from Mar 9 every day opens and closes empty.
      const out = day.date >= "2026-03-08";
      closing.set(day.date, out ? 0 : 10);
      if (day.date <= "2026-03-08") units.set(day.date, 3);
    }
    const history = dailyHistory("2025-12-21", "2026-03-15", units, closing);
    expect(history.filter((day) => !day.available)).toHaveLength(6);
    const item = assessSku({ ...SKU, snapshotOnHand: 0 }, demandFromHistory(1, history, "2026-03-15"), { today: "2026-03-15", horizonDays: 7, policy: DEFAULT_POLICY });
    expect(item.dailyDemand).toBeCloseTo(3, 10);
    expect(item.censoredDays).toBe(6);
    expect(item.outOfStock).toBe(true);
    expect(item.projectedStockoutDate).toBe("2026-03-15");
    const slow = assessSku({ ...SKU, variantId: 2, snapshotOnHand: 5 }, demandFromHistory(2, dailyHistory("2025-12-21", "2026-03-15", new Map([["2026-03-01", 1]]), undefined), "2026-03-15"), {
      today: "2026-03-15", horizonDays: 7, policy: DEFAULT_POLICY,
    });
    expect(rankInventory([slow, item], "stockout_risk")[0]!.variantId).toBe(1);
    expect(rankInventory([slow, item], "reorder")[0]!.variantId).toBe(1);
  });
});
