/**
 * Writes a parsed import in one transaction: the imports row, customers, products and their
 * default variants (upserts on natural keys), then orders in batches through the shared order
 * writer (connectors/commerce/write-orders.ts): an order already present is replaced (row
 * updated, its items and refunds deleted and inserted again). Every statement goes through
 * `trx`: PGlite has a single connection, so touching the outer db here would wait on ourselves
 * forever.
 */
import { sql, type Transaction } from "kysely";
import { bulkInsertBatched, type BulkColumns } from "../../db/bulk-insert.ts";
import type { Database, Db, DbOrTrx } from "../../db/database.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { refreshRollupDays } from "../../engines/metrics/rollups/refresh.ts";
import type { Progress } from "../../lib/progress.ts";
import { keyMap, orderHeader, refreshFirstOrderAt, replaceOrders, type OrderRecord } from "../commerce/write-orders.ts";
import type { CustomerDraft, ParsedOrder, ProductDraft } from "./normalize.ts";

/** Every record written by a CSV import carries this source; (workspace, source, external_id) is the natural key. */
export const CSV_SOURCE = "csv";
const ORDER_BATCH = 2000;
const ROW_BATCH = 5000;

export interface ImportRecordInput {
  readonly format: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly rows: number;
  readonly options: Record<string, unknown>;
}

export interface WriteInput {
  readonly orders: readonly ParsedOrder[];
  readonly customers: readonly CustomerDraft[];
  readonly products: readonly ProductDraft[];
}

export interface WriteResult {
  readonly importId: number;
  readonly ordersNew: number;
  readonly ordersUpdated: number;
}

interface KeyRow {
  readonly id: number;
  readonly external_id: string;
}

function lookup(map: ReadonlyMap<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`internal: no ${what} id for "${key}"`);
  return id;
}

/** The earlier import of this exact file in the workspace, if any. */
export async function findImportBySha(db: DbOrTrx, workspaceId: number, sha256: string) {
  return db.selectFrom("imports").select(["id", "options"]).where("workspace_id", "=", workspaceId).where("file_sha256", "=", sha256).executeTakeFirst();
}

/** How many of these order ids the workspace already has from CSV imports (for dry runs). */
export async function countExistingOrders(db: DbOrTrx, workspaceId: number, externalIds: readonly string[]): Promise<number> {
  let existing = 0;
  for (let start = 0; start < externalIds.length; start += ROW_BATCH) {
    const batch = externalIds.slice(start, start + ROW_BATCH);
    const found = await db
      .selectFrom("orders")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("workspace_id", "=", workspaceId)
      .where("source", "=", CSV_SOURCE)
      .where(sql<boolean>`external_id = any(${batch}::text[])`)
      .executeTakeFirstOrThrow();
    existing += Number(found.n);
  }
  return existing;
}

/** Columns to overwrite on conflict: always `always`, and each of `optional` only if this import has a value for it somewhere. */
function updatable<K extends string>(always: readonly K[], optional: readonly K[], rows: readonly Readonly<Record<string, unknown>>[]): K[] {
  return [...always, ...optional.filter((column) => rows.some((row) => row[column] !== null && row[column] !== undefined))];
}

async function upsertCustomers(trx: Transaction<Database>, workspaceId: number, customers: readonly CustomerDraft[]): Promise<Map<string, number>> {
  const rows = customers.map((c) => ({ workspace_id: workspaceId, source: CSV_SOURCE, external_id: c.key, name: c.name, email: c.email, country: c.country, state: c.state, city: c.city }));
  const columns: BulkColumns<"customers"> = { workspace_id: "bigint", source: "text", external_id: "text", name: "text", email: "text", country: "text", state: "text", city: "text" };
  const returned = await bulkInsertBatched<"customers", KeyRow>(trx, "customers", columns, rows, {
    batchSize: ROW_BATCH,
    // An import that has no email column must not erase the emails an earlier one brought. "source"
    // is set to itself so the statement is DO UPDATE, never DO NOTHING: only then does it return
    // the ids of customers that already exist.
    conflict: { columns: ["workspace_id", "source", "external_id"], update: updatable(["source"], ["name", "email", "country", "state", "city"], rows) },
    returning: ["id", "external_id"],
  });
  return keyMap(returned, "customers");
}

