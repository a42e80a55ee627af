/**
 * What the pricing engine reads, on a hand-made store: active variants, each competitor's latest
 * fresh price (variant-level over product-wide), weekly price and units from the sales rollup
 * (cancelled orders left out), units per day, the last applied change and the price a day ago,
 * and the rules rows; another workspace's rows never leak in.
 */
import { expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { upsertPricingRule } from "../../db/repositories/pricing-rules.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { addDays } from "../../lib/calendar-date.ts";
import { describeDatabase } from "../../test/database.ts";
import { rebuildRollups } from "../metrics/rollups/refresh.ts";
import { loadPricingInputs, suggestPricesForWorkspace, type VariantPricingInput } from "./pricing-sql.ts";

const NOW = new Date("2026-11-20T18:00:00Z");
const TODAY = "2026-11-20";
const HOUR_MS = 3_600_000;

async function product(db: Db, workspace: Workspace, key: string, title: string, category: string, status: "active" | "archived", variants: readonly { title: string; price: number; cost: number | null; qty: number | null }[]) {
  const row = await db.insertInto("products").values({ workspace_id: workspace.id, source: "test", external_id: key, title, category, status }).returning("id").executeTakeFirstOrThrow();
  const inserted = await db
    .insertInto("variants")
    .values(variants.map((v) => ({ workspace_id: workspace.id, product_id: row.id, source: "test", external_id: `${key}-${v.title}`, sku: `${key}-${v.title}`, title: v.title, price_cents: v.price, cost_cents: v.cost, inventory_qty: v.qty })))
    .returning("id")
    .execute();
  return { productId: Number(row.id), variantIds: inserted.map((v) => Number(v.id)) };
}

/** One order on a local day (noon in Mexico City) with one line. */
async function sell(db: Db, workspace: Workspace, key: string, day: string, line: { productId: number; variantId: number; quantity: number; unitCents: number }, status: "paid" | "cancelled" = "paid") {
  const gross = line.quantity * line.unitCents;
  const order = await db
    .insertInto("orders")
    .values({ workspace_id: workspace.id, source: "test", external_id: key, placed_at: `${day}T12:00:00-06:00`, status, currency: "MXN", subtotal_cents: gross, discount_cents: 0, shipping_cents: 0, tax_cents: 0, total_cents: gross })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("order_items")
    .values({ workspace_id: workspace.id, order_id: order.id, product_id: line.productId, variant_id: line.variantId, sku: null, title: key, category: null, quantity: line.quantity, unit_price_cents: line.unitCents, discount_cents: 0, total_cents: gross, cost_cents: null })
    .execute();
}

async function observe(db: Db, workspaceId: number, productId: number, variantId: number | null, competitor: string, observedAt: string, price: number, inStock = true) {
  await db.insertInto("competitor_prices").values({ workspace_id: workspaceId, product_id: productId, variant_id: variantId, competitor, url: null, price_cents: price, currency: "MXN", in_stock: inStock, observed_at: observedAt }).execute();
}

async function applied(db: Db, workspaceId: number, variantId: number, key: string, appliedAt: Date, previous: number, proposed: number, status = "applied") {
  await db
    .insertInto("price_change_proposals")
    .values({
      workspace_id: workspaceId, code: key, variant_id: variantId, current_price_cents: previous, proposed_price_cents: proposed, status: status as "applied",
      expires_at: new Date(appliedAt.getTime() + 24 * HOUR_MS), applied_at: status === "proposed" ? null : appliedAt, previous_price_cents: status === "proposed" ? null : previous, idempotency_key: key,
    })
    .execute();
}

async function seedStore(db: Db) {
  const tienda = await createWorkspace(db, { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
  const otra = await createWorkspace(db, { name: "Otra", slug: "otra", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
  const playera = await product(db, tienda, "P1", "Playera básica", "Playeras", "active", [
    { title: "M", price: 49900, cost: 20000, qty: 10 },
    { title: "G", price: 49900, cost: 20000, qty: 5 },
  ]);
  const gorra = await product(db, tienda, "P2", "Gorra", "Accesorios", "active", [{ title: "Gorra", price: 29900, cost: null, qty: null }]);
  await product(db, tienda, "P3", "Bufanda vieja", "Accesorios", "archived", [{ title: "Única", price: 19900, cost: 5000, qty: 3 }]);
  const [m, g] = playera.variantIds as [number, number];
  const cap = gorra.variantIds[0]!;

  // Zara prices the M itself (latest wins; one is older than 14 days, one is after now); Shein and Zara price the product as a whole.
  await observe(db, tienda.id, playera.productId, m, "Zara", "2026-11-10T15:00:00Z", 47900);
  await observe(db, tienda.id, playera.productId, m, "Zara", "2026-11-18T15:00:00Z", 45900);
  await observe(db, tienda.id, playera.productId, m, "Coppel", "2026-10-01T15:00:00Z", 30000);
  await observe(db, tienda.id, playera.productId, m, "Liverpool", "2026-11-21T15:00:00Z", 30000);
  await observe(db, tienda.id, playera.productId, null, "Shein", "2026-11-19T15:00:00Z", 46900);
  await observe(db, tienda.id, playera.productId, null, "Zara", "2026-11-19T16:00:00Z", 44000);
  await observe(db, tienda.id, gorra.productId, cap, "Liverpool", "2026-11-19T15:00:00Z", 27900, false);
  await observe(db, tienda.id, gorra.productId, cap, "Coppel", "2026-11-19T15:00:00Z", 31900);
  // Another workspace's observation of our product id, its rules and its applied change on our variant: none of it applies here.
  await observe(db, otra.id, playera.productId, m, "Walmart", "2026-11-19T15:00:00Z", 100);
  await upsertPricingRule(db, otra.id, "workspace", null, { strategy: { kind: "beat_lowest", percent: 30 } });
  await applied(db, otra.id, m, "OTRA", new Date(NOW.getTime() - 2 * HOUR_MS), 49900, 48900);

  // The M sold 3 a week at 499 for the last 4 weeks and 5 a week at 449 for 6 weeks before; a cancelled order does not count.
  for (let week = 0; week < 10; week++) {
    const recent = week < 4;
    await sell(db, tienda, `o${week}`, addDays(TODAY, -7 * week - 3), { productId: playera.productId, variantId: m, quantity: recent ? 3 : 5, unitCents: recent ? 49900 : 44900 });
  }
  await sell(db, tienda, "cancelled", addDays(TODAY, -2), { productId: playera.productId, variantId: m, quantity: 100, unitCents: 49900 }, "cancelled");
  // Today's sales are not a full day yet: left out.
  await sell(db, tienda, "today", TODAY, { productId: playera.productId, variantId: m, quantity: 7, unitCents: 49900 });
  await rebuildRollups(db, tienda);

  // The G was changed 10 hours ago (from 529) after an earlier change 5 days ago; a proposal never applied changes nothing.
  await applied(db, tienda.id, g, "G1", new Date(NOW.getTime() - 5 * 24 * HOUR_MS), 54900, 52900);
  await applied(db, tienda.id, g, "G2", new Date(NOW.getTime() - 10 * HOUR_MS), 52900, 49900);
  await applied(db, tienda.id, m, "M1", NOW, 49900, 39900, "proposed");

  await upsertPricingRule(db, tienda.id, "workspace", null, { minMarginPct: 30 });
  await upsertPricingRule(db, tienda.id, "category", "Accesorios", { strategy: { kind: "position_average", percent: 0 } });
  await upsertPricingRule(db, tienda.id, "product", playera.productId, { rounding: "99", floorCents: "cheap" });
  return { tienda, otra, playera, gorra, m, g, cap };
}

describeDatabase("pricing engine reads", ({ db }) => {
  it("loads variants, fresh competitor prices, weekly history, demand, last changes and rules, scoped to the workspace", async () => {
    const { tienda, playera, m, g, cap } = await seedStore(db());
    const inputs = await loadPricingInputs(db(), tienda, { productIds: null, category: null }, NOW);
    expect(inputs.variants.map((v) => [v.variant.title, v.variant.variantTitle, v.variant.priceCents, v.variant.costCents, v.variant.inventoryQty, v.variant.currency])).toEqual([
      ["Playera básica", "M", 49900, 20000, 10, "MXN"],
      ["Playera básica", "G", 49900, 20000, 5, "MXN"],
      ["Gorra", null, 29900, null, null, "MXN"],
    ]);
    const [mInput, gInput, capInput] = inputs.variants;
    const quotes = (list: VariantPricingInput["quotes"]) => list.map((q) => [q.competitor, q.priceCents, q.inStock]).sort();
    expect(quotes(mInput!.quotes)).toEqual([["Shein", 46900, true], ["Zara", 45900, true]]);
    expect(quotes(gInput!.quotes)).toEqual([["Shein", 46900, true], ["Zara", 44000, true]]);
    expect(quotes(capInput!.quotes)).toEqual([["Coppel", 31900, true], ["Liverpool", 27900, false]]);
    expect(inputs.competitorsFreshAt).toBe("2026-11-19T16:00:00.000Z");

    expect(mInput!.history).toEqual([
      ...Array.from({ length: 4 }, () => ({ priceCents: 49900, units: 3, days: 7 })),
      ...Array.from({ length: 6 }, () => ({ priceCents: 44900, units: 5, days: 7 })),
    ]);
    expect(mInput!.unitsPerDay).toBeCloseTo(12 / 28, 10);
    expect(gInput!.history).toEqual([]);

    expect([mInput!.lastChangedAt, mInput!.priceDayAgoCents]).toEqual([null, null]);
    expect([gInput!.lastChangedAt, gInput!.priceDayAgoCents]).toEqual([new Date(NOW.getTime() - 10 * HOUR_MS).toISOString(), 52900]);

    expect(mInput!.rules).toMatchObject({ minMarginPct: 30, rounding: "99", floorCents: null, strategy: { kind: "match_lowest" } });
    expect(mInput!.rules.sources).toMatchObject({ minMarginPct: "workspace", rounding: "product", floorCents: "default" });
    expect(capInput!.rules.strategy).toEqual({ kind: "position_average", percent: 0 });
    expect(inputs.ruleSet.issues).toEqual([{ scope: "product", scopeValue: String(playera.productId), issues: [expect.stringMatching(/^floorCents: /)] }]);

    const filtered = await loadPricingInputs(db(), tienda, { productIds: null, category: "Accesorios" }, NOW);
    expect(filtered.variants.map((v) => v.variant.variantId)).toEqual([cap]);
    expect((await loadPricingInputs(db(), tienda, { productIds: [playera.productId], category: null }, NOW)).variants.map((v) => v.variant.variantId)).toEqual([m, g]);
    expect((await loadPricingInputs(db(), tienda, { productIds: [], category: null }, NOW)).variants).toEqual([]);
  });

  it("suggests, skips with reasons and ranks for the workspace", async () => {
    const { tienda, otra, playera, m, g, cap } = await seedStore(db());
    const result = await suggestPricesForWorkspace(db(), tienda, { productIds: null, category: null }, { view: "all", top: 10 }, NOW);
    expect(result.considered).toBe(3);
    // M: Zara's 459 is the lowest; .99 endings by the product's rule → 458.99 (within 10% of 499).
    // M: Zara's 459 is the lowest; .99 endings by the product's rule → 458.99 (within 10% of 499).
    // The cap: Liverpool is out of stock, so the category's average strategy uses Coppel's 319 alone.
    // M's history (3 a week at 499, 5 a week at 449) fits −4.3 exactly: the cut gains profit and ranks first;
    // the cap has no cost and no recent sales (no revenue to gain).
    expect(result.suggestions.map((s) => [s.variantId, s.currentPriceCents, s.suggestedPriceCents, s.rule.strategy.kind, s.rule.source])).toEqual([
      [m, 49900, 45899, "match_lowest", "default"],
      [cap, 29900, 31900, "position_average", "category"],
    ]);
    const [mine] = result.suggestions;
    expect(mine!.elasticity).toMatchObject({ source: "history", observations: 10 });
    expect(mine!.elasticity.historyEstimate).toBeCloseTo(Math.log(3.5 / 5.5) / Math.log(49900 / 44900), 3);
    expect(mine!.expected.unitsPerDayBefore).toBeCloseTo(12 / 28, 3);
    expect(mine!.competitors.considered.map((q) => q.competitor)).toEqual(["Zara", "Shein"]);
    expect(result.matched).toBe(2);
    expect(result.skipped).toEqual([{ variantId: g, productId: playera.productId, title: "Playera básica", sku: "P1-G", reason: "in_cool_down", coolDownUntil: new Date(NOW.getTime() + 62 * HOUR_MS).toISOString() }]);
    expect((await suggestPricesForWorkspace(db(), tienda, { productIds: null, category: null }, { view: "underpriced", top: 10 }, NOW)).suggestions.map((s) => s.variantId)).toEqual([cap]);
    // The other workspace sees nothing of this store.
    const other = await suggestPricesForWorkspace(db(), otra, { productIds: null, category: null }, { view: "all", top: 10 }, NOW);
    expect([other.considered, other.suggestions.length, other.competitorsFreshAt]).toEqual([0, 0, null]);
  });
});
