import { sql, type Kysely } from "kysely";
import { tenantFactTable } from "./columns.ts";

/**
 * Daily rollups of the commerce facts, one row per workspace, local day and combination of the
 * dimensions they cover, so KPI queries read O(days × members) rows instead of every order.
 * Missing dimension values are stored as '' (and 0 for ids) so they can be part of the key.
 * Maintained by engines/metrics/rollups (incrementally on import/sync, rebuildable from scratch).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await tenantFactTable(db, "rollup_orders_daily")
    .addColumn("day", "date", (col) => col.notNull())
    .addColumn("source_channel", "text", (col) => col.notNull())
    .addColumn("country", "text", (col) => col.notNull())
    .addColumn("state", "text", (col) => col.notNull())
    .addColumn("city", "text", (col) => col.notNull())
    .addColumn("customer_type", "text", (col) => col.notNull())
    .addColumn("orders", "integer", (col) => col.notNull())
    .addColumn("gross_sales_cents", "bigint", (col) => col.notNull())
    .addColumn("discounts_cents", "bigint", (col) => col.notNull())
    .addColumn("refunds_cents", "bigint", (col) => col.notNull())
    .addColumn("shipping_cents", "bigint", (col) => col.notNull())
    .addColumn("tax_cents", "bigint", (col) => col.notNull())
    .addColumn("new_customers", "integer", (col) => col.notNull())
    .addPrimaryKeyConstraint("rollup_orders_daily_pkey", ["workspace_id", "day", "source_channel", "country", "state", "city", "customer_type"])
    .execute();

  await tenantFactTable(db, "rollup_lines_daily")
    .addColumn("day", "date", (col) => col.notNull())
    .addColumn("product_id", "bigint", (col) => col.notNull())
    .addColumn("variant_id", "bigint", (col) => col.notNull())
    .addColumn("category", "text", (col) => col.notNull())
    .addColumn("source_channel", "text", (col) => col.notNull())
    .addColumn("country", "text", (col) => col.notNull())
    .addColumn("customer_type", "text", (col) => col.notNull())
    .addColumn("lines", "integer", (col) => col.notNull())
    .addColumn("units", "bigint", (col) => col.notNull())
    .addColumn("gross_sales_cents", "bigint", (col) => col.notNull())
    .addColumn("discounts_cents", "bigint", (col) => col.notNull())
    .addColumn("refunds_cents", "bigint", (col) => col.notNull())
    .addColumn("cost_cents", "bigint", (col) => col.notNull())
    .addColumn("costed_sales_cents", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("rollup_lines_daily_pkey", ["workspace_id", "day", "product_id", "variant_id", "category", "source_channel", "country", "customer_type"])
    .execute();

  // Raw scans of refunds by time need the order's status; customers' first orders are found per customer.
  await sql`create index orders_customer_first on orders (customer_id, placed_at, id) where status <> 'cancelled'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index orders_customer_first`.execute(db);
  await db.schema.dropTable("rollup_lines_daily").execute();
  await db.schema.dropTable("rollup_orders_daily").execute();
}
