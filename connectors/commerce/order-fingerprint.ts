/**
 * Whether an order we are about to write is already stored exactly so: syncs re-read orders at
 * their watermark (and a little before it, for the provider's search lag), and an order read again
 * unchanged must write nothing — no replaced rows, no refreshed rollups. The fingerprint is the
 * order as stored (its row, its lines in order, its refunds by external id) in a canonical JSON
 * form, computed the same way from what we would write and from what is in the database.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../db/database.ts";
import type { Attributes } from "../../db/schema/columns.ts";
import type { OrderRecord } from "./write-orders.ts";

function sortedAttributes(attributes: Attributes): [string, string][] {
  return Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The canonical form of an order as it would be stored in the given currency. */
export function orderFingerprint(order: OrderRecord, currency: string): string {
  return JSON.stringify([
    order.customerId,
    order.placedAt.toISOString(),
    order.status,
    currency,
    order.subtotalCents,
    order.discountCents,
    order.shippingCents,
    order.taxCents,
    order.totalCents,
    order.sourceChannel,
    order.country,
    order.state,
    order.city,
    sortedAttributes(order.attributes),
    order.lines.map((line) => [
      line.productId,
      line.variantId,
      line.sku,
      line.title,
      line.category,
      line.quantity,
      line.unitPriceCents,
      line.discountCents,
      line.totalCents,
      line.costCents,
      sortedAttributes(line.attributes),
    ]),
    [...order.refunds]
      .sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0))
      .map((refund) => [refund.externalId, refund.refundedAt.toISOString(), refund.amountCents, refund.reason]),
  ]);
}

/** Fingerprints of the stored orders of this source among the external ids (absent ones are not in the map). */
export async function storedOrderFingerprints(db: DbOrTrx, workspaceId: number, source: string, externalIds: readonly string[]): Promise<Map<string, string>> {
  const fingerprints = new Map<string, string>();
  if (externalIds.length === 0) return fingerprints;
  const orders = await db
    .selectFrom("orders")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("source", "=", source)
    .where(sql<boolean>`external_id = any(${[...externalIds]}::text[])`)
    .execute();
  if (orders.length === 0) return fingerprints;
  const ids = orders.map((order) => order.id);
  const items = await db
    .selectFrom("order_items")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where(sql<boolean>`order_id = any(${ids}::bigint[])`)
    .orderBy("order_id")
    .orderBy("id")
    .execute();
  const refunds = await db.selectFrom("refunds").selectAll().where("workspace_id", "=", workspaceId).where(sql<boolean>`order_id = any(${ids}::bigint[])`).execute();
  const itemsOf = groupBy(items, (item) => item.order_id);
  const refundsOf = groupBy(refunds, (refund) => refund.order_id);
  for (const order of orders) {
    const record: OrderRecord = {
      externalId: order.external_id,
      customerId: order.customer_id,
      placedAt: order.placed_at,
      status: order.status,
      subtotalCents: order.subtotal_cents,
      discountCents: order.discount_cents,
      shippingCents: order.shipping_cents,
      taxCents: order.tax_cents,
      totalCents: order.total_cents,
      sourceChannel: order.source_channel,
      country: order.country,
      state: order.state,
      city: order.city,
      attributes: order.attributes,
      lines: (itemsOf.get(order.id) ?? []).map((item) => ({
        productId: item.product_id,
        variantId: item.variant_id,
        sku: item.sku,
        title: item.title,
        category: item.category,
        quantity: item.quantity,
        unitPriceCents: item.unit_price_cents,
        discountCents: item.discount_cents,
        totalCents: item.total_cents,
        costCents: item.cost_cents,
        attributes: item.attributes,
      })),
      refunds: (refundsOf.get(order.id) ?? []).map((refund) => ({ externalId: refund.external_id, refundedAt: refund.refunded_at, amountCents: refund.amount_cents, reason: refund.reason })),
    };
    fingerprints.set(order.external_id, orderFingerprint(record, order.currency));
  }
  return fingerprints;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
