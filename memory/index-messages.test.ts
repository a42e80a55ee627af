/**
 * The memory indexer on both dialects: messages become memories once, private or shared by where
 * they were said, batch by batch; tool results' summaries become tool_result memories under the same
 * rule; a change of embedder re-embeds and drops the old vectors; another workspace is never touched.
 */
import { expect, it } from "vitest";
import { recordMessage, upsertConversation } from "../db/repositories/conversations.ts";
import { createMember } from "../db/repositories/members.ts";
import { createWorkspace } from "../db/repositories/workspaces.ts";
import { describeDatabase } from "../test/database.ts";
import type { Embedder } from "./embeddings/embedder.ts";
import { LexicalEmbedder } from "./embeddings/lexical-embedder.ts";
import { forget } from "./forget.ts";
import { indexWorkspaceMessages } from "./index-messages.ts";
import { memorySources } from "./memory-sources.ts";
import { recallMemories } from "./recall.ts";

const embedder = new LexicalEmbedder();
const NOW = new Date("2026-11-20T12:00:00Z");

/** The same vectors under another id: stands in for a change of provider. */
function renamed(id: string): Embedder {
  return { id, dimensions: embedder.dimensions, embed: (texts) => embedder.embed(texts) };
}

describeDatabase("the memory indexer", ({ db }) => {
  async function shop(slug: string) {
    const workspace = await createWorkspace(db(), { name: slug, slug, currency: "MXN", timezone: "America/Mexico_City" });
    const ana = await createMember(db(), { workspaceId: workspace.id, name: "Ana", role: "owner", language: "es" });
    const ben = await createMember(db(), { workspaceId: workspace.id, name: "Ben", role: "admin", language: "en" });
    return { id: workspace.id, ana: ana.id, ben: ben.id };
  }

  async function say(workspaceId: number, memberId: number | null, channel: string, threadKey: string, texts: readonly string[], role: "user" | "assistant" | "tool" = "user") {
    const conversation = await upsertConversation(db(), { workspaceId, memberId, channel, threadKey, at: NOW });
    for (const [index, content] of texts.entries()) {
      await recordMessage(db(), { workspaceId, conversationId: conversation.id, memberId, role, content, language: null, metadata: {}, at: new Date(NOW.getTime() + index * 1000) });
    }
  }

  const rows = (workspaceId: number) =>
    db().selectFrom("memory_embeddings").select(["source_id", "member_id", "embedding_model", "content"]).where("workspace_id", "=", workspaceId).orderBy("source_id").execute();

  it("stores each message once, private where it was said privately and shared in a Slack channel", async () => {
    const tienda = await shop("tienda");
    const otra = await shop("otra");
    await say(tienda.id, tienda.ana, "whatsapp", "+5215512345678", ["Decidimos no bajar el precio de la Camiseta Clásica en el Buen Fin"]);
    await say(tienda.id, tienda.ana, "whatsapp", "+5215512345678", ["Entendido: la Camiseta Clásica queda fuera del Buen Fin."], "assistant");
    await say(tienda.id, tienda.ben, "slack", "C0SALES:1731000000.0001", ["We agreed the summer sale starts on June 1st"]);
    await say(tienda.id, tienda.ben, "slack", "D0BEN:dm", ["Remind me what our supplier charges for hoodies"]);
    await say(tienda.id, tienda.ben, "slack", "C0SALES:ask:U0BEN", ["what did we decide about the summer sale?"]);
    await say(tienda.id, tienda.ben, "email", "thread-1", ["   "]);
    await say(otra.id, otra.ana, "whatsapp", "+5215599999999", ["Otra tienda, otro mensaje"]);

    expect(await indexWorkspaceMessages(db(), embedder, tienda.id)).toEqual({ indexed: 5, replaced: 0, more: false });
    const stored = await rows(tienda.id);
    expect(stored.map((row) => [row.content.slice(0, 20), row.member_id])).toEqual([
      ["Decidimos no bajar e", tienda.ana],
      ["Entendido: la Camise", tienda.ana],
      ["We agreed the summer", null],
      ["Remind me what our s", tienda.ben],
      ["what did we decide a", tienda.ben],
    ]);
    // Nothing new: nothing stored; the other workspace is untouched until its own turn.
    expect(await indexWorkspaceMessages(db(), embedder, tienda.id)).toEqual({ indexed: 0, replaced: 0, more: false });
    expect(await rows(otra.id)).toEqual([]);

    // Ben recalls the shared decision and his own DM, never Ana's WhatsApp chat.
    const recalled = await recallMemories(db(), embedder, { workspaceId: tienda.id, memberId: tienda.ben, text: "¿qué decidimos sobre la Camiseta Clásica?", now: NOW });
    expect(recalled.map((memory) => memory.memberId)).not.toContain(tienda.ana);
    const forAna = await recallMemories(db(), embedder, { workspaceId: tienda.id, memberId: tienda.ana, text: "¿qué decidimos sobre la Camiseta Clásica?", now: NOW });
    expect(forAna[0]?.content).toContain("Decidimos no bajar el precio");
  });

  it("works through a backlog in batches, and re-embeds for a new embedder, dropping the old vectors", async () => {
    const tienda = await shop("lote");
    await say(tienda.id, tienda.ana, "whatsapp", "+5215500000000", Array.from({ length: 7 }, (_, i) => `Pedido ${i + 1} de sudaderas para el proveedor`));
    expect(await indexWorkspaceMessages(db(), embedder, tienda.id, 3)).toEqual({ indexed: 3, replaced: 0, more: true });
    expect(await indexWorkspaceMessages(db(), embedder, tienda.id, 3)).toEqual({ indexed: 3, replaced: 0, more: true });
    expect(await indexWorkspaceMessages(db(), embedder, tienda.id, 3)).toEqual({ indexed: 1, replaced: 0, more: false });
    expect(await rows(tienda.id)).toHaveLength(7);

    const next = renamed("offline-lexical-v2");
    expect(await indexWorkspaceMessages(db(), next, tienda.id, 5)).toEqual({ indexed: 5, replaced: 5, more: true });
    // Half way: each message has vectors of exactly one embedder.
    const halfway = await rows(tienda.id);
    expect(halfway).toHaveLength(7);
    expect(halfway.filter((row) => row.embedding_model === "offline-lexical-v2")).toHaveLength(5);
    expect(await indexWorkspaceMessages(db(), next, tienda.id, 5)).toEqual({ indexed: 2, replaced: 2, more: false });
    expect(new Set((await rows(tienda.id)).map((row) => row.embedding_model))).toEqual(new Set(["offline-lexical-v2"]));
  });

  it("keeps tool results as tool_result memories, scoped like the conversation, re-embedded and forgotten like messages", async () => {
    const tienda = await shop("herramientas");
    await say(tienda.id, tienda.ana, "whatsapp", "+5215511111111", ["propose_price_change Playera Básica Negro: 299.00 → 279.00 MXN, code 4F2K, pending approval"], "tool");
    await say(tienda.id, tienda.ben, "slack", "C0OPS:1731000000.0002", ["inventory_status stockout_risk, next 14 days: 2 at risk; Sudadera Terracota (M) · MN-SUD-0118-M 0 on hand"], "tool");
    await say(tienda.id, null, "web", "web-thread-1", ["query_metrics net_sales 2026-11-14..2026-11-20: 123,456.70 MXN"], "tool");
    await say(tienda.id, tienda.ana, "whatsapp", "+5215511111111", ["¿cuánto vendimos?"]);

    expect(await indexWorkspaceMessages(db(), embedder, tienda.id)).toEqual({ indexed: 4, replaced: 0, more: false });
    const stored = await db().selectFrom("memory_embeddings").select(["id", "kind", "member_id", "source_id", "content", "created_at"]).where("workspace_id", "=", tienda.id).orderBy("source_id").execute();
    expect(stored.map((row) => [row.kind, row.member_id, row.content.split(" ")[0]])).toEqual([
      ["tool_result", tienda.ana, "propose_price_change"],
      ["tool_result", null, "inventory_status"],
      ["tool_result", null, "query_metrics"],
      ["message", tienda.ana, "¿cuánto"],
    ]);
    // Each has a vector of the current embedder now: nothing is embedded twice.
    expect(await indexWorkspaceMessages(db(), embedder, tienda.id)).toEqual({ indexed: 0, replaced: 0, more: false });

    // Recall by the words a tool result said: the proposal's code and product, for Ana only.
    const forAna = await recallMemories(db(), embedder, { workspaceId: tienda.id, memberId: tienda.ana, text: "propuesta 4F2K Playera Básica Negro", now: NOW });
    expect(forAna[0]?.content).toContain("code 4F2K");
    const forBen = await recallMemories(db(), embedder, { workspaceId: tienda.id, memberId: tienda.ben, text: "propuesta 4F2K Playera Básica Negro", now: NOW });
    expect(forBen.map((memory) => memory.content).join("\n")).not.toContain("4F2K");

    // Where each was said.
    const sources = await memorySources(db(), tienda.id, stored.map((row) => ({ id: row.id, kind: row.kind, sourceId: row.source_id, createdAt: row.created_at })));
    expect(stored.map((row) => sources.get(row.id)?.channel)).toEqual(["whatsapp", "slack", "web", "whatsapp"]);

    // A new embedder replaces tool_result vectors as it does message vectors.
    expect(await indexWorkspaceMessages(db(), renamed("offline-lexical-v2"), tienda.id)).toEqual({ indexed: 4, replaced: 4, more: false });
    const renewed = await db().selectFrom("memory_embeddings").select(["id", "kind", "source_id", "embedding_model"]).where("workspace_id", "=", tienda.id).orderBy("source_id").execute();
    expect(renewed.map((row) => [row.kind, row.embedding_model])).toEqual([
      ["tool_result", "offline-lexical-v2"],
      ["tool_result", "offline-lexical-v2"],
      ["tool_result", "offline-lexical-v2"],
      ["message", "offline-lexical-v2"],
    ]);

    // Forgetting a tool result empties its message, so the next pass does not bring it back.
    expect(await forget(db(), tienda.id, [renewed[0]!.id])).toBe(1);
    const emptied = await db().selectFrom("messages").select("content").where("id", "=", renewed[0]!.source_id!).executeTakeFirstOrThrow();
    expect(emptied.content).toBe("");
    expect(await indexWorkspaceMessages(db(), renamed("offline-lexical-v2"), tienda.id)).toEqual({ indexed: 0, replaced: 0, more: false });
    expect(await db().selectFrom("memory_embeddings").select("id").where("workspace_id", "=", tienda.id).execute()).toHaveLength(3);
  });
  it("leaves out the memory agent's answers and the questions they answered: they only quote memories", async () => {
    const tienda = await shop("eco");
    const conversation = await upsertConversation(db(), { workspaceId: tienda.id, memberId: tienda.ana, channel: "whatsapp", threadKey: "+5215522222222", at: NOW });
    const record = (role: "user" | "assistant", content: string, metadata: Record<string, unknown>, seconds: number) =>
      recordMessage(db(), { workspaceId: tienda.id, conversationId: conversation.id, memberId: role === "user" ? tienda.ana : null, role, content, language: null, metadata, at: new Date(NOW.getTime() + seconds * 1000) });
    await record("user", "¿cuánto vendimos ayer?", {}, 0);
    await record("assistant", "Ayer vendimos $12,300.", { agent: "analytics" }, 1);
    await record("user", "¿qué te pregunté sobre ventas?", {}, 2);
    await record("assistant", "Esto es lo que encontré: • Tú, por WhatsApp: “¿cuánto vendimos ayer?”", { agent: "memory" }, 3);

    expect(await indexWorkspaceMessages(db(), embedder, tienda.id)).toEqual({ indexed: 2, replaced: 0, more: false });
    expect((await rows(tienda.id)).map((row) => row.content)).toEqual(["¿cuánto vendimos ayer?", "Ayer vendimos $12,300."]);
  });
});
