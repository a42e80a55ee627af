import { sql } from "kysely";
import pgvector from "pgvector";
import type { DbOrTrx } from "../db/database.ts";
import { EMBEDDING_DIMENSIONS } from "../db/migrations/20261121110600_memory.ts";
import type { MemoryEmbeddingsTable } from "../db/schema/operations.ts";

export { EMBEDDING_DIMENSIONS };

export interface NewMemory {
  readonly workspaceId: number;
  /** Set for member-private memories; null for the whole workspace. */
  readonly memberId: number | null;
  readonly kind: MemoryEmbeddingsTable["kind"];
  readonly sourceId?: number | null;
  readonly content: string;
  readonly embedding: readonly number[];
  readonly model: string;
  /** When the remembered thing happened; the database's now() when absent (backfills and benches set it). */
  readonly createdAt?: Date;
}

export interface RecalledMemory {
  readonly id: number;
  readonly content: string;
  readonly kind: MemoryEmbeddingsTable["kind"];
  readonly memberId: number | null;
  /** Cosine distance (0 = same direction, 2 = opposite). */
  readonly distance: number;
  readonly createdAt: Date;
}

function checkDimensions(embedding: readonly number[]): void {
  if (embedding.length !== EMBEDDING_DIMENSIONS) {
    throw new Error(`embedding has ${embedding.length} dimensions; the store holds ${EMBEDDING_DIMENSIONS}`);
  }
  if (!embedding.every(Number.isFinite)) throw new Error("embedding contains a non-finite number");
}

export async function insertMemories(db: DbOrTrx, memories: readonly NewMemory[]): Promise<number[]> {
  if (memories.length === 0) return [];
  for (const memory of memories) checkDimensions(memory.embedding);
  const rows = await db
    .insertInto("memory_embeddings")
    .values(
      memories.map((memory) => ({
        workspace_id: memory.workspaceId,
        member_id: memory.memberId,
        kind: memory.kind,
        source_id: memory.sourceId ?? null,
        content: memory.content,
        embedding: pgvector.toSql([...memory.embedding]) as string,
        embedding_model: memory.model,
        ...(memory.createdAt ? { created_at: memory.createdAt } : {}),
      })),
    )
    .returning("id")
    .execute();
  return rows.map((row) => row.id);
}

/**
 * The nearest memories to a query vector by cosine distance (HNSW index), within one workspace:
 * workspace-wide memories plus, when memberId is given, that member's private ones. Only vectors of
 * the query's model count: another model's vectors live in another space and are not comparable.
 */
export async function nearestMemories(
  db: DbOrTrx,
  query: {
    readonly workspaceId: number;
    readonly memberId: number | null;
    readonly embedding: readonly number[];
    /** The embedder id that made the query vector (memory_embeddings.embedding_model). */
    readonly model: string;
    readonly limit: number;
  },
): Promise<RecalledMemory[]> {
  checkDimensions(query.embedding);
  const vector = pgvector.toSql([...query.embedding]) as string;
  const distance = sql<number>`embedding <=> ${vector}::vector`;
  const rows = await db
    .selectFrom("memory_embeddings")
    .select(["id", "content", "kind", "member_id", "created_at"])
    .select(distance.as("distance"))
    .where("workspace_id", "=", query.workspaceId)
    .where("embedding_model", "=", query.model)
    .where((eb) => (query.memberId === null ? eb("member_id", "is", null) : eb.or([eb("member_id", "is", null), eb("member_id", "=", query.memberId)])))
    .orderBy(distance)
    .limit(query.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    content: row.content,
    kind: row.kind,
    memberId: row.member_id,
    distance: Number(row.distance),
    createdAt: row.created_at,
  }));
}

/** Deletes the text and vectors of the given memories (the "forget" path). */
export async function forgetMemories(db: DbOrTrx, workspaceId: number, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.deleteFrom("memory_embeddings").where("workspace_id", "=", workspaceId).where("id", "in", ids).executeTakeFirst();
  return Number(result.numDeletedRows);
}
