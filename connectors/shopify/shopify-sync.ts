/**
 * Shopify behind the SyncSource interface (connectors/sync/sync-source.ts): one sync reads what
 * changed in the shop since the cursor, through the Admin GraphQL choke point (admin-graphql.ts,
 * which keeps to the cost bucket), and writes it page by page, each page one transaction:
 *
 * 1. The catalog: products by updatedAt with their variants (price, SKU, unit cost, stock),
 *    upserted into products / variants with source "shopify" and Shopify's numeric ids, and a stock
 *    snapshot per variant for the sync's local day. A stock adjustment does not change a product's
 *    updatedAt, so the first sync of each local day reads the whole catalog (every variant gets
 *    that day's snapshot, as the inventory engine expects); later syncs that day read products
 *    changed since the watermark only.
 * 2. Orders updated since the watermark (sortKey UPDATED_AT, `updated_at:>=`), with their lines,
 *    customer, discounts, shipping, taxes and refunds, written like the CSV import writes them,
 *    and the metrics rollups of the local days they touched refreshed.
 *
 * The first sync reads the last two years of orders (`historyDays`, 730 by default): enough for
 * every year-over-year comparison within the last year, without walking a shop's whole history
 * page by page (a token without the read_all_orders scope sees the last 60 days only, whatever we
 * ask). The cursor is returned only at the end: a sync that fails halfway runs again from the old
 * cursor, and the pages it already wrote are read again as unchanged and write nothing.
 * Provider failures are thrown as ProviderError for the sync job to retry or stop on.
 */
import { z } from "zod";
import { ProviderError } from "../../lib/provider-error.ts";
import { localDate } from "../../lib/zoned-time.ts";
import type { SyncContext, SyncOutcome, SyncSource } from "../sync/sync-source.ts";
import { createShopifyAdminGraphql, type ShopifyAdminGraphql } from "./admin-graphql.ts";
import { laterOf, overlapped, parseShopifyCursor, updatedSince, type ShopifyCursor } from "./sync-cursor.ts";
import {
  PRODUCT_VARIANTS_QUERY,
  PRODUCTS_PAGE_SIZE,
  PRODUCTS_QUERY,
  SHOP_QUERY,
  VARIANTS_PAGE_SIZE,
  VARIANTS_PER_PRODUCT,
  type ProductsData,
  type ShopifyVariantNode,
} from "./sync-catalog-queries.ts";
import { orderFromShopify, productFromShopify, variantFromShopify, type SyncedOrder, type SyncedProduct, type SyncedVariant } from "./sync-mapping.ts";
import {
  LINE_ITEMS_PAGE_SIZE,
  LINES_PER_ORDER,
  ORDER_LINE_ITEMS_QUERY,
  ORDER_REFUNDS_QUERY,
  ORDERS_PAGE_SIZE,
  ORDERS_QUERY,
  REFUNDS_PER_ORDER,
  type OrdersData,
  type ShopifyLineItemNode,
  type ShopifyOrderNode,
  type ShopifyRefundNode,
} from "./sync-order-queries.ts";
import { writeCatalogPage } from "./sync-write-catalog.ts";
import { writeOrderPage } from "./sync-write-orders.ts";

export { SHOPIFY_SOURCE } from "./sync-write-catalog.ts";

export interface ShopifySyncOptions {
  readonly fetch?: typeof fetch;
  /**
   * At most this many products and orders per page (one request and one transaction each). The
   * defaults are the most that keep a query under Shopify's 1000-point limit, so larger values are
   * capped at them.
   */
  readonly pageSize?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** How many days of orders the first sync reads. */
  readonly historyDays?: number;
  /** The longest a page waits for the cost bucket before the sync gives up with rate_limited (a background sync can wait longer than a request). */
  readonly maxThrottleWaitMs?: number;
  readonly timeoutMs?: number;
}

export const DEFAULT_HISTORY_DAYS = 730;
const DEFAULT_MAX_THROTTLE_WAIT_MS = 60_000;
const DAY_MS = 86_400_000;

