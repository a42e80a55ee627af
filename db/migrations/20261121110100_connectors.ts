import type { Kysely } from "kysely";
import { CONNECTOR_PROVIDERS, CONNECTOR_STATUSES, SYNC_RUN_STATUSES } from "../schema/connectors.ts";
import { now, oneOf, tenantTable } from "./columns.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await tenantTable(db, "connectors")
    .addColumn("provider", "text", (col) => col.notNull())
    .addColumn("account", "text", (col) => col.notNull().defaultTo("default"))
    .addColumn("status", "text", (col) => col.notNull().defaultTo("active"))
    .addColumn("credentials_encrypted", "text")
    .addColumn("cursor", "jsonb")
    .addColumn("last_sync_at", "timestamptz")
    .addColumn("last_error", "text")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("connectors_provider", oneOf("provider", CONNECTOR_PROVIDERS))
    .addCheckConstraint("connectors_status", oneOf("status", CONNECTOR_STATUSES))
    .addUniqueConstraint("connectors_unique", ["workspace_id", "provider", "account"])
    .execute();

  await tenantTable(db, "sync_runs")
    .addColumn("connector_id", "bigint", (col) => col.notNull().references("connectors.id").onDelete("cascade"))
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("started_at", "timestamptz", (col) => col.notNull())
    .addColumn("finished_at", "timestamptz")
    .addColumn("rows_read", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("rows_written", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("error", "text")
    .addCheckConstraint("sync_runs_status", oneOf("status", SYNC_RUN_STATUSES))
    .execute();
  await db.schema.createIndex("sync_runs_connector").on("sync_runs").columns(["connector_id", "started_at"]).execute();

  await tenantTable(db, "imports")
    .addColumn("format", "text", (col) => col.notNull())
    .addColumn("file_name", "text", (col) => col.notNull())
    .addColumn("file_sha256", "text", (col) => col.notNull())
    .addColumn("rows", "integer", (col) => col.notNull())
    .addColumn("orders", "integer", (col) => col.notNull())
    .addColumn("options", "jsonb", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint("imports_file_unique", ["workspace_id", "file_sha256"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("imports").execute();
  await db.schema.dropTable("sync_runs").execute();
  await db.schema.dropTable("connectors").execute();
}
