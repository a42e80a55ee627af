/**
 * Helpers shared by the Shopify sync tests: a Mexican workspace with its Shopify connector, a
 * virtual clock shared by the sync's client and the fake shop's cost bucket (sleeping advances it),
 * a sync context, fake products and orders, and the day's figures computed straight from the fake
 * shop's data (not through our mapping) for the metrics engine's answers to be checked against.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/database.ts";
import { saveConnector } from "../../db/repositories/connectors.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import type { Connector } from "../../db/schema/connectors.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { queryMetrics } from "../../engines/metrics/query/execute.ts";
import type { Clock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { silentProgress } from "../../lib/progress.ts";
import { createSecretBox } from "../../lib/secret-box.ts";
import { localDate } from "../../lib/zoned-time.ts";
import type { FakeShopifyLineItem, FakeShopifyOrder, FakeShopifyProduct } from "../../test/fakes/shopify-admin.ts";
import type { SyncContext, SyncCursor } from "../sync/sync-source.ts";

export const TOKEN = "shpat_sync_token";
export const SHOP = "moda-norte.myshopify.com";
export const TIME_ZONE = "America/Mexico_City";

/** A clock tests move by hand, and a sleep that moves it instead of waiting. */
export function virtualTime(startIso: string) {
  const state = { nowMs: Date.parse(startIso), waits: [] as number[] };
  const clock: Clock = { now: () => new Date(state.nowMs) };
  return {
    state,
    clock,
    now: () => state.nowMs,
    sleep: (ms: number) => {
      state.waits.push(ms);
      state.nowMs += ms;
      return Promise.resolve();
    },
    advance: (ms: number) => {
      state.nowMs += ms;
    },
  };
}

export async function shopifyWorkspace(db: Db, baseUrl: string, slug = "moda-norte"): Promise<{ workspace: Workspace; connector: Connector }> {
  const workspace = await createWorkspace(db, { name: "Moda Norte", slug, currency: "MXN", timezone: TIME_ZONE, locale: "es" });
  const connector = await saveConnector(db, createSecretBox(randomBytes(32)), { workspaceId: workspace.id, provider: "shopify", account: SHOP, credentials: { accessToken: TOKEN, apiBaseUrl: baseUrl } });
  return { workspace, connector };
}

export function syncContext(
  db: Db,
  setup: { workspace: Workspace; connector: Connector; baseUrl: string },
  clock: Clock,
  cursor: SyncCursor | null,
  accessToken = TOKEN,
): SyncContext {
  return {
    db,
    workspace: setup.workspace,
    connector: setup.connector,
    credentials: { accessToken, apiBaseUrl: setup.baseUrl },
    cursor,
    clock,
    logger: silentLogger,
    progress: silentProgress,
  };
}

export const productGid = (n: number) => `gid://shopify/Product/${n}`;
export const variantGid = (n: number) => `gid://shopify/ProductVariant/${n}`;

/** A small catalog: a T-shirt in three sizes with costs and stock, a cap without options, and a gift card nobody stocks. */
export function catalog(): FakeShopifyProduct[] {
  return [
    {
      id: productGid(7001),
      title: "Camiseta Básica",
      vendor: "Textiles del Norte",
      productType: "Camisetas",
      updatedAt: "2026-11-01T12:00:00Z",
      variants: [
        { id: variantGid(44001), title: "S / Azul", sku: "CAM-S-AZ", price: "250.00", unitCost: "110.00", inventoryQuantity: 12 },
        { id: variantGid(44002), title: "M / Azul", sku: "CAM-M-AZ", price: "250.00", unitCost: "110.00", inventoryQuantity: 3 },
        { id: variantGid(44003), title: "L / Azul", sku: "CAM-L-AZ", price: "265.50", unitCost: "115.25", inventoryQuantity: 0 },
      ],
    },
    {
      id: productGid(7002),
      title: "Gorra Clásica",
      vendor: "Accesorios MX",
      productType: "Gorras",
      updatedAt: "2026-11-02T12:00:00Z",
      variants: [{ id: variantGid(44010), title: "Default Title", sku: "GOR-CLA", price: "180.00", unitCost: null, inventoryQuantity: 40 }],
    },
    {
      id: productGid(7003),
      title: "Tarjeta de regalo",
      productType: "",
      status: "DRAFT",
      updatedAt: "2026-11-03T12:00:00Z",
      variants: [{ id: variantGid(44020), title: "Default Title", price: "500.00", inventoryQuantity: null }],
    },
  ];
}

