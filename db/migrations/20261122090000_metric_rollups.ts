import { sql, type Kysely } from "kysely";
import { tenantFactTable } from "./columns.ts";

/**
 * Daily rollups of the commerce facts, one row per workspace, local day and combination of the
 * dimensions they cover, so KPI queries read O(days × members) rows instead of every order.
 * Missing dimension values are stored as '' (and 0 for ids) so they can be part of the key.
 * Maintained by engines/metrics/rollups (incrementally on import/sync, rebuildable from scratch).
 */
const ORDER_MEASURES = ["orders:integer", "gross_sales_cents", "discounts_cents", "refunds_cents", "shipping_cents", "tax_cents", "new_customers:integer"];
const LINE_MEASURES = ["lines:integer", "units", "gross_sales_cents", "discounts_cents", "refunds_cents", "cost_cents", "costed_sales_cents"];

/** A rollup keyed by day, some dimensions ("name" text or "name:type") and customer_type, with measures ("name" bigint or "name:type"). */
async function coarse(db: Kysely<unknown>, table: string, dimensions: readonly string[], measures: readonly string[]): Promise<void> {
  const column = (spec: string, fallback: string) => {
    const [name, type] = spec.split(":");
    return { name: name!, type: type ?? fallback };
  };
  const keys = [...dimensions, "customer_type"].map((spec) => column(spec, "text"));
  const values = measures.map((spec) => column(spec, "bigint"));
  const definitions = [...keys, ...values].map(({ name, type }) => sql`${sql.ref(name)} ${sql.raw(type)} not null`);
  await sql`create table ${sql.table(table)} (
    workspace_id bigint not null references workspaces(id) on delete cascade,
    day date not null,
    ${sql.join(definitions)},
    primary key (workspace_id, day, ${sql.join(keys.map(({ name }) => sql.ref(name)))}))`.execute(db);
}

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

  // Coarser rollups of the same facts, so most queries read a few rows per day (see rollups/tables.ts).
  await coarse(db, "rollup_orders_channel_daily", ["source_channel", "country"], ORDER_MEASURES);
  await coarse(db, "rollup_orders_total_daily", [], ORDER_MEASURES);
  await coarse(db, "rollup_lines_product_daily", ["product_id:bigint", "category"], LINE_MEASURES);
  await coarse(db, "rollup_lines_category_daily", ["category"], LINE_MEASURES);

  // Raw scans of refunds by time need the order's status; customers' first orders are found per customer.
  await sql`create index orders_customer_first on orders (customer_id, placed_at, id) where status <> 'cancelled'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index orders_customer_first`.execute(db);
  for (const table of ["rollup_lines_category_daily", "rollup_lines_product_daily", "rollup_orders_total_daily", "rollup_orders_channel_daily"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropTable("rollup_lines_daily").execute();
  await db.schema.dropTable("rollup_orders_daily").execute();
}
