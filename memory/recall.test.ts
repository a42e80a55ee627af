/**
 * Hybrid recall on both dialects with the offline embedder: meaning across languages, exact rare
 * words, recency, and the privacy rules (tenant, member, model, forget).
 */
import { expect, it } from "vitest";
import { createMember } from "../db/repositories/members.ts";
import { createWorkspace } from "../db/repositories/workspaces.ts";
import { describeDatabase } from "../test/database.ts";
import { forgetMemories, insertMemories } from "./embedding-store.ts";
import { LexicalEmbedder } from "./embeddings/lexical-embedder.ts";
import { recallMemories, recencyWeight, RECENCY_FLOOR } from "./recall.ts";
import { rememberMessages } from "./remember.ts";

const embedder = new LexicalEmbedder();
const NOW = new Date("2026-11-20T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

/** Everyday shop chat that shares topics (stock, suppliers, prices, ads) with the targets below. */
const CHATTER = [
  "Google Shopping feed has 3 product errors",
  "The red shirts in size M are selling fast this week",
  "Restock of the linen tee arrives Thursday from the supplier",
  "Raise the price of the basic hoodie to 450 pesos",
  "Meta ads spent 2,000 pesos yesterday with 12 sales",
  "Customer asked for a refund on a late order",
  "Los abrigos de invierno llegan del proveedor en octubre",
  "Stock of red shirts is low, order more from the supplier",
  "Shipping with the new courier takes 3 days",
  "Our average rating on the site is 4.6",
];

describeDatabase("hybrid memory recall", ({ db }) => {
  async function shop(slug: string) {
    const workspace = await createWorkspace(db(), { name: slug, slug, currency: "MXN", timezone: "America/Mexico_City" });
    const ana = await createMember(db(), { workspaceId: workspace.id, name: "Ana", role: "owner", language: "es" });
    const ben = await createMember(db(), { workspaceId: workspace.id, name: "Ben", role: "admin", language: "en" });
    return { id: workspace.id, ana: ana.id, ben: ben.id };
  }

  async function remember(workspaceId: number, contents: readonly string[], options: { memberId?: number | null; createdAt?: Date } = {}) {
    return rememberMessages(
      db(),
      embedder,
      contents.map((content) => ({ workspaceId, memberId: options.memberId ?? null, kind: "message" as const, content, createdAt: options.createdAt ?? daysAgo(2) })),
    );
  }

  it("finds the English message a Spanish question paraphrases, through the vectors", async () => {
    const a = await shop("a");
    await remember(a.id, CHATTER);
    const [target] = await remember(a.id, ["Let's cut the Google Ads budget in half, the ROAS is below 1"]);

    const recalled = await recallMemories(db(), embedder, { workspaceId: a.id, memberId: null, text: "¿qué dijimos del presupuesto de Google?", now: NOW });

    const hit = recalled.find((memory) => memory.id === target);
    expect(hit, JSON.stringify(recalled)).toBeDefined();
    expect(hit!.vectorRank).toBe(1);
    // "Google" is the only shared word, and the feed-errors message has it too: meaning, not words, puts it first.
    expect(recalled[0]!.id).toBe(target);
    expect(recalled).toHaveLength(5);
  });

  it("finds an exact rare word (a SKU, a campaign name) first through full text", async () => {
    const a = await shop("a");
    // A store's worth of chatter, so common words ("red", "shirts") are common here too.
    await remember(a.id, ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"].flatMap((day) => CHATTER.map((line) => `${day}: ${line}`)));
    const [sku, campaign] = await remember(a.id, ["CLS-ROJO-M: 14 unidades apartadas para Mayoreo Sánchez", "Lanzamos Amanecer Dorado el lunes en Instagram"]);

    const bySku = await recallMemories(db(), embedder, { workspaceId: a.id, memberId: null, text: "did we restock the red shirts CLS-ROJO-M?", now: NOW });
    const skuHit = bySku.find((memory) => memory.id === sku);
    expect(skuHit, JSON.stringify(bySku)).toBeDefined();
    expect(skuHit!.textRank).toBe(1);
    expect(bySku[0]!.id).toBe(sku);

    const byCampaign = await recallMemories(db(), embedder, { workspaceId: a.id, memberId: null, text: "how did amanecer dorado go?", now: NOW });
    expect(byCampaign[0]?.id, JSON.stringify(byCampaign)).toBe(campaign);
    expect(byCampaign[0]!.textRank).toBe(1);
  });

  it("puts the newer of two equally similar memories first, yet still surfaces a year-old exact match", async () => {
    const a = await shop("a");
    await remember(a.id, CHATTER);
    const [older] = await remember(a.id, ["Free shipping on orders over 999 pesos"], { createdAt: daysAgo(90) });
    const [newer] = await remember(a.id, ["Free shipping on orders over 999 pesos"], { createdAt: daysAgo(3) });
    const [yearOld] = await remember(a.id, ["Decidimos cambiar el empaque a cajas de Empaques Norte"], { createdAt: daysAgo(365) });
    await remember(a.id, ["Packaging costs went up 10% this month", "Las cajas nuevas son más caras", "El empaque llegó dañado en tres pedidos"], { createdAt: daysAgo(1) });

    const shipping = await recallMemories(db(), embedder, { workspaceId: a.id, memberId: null, text: "free shipping threshold", now: NOW });
    const ids = shipping.map((memory) => memory.id);
    expect(ids.indexOf(newer!)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(newer!)).toBeLessThan(ids.indexOf(older!));

    const packaging = await recallMemories(db(), embedder, { workspaceId: a.id, memberId: null, text: "¿qué decidimos con Empaques Norte?", now: NOW });
    expect(packaging.map((memory) => memory.id), JSON.stringify(packaging)).toContain(yearOld);
  });

  it("weights recency with a half-life and a floor", () => {
    expect(recencyWeight(NOW, NOW)).toBe(1);
    expect(recencyWeight(daysAgo(30), NOW)).toBeCloseTo(RECENCY_FLOOR + (1 - RECENCY_FLOOR) / 2, 10);
    expect(recencyWeight(daysAgo(3650), NOW)).toBeCloseTo(RECENCY_FLOOR, 5);
  });

  it("never recalls another workspace's memories, even identical ones", async () => {
    const a = await shop("a");
    const b = await shop("b");
    const [own] = await remember(a.id, ["Raise the price of the basic hoodie to 450 pesos"]);
    await remember(b.id, ["Raise the price of the basic hoodie to 450 pesos", "hoodie price raised", ...CHATTER]);

    const recalled = await recallMemories(db(), embedder, { workspaceId: a.id, memberId: a.ana, text: "hoodie price", now: NOW });
    expect(recalled.map((memory) => memory.id)).toEqual([own]);
  });

  it("recalls a member's private memories only for that member; workspace-wide ones for everyone", async () => {
    const a = await shop("a");
    const [shared] = await remember(a.id, ["Supplier Textiles Lupita raised prices 8%"]);
    const [anasPrivate] = await remember(a.id, ["Textiles Lupita owes me a call about prices"], { memberId: a.ana });

    const forAna = await recallMemories(db(), embedder, { workspaceId: a.id, memberId: a.ana, text: "Textiles Lupita prices", now: NOW });
    const forBen = await recallMemories(db(), embedder, { workspaceId: a.id, memberId: a.ben, text: "Textiles Lupita prices", now: NOW });
    const forWorkspace = await recallMemories(db(), embedder, { workspaceId: a.id, memberId: null, text: "Textiles Lupita prices", now: NOW });

    expect(forAna.map((memory) => memory.id).sort()).toEqual([shared, anasPrivate].sort());
    expect(forAna.find((memory) => memory.id === anasPrivate)?.memberId).toBe(a.ana);
    expect(forBen.map((memory) => memory.id)).toEqual([shared]);
    expect(forWorkspace.map((memory) => memory.id)).toEqual([shared]);
  });

  it("ignores vectors and text stored by another embedding model", async () => {
    const a = await shop("a");
    const [current] = await remember(a.id, ["Pause the TikTok campaign until December"]);
    const [vector] = await embedder.embed(["Pause the TikTok campaign until December"]);
    await insertMemories(db(), [{ workspaceId: a.id, memberId: null, kind: "message", content: "Pause the TikTok campaign until December", embedding: vector!, model: "openai:text-embedding-3-small@384" }]);

    const recalled = await recallMemories(db(), embedder, { workspaceId: a.id, memberId: null, text: "TikTok campaign", now: NOW });
    expect(recalled.map((memory) => memory.id)).toEqual([current]);
  });

  it("filters by kind", async () => {
    const a = await shop("a");
    const [message] = await remember(a.id, ["Stock of red shirts is low"]);
    const [fact] = await rememberMessages(db(), embedder, [{ workspaceId: a.id, memberId: null, kind: "fact", content: "Red shirts are the best seller" }]);

    const facts = await recallMemories(db(), embedder, { workspaceId: a.id, memberId: null, text: "red shirts", kinds: ["fact"], now: NOW });
    const all = await recallMemories(db(), embedder, { workspaceId: a.id, memberId: null, text: "red shirts", now: NOW });
    expect(facts.map((memory) => memory.id)).toEqual([fact]);
    expect(all.map((memory) => memory.id).sort()).toEqual([message, fact].sort());
    expect(await recallMemories(db(), embedder, { workspaceId: a.id, memberId: null, text: "red shirts", kinds: [], now: NOW })).toEqual([]);
  });

  it("no longer recalls a forgotten memory", async () => {
    const a = await shop("a");
    const [kept, forgotten] = await remember(a.id, ["Black Friday discount is 30%", "Black Friday discount for VIPs is 40%"]);
    expect((await recallMemories(db(), embedder, { workspaceId: a.id, memberId: null, text: "Black Friday discount", now: NOW })).map((m) => m.id).sort()).toEqual(
      [kept, forgotten].sort(),
    );

    expect(await forgetMemories(db(), a.id, [forgotten!])).toBe(1);
    const after = await recallMemories(db(), embedder, { workspaceId: a.id, memberId: null, text: "Black Friday discount", now: NOW });
    expect(after.map((memory) => memory.id)).toEqual([kept]);
    const rows = await db().selectFrom("memory_embeddings").select("id").where("id", "=", forgotten!).execute();
    expect(rows).toEqual([]);
  });
});