async function upsertProducts(trx: Transaction<Database>, workspaceId: number, products: readonly ProductDraft[]) {
  const productRows = products.map((p) => ({ workspace_id: workspaceId, source: CSV_SOURCE, external_id: p.key, title: p.title, category: p.category, vendor: p.vendor }));
  const productIds = keyMap(
    await bulkInsertBatched<"products", KeyRow>(
      trx,
      "products",
      { workspace_id: "bigint", source: "text", external_id: "text", title: "text", category: "text", vendor: "text" },
      productRows,
      { batchSize: ROW_BATCH, conflict: { columns: ["workspace_id", "source", "external_id"], update: updatable(["title"], ["category", "vendor"], productRows) }, returning: ["id", "external_id"] },
    ),
    "products",
  );
  // One default variant per product, keyed like its product.
  const variantRows = products.map((p) => ({
    workspace_id: workspaceId,
    product_id: lookup(productIds, p.key, "product"),
    source: CSV_SOURCE,
    external_id: p.key,
    sku: p.sku,
    title: p.title,
    price_cents: p.priceCents,
    cost_cents: p.costCents,
  }));
  const variantIds = keyMap(
    await bulkInsertBatched<"variants", KeyRow>(
      trx,
      "variants",
      { workspace_id: "bigint", product_id: "bigint", source: "text", external_id: "text", sku: "text", title: "text", price_cents: "bigint", cost_cents: "bigint" },
      variantRows,
      {
        batchSize: ROW_BATCH,
        conflict: { columns: ["workspace_id", "source", "external_id"], update: updatable(["product_id", "title", "price_cents"], ["sku", "cost_cents"], variantRows) },
        returning: ["id", "external_id"],
      },
    ),
    "variants",
  );
  return { productIds, variantIds };
}

export async function writeImport(db: Db, workspace: Workspace, record: ImportRecordInput, input: WriteInput, progress: Progress): Promise<WriteResult | "unchanged"> {
  const workspaceId = workspace.id;
  return db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto("imports")
      .values({ workspace_id: workspaceId, format: record.format, file_name: record.fileName, file_sha256: record.sha256, rows: record.rows, orders: input.orders.length, options: JSON.stringify(record.options) })
      .onConflict((oc) => oc.columns(["workspace_id", "file_sha256"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    // Someone imported the same file between our check and this insert.
    if (!created) return "unchanged";
    const importId = Number(created.id);

    progress.start("write", input.orders.length, "orders");
    const customerIds = await upsertCustomers(trx, workspaceId, input.customers);
    const { productIds, variantIds } = await upsertProducts(trx, workspaceId, input.products);
    const touchedCustomers = new Set<number>(customerIds.values());
    let ordersUpdated = 0;
    const dirtyDays = new Set<string>();

    for (let start = 0; start < input.orders.length; start += ORDER_BATCH) {
      const batch = input.orders.slice(start, start + ORDER_BATCH).map((order) => orderRecord(order, customerIds, productIds, variantIds));
      const written = await replaceOrders(trx, workspace, CSV_SOURCE, batch, importId);
      ordersUpdated += written.updated;
      for (const day of written.dirtyDays) dirtyDays.add(day);
      for (const id of written.customerIds) touchedCustomers.add(id);
      progress.advance(batch.length);
    }

    await refreshFirstOrderAt(trx, workspaceId, [...touchedCustomers]);
    progress.finish();
    progress.start("rollups", dirtyDays.size, "days");
    await refreshRollupDays(trx, workspace, dirtyDays);
    progress.advance(dirtyDays.size);
    progress.finish();
    return { importId, ordersNew: input.orders.length - ordersUpdated, ordersUpdated };
  });
}

/** A parsed order with its customer, products and variants resolved to the ids this import wrote. */
function orderRecord(
  order: ParsedOrder,
  customerIds: ReadonlyMap<string, number>,
  productIds: ReadonlyMap<string, number>,
  variantIds: ReadonlyMap<string, number>,
): OrderRecord {
  return {
    externalId: order.externalId,
    customerId: order.customerKey === null ? null : lookup(customerIds, order.customerKey, "customer"),
    ...orderHeader(order),
    lines: order.lines.map((line) => ({
      productId: lookup(productIds, line.productKey, "product"),
      // One default variant per product, keyed like its product.
      variantId: lookup(variantIds, line.productKey, "variant"),
      sku: line.sku,
      title: line.title,
      category: line.category,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      discountCents: line.discountCents,
      totalCents: line.totalCents,
      costCents: line.costCents,
      attributes: line.attributes,
    })),
    refunds: order.refunds,
  };
}
