/**
 * `bizos memory index|recall|list|forget` on an embedded database, run in this process as
 * cli/main.ts registers them: messages become memories, a question recalls them with where and when
 * they were said, a private chat only for its member, and forget removes a memory for good.
 */
import { describe, expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { recordMessage, upsertConversation } from "../../db/repositories/conversations.ts";
import { createMember } from "../../db/repositories/members.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import { useCliEnvironment } from "../../test/cli-in-process.ts";
import { registerMemoryCommands } from "./memory.ts";

const cli = useCliEnvironment("memory", { OPENAI_API_KEY: "" });
const bizos = (...args: string[]) => cli.run(registerMemoryCommands, args);
const withDatabase = <T>(work: (db: Db) => Promise<T>) => cli.withDatabase(work);

describe("bizos memory (embedded database)", { timeout: 300_000 }, () => {
  it("indexes messages, recalls them with where they were said, keeps private chats private, and forgets", async () => {
    const at = new Date("2026-11-18T15:00:00Z");
    await withDatabase(async (db) => {
      const workspace = await createWorkspace(db, { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
      const ana = await createMember(db, { workspaceId: workspace.id, name: "Ana", role: "owner", language: "es" });
      const ben = await createMember(db, { workspaceId: workspace.id, name: "Ben", role: "admin", language: "en" });
      const whatsapp = await upsertConversation(db, { workspaceId: workspace.id, memberId: ana.id, channel: "whatsapp", threadKey: "+5215512345678", at });
      await recordMessage(db, { workspaceId: workspace.id, conversationId: whatsapp.id, memberId: ana.id, role: "user", content: "Decidimos no bajar el precio de la Camiseta Clásica en el Buen Fin", language: "es", metadata: {}, at });
      const slack = await upsertConversation(db, { workspaceId: workspace.id, memberId: ben.id, channel: "slack", threadKey: "C0SALES:1731000000.0001", at });
      await recordMessage(db, { workspaceId: workspace.id, conversationId: slack.id, memberId: ben.id, role: "user", content: "We agreed the summer sale starts on June 1st", language: "en", metadata: {}, at });
    });

    expect((await bizos("memory", "recall", "summer sale", "--workspace", "tienda")).stdout).toContain("Nothing in tienda's memory matches");
    const indexed = await bizos("memory", "index", "--workspace", "tienda");
    expect(indexed.stdout).toContain("tienda: 2 messages embedded with offline-lexical-v1.");

    const shared = await bizos("memory", "recall", "what did we decide about the summer sale?", "--workspace", "tienda");
    expect(shared.stdout).toMatch(/^1\s+\d+\s+slack, 2026-11-18 15:00Z\s+workspace\s+We agreed the summer sale starts on June 1st$/m);
    // Ana's WhatsApp chat is hers: not recalled for the workspace, recalled for her.
    expect(shared.stdout).not.toContain("Camiseta Clásica");
    const forAna = await bizos("memory", "recall", "¿qué decidimos sobre la Camiseta Clásica?", "--workspace", "tienda", "--member", "ana");
    expect(forAna.stdout).toMatch(/^1\s+(\d+)\s+whatsapp, 2026-11-18 15:00Z\s+Ana \(private\)\s+Decidimos no bajar el precio/m);
    expect((await bizos("memory", "recall", "x", "--workspace", "tienda", "--member", "zoe")).error).toBe('No member "zoe" in tienda. See: npx bizos members list --workspace tienda');

    const id = /^1\s+(\d+)\s+whatsapp/m.exec(forAna.stdout)?.[1] ?? "";
    expect((await bizos("memory", "list", "--workspace", "tienda", "--member", "Ana")).stdout).toContain("Decidimos no bajar el precio");
    expect((await bizos("memory", "forget", "abc", "--workspace", "tienda")).error).toContain('"abc" is not a memory id');
    expect((await bizos("memory", "forget", id, "--workspace", "tienda")).stdout).toBe("Forgot 1 of 1 memory in tienda.\n");
    expect((await bizos("memory", "list", "--workspace", "tienda", "--member", "Ana")).stdout).not.toContain("Camiseta Clásica");
    const remaining = await withDatabase(async (db) => ({
      memories: await db.selectFrom("memory_embeddings").select("content").execute(),
      messages: await db.selectFrom("messages").select("content").orderBy("id").execute(),
    }));
    expect(remaining.memories.map((row) => row.content)).toEqual(["We agreed the summer sale starts on June 1st"]);
    // The message it came from is emptied, so the next pass does not embed it again.
    expect(remaining.messages.map((row) => row.content)).toEqual(["", "We agreed the summer sale starts on June 1st"]);
    expect((await bizos("memory", "index", "--workspace", "tienda")).stdout).toContain("tienda: 0 messages embedded");
  });
});
