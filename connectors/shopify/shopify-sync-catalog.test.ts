import { afterEach, beforeEach, expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { readSkus } from "../../engines/inventory/inventory-sql.ts";
import { describeDatabase } from "../../test/database.ts";
import { startFakeShopifyAdmin, type FakeShopifyAdmin } from "../../test/fakes/shopify-admin.ts";
import { createShopifyPriceWriter } from "./price-writer.ts";
import { createShopifySyncSource } from "./shopify-sync.ts";
import { catalog, line, order, productGid, SHOP, shopifyWorkspace, syncContext, TOKEN, variantGid, virtualTime } from "./sync-test-support.ts";

const NOW = "2026-11-26T16:00:00Z";
const TODAY = "2026-11-26";
const DAY_MS = 86_400_000;

async function variantRows(db: Db, workspaceId: number) {
  return db
    .selectFrom("variants as v")
    .innerJoin("products as p", "p.id", "v.product_id")
    .select(["v.id", "v.source", "v.external_id", "v.sku", "v.title", "v.price_cents", "v.cost_cents", "v.inventory_qty", "p.external_id as product_external_id"])
    .where("v.workspace_id", "=", workspaceId)
    .orderBy("v.external_id")
    .execute();
}

async function snapshots(db: Db, workspaceId: number) {
  return db
    .selectFrom("inventory_snapshots as s")
    .innerJoin("variants as v", "v.id", "s.variant_id")
    .select(["v.external_id", "s.date", "s.on_hand"])
    .where("s.workspace_id", "=", workspaceId)
    .orderBy("s.date")
    .orderBy("v.external_id")
    .execute();
}

describeDatabase("Shopify sync: catalog and stock", ({ db }) => {
  let shopify: FakeShopifyAdmin;
  let time: ReturnType<typeof virtualTime>;

  beforeEach(async () => {
    time = virtualTime(NOW);
    shopify = await startFakeShopifyAdmin({ accessToken: TOKEN, currencyCode: "MXN", products: catalog(), now: time.now });
  });
  afterEach(async () => {
    await shopify.close();
  });

  const source = (options: { fetch?: typeof fetch } = {}) => createShopifySyncSource({ sleep: time.sleep, ...options });
  const setup = async () => ({ ...(await shopifyWorkspace(db(), shopify.url)), baseUrl: shopify.url });

  it("writes products, variants with prices, costs and stock, and today's snapshot per stocked variant; the price writer reads a synced variant", async () => {
    const ws = await setup();
    const many = Array.from({ length: 30 }, (_, i) => ({ id: variantGid(45000 + i), title: `Talla ${i}`, sku: `CAL-${i}`, price: "99.90", inventoryQuantity: i }));
    shopify.addProducts({ id: productGid(7004), title: "Calcetines", productType: "Calcetines", updatedAt: "2026-11-04T12:00:00Z", variants: many });

    const outcome = await source().sync(syncContext(db(), ws, time.clock, null));

    const products = await db().selectFrom("products").select(["source", "external_id", "title", "category", "vendor", "status"]).where("workspace_id", "=", ws.workspace.id).orderBy("external_id").execute();
    expect(products).toEqual([
      { source: "shopify", external_id: "7001", title: "Camiseta Básica", category: "Camisetas", vendor: "Textiles del Norte", status: "active" },
      { source: "shopify", external_id: "7002", title: "Gorra Clásica", category: "Gorras", vendor: "Accesorios MX", status: "active" },
      // A draft is not for sale.
      { source: "shopify", external_id: "7003", title: "Tarjeta de regalo", category: null, vendor: null, status: "archived" },
      { source: "shopify", external_id: "7004", title: "Calcetines", category: "Calcetines", vendor: null, status: "active" },
    ]);
    const variants = await variantRows(db(), ws.workspace.id);
    expect(variants).toHaveLength(5 + 30);
    const byId = (id: string) => variants.find((v) => v.external_id === id);
    expect(byId("44003")).toMatchObject({ source: "shopify", product_external_id: "7001", sku: "CAM-L-AZ", title: "L / Azul", price_cents: 26_550, cost_cents: 11_525, inventory_qty: 0 });
    // A product without options: its one variant carries the product's title; no unit cost entered.
    expect(byId("44010")).toMatchObject({ title: "Gorra Clásica", price_cents: 18_000, cost_cents: null, inventory_qty: 40 });
    expect(byId("44020")).toMatchObject({ sku: null, inventory_qty: null });
    expect(shopify.requests.filter((request) => request.operationName === "SyncProductVariants")).toHaveLength(1);

    // Untracked stock (the gift card) gets no snapshot.
    const stock = await snapshots(db(), ws.workspace.id);
    expect(stock).toHaveLength(4 + 30);
    expect(stock.filter((s) => s.external_id.startsWith("440"))).toEqual([
      { external_id: "44001", date: TODAY, on_hand: 12 },
      { external_id: "44002", date: TODAY, on_hand: 3 },
      { external_id: "44003", date: TODAY, on_hand: 0 },
      { external_id: "44010", date: TODAY, on_hand: 40 },
    ]);
    const skus = await readSkus(db(), ws.workspace.id, { productIds: null, variantIds: null, category: "Camisetas" });
    expect(skus.map((sku) => [sku.sku, sku.snapshotDate, sku.snapshotOnHand])).toEqual([
      ["CAM-S-AZ", TODAY, 12],
      ["CAM-M-AZ", TODAY, 3],
      ["CAM-L-AZ", TODAY, 0],
    ]);
    expect(outcome.rowsRead).toBe(4 + 35);
    expect(outcome.rowsWritten).toBe(4 + 35 + 34);

    // The ids a price change would use (variants.external_id, products.external_id) reach the same variant at Shopify,
    // once the sync's spending has restored in the shop's cost bucket.
    time.advance(60_000);
    const medium = byId("44002")!;
    const writer = createShopifyPriceWriter({ shop: SHOP, accessToken: TOKEN, baseUrl: shopify.url, clock: time.clock, sleep: time.sleep });
    const ref = { variantId: medium.id, externalId: medium.external_id, productExternalId: medium.product_external_id, sku: medium.sku };
    expect(await writer.readPrice(ref)).toEqual({ priceCents: medium.price_cents, currency: "MXN" });
    await writer.writePrice({ variant: ref, priceCents: 23_900, currency: "MXN", idempotencyKey: "proposal-1" });
    expect(shopify.writes).toEqual([{ productId: productGid(7001), variantId: variantGid(44002), price: "239.00" }]);
  });

  it("catches price changes on the next sync and stock moves on the first sync of the next day", async () => {
    const ws = await setup();
    const first = await source().sync(syncContext(db(), ws, time.clock, null));
    time.advance(60 * 60_000);
    shopify.setPrice(variantGid(44001), "239.00");
    shopify.setInventory(variantGid(44010), 25);

    const sameDay = await source().sync(syncContext(db(), ws, time.clock, first.cursor));
    const variants = await variantRows(db(), ws.workspace.id);
    expect(variants.find((v) => v.external_id === "44001")?.price_cents).toBe(23_900);
    // A stock adjustment does not change the product at Shopify: the same day's incremental read cannot see it.
    expect(variants.find((v) => v.external_id === "44010")?.inventory_qty).toBe(40);
    expect(sameDay.rowsWritten).toBe(1);

    time.advance(DAY_MS);
    const nextDay = await source().sync(syncContext(db(), ws, time.clock, sameDay.cursor));
    expect((await variantRows(db(), ws.workspace.id)).find((v) => v.external_id === "44010")?.inventory_qty).toBe(25);
    const stock = await snapshots(db(), ws.workspace.id);
    expect(stock.filter((s) => s.external_id === "44010")).toEqual([
      { external_id: "44010", date: TODAY, on_hand: 40 },
      { external_id: "44010", date: "2026-11-27", on_hand: 25 },
    ]);
    // The day's full read: a snapshot for each of the 4 stocked variants, and the one variant whose stock moved.
    expect(nextDay.rowsWritten).toBe(4 + 1);

    time.advance(60_000);
    const again = await source().sync(syncContext(db(), ws, time.clock, nextDay.cursor));
    expect(again.rowsWritten).toBe(0);
  });

  it("links a line to a variant created after the catalog was read through a placeholder the next sync fills in", async () => {
    const ws = await setup();
    // The product and its first order arrive while the sync is between its catalog and its orders.
    let added = false;
    const racingFetch: typeof fetch = (input, init) => {
      const body = typeof init?.body === "string" ? init.body : "";
      if (!added && body.includes("query SyncOrders")) {
        added = true;
        time.advance(1_000);
        shopify.addProducts({ id: productGid(7010), title: "Sudadera", productType: "Sudaderas", variants: [{ id: variantGid(46001), title: "M", sku: "SUD-M", price: "650.00", unitCost: "300.00", inventoryQuantity: 8 }] });
        shopify.addOrders(order(1020, new Date(time.now()).toISOString(), [line(50, 46001, 1, "650.00", { title: "Sudadera", variantTitle: "M", sku: "SUD-M", productId: productGid(7010) })]));
      }
      return fetch(input, init);
    };

    const first = await source({ fetch: racingFetch }).sync(syncContext(db(), ws, time.clock, null));
    const placeholder = (await variantRows(db(), ws.workspace.id)).find((v) => v.external_id === "46001");
    expect(placeholder).toMatchObject({ product_external_id: "7010", title: "M", sku: "SUD-M", price_cents: 65_000, cost_cents: null });
    const item = await db().selectFrom("order_items").select(["variant_id", "product_id"]).where("title", "=", "Sudadera - M").executeTakeFirstOrThrow();
    expect(item.variant_id).toBe(placeholder?.id);

    time.advance(60_000);
    await source().sync(syncContext(db(), ws, time.clock, first.cursor));
    expect((await variantRows(db(), ws.workspace.id)).find((v) => v.external_id === "46001")).toMatchObject({ id: placeholder?.id, cost_cents: 30_000, inventory_qty: 8 });
    const product = await db().selectFrom("products").select(["title", "category"]).where("external_id", "=", "7010").executeTakeFirstOrThrow();
    expect(product).toEqual({ title: "Sudadera", category: "Sudaderas" });
  });
});
