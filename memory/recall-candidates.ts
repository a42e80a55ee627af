/**
 * The two candidate lists recall merges: the nearest vectors (pgvector HNSW, cosine) and the best
 * full-text matches (GIN on content_tsv, weighted by word rarity). Both are tenant-scoped, member-scoped and limited
 * to one embedding model's rows; recall.ts fuses them.
 *
 * HNSW and filters: the index returns the ef_search nearest rows of the whole table and the WHERE
 * (workspace, member scope, model, kinds) is applied after, so with 20 workspaces a plain HNSW scan
 * keeps about 2 of 40. pgvector ≥ 0.8 (0.8.0 on our PostgreSQL 15, 0.8.7 in PGlite) can keep scanning
 * until enough rows pass (`hnsw.iterative_scan = relaxed_order`), which is set for the transaction;
 * relaxed order means the rows come back nearly sorted, so they are re-sorted by distance after.
 * For small workspaces the planner may prefer the (workspace_id, member_id) index and an exact sort:
 * also correct.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import pgvector from "pgvector";
import { inTransaction, type Database, type DbOrTrx } from "../db/database.ts";
import type { MemoryEmbeddingsTable } from "../db/schema/operations.ts";
import { lexemeTsquery, orTsquery } from "./full-text-query.ts";

export type MemoryKind = MemoryEmbeddingsTable["kind"];

export interface CandidateScope {
  readonly workspaceId: number;
  /** A member sees workspace-wide rows and their own; null sees workspace-wide rows only. */
  readonly memberId: number | null;
  readonly model: string;
  readonly kinds?: readonly MemoryKind[];
  /** Only memories said at or after this instant ("what did I ask yesterday…"). */
  readonly since?: Date;
  /** Only memories said before this instant. */
  readonly until?: Date;
}

/** Rows the HNSW scan may visit looking for filtered matches before it gives up (pgvector's default is 20,000). */
const HNSW_MAX_SCAN_TUPLES = 20_000;
/** Candidates the HNSW graph search keeps per step; at least the number of candidates wanted. */
const HNSW_EF_SEARCH = 100;

function inScope(scope: CandidateScope) {
  return (eb: ExpressionBuilder<Database, "memory_embeddings">): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [
      eb("workspace_id", "=", scope.workspaceId),
      eb("embedding_model", "=", scope.model),
      scope.memberId === null ? eb("member_id", "is", null) : eb.or([eb("member_id", "is", null), eb("member_id", "=", scope.memberId)]),
    ];
    // An empty list of kinds asks for nothing (`in ()` is not SQL).
    if (scope.kinds !== undefined) conditions.push(scope.kinds.length > 0 ? eb("kind", "in", [...scope.kinds]) : sql<SqlBool>`false`);
    if (scope.since !== undefined) conditions.push(eb("created_at", ">=", scope.since));
    if (scope.until !== undefined) conditions.push(eb("created_at", "<", scope.until));
    return eb.and(conditions);
  };
}

/** The nearest-vector query (no execution), for recall and for EXPLAIN in the benchmark. */
export function vectorCandidatesQuery(db: DbOrTrx, scope: CandidateScope, embedding: readonly number[], limit: number) {
  const distance = sql<number>`embedding <=> ${pgvector.toSql([...embedding]) as string}::vector`;
  return db.selectFrom("memory_embeddings").select("id").select(distance.as("distance")).where(inScope(scope)).orderBy(distance).limit(limit);
}

/** Settings that let a filtered HNSW scan find enough rows; for the current transaction only. */
export async function useIterativeScan(trx: DbOrTrx): Promise<void> {
  await sql`select set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', ${String(HNSW_EF_SEARCH)}, true), set_config('hnsw.max_scan_tuples', ${String(HNSW_MAX_SCAN_TUPLES)}, true)`.execute(
    trx,
  );
}

/** Ids of the nearest rows by cosine distance, nearest first. */
export async function vectorCandidates(db: DbOrTrx, scope: CandidateScope, embedding: readonly number[], limit: number): Promise<number[]> {
  // A vector with no features (all zeros) has no direction: every distance would be NaN.
  if (!embedding.some((value) => value !== 0)) return [];
  const rows = await inTransaction(db, async (trx) => {
    await useIterativeScan(trx);
    return vectorCandidatesQuery(trx, scope, embedding, limit).execute();
  });
  return rows.sort((a, b) => Number(a.distance) - Number(b.distance)).map((row) => row.id);
}

/**
 * How many rows in scope hold each lexeme, counted up to DF_CAP (a bounded index scan each): a word
 * in more than DF_CAP messages is common, and its exact count does not change the weight much.
 */
const DF_CAP = 500;

async function documentFrequencies(db: DbOrTrx, scope: CandidateScope, lexemes: readonly string[]): Promise<number[]> {
  return Promise.all(
    lexemes.map(async (lexeme) => {
      const matches = db
        .selectFrom("memory_embeddings")
        .select(sql<number>`1`.as("one"))
        .where(inScope(scope))
        .where(sql<SqlBool>`content_tsv @@ ${lexemeTsquery(lexeme)}::tsquery`)
        .limit(DF_CAP)
        .as("matches");
      const row = await db.selectFrom(matches).select((eb) => eb.fn.countAll<number>().as("df")).executeTakeFirstOrThrow();
      return Number(row.df);
    }),
  );
}

/**
 * Ids of the best full-text matches of the lexemes (see full-text-query.ts), best first: by the sum of
 * the inverse document frequencies of the lexemes a row holds (a SKU outweighs "shirts"), then
 * ts_rank (normalised by length, so a long message does not win by sheer word count), then newest.
 */
export async function textCandidates(db: DbOrTrx, scope: CandidateScope, lexemes: readonly string[], limit: number): Promise<number[]> {
  const tsquery = orTsquery(lexemes);
  if (tsquery === null) return [];
  const frequencies = await documentFrequencies(db, scope, lexemes);
  const present = lexemes.flatMap((lexeme, index) => ((frequencies[index] ?? 0) > 0 ? [{ lexeme, idf: Math.log(1 + DF_CAP / (frequencies[index] ?? 1)) }] : []));
  if (present.length === 0) return [];
  const weight = sql<number>`(${sql.join(
    present.map(({ lexeme, idf }) => sql`case when content_tsv @@ ${lexemeTsquery(lexeme)}::tsquery then ${idf}::float8 else 0 end`),
    sql` + `,
  )})`;
  const query = sql`${orTsquery(present.map((item) => item.lexeme))}::tsquery`;
  const rows = await db
    .selectFrom("memory_embeddings")
    .select("id")
    .where(inScope(scope))
    .where(sql<SqlBool>`content_tsv @@ ${query}`)
    .orderBy(weight, "desc")
    .orderBy(sql`ts_rank(content_tsv, ${query}, 1)`, "desc")
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** When the newest memory the scope can see was said (the recall's freshness), or null when there is none. */
export async function newestMemoryAt(db: DbOrTrx, scope: CandidateScope): Promise<Date | null> {
  const row = await db.selectFrom("memory_embeddings").select((eb) => eb.fn.max("created_at").as("newest")).where(inScope(scope)).executeTakeFirst();
  return row?.newest ?? null;
}
