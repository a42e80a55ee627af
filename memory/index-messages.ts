/**
 * Keeps conversation memory in step with the conversations: the messages of a workspace that have no
 * vector of the current embedder yet are embedded and stored (text, vector, when, and whose it is:
 * memory/message-scope.ts), oldest first, a batch at a time. What people and the assistant said
 * becomes a "message" memory; a "tool" message (one tool result's summary line) a "tool_result"
 * one, under the same member scope. A message that had vectors of another embedder gets new ones
 * and loses the old ones in the same transaction, so a change of provider re-embeds in the
 * background while recall keeps working on the rows already converted (recall only compares
 * vectors of one embedder). The memory agent's own answers, and the questions it answered, are
 * not embedded: they quote or ask for memories that are already there.
 */
import { sql } from "kysely";
import { inTransaction, type DbOrTrx } from "../db/database.ts";
import type { Embedder } from "./embeddings/embedder.ts";
import { memoryOwner } from "./message-scope.ts";
import type { MemoryKind } from "./recall-candidates.ts";
import { rememberMessages } from "./remember.ts";

/** Messages embedded per call. */
export const INDEX_BATCH_SIZE = 500;

/** The message roles memory keeps, and the kind of memory each becomes. */
const INDEXED_ROLES = ["user", "assistant", "tool"] as const;
/** The memory kinds that come from messages (a message id is their source_id). */
export const MESSAGE_KINDS = ["message", "tool_result"] as const satisfies readonly MemoryKind[];

/** True for a memory whose source_id is a message id (a message or a tool result's summary). */
export function isMessageMemory(kind: MemoryKind): kind is (typeof MESSAGE_KINDS)[number] {
  return (MESSAGE_KINDS as readonly MemoryKind[]).includes(kind);
}

function memoryKindOfRole(role: string): (typeof MESSAGE_KINDS)[number] {
  return role === "tool" ? "tool_result" : "message";
}

/** memoryKindOfRole in SQL, for the row `m` of messages. */
const MESSAGE_KIND_SQL = sql<MemoryKind>`(case when m.role = 'tool' then 'tool_result' else 'message' end)`;

export interface IndexOutcome {
  /** Messages embedded and stored now. */
  readonly indexed: number;
  /** Of those, how many replaced vectors of another embedder. */
  readonly replaced: number;
  /** True when messages are left for another call. */
  readonly more: boolean;
}

export async function indexWorkspaceMessages(db: DbOrTrx, embedder: Embedder, workspaceId: number, batchSize: number = INDEX_BATCH_SIZE): Promise<IndexOutcome> {
  const pending = await db
    .selectFrom("messages as m")
    .innerJoin("conversations as c", (join) => join.onRef("c.id", "=", "m.conversation_id").onRef("c.workspace_id", "=", "m.workspace_id"))
    .select(["m.id", "m.role", "m.content", "m.created_at", "c.channel", "c.thread_key", "c.member_id"])
    .where("m.workspace_id", "=", workspaceId)
    .where("m.role", "in", [...INDEXED_ROLES])
    .where(sql<boolean>`length(trim(m.content)) > 0`)
    // The memory agent's answers quote earlier memories: embedding them would bring each quote back twice.
    .where(sql<boolean>`coalesce(m.metadata->>'agent', '') <> 'memory'`)
    // Nor the questions it answered ("what did I ask yesterday?"): they would come back as answers to the next one.
    .where(
      sql<boolean>`not (m.role = 'user' and coalesce((select n.metadata->>'agent' from messages n where n.workspace_id = m.workspace_id and n.conversation_id = m.conversation_id and n.id > m.id order by n.id limit 1), '') = 'memory')`,
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("memory_embeddings as e")
            .select("e.id")
            .where("e.workspace_id", "=", workspaceId)
            .where("e.kind", "=", MESSAGE_KIND_SQL)
            .whereRef("e.source_id", "=", "m.id")
            .where("e.embedding_model", "=", embedder.id),
        ),
      ),
    )
    .orderBy("m.id")
    .limit(batchSize + 1)
    .execute();
  const batch = pending.slice(0, batchSize);
  if (batch.length === 0) return { indexed: 0, replaced: 0, more: false };
  const sourceIds = batch.map((row) => row.id);
  const replaced = await inTransaction(db, async (trx) => {
    await rememberMessages(
      trx,
      embedder,
      batch.map((row) => ({
        workspaceId,
        memberId: memoryOwner({ channel: row.channel, threadKey: row.thread_key, memberId: row.member_id }),
        kind: memoryKindOfRole(row.role),
        sourceId: row.id,
        content: row.content,
        createdAt: row.created_at,
      })),
    );
    const removed = await trx
      .deleteFrom("memory_embeddings")
      .where("workspace_id", "=", workspaceId)
      .where("kind", "in", [...MESSAGE_KINDS])
      .where("source_id", "in", sourceIds)
      .where("embedding_model", "!=", embedder.id)
      .returning("source_id")
      .execute();
    return new Set(removed.map((row) => row.source_id)).size;
  });
  return { indexed: batch.length, replaced, more: pending.length > batchSize };
}