/** What app/price-changes.ts also reads from a Shopify connector's credentials. */
const credentialsSchema = z.object({ accessToken: z.string().min(1), apiBaseUrl: z.url().optional() });

export function createShopifySyncSource(options: ShopifySyncOptions = {}): SyncSource {
  return { provider: "shopify", sync: (context) => syncShopify(context, options) };
}

interface Tally {
  rowsRead: number;
  rowsWritten: number;
}

async function syncShopify(context: SyncContext, options: ShopifySyncOptions): Promise<SyncOutcome> {
  const { workspace, clock } = context;
  const credentials = credentialsSchema.safeParse(context.credentials);
  if (!credentials.success) throw new ProviderError("shopify", { kind: "auth" }, "the Shopify connection has no usable access token: connect the store again");
  const shop = context.connector.account.includes(".") ? context.connector.account : `${context.connector.account}.myshopify.com`;
  const logger = context.logger.child({ provider: "shopify", shop, workspaceId: workspace.id });
  const api = createShopifyAdminGraphql({
    shop,
    accessToken: credentials.data.accessToken,
    baseUrl: credentials.data.apiBaseUrl,
    fetch: options.fetch,
    sleep: options.sleep,
    clock,
    logger,
    timeoutMs: options.timeoutMs,
    maxThrottleWaitMs: options.maxThrottleWaitMs ?? DEFAULT_MAX_THROTTLE_WAIT_MS,
  });
  const cursor = parseShopifyCursor(context.cursor, logger);
  const startedAt = clock.now();
  const today = localDate(startedAt, workspace.timezone);

  const { shop: shopInfo } = await api.request(SHOP_QUERY, {});
  if (shopInfo.currencyCode !== workspace.currency) {
    throw new ProviderError("shopify", { kind: "permanent" }, `${shop} sells in ${shopInfo.currencyCode}, but the workspace keeps its books in ${workspace.currency}: connect the store to a workspace in ${shopInfo.currencyCode}`);
  }
  const tally: Tally = { rowsRead: 0, rowsWritten: 0 };
  const catalogQuery = cursor.catalogDay === today && cursor.productsUpdatedAt !== null ? updatedSince(overlapped(cursor.productsUpdatedAt)) : null;
  const productsUpdatedAt = await syncCatalog(context, api, options, { query: catalogQuery, today }, tally);
  const ordersSince = cursor.ordersUpdatedAt ? overlapped(cursor.ordersUpdatedAt) : new Date(startedAt.getTime() - (options.historyDays ?? DEFAULT_HISTORY_DAYS) * DAY_MS);
  const orders = await syncOrders(context, api, options, updatedSince(ordersSince), tally);

  const next: ShopifyCursor = {
    ordersUpdatedAt: laterOf(cursor.ordersUpdatedAt, orders.updatedAt),
    productsUpdatedAt: laterOf(cursor.productsUpdatedAt, productsUpdatedAt),
    catalogDay: today,
  };
  const changedDays = [...orders.changedDays].sort();
  logger.info("shopify: sync finished", { ...tally, fullCatalog: catalogQuery === null, changedDays: changedDays.length });
  return { rowsRead: tally.rowsRead, rowsWritten: tally.rowsWritten, cursor: next, changedDays };
}

/** Reads products page by page and writes each page; returns the newest product updatedAt seen. */
async function syncCatalog(context: SyncContext, api: ShopifyAdminGraphql, options: ShopifySyncOptions, read: { query: string | null; today: string }, tally: Tally): Promise<string | null> {
  const { db, workspace, progress } = context;
  let newest: string | null = null;
  let after: string | null = null;
  progress.start("shopify products", null, "products");
  for (;;) {
    const data: ProductsData = await api.request(PRODUCTS_QUERY, { first: Math.min(options.pageSize ?? PRODUCTS_PAGE_SIZE, PRODUCTS_PAGE_SIZE), after, query: read.query, variants: VARIANTS_PER_PRODUCT });
    const page = data.products;
    const products: SyncedProduct[] = [];
    const variants: SyncedVariant[] = [];
    for (const node of page.nodes) {
      const nodes = await allVariants(api, node.id, node.variants.nodes, node.variants.pageInfo);
      products.push(productFromShopify(node));
      for (const variant of nodes) variants.push(variantFromShopify(variant, node, workspace.currency));
      newest = laterOf(newest, node.updatedAt);
    }
    tally.rowsRead += products.length + variants.length;
    tally.rowsWritten += await db.transaction().execute((trx) => writeCatalogPage(trx, workspace.id, read.today, products, variants));
    progress.advance(products.length);
    if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null) break;
    after = page.pageInfo.endCursor;
  }
  progress.finish();
  return newest;
}

