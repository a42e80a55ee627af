import { expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import { describeDatabase } from "../../test/database.ts";
import { importCsv } from "./index.ts";
import { countRows, fixture, scratchFile } from "./test-support.ts";

function mexicanStore(db: Db, slug: string) {
  return createWorkspace(db, { name: `Tienda ${slug}`, slug, currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
}

async function ordersOf(db: Db, workspaceId: number) {
  return db
    .selectFrom("orders")
    .leftJoin("customers", "customers.id", "orders.customer_id")
    .select([
      "orders.external_id",
      "orders.placed_at",
      "orders.status",
      "orders.subtotal_cents",
      "orders.discount_cents",
      "orders.shipping_cents",
      "orders.tax_cents",
      "orders.total_cents",
      "orders.source_channel",
      "orders.country",
      "orders.state",
      "orders.city",
      "orders.attributes",
      "customers.name as customer",
    ])
    .where("orders.workspace_id", "=", workspaceId)
    .orderBy("orders.external_id")
    .execute();
}

describeDatabase("CSV import, Shopify export", ({ db }) => {
  it("maps statuses, refunds, discounts, geography, channels and multi-line orders (file with a UTF-8 BOM)", async () => {
    const ws = await mexicanStore(db(), "mx");
    const summary = await importCsv(db(), ws, { file: fixture("shopify-orders-bom.csv"), format: "shopify" });
    expect(summary).toMatchObject({ status: "imported", rows: 10, bom: true, encoding: "utf-8", customers: 5, products: 7, refunds: 3, dateFormat: "iso" });
    expect(summary.orders).toEqual({ total: 7, new: 7, updated: 0 });
    expect(summary.mapping).toMatchObject({ order_id: "Name", date: "Created at", status: "Financial Status", discount: "Discount Amount" });
    expect(summary.totals).toEqual({ subtotalCents: 490900, discountCents: 6500, shippingCents: 39600, taxCents: 72276, totalCents: 524000, refundedCents: 177900 });

    const orders = await ordersOf(db(), ws.id);
    const row = (name: string) => orders.find((o) => o.external_id === name);
    expect(orders.map((o) => [o.external_id, o.status, o.customer])).toEqual([
      ["#1001", "paid", "José Hernández"],
      ["#1002", "paid", "Ana Lucía Peña"],
      ["#1003", "refunded", "María José Núñez"],
      ["#1004", "partially_refunded", "José Hernández"],
      ["#1005", "cancelled", "Gonçalo Ávila"],
      ["#1006", "cancelled", "Ana Lucía Peña"],
      ["#1007", "pending", "Sebastião Araújo"],
    ]);
    // "Created at" carries its own offset.
    expect(row("#1001")).toMatchObject({
      placed_at: new Date("2024-03-05T20:22:10Z"),
      subtotal_cents: 68000,
      shipping_cents: 9900,
      tax_cents: 10745, // included in the prices (Mexican IVA), so Total is Subtotal + Shipping
      total_cents: 77900,
      source_channel: "online_store",
      country: "MX",
      state: "Ciudad de México",
      city: "Ciudad de México",
      attributes: { postal_code: "03100", payment_method: "Mercado Pago", shipping_method: "Envío estándar", fulfillment_status: "fulfilled", tags: "VIP, recompra" },
    });
    expect(row("#1002")).toMatchObject({ subtotal_cents: 65000, discount_cents: 6500, total_cents: 58500 });
    expect(row("#1002")?.attributes).toMatchObject({ discount_code: "BIENVENIDA10" });
    expect(row("#1003")).toMatchObject({ source_channel: "pos", state: "Nuevo León", total_cents: 129900 });
    // No billing address: geography and name come from the shipping address.
    expect(row("#1005")).toMatchObject({ source_channel: "mobile_app", state: "Puebla", city: "Puebla", total_cents: 99800 });

    const items = await db()
      .selectFrom("order_items")
      .innerJoin("orders", "orders.id", "order_items.order_id")
      .select(["orders.external_id", "order_items.title", "order_items.sku", "order_items.quantity", "order_items.unit_price_cents", "order_items.discount_cents", "order_items.total_cents"])
      .where("orders.external_id", "in", ["#1001", "#1002", "#1004"])
      .orderBy("order_items.id")
      .execute();
    expect(items.map((i) => [i.external_id, i.title, i.sku, i.quantity, i.unit_price_cents, i.discount_cents, i.total_cents])).toEqual([
      ["#1001", "Camiseta Básica - M / Azul", "CAM-BAS-M-AZ", 2, 25000, 0, 50000],
      ["#1001", "Gorra Clásica", "GOR-CLA", 1, 18000, 0, 18000],
      ["#1002", "Sudadera Capucha - L / Gris", "SUD-CAP-L-GR", 1, 65000, 6500, 58500],
      ["#1004", "Camiseta Básica - M / Azul", "CAM-BAS-M-AZ", 1, 25000, 0, 25000],
      ["#1004", "Calcetines Pack x3", "CAL-PK3", 2, 12000, 0, 24000],
      ["#1004", "Gorra Clásica", "GOR-CLA", 1, 18000, 0, 18000],
    ]);

    const refunds = await db()
      .selectFrom("refunds")
      .innerJoin("orders", "orders.id", "refunds.order_id")
      .select(["orders.external_id", "refunds.external_id as refund", "refunds.amount_cents", "refunds.refunded_at", "refunds.reason"])
      .orderBy("orders.external_id")
      .execute();
    expect(refunds).toEqual([
      // No refund date in the export: the latest timestamp it shows for the order (fulfilled, cancelled…).
      { external_id: "#1003", refund: "#1003:refund", amount_cents: 129900, refunded_at: new Date("2024-03-11T15:00:00Z"), reason: null },
      { external_id: "#1004", refund: "#1004:refund", amount_cents: 12000, refunded_at: new Date("2024-04-03T22:20:00Z"), reason: null },
      { external_id: "#1006", refund: "#1006:refund", amount_cents: 36000, refunded_at: new Date("2024-04-10T18:00:00Z"), reason: "cancelled" },
    ]);

    const jose = await db().selectFrom("customers").selectAll().where("external_id", "=", "jose.hernandez@example.mx").executeTakeFirstOrThrow();
    expect(jose).toMatchObject({ name: "José Hernández", country: "MX", first_order_at: new Date("2024-03-05T20:22:10Z") });
    const vendors = await db().selectFrom("products").select(["title", "vendor"]).where("title", "=", "Tenis Urbanos - 26 / Blanco").execute();
    expect(vendors).toEqual([{ title: "Tenis Urbanos - 26 / Blanco", vendor: "Calzado del Bajío" }]);
  });

  it("reads the same export without a BOM to the same data; re-importing an order replaces its items and refunds", async () => {
    const ws = await mexicanStore(db(), "mx");
    await importCsv(db(), ws, { file: fixture("shopify-orders-bom.csv"), format: "shopify" });
    const withBom = await ordersOf(db(), ws.id);
    const plain = await importCsv(db(), ws, { file: fixture("shopify-orders.csv"), format: "shopify" });
    expect(plain).toMatchObject({ status: "imported", bom: false, orders: { total: 7, new: 0, updated: 7 } });
    expect(await ordersOf(db(), ws.id)).toEqual(withBom);
    expect(await countRows(db(), ws.id)).toMatchObject({ orders: 7, order_items: 10, refunds: 3, customers: 5, products: 7, imports: 2 });
  });

  it("keeps tenants apart: importing into workspace A leaves B empty, and B can import the same file for itself", async () => {
    const a = await mexicanStore(db(), "a");
    const b = await mexicanStore(db(), "b");
    await importCsv(db(), a, { file: fixture("shopify-orders.csv"), format: "shopify" });
    const countsA = await countRows(db(), a.id);
    expect(countsA).toMatchObject({ orders: 7, refunds: 3, imports: 1 });
    expect(await countRows(db(), b.id)).toEqual({ orders: 0, order_items: 0, customers: 0, products: 0, variants: 0, refunds: 0, imports: 0 });

    const intoB = await importCsv(db(), b, { file: fixture("shopify-orders.csv"), format: "shopify" });
    expect(intoB).toMatchObject({ status: "imported", orders: { total: 7, new: 7, updated: 0 } });
    expect(await countRows(db(), b.id)).toEqual(countsA);
    expect(await countRows(db(), a.id)).toEqual(countsA);
    // Every order item points at a product and an order of its own workspace.
    const crossed = await db()
      .selectFrom("order_items")
      .innerJoin("orders", "orders.id", "order_items.order_id")
      .innerJoin("products", "products.id", "order_items.product_id")
      .select("order_items.id")
      .where((eb) => eb.or([eb("orders.workspace_id", "!=", eb.ref("order_items.workspace_id")), eb("products.workspace_id", "!=", eb.ref("order_items.workspace_id"))]))
      .execute();
    expect(crossed).toEqual([]);
  });

  it("rejects an unknown financial status and a file that is not a Shopify export", async () => {
    const ws = await mexicanStore(db(), "mx");
    const header = "Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price";
    const file = scratchFile("odd-status.csv", `${header}\n#1,a@b.mx,paid,MXN,10.00,2024-01-01 10:00:00 -0600,1,Tee,10.00\n#2,a@b.mx,lost,MXN,10.00,2024-01-02 10:00:00 -0600,1,Tee,10.00\n`);
    await expect(importCsv(db(), ws, { file, format: "shopify" })).rejects.toThrow(/row 2 \(line 3\), column "Financial Status", value "lost": unknown financial status/);
    await expect(importCsv(db(), ws, { file: fixture("generic-explicit-map.csv"), format: "shopify" })).rejects.toThrow(/not a Shopify "Export orders" file: no column "Name"/);
    expect(await countRows(db())).toMatchObject({ orders: 0, imports: 0 });
  });
});
