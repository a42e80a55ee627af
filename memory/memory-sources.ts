/**
 * Where and when a memory was said, for answers that cite it ("on WhatsApp, 12 Nov") and for
 * `bizos memory list`: a message or tool-result memory's conversation channel and time, read for
 * many memories at once, tenant-scoped.
 */
import type { DbOrTrx } from "../db/database.ts";
import { isMessageMemory } from "./index-messages.ts";
import type { MemoryKind } from "./recall-candidates.ts";

export interface MemorySource {
  /** slack, whatsapp, email, web, cli; null when the memory is not a stored message. */
  readonly channel: string | null;
  /** When it was said. */
  readonly at: Date;
}

/** Sources by memory id, for the given memories of one workspace. */
export async function memorySources(db: DbOrTrx, workspaceId: number, memories: readonly { readonly id: number; readonly kind: MemoryKind; readonly sourceId: number | null; readonly createdAt: Date }[]): Promise<Map<number, MemorySource>> {
  const messageIds = memories.flatMap((memory) => (isMessageMemory(memory.kind) && memory.sourceId !== null ? [memory.sourceId] : []));
  const channels = new Map<number, string>();
  if (messageIds.length > 0) {
    const rows = await db
      .selectFrom("messages as m")
      .innerJoin("conversations as c", (join) => join.onRef("c.id", "=", "m.conversation_id").onRef("c.workspace_id", "=", "m.workspace_id"))
      .select(["m.id", "c.channel"])
      .where("m.workspace_id", "=", workspaceId)
      .where("m.id", "in", messageIds)
      .execute();
    for (const row of rows) channels.set(row.id, row.channel);
  }
  return new Map(memories.map((memory) => [memory.id, { channel: isMessageMemory(memory.kind) && memory.sourceId !== null ? (channels.get(memory.sourceId) ?? null) : null, at: memory.createdAt }]));
}

export interface ListedMemory {
  readonly id: number;
  readonly kind: MemoryKind;
  readonly memberId: number | null;
  readonly sourceId: number | null;
  readonly content: string;
  readonly createdAt: Date;
}

/** The newest memories of a workspace (a member's private ones only when memberId is given), newest first. */
export async function listMemories(db: DbOrTrx, workspaceId: number, options: { readonly memberId: number | null; readonly limit: number }): Promise<ListedMemory[]> {
  const rows = await db
    .selectFrom("memory_embeddings")
    .select(["id", "kind", "member_id", "source_id", "content", "created_at"])
    .where("workspace_id", "=", workspaceId)
    .where((eb) => (options.memberId === null ? eb("member_id", "is", null) : eb.or([eb("member_id", "is", null), eb("member_id", "=", options.memberId)])))
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(options.limit)
    .execute();
  return rows.map((row) => ({ id: row.id, kind: row.kind, memberId: row.member_id, sourceId: row.source_id, content: row.content, createdAt: row.created_at }));
}
