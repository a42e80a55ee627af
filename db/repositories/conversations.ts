/**
 * Conversations on the channels and the messages in them: the record of who said what where
 * (thread state for the model lives in the LangGraph checkpointer; this is the product's own log,
 * used for the per-member rate limit, email reply threading and, later, memory).
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../database.ts";
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

export async function recordMessage(
  db: DbOrTrx,
  input: {
    readonly workspaceId: number;
    readonly conversationId: number;
    readonly memberId: number | null;
    readonly role: "user" | "assistant";
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
