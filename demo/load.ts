/**
 * Writing generated rows: the unnest bulk path in batches of a few thousand rows (few parameters,
 * bounded statement size on PGlite), with ids read back by external id where children need them.
 * No transaction spans a whole seed; a failed seed is cleaned up by seeding again with replace.
 */
import { sql } from "kysely";
import { bulkInsert, type BulkColumns, type BulkOptions } from "../db/bulk-insert.ts";
import type { Db, TableName, TenantTableName } from "../db/database.ts";
import { deleteWorkspace } from "../db/repositories/workspaces.ts";

export type Row = Readonly<Record<string, unknown>>;

export const BATCH_ROWS = 5000;

/** Inserts rows in batches; onBatch gets the number of rows of each batch written. */
export async function insertRows<T extends TableName>(
  db: Db,
  table: T,
  columns: BulkColumns<T>,
  rows: readonly Row[],
  onBatch?: (rows: number) => void,
  batchSize = BATCH_ROWS,
): Promise<void> {
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    await bulkInsert(db, table, columns, batch);
    onBatch?.(batch.length);
  }
}

/**
 * Inserts rows and returns external id → new id. `returning` must be ["id", "external_id"]; it is a
 * parameter so the table's own column types check it.
 */
export async function insertForIds<T extends TableName>(
  db: Db,
  table: T,
  columns: BulkColumns<T>,
  rows: readonly Row[],
  returning: NonNullable<BulkOptions<T>["returning"]>,
  batchSize = BATCH_ROWS,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let start = 0; start < rows.length; start += batchSize) {
    const returned = await bulkInsert<T, Record<string, unknown>>(db, table, columns, rows.slice(start, start + batchSize), { returning });
    for (const row of returned) {
      const id = Number(row["id"]);
      const externalId = row["external_id"];
      if (!Number.isSafeInteger(id) || typeof externalId !== "string") throw new Error(`${table}: insert returned an unexpected row`);
      ids.set(externalId, id);
    }
  }
  return ids;
}

export function idOf(ids: ReadonlyMap<string, number>, externalId: string): number {
  const id = ids.get(externalId);
  if (id === undefined) throw new Error(`no id was returned for ${externalId}`);
  return id;
}

/**
 * The bulk tables of a demo workspace, children before parents. Deleting them directly is much
 * faster than letting the workspace's ON DELETE CASCADE reach them: it would delete customers
 * before orders and set orders.customer_id to null one customer at a time.
 */
const CLEAR_ORDER: readonly TenantTableName[] = [
  "rollup_lines_daily",
  "rollup_lines_variant_all_daily",
  "rollup_lines_product_all_daily",
  "rollup_lines_product_daily",
  "rollup_lines_category_daily",
  "rollup_orders_daily",
  "rollup_orders_geo_all_daily",
  "rollup_orders_channel_daily",
  "rollup_orders_total_daily",
  "order_items",
  "refunds",
  "inventory_snapshots",
  "competitor_prices",
  "price_change_proposals",
  "orders",
  "customers",
  "ad_spend_daily",
  "web_sessions_daily",
  "invoices",
  "subscription_mrr_changes",
  "subscriptions",
  "saas_customers",
];

/**
 * Tables that point at variants or subscriptions through a column no index leads with: deleting a
 * variant (or subscription) makes PostgreSQL scan them whole, dead rows included, once per row.
 */
const UNINDEXED_CHILDREN: readonly TenantTableName[] = [
  "order_items",
  "inventory_snapshots",
  "competitor_prices",
  "price_change_proposals",
  "invoices",
  "subscription_mrr_changes",
];

/**
 * Deletes workspaces: first their bulk rows table by table (all workspaces before any catalog, so
 * the per-variant scans above meet no leftover rows), then a vacuum so those scans skip the dead
 * rows, then the workspace rows, whose cascade removes the small remainder.
 */
export async function deleteWorkspaces(db: Db, workspaceIds: readonly number[]): Promise<void> {
  if (workspaceIds.length === 0) return;
  for (const workspaceId of workspaceIds) {
    for (const table of CLEAR_ORDER) await sql`delete from ${sql.table(table)} where workspace_id = ${workspaceId}`.execute(db);
  }
  await sql`vacuum ${sql.join(UNINDEXED_CHILDREN.map((table) => sql.table(table)))}`.execute(db);
  for (const workspaceId of workspaceIds) await deleteWorkspace(db, workspaceId);
}

/** Sets inventory_qty of many variants in one statement. */
export async function updateInventoryQty(db: Db, variantIds: readonly number[], quantities: readonly number[]): Promise<void> {
  if (variantIds.length === 0) return;
  await sql`update variants as v set inventory_qty = u.qty
    from unnest(${[...variantIds]}::bigint[], ${[...quantities]}::integer[]) as u(id, qty)
    where v.id = u.id`.execute(db);
}
