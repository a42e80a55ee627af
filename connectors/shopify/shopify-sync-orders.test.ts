import { sql } from "kysely";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { localDate } from "../../lib/zoned-time.ts";
import { describeDatabase } from "../../test/database.ts";
import { fakeOrderTotals, startFakeShopifyAdmin, type FakeShopifyAdmin, type FakeShopifyOrder } from "../../test/fakes/shopify-admin.ts";
import { createShopifySyncSource, type ShopifySyncOptions } from "./shopify-sync.ts";
import { catalog, expectedDay, line, metricsOfDay, order, shopifyWorkspace, syncContext, TIME_ZONE, TOKEN, virtualTime } from "./sync-test-support.ts";

const NOW = "2026-11-26T16:00:00Z";
const BETO = { id: "gid://shopify/Customer/502", displayName: "Beto Ruiz", email: "beto@example.mx" };

/** Orders of the week before NOW, in Mexico City: two on the 20th (one a guest's late at night), a cancelled one, a refunded one, a test order, a pending one, and one older than the first sync's history. */
function weekOfOrders(): FakeShopifyOrder[] {
  return [
    order(1001, "2026-11-20T16:00:00Z", [line(1, 44001, 2, "250.00", { discount: "50.00" }), line(2, 44010, 1, "180.00")], {
      discountCodes: ["BIENVENIDA10"],
      paymentGatewayNames: ["mercado_pago"],
      tax: "83.45",
    }),
    order(1002, "2026-11-21T03:30:00Z", [line(3, 44003, 1, "265.50")], {
      customer: null,
      billingAddress: null,
      shippingAddress: { countryCode: "MX", province: "Ciudad de México", provinceCode: "CMX", city: "Ciudad de México", zip: "03100" },
      sourceName: "pos",
      orderDiscount: "20.00",
      shipping: "0.00",
    }),
    order(1003, "2026-11-20T20:00:00Z", [line(4, 44002, 3, "250.00")], { cancelledAt: "2026-11-21T10:00:00Z", financialStatus: "VOIDED", updatedAt: "2026-11-21T10:00:00Z" }),
    order(1004, "2026-11-21T18:00:00Z", [line(5, 44010, 1, "180.00"), line(6, 44001, 1, "250.00")], {
      customer: BETO,
      financialStatus: "PARTIALLY_REFUNDED",
      refunds: [{ id: "gid://shopify/Refund/9001", createdAt: "2026-11-22T17:00:00Z", amount: "180.00" }],
      updatedAt: "2026-11-22T17:00:00Z",
    }),
    order(1005, "2026-11-21T19:00:00Z", [line(7, 44001, 1, "250.00")], { test: true }),
    order(1006, "2026-11-22T15:00:00Z", [line(8, 44002, 2, "250.00")], { financialStatus: "PENDING" }),
    order(900, "2024-01-10T15:00:00Z", [line(9, 44001, 1, "230.00")]),
  ];
}

/** Orders the first sync brings: not test orders, nothing last updated before its two years of history. */
const synced = (orders: readonly FakeShopifyOrder[]) => orders.filter((o) => !o.test && Date.parse(o.updatedAt) >= Date.parse("2024-11-26T16:00:00Z"));

/** Local days of the orders and of their refunds. */
function daysOf(orders: readonly FakeShopifyOrder[]): string[] {
  const days = new Set<string>();
  for (const o of orders) {
    days.add(localDate(new Date(o.createdAt), TIME_ZONE));
    for (const refund of o.refunds ?? []) days.add(localDate(new Date(refund.createdAt), TIME_ZONE));
  }
  return [...days].sort();
}

