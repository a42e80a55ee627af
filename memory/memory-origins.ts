/**
 * Who said a memory, where and when, for answers that cite it ("you, on WhatsApp, yesterday 18:05";
 * "Ana, in Slack, 12 Nov"): a message or tool-result memory's message role, member and channel; a
 * fact's sayer and channel. Read for many memories at once, tenant-scoped.
 */
import type { DbOrTrx } from "../db/database.ts";
import { isMessageMemory } from "./index-messages.ts";
import type { MemoryKind } from "./recall-candidates.ts";

/** member: a person of the workspace; assistant: our answer; tool: a tool result's summary. */
export type Speaker = "member" | "assistant" | "tool" | "unknown";

export interface MemoryOrigin {
  readonly speaker: Speaker;
  /** The member who said it (facts: who stated it), when known. */
  readonly memberId: number | null;
  readonly memberName: string | null;
  /** slack, whatsapp, email, web, cli; null when unknown. */
  readonly channel: string | null;
}

export interface OriginQuery {
  readonly id: number;
  readonly kind: MemoryKind;
  readonly sourceId: number | null;
}

const UNKNOWN: MemoryOrigin = { speaker: "unknown", memberId: null, memberName: null, channel: null };

function speakerOf(role: string): Speaker {
  switch (role) {
    case "user":
      return "member";
    case "assistant":
      return "assistant";
    case "tool":
      return "tool";
    default:
      return "unknown";
  }
}

/** Origins by memory id; memories whose source is gone come back as unknown. */
export async function memoryOrigins(db: DbOrTrx, workspaceId: number, memories: readonly OriginQuery[]): Promise<Map<number, MemoryOrigin>> {
  const messageIds = memories.flatMap((memory) => (isMessageMemory(memory.kind) && memory.sourceId !== null ? [memory.sourceId] : []));
  const factIds = memories.flatMap((memory) => (memory.kind === "fact" && memory.sourceId !== null ? [memory.sourceId] : []));
  const [messages, facts] = await Promise.all([
    messageIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom("messages as m")
          .innerJoin("conversations as c", (join) => join.onRef("c.id", "=", "m.conversation_id").onRef("c.workspace_id", "=", "m.workspace_id"))
          .leftJoin("members as p", (join) => join.onRef("p.id", "=", "m.member_id").onRef("p.workspace_id", "=", "m.workspace_id"))
          .select(["m.id", "m.role", "m.member_id", "p.name", "c.channel"])
          .where("m.workspace_id", "=", workspaceId)
          .where("m.id", "in", messageIds)
          .execute(),
    factIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom("memory_facts as f")
          .leftJoin("members as p", (join) => join.onRef("p.id", "=", "f.said_by_member_id").onRef("p.workspace_id", "=", "f.workspace_id"))
          .select(["f.id", "f.said_by_member_id", "p.name", "f.channel"])
          .where("f.workspace_id", "=", workspaceId)
          .where("f.id", "in", factIds)
          .execute(),
  ]);
  const byMessage = new Map(messages.map((row): [number, MemoryOrigin] => [row.id, { speaker: speakerOf(row.role), memberId: row.member_id, memberName: row.name, channel: row.channel }]));
  const byFact = new Map(facts.map((row): [number, MemoryOrigin] => [row.id, { speaker: "member", memberId: row.said_by_member_id, memberName: row.name, channel: row.channel }]));
  return new Map(
    memories.map((memory): [number, MemoryOrigin] => {
      if (memory.sourceId === null) return [memory.id, UNKNOWN];
      switch (memory.kind) {
        case "message":
        case "tool_result":
          return [memory.id, byMessage.get(memory.sourceId) ?? UNKNOWN];
        case "fact":
          return [memory.id, byFact.get(memory.sourceId) ?? UNKNOWN];
        case "summary":
          return [memory.id, UNKNOWN];
      }
    }),
  );
}