interface PageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

/** A product's variants: the ones its page carried and, for a product with more, the rest. */
async function allVariants(api: ShopifyAdminGraphql, productId: string, first: readonly ShopifyVariantNode[], pageInfo: PageInfo): Promise<ShopifyVariantNode[]> {
  const variants = [...first];
  let next = pageInfo;
  while (next.hasNextPage && next.endCursor !== null) {
    const { product } = await api.request(PRODUCT_VARIANTS_QUERY, { id: productId, first: VARIANTS_PAGE_SIZE, after: next.endCursor });
    // Deleted while we read it: what we have is all there is.
    if (product === null) break;
    variants.push(...product.variants.nodes);
    next = product.variants.pageInfo;
  }
  return variants;
}

/** An order's line items: the ones its page carried and, for a longer order, the rest. */
async function allLineItems(api: ShopifyAdminGraphql, order: ShopifyOrderNode): Promise<ShopifyLineItemNode[]> {
  const lines = [...order.lineItems.nodes];
  let next: PageInfo = order.lineItems.pageInfo;
  while (next.hasNextPage && next.endCursor !== null) {
    const data = await api.request(ORDER_LINE_ITEMS_QUERY, { id: order.id, first: LINE_ITEMS_PAGE_SIZE, after: next.endCursor });
    if (data.order === null) break;
    lines.push(...data.order.lineItems.nodes);
    next = data.order.lineItems.pageInfo;
  }
  return lines;
}

/** An order's refunds: the page asked for the first few; an order with that many may have more. */
async function allRefunds(api: ShopifyAdminGraphql, order: ShopifyOrderNode): Promise<readonly ShopifyRefundNode[]> {
  if (order.refunds.length < REFUNDS_PER_ORDER) return order.refunds;
  const data = await api.request(ORDER_REFUNDS_QUERY, { id: order.id });
  return data.order?.refunds ?? order.refunds;
}

/** Reads orders updated since `query`'s instant, oldest change first, and writes each page. */
async function syncOrders(
  context: SyncContext,
  api: ShopifyAdminGraphql,
  options: ShopifySyncOptions,
  query: string,
  tally: Tally,
): Promise<{ updatedAt: string | null; changedDays: ReadonlySet<string> }> {
  const { db, workspace, progress } = context;
  const changedDays = new Set<string>();
  let newest: string | null = null;
  let after: string | null = null;
  progress.start("shopify orders", null, "orders");
  for (;;) {
    const data: OrdersData = await api.request(ORDERS_QUERY, { first: Math.min(options.pageSize ?? ORDERS_PAGE_SIZE, ORDERS_PAGE_SIZE), after, query, lines: LINES_PER_ORDER, refunds: REFUNDS_PER_ORDER });
    const page = data.orders;
    const orders: SyncedOrder[] = [];
    for (const node of page.nodes) {
      newest = laterOf(newest, node.updatedAt);
      // Test orders (Shopify's bogus gateway) are not sales; Shopify's own reports leave them out too.
      if (node.test) continue;
      orders.push(orderFromShopify(node, await allLineItems(api, node), await allRefunds(api, node), workspace.currency));
    }
    tally.rowsRead += page.nodes.length;
    const written = await db.transaction().execute((trx) => writeOrderPage(trx, workspace, orders));
    tally.rowsWritten += written.rowsWritten;
    for (const day of written.changedDays) changedDays.add(day);
    progress.advance(page.nodes.length);
    if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null) break;
    after = page.pageInfo.endCursor;
  }
  progress.finish();
  return { updatedAt: newest, changedDays };
}
