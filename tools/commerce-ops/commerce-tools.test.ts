import { listOnlyApprovalSink } from "../../engines/approvals/approval-requests.ts";
import { expect, it } from "vitest";
import { OWNER_ACCESS } from "../../engines/access/roles.ts";
import { findWorkspaceBySlug } from "../../db/repositories/workspaces.ts";
import { seedDemo, type CompetitorUndercutEvent, type StockoutEvent } from "../../demo/index.ts";
import { fixedClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { describeDatabase } from "../../test/database.ts";
import type { ToolDeps } from "../tool-contract.ts";
import type { ToolOutcome } from "../tool-outcome.ts";
import { competitorPricesSchema, inventoryStatusSchema, reorderSuggestionsSchema } from "./contracts.ts";
import { createCompetitorPricesTool } from "./competitor-prices.ts";
import { createInventoryStatusTool } from "./inventory-status.ts";
import { createReorderSuggestionsTool } from "./reorder-suggestions.ts";
import { LexicalEmbedder } from "../../memory/embeddings/lexical-embedder.ts";

const END = "2026-11-21";

function data<T>(outcome: ToolOutcome<T>): T {
  if (!outcome.ok) throw new Error(`tool failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}

describeDatabase("commerce-ops tools on the demo store", ({ db }) => {
  it("find the planted stockout and undercut, suggest reorders, and explain bad names", { timeout: 240_000 }, async () => {
    const manifest = await seedDemo(db(), { orders: 2000, seed: 7, end: END });
    const workspace = (await findWorkspaceBySlug(db(), "demo"))!;
    const deps: ToolDeps = { db: db(), workspace, access: OWNER_ACCESS, actor: { memberId: null, channel: "cli" }, approvals: listOnlyApprovalSink(db()), clock: fixedClock(`${END}T18:00:00Z`), logger: silentLogger, embedder: new LexicalEmbedder() };
    const stockout = manifest.planted.find((e): e is StockoutEvent => e.kind === "stockout" && e.workspace === "demo")!;
    const undercut = manifest.planted.find((e): e is CompetitorUndercutEvent => e.kind === "competitor_undercut" && e.workspace === "demo")!;

    // Stockout risk: the planted product's SKUs are out of stock and ranked first.
    const inventory = createInventoryStatusTool(deps);
    const risk = await inventory(inventoryStatusSchema.parse({}));
    const riskData = data(risk);
    expect(risk.ok && risk.freshness.map((f) => f.source)).toEqual(["inventory", "orders"]);
    expect(riskData.items[0]!.productId).toBe(stockout.productId);
    expect(riskData.items[0]!.outOfStock).toBe(true);
    expect(riskData.items[0]!.stockoutProbability).toBe(1);
    const plantedRows = riskData.items.filter((item) => item.productId === stockout.productId);
    expect(plantedRows.map((item) => item.variantId).sort()).toEqual([...stockout.variantIds].sort());
    expect(riskData.totals.outOfStock).toBeGreaterThanOrEqual(1);
    expect(riskData.skusAssessed).toBeGreaterThan(100);

    // Named loosely: accents and case do not matter; a SKU selects one variant.
    const byTitle = data(await inventory(inventoryStatusSchema.parse({ view: "days_of_stock", products: [stockout.title.toUpperCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")] })));
    expect(new Set(byTitle.items.map((item) => item.productId))).toEqual(new Set([stockout.productId]));
    expect(byTitle.items[0]!.daysOfStock).toBe(0);
    const sku = plantedRows[0]!.sku!;
    const bySku = data(await inventory(inventoryStatusSchema.parse({ view: "days_of_stock", products: [sku.toLowerCase()] })));
    expect(bySku.items.map((item) => item.sku)).toEqual([sku]);

    // Unknown and ambiguous names come back as typed errors with suggestions.
    const missing = await inventory(inventoryStatusSchema.parse({ products: ["zzz unicornio volador"] }));
    expect(missing.ok ? null : missing.error.code).toBe("not_found");
    expect(missing.ok ? [] : missing.error.suggestions).not.toHaveLength(0);
    const vague = await inventory(inventoryStatusSchema.parse({ products: ["jeans"] }));
    expect(vague.ok ? null : vague.error.code).toBe("ambiguous");
    expect((vague.ok ? [] : (vague.error.suggestions ?? [])).every((s) => /jeans/i.test(s))).toBe(true);
    const category = data(await inventory(inventoryStatusSchema.parse({ view: "days_of_stock", category: "sudadera" })));
    expect(category.category).toBe("Sudaderas");
    const badCategory = await inventory(inventoryStatusSchema.parse({ category: "electrodomesticos" }));
    expect(badCategory.ok ? null : badCategory.error.code).toBe("not_found");

    // Overstock lists only SKUs beyond the threshold.
    const over = data(await inventory(inventoryStatusSchema.parse({ view: "overstock" })));
    expect(over.items.every((item) => item.overstock && (item.daysOfStock === null || item.daysOfStock > 120))).toBe(true);

    // Reorders: the planted SKUs are at the top, with a positive quantity that covers lead time + review.
    const reorders = data(await createReorderSuggestionsTool(deps)(reorderSuggestionsSchema.parse({ top: 50 })));
    expect(reorders.leadTimeDays).toBe(14);
    expect(reorders.lines[0]!.productId).toBe(stockout.productId);
    for (const line of reorders.lines) {
      expect(line.reorderQuantity).toBeGreaterThan(0);
      expect(line.onHand).toBeLessThanOrEqual(line.reorderPoint);
      expect(line.orderValueCents).toBeGreaterThan(0);
    }
    const longer = data(await createReorderSuggestionsTool(deps)(reorderSuggestionsSchema.parse({ leadTimeDays: 45, products: [stockout.title] })));
    expect(longer.leadTimeSource).toBe("argument");
    expect(longer.lines[0]!.reorderPoint).toBeGreaterThanOrEqual(reorders.lines[0]!.reorderPoint);

    // Competitors: the planted undercut is found, who/when/how much.
    const competitors = createCompetitorPricesTool(deps);
    const cuts = await competitors(competitorPricesSchema.parse({ view: "undercut" }));
    const cutData = data(cuts);
    expect(cuts.ok && cuts.freshness.map((f) => f.source)).toEqual(["competitors"]);
    const found = cutData.undercuts.find((u) => u.productId === undercut.productId && u.competitor === undercut.competitor);
    expect(found).toMatchObject({ date: undercut.date, priceCents: undercut.competitorPriceCents, ourPriceCents: undercut.ourPriceCents, previousPriceCents: undercut.previousCompetitorPriceCents, stillBelow: true });
    expect(found!.gapCents).toBe(undercut.competitorPriceCents - undercut.ourPriceCents);
    expect(cutData.undercuts[0]!.productId).toBe(undercut.productId);
    // `top` shortens the lists, never the counts.
    const firstOnly = data(await competitors(competitorPricesSchema.parse({ view: "undercut", top: 1 })));
    expect(firstOnly).toMatchObject({ undercutCount: cutData.undercutCount, productsCompared: cutData.productsCompared, productsUndersold: cutData.productsUndersold });
    expect(firstOnly.undercuts).toEqual(cutData.undercuts.slice(0, 1));
    expect(firstOnly.comparisons).toEqual(cutData.comparisons.slice(0, 1));

    const compare = data(await competitors(competitorPricesSchema.parse({ products: [undercut.productExternalId], competitors: [undercut.competitor.toLowerCase()] })));
    expect(compare.comparisons).toHaveLength(1);
    expect(compare.comparisons[0]!.quotes[0]).toMatchObject({ competitor: undercut.competitor, priceCents: undercut.competitorPriceCents });
    expect(compare.comparisons[0]!.position).toBe("most_expensive");
    const unknownRival = await competitors(competitorPricesSchema.parse({ competitors: ["Walmart"] }));
    expect(unknownRival.ok ? null : unknownRival.error.code).toBe("not_found");
    expect(unknownRival.ok ? [] : unknownRival.error.suggestions).not.toHaveLength(0);

    // The SaaS workspace has no products or competitors.
    const saas = (await findWorkspaceBySlug(db(), "demo-saas"))!;
    const saasDeps = { ...deps, workspace: saas };
    const none = await createInventoryStatusTool(saasDeps)(inventoryStatusSchema.parse({}));
    expect(none.ok ? null : none.error.code).toBe("no_data");
    const noRivals = await createCompetitorPricesTool(saasDeps)(competitorPricesSchema.parse({}));
    expect(noRivals.ok ? null : noRivals.error.code).toBe("no_data");
  });
});
