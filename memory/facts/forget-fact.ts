/**
 * Forgetting a fact ("forget that", `bizos memory forget --fact ID`): the memory_facts row and every
 * vector of it (memory_embeddings kind 'fact', whichever embedder made it) go in one transaction,
 * within the workspace only. Returns what was forgotten, so the reply can say it back.
 */
import { inTransaction, type DbOrTrx } from "../../db/database.ts";
import { factsQuery, toFact } from "./fact-queries.ts";
import type { Fact } from "./types.ts";

/** Deletes the fact and its vectors; null when the workspace has no such fact. */
export async function forgetFact(db: DbOrTrx, workspaceId: number, factId: number): Promise<Fact | null> {
  return inTransaction(db, async (trx) => {
    const row = await factsQuery(trx, workspaceId).where("f.id", "=", factId).executeTakeFirst();
    if (!row) return null;
    const fact = toFact(row);
    await trx.deleteFrom("memory_embeddings").where("workspace_id", "=", workspaceId).where("kind", "=", "fact").where("source_id", "=", factId).execute();
    await trx.deleteFrom("memory_facts").where("workspace_id", "=", workspaceId).where("id", "=", factId).execute();
    return fact;
  });
}
