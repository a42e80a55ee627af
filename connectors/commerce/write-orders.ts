/**
 * Writing orders with their lines and refunds, shared by every connector that brings orders (CSV
 * imports, the Shopify sync): an order already present under the same (workspace, source,
 * external id) is replaced — its row updated, its items and refunds deleted and inserted again —
 * and the caller learns which local days the write touched (before and after), so it can refresh
 * exactly those rollup days, and which customers, so it can refresh their first order dates.
 * Callers resolve customers, products and variants to our ids first, and pass their transaction:
 * PGlite has a single connection, so touching the outer db here would wait on ourselves forever.
 */
import { sql } from "kysely";
import { ORDER_BULK_COLUMNS, ORDER_ITEM_BULK_COLUMNS, REFUND_BULK_COLUMNS } from "../../db/bulk-columns.ts";
import { bulkInsert, bulkInsertBatched, type BulkColumns } from "../../db/bulk-insert.ts";
import type { DbOrTrx } from "../../db/database.ts";
import type { Attributes } from "../../db/schema/columns.ts";
import type { OrderStatus } from "../../db/schema/commerce.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { affectedDays } from "../../engines/metrics/rollups/affected-days.ts";

const ROW_BATCH = 5000;

/** A line as it is stored: product and variant already resolved to our ids (null when unknown). */
export interface OrderLineRecord {
  readonly productId: number | null;
  readonly variantId: number | null;
  readonly sku: string | null;
  readonly title: string;
  readonly category: string | null;
  readonly quantity: number;
  readonly unitPriceCents: number;
  readonly discountCents: number;
  /** quantity × unit price − discount. */
  readonly totalCents: number;
  /** Cost of the whole line, when known. */
  readonly costCents: number | null;
  readonly attributes: Attributes;
}

export interface OrderRefundRecord {
  readonly externalId: string;
  readonly refundedAt: Date;
  readonly amountCents: number;
  readonly reason: string | null;
}

/** What every source says about an order besides its id, customer, lines and refunds, in the workspace's currency. */
export interface OrderHeader {
  readonly placedAt: Date;
  readonly status: OrderStatus;
  /** Σ quantity × unit price of the lines, before any discount. */
  readonly subtotalCents: number;
  /** Every discount on the order, line-level ones included. */
  readonly discountCents: number;
  readonly shippingCents: number;
  readonly taxCents: number;
  readonly totalCents: number;
  readonly sourceChannel: string | null;
  readonly country: string | null;
  readonly state: string | null;
  readonly city: string | null;
  readonly attributes: Attributes;
}

/** Only the header's fields of an order a source parsed (which carries its own lines and customer too). */
export function orderHeader(order: OrderHeader): OrderHeader {
  const { placedAt, status, subtotalCents, discountCents, shippingCents, taxCents, totalCents, sourceChannel, country, state, city, attributes } = order;
  return { placedAt, status, subtotalCents, discountCents, shippingCents, taxCents, totalCents, sourceChannel, country, state, city, attributes };
}

/** An order as it is stored; the customer already resolved to our id. */
export interface OrderRecord extends OrderHeader {
  readonly externalId: string;
  readonly customerId: number | null;
  readonly lines: readonly OrderLineRecord[];
  readonly refunds: readonly OrderRefundRecord[];
}

export interface ReplaceOrdersResult {
  /** How many of the orders were already there (and were replaced). */
  readonly updated: number;
  /** Our ids of the orders written, by external id. */
  readonly orderIds: ReadonlyMap<string, number>;
  /** Local days whose rollups the write can change: the replaced orders' old days and the new ones. */
  readonly dirtyDays: ReadonlySet<string>;
  /** Customers of the old and the new orders, whose first order date may have moved. */
  readonly customerIds: ReadonlySet<number>;
  /** Rows inserted into order_items and refunds. */
  readonly itemRows: number;
  readonly refundRows: number;
}

interface KeyRow {
  readonly id: number;
  readonly external_id: string;
}

/** external_id → id from rows a statement returned. */
export function keyMap(rows: readonly KeyRow[], table: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of rows) {
    if (typeof row.id !== "number" || typeof row.external_id !== "string") throw new Error(`unexpected key row from ${table}`);
    map.set(row.external_id, row.id);
  }
  return map;
}

const ORDER_COLUMNS: BulkColumns<"orders"> = { ...ORDER_BULK_COLUMNS, import_id: "bigint" };
const ORDER_UPDATE = ["customer_id", "placed_at", "status", "currency", "subtotal_cents", "discount_cents", "shipping_cents", "tax_cents", "total_cents", "source_channel", "country", "state", "city", "attributes", "import_id"] as const;
const ITEM_COLUMNS: BulkColumns<"order_items"> = { ...ORDER_ITEM_BULK_COLUMNS, attributes: "jsonb" };

/**
 * Inserts the orders, or replaces those the workspace already has from this source, with their
 * items and refunds. One batch: callers split big writes (a few thousand orders per call).
 */
