import { sql, type Kysely } from "kysely";
import { now, oneOf, tenantTable } from "./columns.ts";

/** Dimensions of the stored embeddings; a provider with another size re-embeds into a new column. */
export const EMBEDDING_DIMENSIONS = 384;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists vector`.execute(db);
  await tenantTable(db, "memory_embeddings")
    .addColumn("member_id", "bigint", (col) => col.references("members.id").onDelete("cascade"))
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("source_id", "bigint")
    .addColumn("content", "text", (col) => col.notNull())
    .addColumn("embedding", sql`vector(${sql.raw(String(EMBEDDING_DIMENSIONS))})`, (col) => col.notNull())
    .addColumn("embedding_model", "text", (col) => col.notNull())
    .addColumn("content_tsv", sql`tsvector`, (col) => col.generatedAlwaysAs(sql`to_tsvector('simple', content)`).stored())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("memory_embeddings_kind", oneOf("kind", ["message", "fact", "summary", "tool_result"]))
    .execute();
  await sql`create index memory_embeddings_hnsw on memory_embeddings using hnsw (embedding vector_cosine_ops)`.execute(db);
  await db.schema.createIndex("memory_embeddings_scope").on("memory_embeddings").columns(["workspace_id", "member_id"]).execute();
  await sql`create index memory_embeddings_fts on memory_embeddings using gin (content_tsv)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("memory_embeddings").execute();
  // The vector extension stays: other schemas in the same database may use it.
}
