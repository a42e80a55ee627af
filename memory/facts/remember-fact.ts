/**
 * Remembering a fact: the statement is classified (classify-claim.ts) and linked to what it is
 * about (link-subjects.ts), stored in memory_facts, and embedded into memory_embeddings as a
 * workspace-wide memory (kind 'fact', member_id null: a fact is the workspace's knowledge, whoever
 * said it; source_id = the fact) so recall finds it for a paraphrased question — row and vector in
 * one transaction.
 *
 * Saying the same thing twice (the same member, the same words once folded) keeps the first fact.
 * The check runs again under a per-workspace advisory lock inside the transaction, so two
 * deliveries of one message cannot both insert. The embedding is computed before the transaction
 * (a network call for the OpenAI embedder must not hold it open).
 */
import { sql, type SqlBool } from "kysely";
import { inTransaction, type DbOrTrx } from "../../db/database.ts";
import { insertMemories } from "../embedding-store.ts";
import type { Embedder } from "../embeddings/embedder.ts";
import { classifyClaim } from "./classify-claim.ts";
import { factsQuery, toFact } from "./fact-queries.ts";
import { factWords, sqlFactWords } from "./fact-text.ts";
import { linkSubjects } from "./link-subjects.ts";
import type { Fact } from "./types.ts";

/** Longest statement kept (a fact is a sentence or two; a pasted document is not one). */
export const MAX_STATEMENT_LENGTH = 2_000;

export interface RememberFactInput {
  readonly workspaceId: number;
  readonly statement: string;
  /** Who said it; null when nobody in particular (added by hand). */
  readonly memberId: number | null;
  /** slack, whatsapp, email, web, cli. */
  readonly channel: string;
  /** When it was said. */
  readonly at: Date;
  /** The workspace's currency (ISO 4217): the one a cost claim is in. */
  readonly currency: string;
  /** The message it was said in, when known. */
  readonly sourceMessageId?: number | null;
}

async function sameStatement(db: DbOrTrx, workspaceId: number, memberId: number | null, statement: string): Promise<Fact | null> {
  const row = await factsQuery(db, workspaceId)
    .where((eb) => (memberId === null ? eb("f.said_by_member_id", "is", null) : eb("f.said_by_member_id", "=", memberId)))
    .where(sql<SqlBool>`${sqlFactWords(sql.ref("f.statement"))} = ${factWords(statement)}`)
    .orderBy("f.id")
    .limit(1)
    .executeTakeFirst();
  return row ? toFact(row) : null;
}

/** A fact kept, and whether this call stored it (false: the member had already said it). */
export interface KeptFact {
  readonly fact: Fact;
  readonly created: boolean;
}

/** Stores the fact (or returns the one the member already said) with its vector. */
export async function rememberFact(db: DbOrTrx, embedder: Embedder, input: RememberFactInput): Promise<Fact> {
  return (await keepFact(db, embedder, input)).fact;
}

/** rememberFact, saying whether the fact is new. */
export async function keepFact(db: DbOrTrx, embedder: Embedder, input: RememberFactInput): Promise<KeptFact> {
  const statement = input.statement.trim();
  if (factWords(statement).length === 0) throw new Error("a fact needs a statement with words in it");
  if (statement.length > MAX_STATEMENT_LENGTH) throw new Error(`a fact is at most ${MAX_STATEMENT_LENGTH.toLocaleString("en")} characters, got ${statement.length.toLocaleString("en")}`);
  const existing = await sameStatement(db, input.workspaceId, input.memberId, statement);
  if (existing) return { fact: existing, created: false };

  const claim = classifyClaim(statement, input.currency);
  const subjects = await linkSubjects(db, input.workspaceId, statement);
  const [embedding] = await embedder.embed([statement]);
  if (!embedding) throw new Error(`embedder ${embedder.id} returned no vector for the fact`);

  return inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`memory_facts:${input.workspaceId}`}))`.execute(trx);
    const again = await sameStatement(trx, input.workspaceId, input.memberId, statement);
    if (again) return { fact: again, created: false };
    const { id } = await trx
      .insertInto("memory_facts")
      .values({
        workspace_id: input.workspaceId,
        statement,
        claim: JSON.stringify(claim),
        subjects: JSON.stringify(subjects),
        said_by_member_id: input.memberId,
        channel: input.channel,
        source_message_id: input.sourceMessageId ?? null,
        created_at: input.at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await insertMemories(trx, [{ workspaceId: input.workspaceId, memberId: null, kind: "fact", sourceId: id, content: statement, embedding, model: embedder.id, createdAt: input.at }]);
    return { fact: toFact(await factsQuery(trx, input.workspaceId).where("f.id", "=", id).executeTakeFirstOrThrow()), created: true };
  });
}
