import { sql, type Kysely } from "kysely";
import { now, tenantTable } from "./columns.ts";

/**
 * Entity memory (memory/facts): what members said that the agents keep using — "we never discount
 * the Classic line", "our cost for SKU 123 went up to 210" — with what it claims (claim jsonb:
 * no_discount, cost, decision, note), what it is about (subjects jsonb: products, lines, variants,
 * campaigns, competitors, members, topics, each with the catalog products it covers), who said it,
 * on which channel and when. The statement's vector lives in memory_embeddings (kind 'fact',
 * source_id = this id).
 *
 * Indexes: the newest facts of a workspace (listing, "forget that"), and a GIN over subjects for
 * containment (`subjects @> '[{"productIds":[42]}]'`: the facts about a product when pricing it;
 * `'[{"key":"line:classic"}]'`: the facts about one subject). A member who leaves keeps their facts
 * (said_by_member_id set null).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await tenantTable(db, "memory_facts")
    .addColumn("statement", "text", (col) => col.notNull())
    .addColumn("claim", "jsonb", (col) => col.notNull())
    .addColumn("subjects", "jsonb", (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("said_by_member_id", "bigint", (col) => col.references("members.id").onDelete("set null"))
    .addColumn("channel", "text", (col) => col.notNull())
    .addColumn("source_message_id", "bigint")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .execute();
  await sql`create index memory_facts_workspace_time on memory_facts (workspace_id, created_at desc)`.execute(db);
  await sql`create index memory_facts_subjects on memory_facts using gin (subjects jsonb_path_ops)`.execute(db);
  await db.schema.createIndex("memory_facts_said_by").on("memory_facts").column("said_by_member_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("memory_facts").execute();
}
