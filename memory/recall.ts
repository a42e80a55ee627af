/**
 * Hybrid recall over conversation memory: the nearest vectors (meaning, across languages) and the
 * best full-text matches (exact rare words: SKUs, campaign names) are merged by reciprocal-rank
 * fusion, then weighted by recency, within one workspace and the asking member's scope.
 *
 * Why RRF: cosine distances and ts_rank are on unrelated scales; ranks are comparable. Why a floor
 * on the recency weight: "what did we decide about the supplier last year" must still surface a
 * year-old decision, so age halves the score at most (RECENCY_FLOOR), it never buries it.
 */
import type { DbOrTrx } from "../db/database.ts";
import type { Embedder } from "./embeddings/embedder.ts";
import { queryLexemes } from "./full-text-query.ts";
import { textCandidates, vectorCandidates, type CandidateScope, type MemoryKind } from "./recall-candidates.ts";

/** Reciprocal-rank fusion constant (the usual 60: the top few ranks differ little from each other). */
export const RRF_K = 60;
/** Candidates taken from each list before fusion. */
export const CANDIDATES_PER_LIST = 40;
/** Age at which the recency part of the weight halves. */
export const RECENCY_HALF_LIFE_DAYS = 30;
/** The weight of a very old memory relative to a brand-new one. */
export const RECENCY_FLOOR = 0.5;

const DAY_MS = 86_400_000;

export interface RecallQuery {
  readonly workspaceId: number;
  /** The asking member (sees workspace-wide memories and their own private ones); null: workspace-wide only. */
  readonly memberId: number | null;
  readonly text: string;
  /** Memories returned; 5 unless told. */
  readonly limit?: number;
  readonly kinds?: readonly MemoryKind[];
  /** A window of time the memories were said in (start inclusive, end exclusive). */
  readonly since?: Date;
  readonly until?: Date;
  /** The moment recency is measured from. */
  readonly now: Date;
}

export interface RankedMemory {
  readonly id: number;
  readonly content: string;
  readonly kind: MemoryKind;
  readonly memberId: number | null;
  readonly sourceId: number | null;
  readonly createdAt: Date;
  /** Fused and recency-weighted; higher is better, only comparable within one recall. */
  readonly score: number;
  /** 1-based place among the vector candidates, null when not among them. */
  readonly vectorRank: number | null;
  /** 1-based place among the full-text candidates, null when not among them. */
  readonly textRank: number | null;
}

/** Between RECENCY_FLOOR (very old) and 1 (now or later). */
export function recencyWeight(createdAt: Date, now: Date): number {
  const ageDays = Math.max(0, (now.getTime() - createdAt.getTime()) / DAY_MS);
  return RECENCY_FLOOR + (1 - RECENCY_FLOOR) * 0.5 ** (ageDays / RECENCY_HALF_LIFE_DAYS);
}

function ranks(ids: readonly number[]): Map<number, number> {
  return new Map(ids.map((id, index) => [id, index + 1]));
}

/** The memories most relevant to a question, best first. */
export async function recallMemories(db: DbOrTrx, embedder: Embedder, query: RecallQuery): Promise<RankedMemory[]> {
  const limit = query.limit ?? 5;
  if (limit <= 0) return [];
  const scope: CandidateScope = { workspaceId: query.workspaceId, memberId: query.memberId, model: embedder.id, ...(query.kinds ? { kinds: query.kinds } : {}), ...(query.since ? { since: query.since } : {}), ...(query.until ? { until: query.until } : {}) };
  const [embedding] = await embedder.embed([query.text]);
  if (!embedding) throw new Error(`embedder ${embedder.id} returned no vector for the query`);
  // The two lists at once: on PostgreSQL each takes a connection of its own (PGlite runs them in turn).
  const [textIds, vectorIds] = await Promise.all([textCandidates(db, scope, queryLexemes(query.text), CANDIDATES_PER_LIST), vectorCandidates(db, scope, embedding, CANDIDATES_PER_LIST)]);

  const byVector = ranks(vectorIds);
  const byText = ranks(textIds);
  const ids = [...new Set([...vectorIds, ...textIds])];
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("memory_embeddings")
    .select(["id", "content", "kind", "member_id", "source_id", "created_at"])
    .where("workspace_id", "=", query.workspaceId)
    .where("id", "in", ids)
    .execute();

  const ranked = rows.map((row): RankedMemory => {
    const vectorRank = byVector.get(row.id) ?? null;
    const textRank = byText.get(row.id) ?? null;
    const fused = (vectorRank === null ? 0 : 1 / (RRF_K + vectorRank)) + (textRank === null ? 0 : 1 / (RRF_K + textRank));
    return {
      id: row.id,
      content: row.content,
      kind: row.kind,
      memberId: row.member_id,
      sourceId: row.source_id,
      createdAt: row.created_at,
      score: fused * recencyWeight(row.created_at, query.now),
      vectorRank,
      textRank,
    };
  });
  // Ties (same ranks, same age) go to the newer memory, then the later id: stable across runs.
  ranked.sort((a, b) => b.score - a.score || b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
  return ranked.slice(0, limit);
}
