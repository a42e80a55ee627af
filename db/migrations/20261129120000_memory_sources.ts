import type { Kysely } from "kysely";

/**
 * Finding a message's memory rows by their source: the indexer asks which messages have no vector of
 * the current embedder yet, and replaces a message's vectors of another embedder once re-embedded.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("memory_embeddings_source").on("memory_embeddings").columns(["workspace_id", "kind", "source_id", "embedding_model"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("memory_embeddings_source").execute();
}