async function tableRows(db: Db, workspaceId: number) {
  const orders = await db.selectFrom("orders").selectAll().where("workspace_id", "=", workspaceId).orderBy("id").execute();
  const items = await db.selectFrom("order_items").selectAll().where("workspace_id", "=", workspaceId).orderBy("id").execute();
  const refunds = await db.selectFrom("refunds").selectAll().where("workspace_id", "=", workspaceId).orderBy("id").execute();
  const customers = await db.selectFrom("customers").selectAll().where("workspace_id", "=", workspaceId).orderBy("id").execute();
  return { orders, items, refunds, customers };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describeDatabase("Shopify sync: orders", ({ db }) => {
  let shopify: FakeShopifyAdmin;
  let time: ReturnType<typeof virtualTime>;

  beforeEach(async () => {
    time = virtualTime(NOW);
    shopify = await startFakeShopifyAdmin({ accessToken: TOKEN, currencyCode: "MXN", products: catalog(), orders: weekOfOrders(), now: time.now });
  });
  afterEach(async () => {
    await shopify.close();
  });

  const source = (options: ShopifySyncOptions = {}) => createShopifySyncSource({ sleep: time.sleep, ...options });
  const setup = async () => ({ ...(await shopifyWorkspace(db(), shopify.url)), baseUrl: shopify.url });

  it("brings the orders with their lines, customers and refunds, and the metrics engine answers each day as the shop's data says", async () => {
    const ws = await setup();
    const outcome = await source().sync(syncContext(db(), ws, time.clock, null));

    const expected = synced(shopify.orders);
    const rows = await tableRows(db(), ws.workspace.id);
    expect(rows.orders.map((o) => o.external_id).sort()).toEqual(expected.map((o) => o.id.replace("gid://shopify/Order/", "")).sort());
    expect(rows.items).toHaveLength(expected.reduce((sum, o) => sum + o.lineItems.length, 0));
    expect(outcome.changedDays).toEqual(daysOf(expected));
    expect(outcome.rowsWritten).toBeGreaterThan(0);
    for (const day of ["2026-11-20", "2026-11-21", "2026-11-22"]) {
      expect({ day, ...(await metricsOfDay(db(), ws.workspace, day, time.clock)) }).toEqual({ day, ...expectedDay(shopify.orders, day) });
    }

    const byName = (id: string) => rows.orders.find((o) => o.external_id === id)!;
    const customerOf = (id: string) => rows.customers.find((c) => c.id === byName(id).customer_id);
    const first = shopify.orders[0]!;
    expect(byName("1001")).toMatchObject({
      source: "shopify",
      status: "paid",
      placed_at: new Date(first.createdAt),
      subtotal_cents: 68_000,
      discount_cents: 5_000,
      shipping_cents: 9_900,
      tax_cents: 8_345,
      total_cents: Math.round(Number(fakeOrderTotals(first).total) * 100),
      source_channel: "online_store",
      country: "MX",
      state: "Nuevo León",
      city: "Monterrey",
      attributes: { postal_code: "64000", discount_code: "BIENVENIDA10", payment_method: "mercado_pago", shipping_method: "Envío estándar", fulfillment_status: "unfulfilled" },
    });
    expect(customerOf("1001")).toMatchObject({ source: "shopify", external_id: "501", name: "Ana López", email: "ana.lopez@example.mx", first_order_at: new Date(first.createdAt) });
    // A guest at the counter: no customer, the place from the shipping address, the order discount on top of the lines'.
    expect(byName("1002")).toMatchObject({ customer_id: null, state: "Ciudad de México", source_channel: "pos", discount_cents: 2_000, subtotal_cents: 26_550 });
    expect(byName("1003").status).toBe("cancelled");
    expect(byName("1004").status).toBe("partially_refunded");
    expect(byName("1006").status).toBe("pending");
    expect(rows.refunds.map((r) => [r.external_id, r.refunded_at, r.amount_cents])).toEqual([["9001", new Date("2026-11-22T17:00:00Z"), 18_000]]);

    // Lines point at the synced variants, with their product's category and the variant's unit cost.
    const lines = await db()
      .selectFrom("order_items as i")
      .innerJoin("orders as o", "o.id", "i.order_id")
      .innerJoin("variants as v", "v.id", "i.variant_id")
      .select(["i.title", "i.sku", "i.quantity", "i.unit_price_cents", "i.discount_cents", "i.total_cents", "i.cost_cents", "i.category", "v.external_id as variant"])
      .where("o.external_id", "=", "1001")
      .orderBy("i.id")
      .execute();
    expect(lines).toEqual([
      { title: "Camiseta Básica - S / Azul", sku: "CAM-S-AZ", quantity: 2, unit_price_cents: 25_000, discount_cents: 5_000, total_cents: 45_000, cost_cents: 22_000, category: "Camisetas", variant: "44001" },
      { title: "Gorra Clásica", sku: "GOR-CLA", quantity: 1, unit_price_cents: 18_000, discount_cents: 0, total_cents: 18_000, cost_cents: null, category: "Gorras", variant: "44010" },
    ]);
    expect(shopify.requests.every((request) => request.outcome === "ok")).toBe(true);
  });

  it("pages through orders, products, long orders' line items and many refunds", async () => {
    const ws = await setup();
    const lines = Array.from({ length: 13 }, (_, i) => line(100 + i, 44001, 1, "250.00"));
    const refunds = Array.from({ length: 6 }, (_, i) => ({ id: `gid://shopify/Refund/${9100 + i}`, createdAt: `2026-11-24T1${i}:00:00Z`, amount: "10.00" }));
    shopify.addOrders(order(1010, "2026-11-23T16:00:00Z", lines, { refunds, financialStatus: "PARTIALLY_REFUNDED", updatedAt: "2026-11-24T15:00:00Z" }));

    await source({ pageSize: 2 }).sync(syncContext(db(), ws, time.clock, null));

    const sent = (name: string) => shopify.requests.filter((request) => request.operationName === name);
    const expected = synced(shopify.orders);
    // 7 orders in the window (the test order is read, not written): 4 pages of 2.
    expect(sent("SyncOrders").map((request) => request.variables.after === null)).toEqual([true, false, false, false]);
    expect(sent("SyncProducts")).toHaveLength(2);
    expect(sent("SyncOrderLineItems")).toHaveLength(1);
    expect(sent("SyncOrderRefunds")).toHaveLength(1);
    const rows = await tableRows(db(), ws.workspace.id);
    expect(rows.orders).toHaveLength(expected.length);
    const long = rows.orders.find((o) => o.external_id === "1010")!;
    expect(rows.items.filter((item) => item.order_id === long.id)).toHaveLength(13);
    expect(rows.refunds.filter((refund) => refund.order_id === long.id)).toHaveLength(6);
    for (const day of ["2026-11-23", "2026-11-24"]) {
      expect(await metricsOfDay(db(), ws.workspace, day, time.clock)).toEqual(expectedDay(shopify.orders, day));
    }
  });

  it("writes nothing on a second sync when nothing changed, re-reading from a little before the watermark", async () => {
    const ws = await setup();
    const first = await source().sync(syncContext(db(), ws, time.clock, null));
    const before = await tableRows(db(), ws.workspace.id);
    const requestsBefore = shopify.requests.length;
    time.advance(10 * 60_000);

    const second = await source().sync(syncContext(db(), ws, time.clock, first.cursor));

    expect(second).toMatchObject({ rowsWritten: 0, changedDays: [] });
    expect(await tableRows(db(), ws.workspace.id)).toEqual(before);
    const newest = synced(shopify.orders).reduce((max, o) => Math.max(max, Date.parse(o.updatedAt)), 0);
    expect(first.cursor).toMatchObject({ ordersUpdatedAt: new Date(newest).toISOString().replace(".000Z", "Z") });
    const orderQuery = shopify.requests.slice(requestsBefore).find((request) => request.operationName === "SyncOrders");
    expect(orderQuery?.variables.query).toBe(`updated_at:>='${new Date(newest - 5 * 60_000).toISOString().replace(".000Z", "Z")}'`);
  });

  it("updates an order refunded or cancelled at Shopify after the first sync, and the days' figures change with it", async () => {
    const ws = await setup();
    const first = await source().sync(syncContext(db(), ws, time.clock, null));
    const refundedDayBefore = await metricsOfDay(db(), ws.workspace, "2026-11-26", time.clock);
    const pendingDayBefore = await metricsOfDay(db(), ws.workspace, "2026-11-22", time.clock);
    time.advance(60 * 60_000);
    const refundAt = new Date(time.now()).toISOString();
    shopify.updateOrder("gid://shopify/Order/1001", {
      financialStatus: "REFUNDED",
      refunds: [{ id: "gid://shopify/Refund/9002", createdAt: refundAt, amount: fakeOrderTotals(shopify.orders[0]!).total }],
    });
    shopify.updateOrder("gid://shopify/Order/1006", { cancelledAt: refundAt, financialStatus: "VOIDED" });

    const second = await source().sync(syncContext(db(), ws, time.clock, first.cursor));

    expect(second.rowsWritten).toBeGreaterThan(0);
    expect(second.changedDays).toEqual(expect.arrayContaining(["2026-11-20", "2026-11-22", "2026-11-26"]));
    const orders = await db().selectFrom("orders").select(["external_id", "status"]).where("external_id", "in", ["1001", "1006"]).orderBy("external_id").execute();
    expect(orders).toEqual([
      { external_id: "1001", status: "refunded" },
      { external_id: "1006", status: "cancelled" },
    ]);
    for (const day of ["2026-11-20", "2026-11-22", "2026-11-26"]) {
      expect({ day, ...(await metricsOfDay(db(), ws.workspace, day, time.clock)) }).toEqual({ day, ...expectedDay(shopify.orders, day) });
    }
    expect(await metricsOfDay(db(), ws.workspace, "2026-11-26", time.clock)).not.toEqual(refundedDayBefore);
    expect(await metricsOfDay(db(), ws.workspace, "2026-11-22", time.clock)).not.toEqual(pendingDayBefore);
    // Still one row per order, and the refund recorded once.
    const counts = await sql<{ orders: number; refunds: number }>`
      select (select count(*)::int from orders where workspace_id = ${ws.workspace.id}) as orders,
             (select count(*)::int from refunds where workspace_id = ${ws.workspace.id} and external_id = '9002') as refunds`.execute(db());
    expect(counts.rows[0]).toEqual({ orders: synced(shopify.orders).length, refunds: 1 });
  });

  it("fails with ProviderError auth on a revoked token, writing nothing", async () => {
    const ws = await setup();
    const error = await caught(source().sync(syncContext(db(), ws, time.clock, null, "shpat_revoked")));
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).failure).toEqual({ kind: "auth" });
    expect((await tableRows(db(), ws.workspace.id)).orders).toEqual([]);
  });

  it("stops with rate_limited when Shopify throttles, waits for the bucket when it can, and gives up when the wait is too long", async () => {
    const ws = await setup();
    shopify.setAvailable(0);
    const throttled = await caught(source().sync(syncContext(db(), ws, time.clock, null)));
    expect(throttled).toBeInstanceOf(ProviderError);
    expect((throttled as ProviderError).failure).toMatchObject({ kind: "rate_limited", retryAfterMs: expect.any(Number) as unknown });
    expect(shopify.requests.map((request) => request.outcome)).toEqual(["throttled"]);

    shopify.setAvailable(300);
    const tooLong = await caught(source({ maxThrottleWaitMs: 1_000 }).sync(syncContext(db(), ws, time.clock, null)));
    expect((tooLong as ProviderError).failure.kind).toBe("rate_limited");
    // The shop's currency was read; the products page was never sent into a bucket that could not take it.
    expect(shopify.requests.slice(1).map((request) => [request.operationName, request.outcome])).toEqual([["SyncShop", "ok"]]);

    shopify.setAvailable(300);
    time.state.waits.length = 0;
    await source().sync(syncContext(db(), ws, time.clock, null));
    expect(time.state.waits.length).toBeGreaterThan(0);
    expect(shopify.requests.slice(2).every((request) => request.outcome === "ok")).toBe(true);
    expect((await tableRows(db(), ws.workspace.id)).orders).toHaveLength(synced(shopify.orders).length);
  });
});
