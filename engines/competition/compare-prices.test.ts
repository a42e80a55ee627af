import { describe, expect, it } from "vitest";
import { comparePrices, findUndercuts } from "./compare-prices.ts";
import type { Observation } from "./competitor-sql.ts";

function obs(competitor: string, day: string, priceCents: number, extra: Partial<Observation> = {}): Observation {
  return {
    productId: 1, variantId: 11, productTitle: "Tenis urbanos", category: "Calzado", sku: "MN-CAL-1", competitor, url: null,
    priceCents, currency: "MXN", inStock: true, observedAt: `${day}T15:00:00.000Z`, ourPriceCents: 100000, beforeWindow: false, ...extra,
  };
}

describe("comparePrices", () => {
  it("takes each competitor's latest in-stock price and its gap to ours", () => {
    const result = comparePrices([
      obs("Zara", "2026-03-10", 99000),
      obs("Zara", "2026-03-12", 95000),
      obs("Zara", "2026-03-13", 80000, { inStock: false }),
      obs("Shein", "2026-03-12", 110000),
      obs("Coppel", "2026-03-12", 90000, { inStock: false }),
      obs("Liverpool", "2026-03-01", 50000, { beforeWindow: true }),
    ]);
    expect(result).toHaveLength(1);
    const [product] = result;
    expect(product!.quotes.map((q) => [q.competitor, q.priceCents, q.gapCents, q.gapPct])).toEqual([
      ["Zara", 95000, -5000, -0.05],
      ["Shein", 110000, 10000, 0.1],
    ]);
    expect(product!.outOfStock).toEqual(["Coppel"]);
    expect(product!.position).toBe("middle");
  });

  it("orders products by how far the cheapest competitor is below us", () => {
    const result = comparePrices([obs("Zara", "2026-03-12", 99000), obs("Zara", "2026-03-12", 70000, { productId: 2, variantId: 22, ourPriceCents: 100000 })]);
    expect(result.map((c) => c.productId)).toEqual([2, 1]);
  });
});

describe("findUndercuts", () => {
  it("finds a competitor that went below us in the window, not one that was already below", () => {
    const undercuts = findUndercuts([
      obs("Zara", "2026-03-01", 101000, { beforeWindow: true }),
      obs("Zara", "2026-03-10", 100000),
      obs("Zara", "2026-03-11", 85000),
      obs("Zara", "2026-03-12", 85000),
      obs("Shein", "2026-03-01", 90000, { beforeWindow: true }),
      obs("Shein", "2026-03-11", 88000),
      obs("Coppel", "2026-03-01", 100000, { beforeWindow: true }),
      obs("Coppel", "2026-03-11", 95000),
      obs("Coppel", "2026-03-12", 100000),
    ]);
    expect(undercuts.map((u) => [u.competitor, u.observedAt.slice(0, 10), u.previousPriceCents, u.priceCents, u.gapCents, u.gapPct, u.stillBelow])).toEqual([
      ["Zara", "2026-03-11", 100000, 85000, -15000, -0.15, true],
      ["Coppel", "2026-03-11", 100000, 95000, -5000, -0.05, false],
    ]);
  });

  it("does not count a drop before the window", () => {
    expect(findUndercuts([obs("Zara", "2026-03-01", 101000, { beforeWindow: true }), obs("Zara", "2026-03-02", 90000, { beforeWindow: true }), obs("Zara", "2026-03-11", 90000)])).toEqual([]);
  });
});
