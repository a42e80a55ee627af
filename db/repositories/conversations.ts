/**
 * Conversations on the channels and the messages in them: the record of who said what where
 * (thread state for the model lives in the LangGraph checkpointer; this is the product's own log,
 * used for the per-member rate limit, email reply threading and conversation memory: the memory
 * indexer embeds user and assistant messages, and "tool" messages, one line per tool result).
 */
import { sql } from "kysely";
import { inTransaction, type DbOrTrx } from "../database.ts";
import type { IdentityChannel } from "../schema/core.ts";

export interface ConversationRef {
  readonly id: number;
  readonly workspaceId: number;
  readonly threadKey: string;
}

/** The conversation for this channel thread, created on first use. */
export async function upsertConversation(
  db: DbOrTrx,
  input: { readonly workspaceId: number; readonly memberId: number | null; readonly channel: string; readonly threadKey: string; readonly at: Date },
): Promise<ConversationRef> {
  const row = await db
    .insertInto("conversations")
    .values({ workspace_id: input.workspaceId, member_id: input.memberId, channel: input.channel, thread_key: input.threadKey })
    .onConflict((oc) => oc.columns(["workspace_id", "channel", "thread_key"]).doUpdateSet({ updated_at: input.at }))
    .returning(["id", "workspace_id", "thread_key"])
    .executeTakeFirstOrThrow();
  return { id: row.id, workspaceId: row.workspace_id, threadKey: row.thread_key };
}

/** A conversation of this workspace by id (email reply tokens name one). */
export async function findConversation(db: DbOrTrx, workspaceId: number, conversationId: number): Promise<ConversationRef | undefined> {
  const row = await db
    .selectFrom("conversations")
    .select(["id", "workspace_id", "thread_key"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", conversationId)
    .executeTakeFirst();
  return row && { id: row.id, workspaceId: row.workspace_id, threadKey: row.thread_key };
}

/**
 * The thread key of a conversation named by a verified email reply token, before the sender is
 * known. Not tenant-scoped on purpose: the token's signature is the authority here, and the gateway
 * then requires the sender to belong to the conversation's workspace (findConversation).
 */
export async function threadKeyOfConversation(db: DbOrTrx, conversationId: number): Promise<string | null> {
  const row = await db.selectFrom("conversations").select("thread_key").where("id", "=", conversationId).executeTakeFirst();
  return row?.thread_key ?? null;
}

/** user: the person; assistant: our answer; tool: one tool result's summary line (metadata.tool names the tool). */
export type RecordedRole = "user" | "assistant" | "tool";

export async function recordMessage(
  db: DbOrTrx,
  input: {
    readonly workspaceId: number;
    readonly conversationId: number;
    readonly memberId: number | null;
    readonly role: RecordedRole;
    readonly content: string;
    readonly language: string | null;
    readonly metadata: Readonly<Record<string, unknown>>;
    readonly at: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto("messages")
    .values({
      workspace_id: input.workspaceId,
      conversation_id: input.conversationId,
      member_id: input.memberId,
      role: input.role,
      content: input.content,
      language: input.language,
      metadata: JSON.stringify(input.metadata),
      created_at: input.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One conversation turn as plain values (db knows nothing of the agents' turn result). */
export interface TurnMessages {
  readonly workspaceId: number;
  readonly conversationId: number;
  readonly memberId: number | null;
  /** The person's words; null when the caller recorded them already (the gateway does, before the turn runs, for its rate limit). */
  readonly question: { readonly content: string; readonly at: Date; readonly metadata: Readonly<Record<string, unknown>> } | null;
  readonly answer: { readonly content: string; readonly language: string | null; readonly at: Date; readonly metadata: Readonly<Record<string, unknown>> };
  /** One line per tool call the turn ran, in order: the tool's name and its result's summary. */
  readonly toolResults: readonly { readonly tool: string; readonly summary: string }[];
}

export interface RecordedTurn {
  readonly questionId: number | null;
  readonly answerId: number;
  readonly toolResultIds: readonly number[];
}

/**
 * Records a turn, the same way for every place that talks (channels, the web chat, the terminal):
 * the question (unless already recorded), the answer, then each tool result as a "tool" message at
 * the answer's time, all or nothing.
 */
export async function recordTurnMessages(db: DbOrTrx, turn: TurnMessages): Promise<RecordedTurn> {
  return inTransaction(db, async (trx) => {
    const base = { workspaceId: turn.workspaceId, conversationId: turn.conversationId, memberId: turn.memberId };
    const questionId = turn.question === null ? null : await recordMessage(trx, { ...base, role: "user", content: turn.question.content, language: null, metadata: turn.question.metadata, at: turn.question.at });
    const answerId = await recordMessage(trx, { ...base, role: "assistant", content: turn.answer.content, language: turn.answer.language, metadata: turn.answer.metadata, at: turn.answer.at });
    const toolResultIds: number[] = [];
    for (const result of turn.toolResults) {
      toolResultIds.push(await recordMessage(trx, { ...base, role: "tool", content: result.summary, language: "en", metadata: { tool: result.tool }, at: turn.answer.at }));
    }
    return { questionId, answerId, toolResultIds };
  });
}

/** How many messages this member sent since `since`, on every channel (the per-member rate limit). */
export async function countMemberMessagesSince(db: DbOrTrx, workspaceId: number, memberId: number, since: Date): Promise<number> {
  const row = await db
    .selectFrom("messages")
    .select(sql<string>`count(*)`.as("n"))
    .where("workspace_id", "=", workspaceId)
    .where("member_id", "=", memberId)
    .where("role", "=", "user")
    .where("created_at", ">=", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Notes that the member just wrote on this channel (WhatsApp's 24-hour window starts again). */
export async function touchIdentity(
  db: DbOrTrx,
  input: { readonly workspaceId: number; readonly memberId: number; readonly channel: IdentityChannel; readonly at: Date },
): Promise<void> {
  await db
    .updateTable("channel_identities")
    .set({ last_inbound_at: input.at })
    .where("workspace_id", "=", input.workspaceId)
    .where("member_id", "=", input.memberId)
    .where("channel", "=", input.channel)
    .execute();
}
