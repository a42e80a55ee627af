/**
 * Writes a page of Shopify orders as one complete batch: their customers, the products and
 * variants their lines bought (a line's variant missing from our catalog — created after the
 * catalog was read — gets a placeholder the next catalog read fills in), then the orders through
 * the shared order writer, each customer's first order date, and the metrics rollups of every
 * local day the page touched. An order stored exactly as it would be written again is skipped, so
 * re-reading unchanged orders writes nothing. Run it in the page's transaction.
 */
import { sql } from "kysely";
import { bulkInsert } from "../../db/bulk-insert.ts";
import type { DbOrTrx } from "../../db/database.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { refreshRollupDays } from "../../engines/metrics/rollups/refresh.ts";
import { orderFingerprint, storedOrderFingerprints } from "../commerce/order-fingerprint.ts";
import { keyMap, orderHeader, refreshFirstOrderAt, replaceOrders, type OrderRecord } from "../commerce/write-orders.ts";
import type { SyncedCustomer, SyncedLine, SyncedOrder } from "./sync-mapping.ts";
import { productIdsOf, SHOPIFY_SOURCE, variantsOf } from "./sync-write-catalog.ts";

export interface OrderPageResult {
  readonly rowsWritten: number;
  /** Local days whose rollups were refreshed. */
  readonly changedDays: ReadonlySet<string>;
}

type SyncWorkspace = Pick<Workspace, "id" | "currency" | "timezone">;

interface KeyRow {
  readonly id: number;
  readonly external_id: string;
}

const CUSTOMER_FIELDS = ["name", "email", "country", "state", "city"] as const;

/** Customers by Shopify id: new ones inserted, stored ones updated where an order brings a value they lack or differ in. */
async function writeCustomers(db: DbOrTrx, workspaceId: number, orders: readonly SyncedOrder[]): Promise<{ ids: Map<string, number>; written: number }> {
  // The page's latest word on each customer; an order without an email does not erase one.
  const merged = new Map<string, SyncedCustomer>();
  for (const order of orders) {
    const customer = order.customer;
    if (!customer) continue;
    const earlier = merged.get(customer.externalId);
    merged.set(customer.externalId, earlier ? mergeCustomer(earlier, customer) : customer);
  }
  if (merged.size === 0) return { ids: new Map(), written: 0 };
  const stored = await db
    .selectFrom("customers")
    .select(["id", "external_id", ...CUSTOMER_FIELDS])
    .where("workspace_id", "=", workspaceId)
    .where("source", "=", SHOPIFY_SOURCE)
    .where(sql<boolean>`external_id = any(${[...merged.keys()]}::text[])`)
    .execute();
  const ids = new Map(stored.map((row) => [row.external_id, row.id]));
  const storedByKey = new Map(stored.map((row) => [row.external_id, row]));
  const changed: SyncedCustomer[] = [];
  for (const customer of merged.values()) {
    const row = storedByKey.get(customer.externalId);
    const next = row ? mergeCustomer({ externalId: row.external_id, ...row }, customer) : customer;
    if (!row || CUSTOMER_FIELDS.some((field) => row[field] !== next[field])) changed.push(next);
  }
  const returned = await bulkInsert<"customers", KeyRow>(
    db,
    "customers",
    { workspace_id: "bigint", source: "text", external_id: "text", name: "text", email: "text", country: "text", state: "text", city: "text" },
    changed.map((c) => ({ workspace_id: workspaceId, source: SHOPIFY_SOURCE, external_id: c.externalId, name: c.name, email: c.email, country: c.country, state: c.state, city: c.city })),
    { conflict: { columns: ["workspace_id", "source", "external_id"], update: [...CUSTOMER_FIELDS] }, returning: ["id", "external_id"] },
  );
  for (const [key, id] of keyMap(returned, "customers")) ids.set(key, id);
  return { ids, written: changed.length };
}

function mergeCustomer(base: SyncedCustomer, newer: SyncedCustomer): SyncedCustomer {
  return {
    externalId: base.externalId,
    name: newer.name ?? base.name,
    email: newer.email ?? base.email,
    country: newer.country ?? base.country,
    state: newer.state ?? base.state,
    city: newer.city ?? base.city,
  };
}

/**
 * Placeholders for the products and variants lines bought that our catalog does not have yet
 * (never overwriting a real row); returns how many were inserted.
 */
