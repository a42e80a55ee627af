/**
 * What the competition engine reads, on a hand-made store: the window's observations, each observed
 * series' very last observation before the window (in stock or not), product-level observations
 * priced at the product's cheapest variant, and competitor names scoped to the workspace.
 */
import { expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import { describeDatabase } from "../../test/database.ts";
import { competitionReport } from "./competition-report.ts";
import { readCompetitorNames, readObservations, type Observation } from "./competitor-sql.ts";

const WINDOW = { startUtc: new Date("2026-11-16T06:00:00Z"), endUtc: new Date("2026-11-23T06:00:00Z") };
const ALL = { productIds: null, category: null, competitors: null };

async function seedStore(db: Db, slug: string, products: readonly { title: string; category: string; prices: readonly number[] }[]) {
  const workspace = await createWorkspace(db, { name: slug, slug, currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
  const ids: { productId: number; variantIds: number[] }[] = [];
  for (const [p, product] of products.entries()) {
    const row = await db.insertInto("products").values({ workspace_id: workspace.id, source: "test", external_id: `${slug}-${p}`, title: product.title, category: product.category, status: "active" }).returning("id").executeTakeFirstOrThrow();
    const variants = await db
      .insertInto("variants")
      .values(product.prices.map((price, v) => ({ workspace_id: workspace.id, product_id: row.id, source: "test", external_id: `${slug}-${p}-${v}`, sku: `${slug}-${p}-${v}`, title: `V${v}`, price_cents: price })))
      .returning("id")
      .execute();
    ids.push({ productId: Number(row.id), variantIds: variants.map((variant) => Number(variant.id)) });
  }
  return { workspace, ids };
}

/** [competitor, product index, variant index or null, day, price, in stock]. */
type Seen = readonly [string, number, number | null, string, number, boolean];

async function observe(db: Db, workspaceId: number, ids: readonly { productId: number; variantIds: number[] }[], seen: readonly Seen[]) {
  await db
    .insertInto("competitor_prices")
    .values(seen.map(([competitor, p, v, day, price, inStock]) => ({
      workspace_id: workspaceId, product_id: ids[p]!.productId, variant_id: v === null ? null : ids[p]!.variantIds[v]!,
      competitor, url: null, price_cents: price, currency: "MXN", in_stock: inStock, observed_at: new Date(`${day}T15:00:00Z`),
    })))
    .execute();
}

const row = (o: Observation) => [o.competitor, o.productTitle, o.sku, o.observedAt.slice(0, 10), o.priceCents, o.inStock, o.beforeWindow, o.ourPriceCents];

describeDatabase("competition engine reads", ({ db }) => {
  it("reads the window with each observed series' last earlier observation, scoped to the workspace", async () => {
    const { workspace, ids } = await seedStore(db(), "tienda", [
      { title: "Tenis urbanos", category: "Calzado", prices: [100000, 120000] },
      { title: "Gorra", category: "Accesorios", prices: [30000, 25000] },
    ]);
    await observe(db(), workspace.id, ids, [
      ["Zara", 0, 0, "2026-11-01", 105000, true], ["Zara", 0, 0, "2026-11-10", 101000, true], ["Zara", 0, 0, "2026-11-17", 90000, true], ["Zara", 0, 0, "2026-11-19", 92000, true],
      // The last earlier observation is out of stock: it is the one read, so the drop is not an undercut.
      ["Zara", 0, 1, "2026-11-05", 130000, true], ["Zara", 0, 1, "2026-11-12", 110000, false], ["Zara", 0, 1, "2026-11-18", 115000, true],
      // Seen only before the window: a tracked competitor, but nothing to compare.
      ["Shein", 0, 0, "2026-11-02", 95000, true],
      ["Liverpool", 1, 0, "2026-11-17", 31000, true],
      // Product-level observations: our price is the product's cheapest variant.
      ["Coppel", 1, null, "2026-11-14", 26000, true], ["Coppel", 1, null, "2026-11-20", 24000, true],
    ]);
    const other = await seedStore(db(), "otra", [{ title: "Perfume", category: "Belleza", prices: [50000] }]);
    await observe(db(), other.workspace.id, other.ids, [["Amazon", 0, 0, "2026-11-17", 40000, true]]);

    expect(await readCompetitorNames(db(), workspace.id)).toEqual(["Coppel", "Liverpool", "Shein", "Zara"]);
    expect(await readCompetitorNames(db(), other.workspace.id)).toEqual(["Amazon"]);

    const observations = await readObservations(db(), workspace.id, WINDOW.startUtc, WINDOW.endUtc, ALL);
    expect(observations.map(row)).toEqual([
      ["Zara", "Tenis urbanos", "tienda-0-0", "2026-11-10", 101000, true, true, 100000],
      ["Zara", "Tenis urbanos", "tienda-0-0", "2026-11-17", 90000, true, false, 100000],
      ["Zara", "Tenis urbanos", "tienda-0-0", "2026-11-19", 92000, true, false, 100000],
      ["Zara", "Tenis urbanos", "tienda-0-1", "2026-11-12", 110000, false, true, 120000],
      ["Zara", "Tenis urbanos", "tienda-0-1", "2026-11-18", 115000, true, false, 120000],
      ["Liverpool", "Gorra", "tienda-1-0", "2026-11-17", 31000, true, false, 30000],
      ["Coppel", "Gorra", null, "2026-11-14", 26000, true, true, 25000],
      ["Coppel", "Gorra", null, "2026-11-20", 24000, true, false, 25000],
    ]);
    const coppel = await readObservations(db(), workspace.id, WINDOW.startUtc, WINDOW.endUtc, { ...ALL, competitors: ["Coppel"] });
    expect(coppel.map((o) => [o.competitor, o.beforeWindow])).toEqual([["Coppel", true], ["Coppel", false]]);
    const shoes = await readObservations(db(), workspace.id, WINDOW.startUtc, WINDOW.endUtc, { ...ALL, category: "Calzado" });
    expect(new Set(shoes.map((o) => o.productTitle))).toEqual(new Set(["Tenis urbanos"]));

    const report = await competitionReport(db(), workspace.id, WINDOW, ALL);
    expect(report.observations).toBe(5);
    expect(report.undercuts.map((u) => [u.competitor, u.sku, u.observedAt.slice(0, 10), u.previousPriceCents, u.priceCents, u.ourPriceCents, u.gapPct, u.stillBelow, u.latestPriceCents])).toEqual([
      ["Zara", "tienda-0-0", "2026-11-17", 101000, 90000, 100000, -0.1, true, 92000],
      ["Coppel", null, "2026-11-20", 26000, 24000, 25000, -0.04, true, 24000],
    ]);
  });
});
