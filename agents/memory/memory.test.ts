/**
 * The memory agent end to end with the offline model, on both dialects: conversations recorded on
 * WhatsApp and in a Slack channel are indexed by the background indexer, then recalled from chat with
 * their source (who, where, when), within the asker's scope: a member's WhatsApp DM is recalled for
 * them and never for a colleague or another workspace. Facts stated in chat are kept with who said
 * them, steer later data answers ("📌 Keep in mind…"), and "forget that" deletes them with their
 * vectors. A change of embedder re-embeds messages and facts in the background and recall comes back.
 */
import { expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { recordMessage, upsertConversation } from "../../db/repositories/conversations.ts";
import { createMember } from "../../db/repositories/members.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { accessFor } from "../../engines/access/roles.ts";
import type { Embedder } from "../../memory/embeddings/embedder.ts";
import { LexicalEmbedder } from "../../memory/embeddings/lexical-embedder.ts";
import { listFacts } from "../../memory/facts/fact-queries.ts";
import { indexWorkspaceFacts } from "../../memory/facts/index-facts.ts";
import { rememberFact } from "../../memory/facts/remember-fact.ts";
import { indexWorkspaceMessages } from "../../memory/index-messages.ts";
import { describeDatabase } from "../../test/database.ts";
import { OfflineChatModel } from "../models/offline/chat-model.ts";
import { createConversationRuntime } from "../runtime.ts";
import type { ModelSource } from "../shared/configuration.ts";

const offline: ModelSource = { modelFor: () => new OfflineChatModel() };
const NOW = new Date("2026-11-21T15:00:00Z");
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

/** The offline embedder under another id: what a change of provider looks like to the indexer. */
class RenamedEmbedder implements Embedder {
  readonly id = "offline-lexical-renamed";
  readonly dimensions: number;
  private readonly inner = new LexicalEmbedder();
  constructor() {
    this.dimensions = this.inner.dimensions;
  }
  embed(texts: readonly string[]): Promise<number[][]> {
    return this.inner.embed(texts);
  }
}

interface World {
  readonly workspace: Workspace;
  readonly ana: number;
  readonly beto: number;
}

async function world(db: Db, slug: string): Promise<World> {
  const workspace = await createWorkspace(db, { name: slug, slug, currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
  const ana = await createMember(db, { workspaceId: workspace.id, name: "Ana", role: "owner", language: "es" });
  const beto = await createMember(db, { workspaceId: workspace.id, name: "Beto", role: "analyst", language: "es" });
  for (const [index, title] of ["Playera Classic", "Gorra Urbana", "Tenis Runner"].entries()) {
    const { id } = await db.insertInto("products").values({ workspace_id: workspace.id, source: "test", external_id: `p${index}`, title, vendor: null, category: "Ropa", status: "active" }).returning("id").executeTakeFirstOrThrow();
    await db.insertInto("variants").values({ workspace_id: workspace.id, product_id: id, source: "test", external_id: `v${index}`, sku: `SKU-${index}23`, title: "Única", price_cents: 29900 }).execute();
  }
  return { workspace, ana: ana.id, beto: beto.id };
}

async function say(db: Db, w: World, where: { channel: string; threadKey: string; memberId: number }, role: "user" | "assistant", content: string, at: Date): Promise<void> {
  const conversation = await upsertConversation(db, { workspaceId: w.workspace.id, memberId: where.memberId, channel: where.channel, threadKey: where.threadKey, at });
  await recordMessage(db, { workspaceId: w.workspace.id, conversationId: conversation.id, memberId: role === "user" ? where.memberId : null, role, content, language: null, metadata: {}, at });
}

/** What the index-memory tick does for one workspace: messages, then facts, until none is left. */
async function indexAll(db: Db, embedder: Embedder, workspaceId: number): Promise<void> {
  for (let outcome = await indexWorkspaceMessages(db, embedder, workspaceId); outcome.more; outcome = await indexWorkspaceMessages(db, embedder, workspaceId));
  for (let outcome = await indexWorkspaceFacts(db, embedder, workspaceId); outcome.more; outcome = await indexWorkspaceFacts(db, embedder, workspaceId));
}

describeDatabase("memory agent", ({ db, handle }) => {
  it("recalls earlier conversations with their source, within the asker's scope", { timeout: 120_000 }, async () => {
    const shop = await world(db(), "tienda");
    const other = await world(db(), "otra");
    const anaWhatsApp = { channel: "whatsapp", threadKey: "+5215550000001", memberId: shop.ana };
    const betoSlack = { channel: "slack", threadKey: "C0TEAM:1732200000.000100", memberId: shop.beto };
    await say(db(), shop, anaWhatsApp, "user", "¿Cómo van las campañas de Meta esta semana? Me preocupa el costo por compra", hoursAgo(24));
    await say(db(), shop, anaWhatsApp, "assistant", "Meta lleva un ROAS de 2.1 esta semana.", hoursAgo(24));
    await say(db(), shop, anaWhatsApp, "user", "¿cuánto stock queda de la Gorra Urbana?", hoursAgo(30));
    await say(db(), shop, betoSlack, "user", "We decided to end the summer sale on Sunday and keep free shipping", hoursAgo(72));
    await say(db(), other, { channel: "whatsapp", threadKey: "+5215550000009", memberId: other.ana }, "user", "Las campañas de Meta de la otra tienda van mal", hoursAgo(20));
    const embedder = new LexicalEmbedder();
    await indexAll(db(), embedder, shop.workspace.id);
    await indexAll(db(), embedder, other.workspace.id);

    const runtime = await createConversationRuntime({ db: db(), pool: handle().pool, models: offline, embedder });
    const ask = (text: string, memberId: number, channel = "whatsapp") =>
      runtime.runTurn({ workspace: shop.workspace, text, thread: null, now: NOW, actor: { memberId, channel }, access: accessFor(memberId === shop.ana ? "owner" : "analyst", {}) });

    const meta = await ask("¿qué te pregunté ayer sobre Meta?", shop.ana);
    expect(meta).toMatchObject({ agent: "memory", language: "es", numbersChecked: true, toolCalls: [{ name: "recall_memory", args: { query: "Meta", range: { kind: "yesterday" } } }] });
    expect(meta.answer).toContain("“¿Cómo van las campañas de Meta esta semana? Me preocupa el costo por compra”");
    expect(meta.answer).toMatch(/\*Tú, por WhatsApp, /);
    expect(meta.answer).not.toContain("otra tienda");
    expect(meta.freshness).toContain("memoria de conversaciones");

    const sale = await ask("what did we decide about the summer sale?", shop.ana, "slack");
    expect(sale).toMatchObject({ agent: "memory", language: "en", toolCalls: [{ name: "recall_memory" }] });
    expect(sale.answer.split("\n")[1]).toBe("• *Beto, in Slack, Nov 18, 2026 9:00 AM*: “We decided to end the summer sale on Sunday and keep free shipping”");

    const product = await ask("the product we talked about", shop.ana);
    expect(product.answer).toMatch(/^The product was \*Gorra Urbana\*/);

    // Ana's WhatsApp chat is hers: Beto recalls the shared Slack decision, never her DM.
    const betoMeta = await ask("what did Ana ask about Meta?", shop.beto, "slack");
    expect(betoMeta.agent).toBe("memory");
    expect(betoMeta.answer).not.toContain("campañas de Meta");
    expect(betoMeta.answer).not.toContain("ROAS");
  });

  it("keeps a stated fact with who said it, uses it in later answers, and forgets it with its vectors", { timeout: 120_000 }, async () => {
    const shop = await world(db(), "tienda");
    const runtime = await createConversationRuntime({ db: db(), pool: handle().pool, models: offline });
    const ask = (text: string, memberId: number, thread: string | null = null) =>
      runtime.runTurn({ workspace: shop.workspace, text, thread, now: NOW, actor: { memberId, channel: "whatsapp" }, access: accessFor(memberId === shop.ana ? "owner" : "analyst", {}) });

    const kept = await ask("we never discount the Classic line", shop.ana);
    expect(kept).toMatchObject({ agent: "memory", toolCalls: [{ name: "remember_fact", args: { statement: "we never discount the Classic line" } }] });
    expect(kept.answer).toContain("Noted for the whole team: “we never discount the Classic line”.");
    expect(kept.answer).toContain("Price suggestions won't lower these prices");
    const [fact] = await listFacts(db(), shop.workspace.id, { limit: 5 });
    expect(fact).toMatchObject({ statement: "we never discount the Classic line", claim: { kind: "no_discount" }, saidBy: { memberId: shop.ana, name: "Ana" }, channel: "whatsapp" });

    // Said again: nothing new is stored.
    const again = await ask("remember that we never discount the Classic line", shop.ana);
    expect(again.answer).toMatch(/^I already had that/);
    expect(await listFacts(db(), shop.workspace.id, { limit: 5 })).toHaveLength(1);

    // A later data answer about the line's product carries the fact.
    const sales = await ask("how much did Playera Classic sell last week?", shop.beto);
    expect(sales.agent).toBe("analytics");
    expect(sales.answer).toContain("📌 Keep in mind: “we never discount the Classic line” (Ana, Nov 21)");

    // Recall finds the fact, marked as kept, with who said it.
    const recalled = await ask("¿recuerdas qué dijimos de los descuentos?", shop.beto);
    expect(recalled.answer).toContain("Dato guardado (Ana, por WhatsApp,");

    // Beto (an analyst) cannot forget Ana's fact; Ana can.
    const refused = await ask("forget what I said about the Classic line", shop.beto);
    expect(refused.answer).toBe("Only the person who said it, an owner or an admin can forget that fact.");
    const forgotten = await ask("olvídalo", shop.ana);
    expect(forgotten).toMatchObject({ toolCalls: [{ name: "forget_memory", args: { about: null } }] });
    expect(forgotten.answer).toMatch(/^Olvidado: “we never discount the Classic line”/);
    expect(await listFacts(db(), shop.workspace.id, { limit: 5 })).toEqual([]);
    const vectors = await db().selectFrom("memory_embeddings").select("id").where("workspace_id", "=", shop.workspace.id).where("kind", "=", "fact").execute();
    expect(vectors).toEqual([]);
    const nothing = await ask("forget that", shop.ana);
    expect(nothing.answer).toBe("I have no kept fact like that to forget.\n\nAsk me “what facts do you remember?” to see them.");
  });

  it("re-embeds in the background when the embedder changes, and recall comes back", { timeout: 120_000 }, async () => {
    const shop = await world(db(), "tienda");
    await say(db(), shop, { channel: "slack", threadKey: "C0TEAM:1", memberId: shop.beto }, "user", "We decided to end the summer sale on Sunday", hoursAgo(5));
    await indexAll(db(), new LexicalEmbedder(), shop.workspace.id);
    await rememberFact(db(), new LexicalEmbedder(), { workspaceId: shop.workspace.id, statement: "we never discount the Classic line", memberId: shop.ana, channel: "slack", at: hoursAgo(4), currency: "MXN" });

    const renamed = new RenamedEmbedder();
    const runtime = await createConversationRuntime({ db: db(), pool: handle().pool, models: offline, embedder: renamed });
    const ask = () => runtime.runTurn({ workspace: shop.workspace, text: "what did we decide about the summer sale?", thread: null, now: NOW, actor: { memberId: shop.ana, channel: "slack" }, access: accessFor("owner", {}) });

    // Recall compares one model's vectors: before the indexer runs, the new model has none.
    expect((await ask()).answer).toMatch(/^I don't remember anything about “summer sale”/);
    await indexAll(db(), renamed, shop.workspace.id);
    const after = await ask();
    expect(after.answer).toContain("“We decided to end the summer sale on Sunday”");
    const facts = await runtime.runTurn({ workspace: shop.workspace, text: "do you remember what we said about discounts?", thread: null, now: NOW, actor: { memberId: shop.beto, channel: "slack" }, access: accessFor("analyst", {}) });
    expect(facts.answer).toContain("“we never discount the Classic line”");
    const models = await db().selectFrom("memory_embeddings").select("embedding_model").distinct().where("workspace_id", "=", shop.workspace.id).execute();
    expect(models.map((row) => row.embedding_model)).toEqual(["offline-lexical-renamed"]);
  });
});
