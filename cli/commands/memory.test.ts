/**
 * `bizos memory index|recall|list|remember|forget` on an embedded database, run in this process as
 * cli/main.ts registers them: messages become memories, a question recalls them with where and when
 * they were said, a private chat only for its member, and forget removes a memory for good; a fact
 * remembered by hand is read (claim, subjects), listed with who said it, recalled, and forgotten.
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

  it("remembers a fact by hand, lists it with who said it and what it is about, recalls it, and forgets it", async () => {
    await withDatabase(async (db) => {
      const workspace = await createWorkspace(db, { name: "Loja", slug: "loja", currency: "BRL", timezone: "America/Sao_Paulo", locale: "pt" });
      await createMember(db, { workspaceId: workspace.id, name: "Bia", role: "owner", language: "pt" });
      for (const [index, title] of ["Camiseta Classic", "Boné Classic", "Tênis Runner"].entries()) {
        const { id } = await db.insertInto("products").values({ workspace_id: workspace.id, source: "test", external_id: `p${index}`, title, status: "active" }).returning("id").executeTakeFirstOrThrow();
        await db.insertInto("variants").values({ workspace_id: workspace.id, product_id: id, source: "test", external_id: `v${index}`, sku: `LJ-${index}23`, title: "Único", price_cents: 9900 }).execute();
      }
    });

    expect((await bizos("memory", "list", "--facts", "--workspace", "loja")).stdout).toBe('loja has no facts yet. Add one with: npx bizos memory remember --workspace loja "statement"\n');
    const remembered = await bizos("memory", "remember", "nunca damos desconto na linha Classic", "--workspace", "loja", "--member", "bia");
    expect(remembered.stdout).toMatch(/^Remembered fact (\d+) in loja: no discount; about: linha Classic \(2 products\)\.$/m);
    const id = /fact (\d+)/.exec(remembered.stdout)?.[1] ?? "";
    const cost = await bizos("memory", "remember", "o custo do SKU 123 subiu para R$ 45,50", "--workspace", "loja");
    expect(cost.stdout).toMatch(/^Remembered fact \d+ in loja: cost R\$\s?45\.50; about: Boné Classic \/ Único \(SKU LJ-123\)\.$/m);
    expect((await bizos("memory", "remember", "Nunca damos desconto na linha Classic!", "--workspace", "loja", "--member", "Bia")).stdout).toContain(`Already remembered as fact ${id} in loja`);
    expect((await bizos("memory", "remember", "  ", "--workspace", "loja")).error).toContain("Say what to remember");

    const facts = (await bizos("memory", "list", "--facts", "--workspace", "loja")).stdout;
    expect(facts).toMatch(/^Facts$/m);
    expect(facts).toMatch(new RegExp(`^\\s*${id}\\s+cli, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ\\s+Bia\\s+no discount\\s+nunca damos desconto na linha Classic\\s+linha Classic \\(2 products\\)$`, "m"));
    expect(facts).toMatch(/^\s*\d+\s+cli, .*Z\s+—\s+cost R\$\s?45\.50\s+o custo do SKU 123/m);
    expect(facts).not.toContain("Memories");
    // Without --facts the facts' vectors are listed among the memories too, as kind "fact".
    expect((await bizos("memory", "list", "--workspace", "loja")).stdout).toMatch(/^Memories\n[\s\S]*^\s*\d+\s+fact\s+.*nunca damos desconto/m);
    const recalled = await bizos("memory", "recall", "a gente faz promoção da linha Classic?", "--workspace", "loja");
    expect(recalled.stdout).toMatch(/^1\s+\d+\s+—, .*\s+workspace\s+nunca damos desconto na linha Classic$/m);

    expect((await bizos("memory", "forget", "--workspace", "loja")).error).toBe("Say what to forget: memory ids, or --fact ID (see npx bizos memory list)");
    expect((await bizos("memory", "forget", "--fact", "x", "--workspace", "loja")).error).toContain("--fact must be a whole number");
    const forgotten = await bizos("memory", "forget", "--fact", id, "--workspace", "loja");
    expect(forgotten.stdout).toMatch(new RegExp(`^Forgot fact ${id} in loja: "nunca damos desconto na linha Classic" \\(Bia, cli, .*Z\\)\\.$`, "m"));
    expect((await bizos("memory", "forget", "--fact", id, "--workspace", "loja")).error).toBe(`No fact ${id} in loja. See: npx bizos memory list --facts --workspace loja`);
    const left = (await bizos("memory", "list", "--workspace", "loja")).stdout;
    expect(left).not.toContain("nunca damos desconto");
    expect(left).toContain("o custo do SKU 123");
  });
});
