import { expect, it } from "vitest";
import { readDerivedResult } from "../../db/repositories/derived-results.ts";
import { findWorkspaceBySlug } from "../../db/repositories/workspaces.ts";
import { seedDemo } from "../../demo/index.ts";
import { describeDatabase } from "../../test/database.ts";
import { refreshRollupDays } from "../metrics/rollups/refresh.ts";
import { readSkus } from "./inventory-sql.ts";
import { computeSkuDemand, isTracked, skuDemand } from "./sku-demand.ts";

const TODAY = "2026-11-21";

describeDatabase("per-SKU demand, computed once a day", ({ db }) => {
  it("is stored for the day, read back unchanged, and recomputed after an import touches a day it read", { timeout: 240_000 }, async () => {
    await seedDemo(db(), { orders: 1500, seed: 11, end: TODAY });
    const workspace = (await findWorkspaceBySlug(db(), "demo"))!;
    const skus = (await readSkus(db(), workspace.id, { productIds: null, variantIds: null, category: null })).filter(isTracked);
    const direct = await computeSkuDemand(db(), workspace.id, TODAY, skus.map((sku) => sku.variantId));

    const first = await skuDemand(db(), workspace.id, TODAY, skus);
    expect((await readDerivedResult(db(), workspace.id, "inventory.demand:v2", TODAY)).found).toBe(true);
    const second = await skuDemand(db(), workspace.id, TODAY, skus.slice(0, 3));
    for (const demand of direct) {
      expect(first.get(demand.variantId)).toEqual(demand);
      expect(second.get(demand.variantId)).toEqual(demand);
    }

    // A late order for a best seller, placed three days ago, arrives through an import.
    const best = [...direct].sort((a, b) => b.unitsSoldLast30Days - a.unitsSoldLast30Days)[0]!;
    const sku = skus.find((row) => row.variantId === best.variantId)!;
    const [order] = await db()
      .insertInto("orders")
      .values({
        workspace_id: workspace.id, source: "csv", external_id: "late-1", placed_at: "2026-11-18T18:00:00Z", status: "paid", currency: workspace.currency,
        subtotal_cents: sku.priceCents * 40, discount_cents: 0, shipping_cents: 0, tax_cents: 0, total_cents: sku.priceCents * 40,
      })
      .returning("id")
      .execute();
    await db()
      .insertInto("order_items")
      .values({
        workspace_id: workspace.id, order_id: order!.id, product_id: sku.productId, variant_id: sku.variantId, sku: sku.sku, title: sku.productTitle,
        category: sku.category, quantity: 40, unit_price_cents: sku.priceCents, discount_cents: 0, total_cents: sku.priceCents * 40, cost_cents: null,
      })
      .execute();
    await refreshRollupDays(db(), { id: workspace.id, timezone: workspace.timezone }, ["2026-11-18"]);

    expect((await readDerivedResult(db(), workspace.id, "inventory.demand:v2", TODAY)).found).toBe(false);
    const after = await skuDemand(db(), workspace.id, TODAY, skus);
    expect(after.get(best.variantId)!.unitsSoldLast30Days).toBe(best.unitsSoldLast30Days + 40);
    expect(after.get(best.variantId)!.levelPerDay).toBeGreaterThan(best.levelPerDay);
    const untouched = direct.find((demand) => demand.variantId !== best.variantId)!;
    expect(after.get(untouched.variantId)).toEqual(untouched);
  });
});
