/**
 * The memory-index tick on both dialects: on the in-process runner it embeds every workspace's new
 * messages; one pass keeps to its budget of batches and the next pass goes on from there.
 */
import { expect, it } from "vitest";
import { recordMessage, upsertConversation } from "../../db/repositories/conversations.ts";
import { createMember } from "../../db/repositories/members.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import { systemClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { LexicalEmbedder } from "../../memory/embeddings/lexical-embedder.ts";
import { INDEX_BATCH_SIZE } from "../../memory/index-messages.ts";
import { describeDatabase } from "../../test/database.ts";
import { createInProcessRunner } from "../runtime/in-process-runner.ts";
import { indexMemory, registerMemoryIndexing } from "./memory-indexing.ts";

const NOW = new Date("2026-11-20T12:00:00Z");

describeDatabase("memory indexing tick", ({ db }) => {
  async function shopWithMessages(slug: string, count: number): Promise<number> {
    const workspace = await createWorkspace(db(), { name: slug, slug, currency: "MXN", timezone: "America/Mexico_City" });
    const ana = await createMember(db(), { workspaceId: workspace.id, name: "Ana", role: "owner", language: "es" });
    const conversation = await upsertConversation(db(), { workspaceId: workspace.id, memberId: ana.id, channel: "whatsapp", threadKey: `+52155${slug}`, at: NOW });
    for (let i = 0; i < count; i++) {
      await recordMessage(db(), { workspaceId: workspace.id, conversationId: conversation.id, memberId: ana.id, role: "user", content: `Mensaje ${i} sobre el pedido al proveedor`, language: null, metadata: {}, at: NOW });
    }
    return workspace.id;
  }
  const stored = async () => Number((await db().selectFrom("memory_embeddings").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

  it("embeds every workspace's new messages on the runner's tick", { timeout: 60_000 }, async () => {
    await shopWithMessages("uno", 3);
    await shopWithMessages("dos", 2);
    const runner = createInProcessRunner({ deps: { db: db(), clock: systemClock, logger: silentLogger } });
    registerMemoryIndexing(runner, { db: db(), logger: silentLogger, embedder: new LexicalEmbedder() }, 50);
    await runner.start();
    try {
      for (let i = 0; i < 200 && (await stored()) < 5; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    } finally {
      await runner.close();
    }
    expect(await stored()).toBe(5);
  });

  it("keeps to its budget of batches per pass and goes on in the next", { timeout: 120_000 }, async () => {
    await shopWithMessages("grande", INDEX_BATCH_SIZE + 20);
    const deps = { db: db(), logger: silentLogger, embedder: new LexicalEmbedder() };
    expect(await indexMemory(deps, 1)).toEqual({ indexed: INDEX_BATCH_SIZE, replaced: 0 });
    expect(await indexMemory(deps, 1)).toEqual({ indexed: 20, replaced: 0 });
    expect(await indexMemory(deps, 1)).toEqual({ indexed: 0, replaced: 0 });
    expect(await stored()).toBe(INDEX_BATCH_SIZE + 20);
  });
});