export function line(n: number, variant: number, quantity: number, unitPrice: string, extra: Partial<FakeShopifyLineItem> = {}): FakeShopifyLineItem {
  const titles: Record<number, [string, string | null, string | null]> = {
    44001: ["Camiseta Básica", "S / Azul", "CAM-S-AZ"],
    44002: ["Camiseta Básica", "M / Azul", "CAM-M-AZ"],
    44003: ["Camiseta Básica", "L / Azul", "CAM-L-AZ"],
    44010: ["Gorra Clásica", null, "GOR-CLA"],
  };
  const [title, variantTitle, sku] = titles[variant] ?? [`Producto ${variant}`, null, null];
  const product = variant >= 44010 ? 7002 : 7001;
  return { id: `gid://shopify/LineItem/${n}`, title, variantTitle, sku, quantity, unitPrice, variantId: variantGid(variant), productId: productGid(product), ...extra };
}

/** A paid web order of Ana's in Monterrey; `extra` changes what a test needs. */
export function order(n: number, createdAt: string, lineItems: readonly FakeShopifyLineItem[], extra: Partial<FakeShopifyOrder> = {}): FakeShopifyOrder {
  return {
    id: `gid://shopify/Order/${n}`,
    name: `#${n}`,
    createdAt,
    updatedAt: createdAt,
    financialStatus: "PAID",
    sourceName: "web",
    customer: { id: "gid://shopify/Customer/501", displayName: "Ana López", email: "Ana.Lopez@example.mx" },
    billingAddress: { countryCode: "MX", province: "Nuevo León", provinceCode: "NL", city: "Monterrey", zip: "64000" },
    shippingTitle: "Envío estándar",
    shipping: "99.00",
    tax: "0.00",
    taxesIncluded: true,
    lineItems,
    ...extra,
  };
}

const cents = (amount: string | undefined) => Math.round(Number(amount ?? "0") * 100);

/** Whether an order counts as a sale under Shopify's (and our) definition: not cancelled, its payment not voided or expired, not a test. */
function isSale(order: FakeShopifyOrder): boolean {
  return !order.test && !order.cancelledAt && order.financialStatus !== "VOIDED" && order.financialStatus !== "EXPIRED";
}

/** Gross sales, discounts, refunds and net sales of a local day, from the fake shop's raw orders. */
export function expectedDay(orders: readonly FakeShopifyOrder[], day: string) {
  let gross = 0;
  let discounts = 0;
  let refunds = 0;
  let count = 0;
  for (const order of orders.filter(isSale)) {
    if (localDate(new Date(order.createdAt), TIME_ZONE) === day) {
      count += 1;
      for (const item of order.lineItems) {
        gross += item.quantity * cents(item.unitPrice);
        discounts += cents(item.discount);
      }
      discounts += cents(order.orderDiscount);
    }
    for (const refund of order.refunds ?? []) if (localDate(new Date(refund.createdAt), TIME_ZONE) === day) refunds += cents(refund.amount);
  }
  return { gross_sales: gross, discounts, refunds, net_sales: gross - discounts - refunds, orders: count };
}

/** The same figures as the metrics engine answers them for that day. */
export async function metricsOfDay(db: Db, workspace: Workspace, day: string, clock: Clock) {
  const result = await queryMetrics(db, workspace, { metrics: ["gross_sales", "discounts", "refunds", "net_sales", "orders"], range: `${day}..${day}` }, { clock });
  if (!result.ok) throw new Error(`metrics query failed: ${result.error.message}`);
  return Object.fromEntries(Object.entries(result.value.totals).map(([name, value]) => [name, value.value]));
}
