/**
 * Keeps the facts' vectors in step with the embedder: a fact with no vector of the current embedder
 * (after a change of provider) is embedded again and its vectors of other embedders are deleted, in
 * one transaction, a batch at a time, oldest first. The messages' counterpart is
 * memory/index-messages.ts; the index-memory tick runs both.
 */
import { inTransaction, type DbOrTrx } from "../../db/database.ts";
import type { Embedder } from "../embeddings/embedder.ts";
import { insertMemories } from "../embedding-store.ts";

/** Facts embedded per call. */
export const FACT_INDEX_BATCH_SIZE = 256;

export interface FactIndexOutcome {
  /** Facts embedded now. */
  readonly indexed: number;
  /** True when facts are left for another call. */
  readonly more: boolean;
}

export async function indexWorkspaceFacts(db: DbOrTrx, embedder: Embedder, workspaceId: number, batchSize: number = FACT_INDEX_BATCH_SIZE): Promise<FactIndexOutcome> {
  const pending = await db
    .selectFrom("memory_facts as f")
    .select(["f.id", "f.statement", "f.created_at"])
    .where("f.workspace_id", "=", workspaceId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("memory_embeddings as e")
            .select("e.id")
            .where("e.workspace_id", "=", workspaceId)
            .where("e.kind", "=", "fact")
            .whereRef("e.source_id", "=", "f.id")
            .where("e.embedding_model", "=", embedder.id),
        ),
      ),
    )
    .orderBy("f.id")
    .limit(batchSize + 1)
    .execute();
  const batch = pending.slice(0, batchSize);
  if (batch.length === 0) return { indexed: 0, more: false };
  const vectors = await embedder.embed(batch.map((row) => row.statement));
  if (vectors.length !== batch.length) throw new Error(`embedder ${embedder.id} returned ${vectors.length} vectors for ${batch.length} facts`);
  await inTransaction(db, async (trx) => {
    await insertMemories(
      trx,
      batch.map((row, index) => ({ workspaceId, memberId: null, kind: "fact" as const, sourceId: row.id, content: row.statement, embedding: vectors[index] ?? [], model: embedder.id, createdAt: row.created_at })),
    );
    await trx
      .deleteFrom("memory_embeddings")
      .where("workspace_id", "=", workspaceId)
      .where("kind", "=", "fact")
      .where("source_id", "in", batch.map((row) => row.id))
      .where("embedding_model", "!=", embedder.id)
      .execute();
  });
  return { indexed: batch.length, more: pending.length > batchSize };
}
