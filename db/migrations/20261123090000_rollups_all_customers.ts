import { sql, type Kysely } from "kysely";

/**
 * Rollups of the commerce facts over all customer types, for the breakdowns with many members
 * (products, SKUs, cities): without the customer_type key they hold about a third of the rows of
 * the rollups they are summed from, so a top-N over a quarter reads a third as much. Queries that
 * split or filter by customer type, or ask for new/returning measures, keep using the keyed ones.
 */
const ORDER_MEASURES = ["orders:integer", "gross_sales_cents", "discounts_cents", "refunds_cents", "shipping_cents", "tax_cents", "new_customers:integer"];
const LINE_MEASURES = ["lines:integer", "units", "gross_sales_cents", "discounts_cents", "refunds_cents", "cost_cents", "costed_sales_cents"];
const TABLES = [
  { name: "rollup_lines_variant_all_daily", keys: ["product_id:bigint", "variant_id:bigint", "category"], measures: LINE_MEASURES },
  { name: "rollup_lines_product_all_daily", keys: ["product_id:bigint", "category"], measures: LINE_MEASURES },
  { name: "rollup_orders_geo_all_daily", keys: ["country", "state", "city"], measures: ORDER_MEASURES },
] as const;

/** "name" or "name:type" → column name and type. */
function column(spec: string, fallback: string): { name: string; type: string } {
  const [name, type] = spec.split(":");
  return { name: name ?? spec, type: type ?? fallback };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    const keys = table.keys.map((spec) => column(spec, "text"));
    const values = table.measures.map((spec) => column(spec, "bigint"));
    const definitions = [...keys, ...values].map(({ name, type }) => sql`${sql.ref(name)} ${sql.raw(type)} not null`);
    await sql`create table ${sql.table(table.name)} (
      workspace_id bigint not null references workspaces(id) on delete cascade,
      day date not null,
      ${sql.join(definitions)},
      primary key (workspace_id, day, ${sql.join(keys.map(({ name }) => sql.ref(name)))}))`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [...TABLES].reverse()) await db.schema.dropTable(table.name).execute();
}
