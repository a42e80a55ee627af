/**
 * Where and when a memory was said, for answers that cite it ("on WhatsApp, 12 Nov") and for
 * `bizos memory list`: the channel a message or tool result was said on, and when, read for many
 * memories at once, tenant-scoped.
 */
import type { DbOrTrx } from "../db/database.ts";
import { isMessageMemory } from "./index-messages.ts";
import { memoryOrigins, type OriginQuery } from "./memory-origins.ts";
import type { MemoryKind } from "./recall-candidates.ts";

export interface MemorySource {
  /** slack, whatsapp, email, web, cli; null when unknown. */
  readonly channel: string | null;
  /** When it was said. */
  readonly at: Date;
}

/** Sources by memory id, for the given memories of one workspace (memoryOrigins reads where each came from). */
export async function memorySources(db: DbOrTrx, workspaceId: number, memories: readonly (OriginQuery & { readonly createdAt: Date })[]): Promise<Map<number, MemorySource>> {
  const origins = await memoryOrigins(db, workspaceId, memories);
  // A fact's channel is shown with the fact itself (bizos memory list's Facts section), not on its memory row.
  return new Map(memories.map((memory) => [memory.id, { channel: isMessageMemory(memory.kind) ? (origins.get(memory.id)?.channel ?? null) : null, at: memory.createdAt }]));
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
