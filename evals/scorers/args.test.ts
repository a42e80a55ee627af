/** Argument matching for the pricing tools: a proposal's product is a member name, matched loosely, and never unasked for. */
import { describe, expect, it } from "vitest";
import { argsMismatch } from "./args.ts";

const context = { calendar: { timeZone: "America/Mexico_City", weekStart: "monday" as const }, now: new Date("2026-11-21T15:00:00Z") };

describe("argsMismatch on price proposals", () => {
  it("matches the product loosely (accents, case, one name inside the other)", () => {
    expect(argsMismatch("propose_price_change", { product: "Chamarra de mezclilla reversible", priceCents: 129900 }, { product: "Chamarra de mezclilla reversible Gris jaspe", priceCents: 129900 }, context)).toBeNull();
    expect(argsMismatch("propose_price_change", { product: "Sérum Vitamina C Calmante" }, { product: "serum vitamina c calmante", priceCents: 7990 }, context)).toBeNull();
    expect(argsMismatch("propose_price_change", { product: "Mochila minimal" }, { product: "Bufanda minimal", priceCents: 74900 }, context)).toMatch(/^product:/);
  });

  it("compares amounts exactly and a suggestion list key by key", () => {
    expect(argsMismatch("propose_price_change", { product: "Mochila minimal", priceCents: 74900 }, { product: "Mochila minimal", priceCents: 7490 }, context)).toMatch(/^priceCents:/);
    expect(argsMismatch("propose_price_change", { rank: 2, from: { view: "all" } }, { rank: 2, from: { view: "all", products: [], category: null, top: 10 } }, context)).toBeNull();
    expect(argsMismatch("propose_price_change", { rank: 2, from: { view: "all" } }, { rank: 2, from: { view: "overpriced", products: [], category: null, top: 10 } }, context)).toMatch(/^from\.view:/);
  });

  it("fails a proposal that names a product the case did not ask for", () => {
    expect(argsMismatch("propose_price_change", { rank: 2 }, { rank: 2, product: "Mochila minimal" }, context)).toMatch(/^product: not asked for/);
  });
});
