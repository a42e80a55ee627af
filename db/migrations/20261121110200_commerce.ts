import { sql, type Kysely } from "kysely";
import { ORDER_STATUSES } from "../schema/commerce.ts";
import { emptyJson, now, oneOf, tenantFactTable, tenantTable } from "./columns.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await tenantTable(db, "customers")
    .addColumn("source", "text", (col) => col.notNull())
    .addColumn("external_id", "text", (col) => col.notNull())
    .addColumn("name", "text")
    .addColumn("email", "text")
    .addColumn("country", "text")
    .addColumn("state", "text")
    .addColumn("city", "text")
    .addColumn("first_order_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint("customers_natural_key", ["workspace_id", "source", "external_id"])
    .execute();

  await tenantTable(db, "products")
    .addColumn("source", "text", (col) => col.notNull())
    .addColumn("external_id", "text", (col) => col.notNull())
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("category", "text")
    .addColumn("vendor", "text")
    .addColumn("status", "text", (col) => col.notNull().defaultTo("active"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("products_status", oneOf("status", ["active", "archived"]))
    .addUniqueConstraint("products_natural_key", ["workspace_id", "source", "external_id"])
    .execute();

  await tenantTable(db, "variants")
    .addColumn("product_id", "bigint", (col) => col.notNull().references("products.id").onDelete("cascade"))
    .addColumn("source", "text", (col) => col.notNull())
    .addColumn("external_id", "text", (col) => col.notNull())
    .addColumn("sku", "text")
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("price_cents", "bigint", (col) => col.notNull())
    .addColumn("cost_cents", "bigint")
    .addColumn("inventory_qty", "integer")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("variants_price_nonnegative", sql`price_cents >= 0`)
    .addUniqueConstraint("variants_natural_key", ["workspace_id", "source", "external_id"])
    .execute();
  await db.schema.createIndex("variants_product").on("variants").column("product_id").execute();
  await db.schema.createIndex("variants_sku").on("variants").columns(["workspace_id", "sku"]).execute();

  await tenantTable(db, "orders")
    .addColumn("source", "text", (col) => col.notNull())
    .addColumn("external_id", "text", (col) => col.notNull())
    .addColumn("customer_id", "bigint", (col) => col.references("customers.id").onDelete("set null"))
    .addColumn("placed_at", "timestamptz", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("currency", "char(3)", (col) => col.notNull())
    .addColumn("subtotal_cents", "bigint", (col) => col.notNull())
    .addColumn("discount_cents", "bigint", (col) => col.notNull().defaultTo(0))
    .addColumn("shipping_cents", "bigint", (col) => col.notNull().defaultTo(0))
    .addColumn("tax_cents", "bigint", (col) => col.notNull().defaultTo(0))
    .addColumn("total_cents", "bigint", (col) => col.notNull())
    .addColumn("source_channel", "text")
    .addColumn("country", "text")
    .addColumn("state", "text")
    .addColumn("city", "text")
    .addColumn("attributes", "jsonb", (col) => col.notNull().defaultTo(emptyJson))
    .addColumn("import_id", "bigint", (col) => col.references("imports.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("orders_status", oneOf("status", ORDER_STATUSES))
    .addUniqueConstraint("orders_natural_key", ["workspace_id", "source", "external_id"])
    .execute();
  await db.schema.createIndex("orders_workspace_placed").on("orders").columns(["workspace_id", "placed_at"]).execute();
  await db.schema.createIndex("orders_customer").on("orders").columns(["customer_id", "placed_at"]).execute();

  await tenantTable(db, "order_items")
    .addColumn("order_id", "bigint", (col) => col.notNull().references("orders.id").onDelete("cascade"))
    .addColumn("product_id", "bigint", (col) => col.references("products.id").onDelete("set null"))
    .addColumn("variant_id", "bigint", (col) => col.references("variants.id").onDelete("set null"))
    .addColumn("sku", "text")
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("category", "text")
    .addColumn("quantity", "integer", (col) => col.notNull())
    .addColumn("unit_price_cents", "bigint", (col) => col.notNull())
    .addColumn("discount_cents", "bigint", (col) => col.notNull().defaultTo(0))
    .addColumn("total_cents", "bigint", (col) => col.notNull())
    .addColumn("cost_cents", "bigint")
    .addColumn("attributes", "jsonb", (col) => col.notNull().defaultTo(emptyJson))
    .execute();
  await db.schema.createIndex("order_items_order").on("order_items").column("order_id").execute();
  await db.schema.createIndex("order_items_product").on("order_items").columns(["workspace_id", "product_id"]).execute();

  await tenantTable(db, "refunds")
    .addColumn("order_id", "bigint", (col) => col.notNull().references("orders.id").onDelete("cascade"))
    .addColumn("source", "text", (col) => col.notNull())
    .addColumn("external_id", "text", (col) => col.notNull())
    .addColumn("refunded_at", "timestamptz", (col) => col.notNull())
    .addColumn("amount_cents", "bigint", (col) => col.notNull())
    .addColumn("reason", "text")
    .addCheckConstraint("refunds_amount_positive", sql`amount_cents > 0`)
    .addUniqueConstraint("refunds_natural_key", ["workspace_id", "source", "external_id"])
    .execute();
  await db.schema.createIndex("refunds_workspace_time").on("refunds").columns(["workspace_id", "refunded_at"]).execute();
  await db.schema.createIndex("refunds_order").on("refunds").column("order_id").execute();

  await tenantFactTable(db, "inventory_snapshots")
    .addColumn("variant_id", "bigint", (col) => col.notNull().references("variants.id").onDelete("cascade"))
    .addColumn("date", "date", (col) => col.notNull())
    .addColumn("on_hand", "integer", (col) => col.notNull())
    .addPrimaryKeyConstraint("inventory_snapshots_pk", ["workspace_id", "variant_id", "date"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["inventory_snapshots", "refunds", "order_items", "orders", "variants", "products", "customers"]) {
    await db.schema.dropTable(table).execute();
  }
}