async function writePlaceholders(db: DbOrTrx, workspaceId: number, lines: readonly SyncedLine[]): Promise<number> {
  const variantKeys = [...new Set(lines.flatMap((line) => (line.variantExternalId ? [line.variantExternalId] : [])))];
  const known = await variantsOf(db, workspaceId, variantKeys);
  const missing = new Map<string, SyncedLine>();
  for (const line of lines) {
    if (line.variantExternalId && line.productExternalId && !known.has(line.variantExternalId)) missing.set(line.variantExternalId, line);
  }
  if (missing.size === 0) return 0;
  const products = new Map([...missing.values()].map((line) => [line.productExternalId!, line]));
  const insertedProducts = await bulkInsert(
    db,
    "products",
    { workspace_id: "bigint", source: "text", external_id: "text", title: "text", vendor: "text" },
    [...products].map(([key, line]) => ({ workspace_id: workspaceId, source: SHOPIFY_SOURCE, external_id: key, title: line.productTitle, vendor: line.vendor })),
    { conflict: { columns: ["workspace_id", "source", "external_id"] }, returning: ["id"] },
  );
  const productIds = await productIdsOf(db, workspaceId, [...products.keys()]);
  const insertedVariants = await bulkInsert(
    db,
    "variants",
    { workspace_id: "bigint", product_id: "bigint", source: "text", external_id: "text", sku: "text", title: "text", price_cents: "bigint" },
    [...missing].map(([key, line]) => ({
      workspace_id: workspaceId,
      product_id: productIds.get(line.productExternalId!)?.id,
      source: SHOPIFY_SOURCE,
      external_id: key,
      sku: line.sku,
      title: line.variantTitle ?? line.productTitle,
      price_cents: line.unitPriceCents,
    })),
    { conflict: { columns: ["workspace_id", "source", "external_id"] }, returning: ["id"] },
  );
  return insertedProducts.length + insertedVariants.length;
}

/** The orders as stored rows: customers, products and variants resolved to our ids, line categories and costs from our catalog. */
async function orderRecords(db: DbOrTrx, workspaceId: number, orders: readonly SyncedOrder[], customerIds: ReadonlyMap<string, number>): Promise<OrderRecord[]> {
  const lines = orders.flatMap((order) => order.lines);
  const variants = await variantsOf(db, workspaceId, [...new Set(lines.flatMap((line) => (line.variantExternalId ? [line.variantExternalId] : [])))]);
  const products = await productIdsOf(db, workspaceId, [...new Set(lines.flatMap((line) => (line.productExternalId ? [line.productExternalId] : [])))]);
  const productById = new Map([...products.values()].map((product) => [product.id, product]));
  return orders.map((order) => ({
    externalId: order.externalId,
    customerId: order.customer ? (customerIds.get(order.customer.externalId) ?? null) : null,
    ...orderHeader(order),
    lines: order.lines.map((line) => {
      const variant = line.variantExternalId ? variants.get(line.variantExternalId) : undefined;
      const product = variant ? productById.get(variant.product_id) : line.productExternalId ? products.get(line.productExternalId) : undefined;
      return {
        productId: variant?.product_id ?? product?.id ?? null,
        variantId: variant?.id ?? null,
        sku: line.sku,
        title: line.title,
        category: product?.category ?? null,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        discountCents: line.discountCents,
        totalCents: line.totalCents,
        // Shopify's unit cost as it stands now: the cost a line is sold at is not kept on the order.
        costCents: variant && variant.cost_cents !== null ? variant.cost_cents * line.quantity : null,
        attributes: {},
      };
    }),
    refunds: order.refunds,
  }));
}

export async function writeOrderPage(db: DbOrTrx, workspace: SyncWorkspace, orders: readonly SyncedOrder[]): Promise<OrderPageResult> {
  const changedDays = new Set<string>();
  if (orders.length === 0) return { rowsWritten: 0, changedDays };
  // An order changed twice during the read is on the page once, as it was last seen.
  const latest = [...new Map(orders.map((order) => [order.externalId, order])).values()];
  const customers = await writeCustomers(db, workspace.id, latest);
  const placeholders = await writePlaceholders(db, workspace.id, latest.flatMap((order) => order.lines));
  const records = await orderRecords(db, workspace.id, latest, customers.ids);
  const stored = await storedOrderFingerprints(db, workspace.id, SHOPIFY_SOURCE, records.map((record) => record.externalId));
  const changed = records.filter((record) => stored.get(record.externalId) !== orderFingerprint(record, workspace.currency));
  let rowsWritten = customers.written + placeholders;
  if (changed.length > 0) {
    const written = await replaceOrders(db, workspace, SHOPIFY_SOURCE, changed, null);
    await refreshFirstOrderAt(db, workspace.id, written.customerIds);
    await refreshRollupDays(db, workspace, written.dirtyDays);
    for (const day of written.dirtyDays) changedDays.add(day);
    rowsWritten += changed.length + written.itemRows + written.refundRows;
  }
  return { rowsWritten, changedDays };
}
