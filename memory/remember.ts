/**
 * Stores messages and tool-result summaries in conversation memory: embeds them in batches with the
 * given embedder and inserts text and vector together, tagged with the embedder's id so recall only
 * compares vectors of one model and a change of model can be found and re-embedded.
 */
import type { DbOrTrx } from "../db/database.ts";
import type { Embedder } from "./embeddings/embedder.ts";
import { insertMemories, type NewMemory } from "./embedding-store.ts";
import type { MemoryKind } from "./recall-candidates.ts";

/** Texts per embed call and per INSERT: one OpenAI request stays small, one statement stays well under pg's 65,535 parameters. */
export const REMEMBER_BATCH_SIZE = 256;

export interface MemoryItem {
  readonly workspaceId: number;
  /** Set for a member's private memory (a DM); null for the whole workspace. */
  readonly memberId: number | null;
  readonly kind: MemoryKind;
  readonly sourceId?: number | null;
  readonly content: string;
  /** When it was said; now when absent (backfills and benchmarks set it). */
  readonly createdAt?: Date;
}

/** Embeds and stores the items in order; returns their new ids in the same order. */
export async function rememberMessages(db: DbOrTrx, embedder: Embedder, items: readonly MemoryItem[], batchSize = REMEMBER_BATCH_SIZE): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < items.length; start += batchSize) {
    const batch = items.slice(start, start + batchSize);
    const vectors = await embedder.embed(batch.map((item) => item.content));
    if (vectors.length !== batch.length) throw new Error(`embedder ${embedder.id} returned ${vectors.length} vectors for ${batch.length} texts`);
    const memories = batch.map(
      (item, index): NewMemory => ({
        workspaceId: item.workspaceId,
        memberId: item.memberId,
        kind: item.kind,
        sourceId: item.sourceId ?? null,
        content: item.content,
        embedding: vectors[index] ?? [],
        model: embedder.id,
        ...(item.createdAt ? { createdAt: item.createdAt } : {}),
      }),
    );
    ids.push(...(await insertMemories(db, memories)));
  }
  return ids;
}