export async function replaceOrders(
  trx: DbOrTrx,
  workspace: Pick<Workspace, "id" | "currency" | "timezone">,
  source: string,
  orders: readonly OrderRecord[],
  importId: number | null,
): Promise<ReplaceOrdersResult> {
  const workspaceId = workspace.id;
  const dirtyDays = new Set<string>();
  const customerIds = new Set<number>();
  if (orders.length === 0) return { updated: 0, orderIds: new Map(), dirtyDays, customerIds, itemRows: 0, refundRows: 0 };
  const externalIds = orders.map((order) => order.externalId);
  const existing = await trx
    .selectFrom("orders")
    .select(["id", "customer_id"])
    .where("workspace_id", "=", workspaceId)
    .where("source", "=", source)
    .where(sql<boolean>`external_id = any(${externalIds}::text[])`)
    .execute();
  if (existing.length > 0) {
    const ids = existing.map((row) => row.id);
    // The days the replaced orders counted on, before they change.
    for (const day of await affectedDays(trx, workspaceId, workspace.timezone, ids)) dirtyDays.add(day);
    // A replaced order may have belonged to another customer, whose first order date can change.
    for (const row of existing) if (row.customer_id !== null) customerIds.add(row.customer_id);
    await trx.deleteFrom("order_items").where("workspace_id", "=", workspaceId).where(sql<boolean>`order_id = any(${ids}::bigint[])`).execute();
    await trx.deleteFrom("refunds").where("workspace_id", "=", workspaceId).where(sql<boolean>`order_id = any(${ids}::bigint[])`).execute();
  }
  const orderIds = keyMap(
    await bulkInsert<"orders", KeyRow>(
      trx,
      "orders",
      ORDER_COLUMNS,
      orders.map((order) => ({
        workspace_id: workspaceId,
        source,
        external_id: order.externalId,
        customer_id: order.customerId,
        placed_at: order.placedAt,
        status: order.status,
        currency: workspace.currency,
        subtotal_cents: order.subtotalCents,
        discount_cents: order.discountCents,
        shipping_cents: order.shippingCents,
        tax_cents: order.taxCents,
        total_cents: order.totalCents,
        source_channel: order.sourceChannel,
        country: order.country,
        state: order.state,
        city: order.city,
        attributes: JSON.stringify(order.attributes),
        import_id: importId,
      })),
      { conflict: { columns: ["workspace_id", "source", "external_id"], update: ORDER_UPDATE }, returning: ["id", "external_id"] },
    ),
    "orders",
  );
  for (const order of orders) if (order.customerId !== null) customerIds.add(order.customerId);
  const { itemRows, refundRows } = await insertItemsAndRefunds(trx, workspaceId, source, orders, orderIds);
  for (const day of await affectedDays(trx, workspaceId, workspace.timezone, [...orderIds.values()])) dirtyDays.add(day);
  return { updated: existing.length, orderIds, dirtyDays, customerIds, itemRows, refundRows };
}

async function insertItemsAndRefunds(
  trx: DbOrTrx,
  workspaceId: number,
  source: string,
  orders: readonly OrderRecord[],
  orderIds: ReadonlyMap<string, number>,
): Promise<{ itemRows: number; refundRows: number }> {
  const items: Record<string, unknown>[] = [];
  const refunds: Record<string, unknown>[] = [];
  for (const order of orders) {
    const orderId = orderIds.get(order.externalId);
    if (orderId === undefined) throw new Error(`internal: no order id for "${order.externalId}"`);
    for (const line of order.lines) {
      items.push({
        workspace_id: workspaceId,
        order_id: orderId,
        product_id: line.productId,
        variant_id: line.variantId,
        sku: line.sku,
        title: line.title,
        category: line.category,
        quantity: line.quantity,
        unit_price_cents: line.unitPriceCents,
        discount_cents: line.discountCents,
        total_cents: line.totalCents,
        cost_cents: line.costCents,
        attributes: JSON.stringify(line.attributes),
      });
    }
    for (const refund of order.refunds) {
      refunds.push({ workspace_id: workspaceId, order_id: orderId, source, external_id: refund.externalId, refunded_at: refund.refundedAt, amount_cents: refund.amountCents, reason: refund.reason });
    }
  }
  await bulkInsertBatched(trx, "order_items", ITEM_COLUMNS, items, { batchSize: ROW_BATCH });
  await bulkInsertBatched(trx, "refunds", REFUND_BULK_COLUMNS, refunds, {
    batchSize: ROW_BATCH,
    conflict: { columns: ["workspace_id", "source", "external_id"], update: ["order_id", "refunded_at", "amount_cents", "reason"] },
  });
  return { itemRows: items.length, refundRows: refunds.length };
}

/** customers.first_order_at from the orders as they now stand, for the customers a write touched. */
export async function refreshFirstOrderAt(trx: DbOrTrx, workspaceId: number, customerIds: Iterable<number>): Promise<void> {
  const ids = [...customerIds];
  for (let start = 0; start < ids.length; start += ROW_BATCH) {
    const batch = ids.slice(start, start + ROW_BATCH);
    await sql`
      update customers c
      set first_order_at = (select min(o.placed_at) from orders o where o.customer_id = c.id)
      where c.workspace_id = ${workspaceId} and c.id = any(${batch}::bigint[])`.execute(trx);
  }
}
