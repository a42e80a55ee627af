/**
 * Forgetting: a memory's vector and text are deleted, and so is the text of the message it came
 * from (a message, or the "tool" message of a tool result's summary), or the indexer would embed
 * that message again on its next pass. The message row stays, emptied, so the conversation keeps
 * its shape (who spoke, when). A fact's memory takes the fact with it (its row and every vector).
 */
import { inTransaction, type DbOrTrx } from "../db/database.ts";
import { isMessageMemory, MESSAGE_KINDS } from "./index-messages.ts";

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
    const messageIds = removed.flatMap((row) => (isMessageMemory(row.kind) && row.source_id !== null ? [row.source_id] : []));
    if (messageIds.length > 0) {
      // Every vector of those messages goes too (another embedder's, not yet re-embedded).
      await trx.deleteFrom("memory_embeddings").where("workspace_id", "=", workspaceId).where("kind", "in", [...MESSAGE_KINDS]).where("source_id", "in", messageIds).execute();
      await trx.updateTable("messages").set({ content: "" }).where("workspace_id", "=", workspaceId).where("id", "in", messageIds).execute();
    }
    const factIds = removed.flatMap((row) => (row.kind === "fact" && row.source_id !== null ? [row.source_id] : []));
    if (factIds.length > 0) {
      await trx.deleteFrom("memory_embeddings").where("workspace_id", "=", workspaceId).where("kind", "=", "fact").where("source_id", "in", factIds).execute();
      await trx.deleteFrom("memory_facts").where("workspace_id", "=", workspaceId).where("id", "in", factIds).execute();
    }
    return removed.length;
  });
}
