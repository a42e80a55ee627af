/**
 * Forgetting: a memory's vector and text are deleted, and so is the text of the message it came
 * from, or the indexer would embed that message again on its next pass. The message row stays,
 * emptied, so the conversation keeps its shape (who spoke, when).
 */
import { inTransaction, type DbOrTrx } from "../db/database.ts";

/** Forgets the given memories of one workspace; returns how many there were. */
export async function forget(db: DbOrTrx, workspaceId: number, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  return inTransaction(db, async (trx) => {
    const removed = await trx
      .deleteFrom("memory_embeddings")
      .where("workspace_id", "=", workspaceId)
      .where("id", "in", [...ids])
      .returning(["kind", "source_id"])
      .execute();
    const messageIds = removed.flatMap((row) => (row.kind === "message" && row.source_id !== null ? [row.source_id] : []));
    if (messageIds.length > 0) {
      // Every vector of those messages goes too (another embedder's, not yet re-embedded).
      await trx.deleteFrom("memory_embeddings").where("workspace_id", "=", workspaceId).where("kind", "=", "message").where("source_id", "in", messageIds).execute();
      await trx.updateTable("messages").set({ content: "" }).where("workspace_id", "=", workspaceId).where("id", "in", messageIds).execute();
    }
    return removed.length;
  });
}
