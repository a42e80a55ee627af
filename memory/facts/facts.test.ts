/**
 * Entity memory on both dialects, on a small hand-made catalog: statements are linked to the SKU's
 * variant, the products of "the Classic line", campaigns, competitors and members; a remembered
 * fact is stored with who said it, embedded so recall finds it for a paraphrase, listed, found by
 * product and by mention, never stored twice, never seen or forgotten by another workspace, and
 * forgotten with its vectors.
 */
import { expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { createMember } from "../../db/repositories/members.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import { describeDatabase } from "../../test/database.ts";
import { LexicalEmbedder } from "../embeddings/lexical-embedder.ts";
import { recallMemories } from "../recall.ts";
import { rememberMessages } from "../remember.ts";
import { factsForProducts, factsMentioning, lastFactBy, listFacts } from "./fact-queries.ts";
import { forgetFact } from "./forget-fact.ts";
import { linkSubjects } from "./link-subjects.ts";
import { rememberFact } from "./remember-fact.ts";

const embedder = new LexicalEmbedder();
const NOW = new Date("2026-11-20T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

/** [title, vendor, category, skus]. */
const CATALOG: readonly (readonly [string, string | null, string | null, readonly string[]])[] = [
  ["Playera Classic", "Tienda Norte", "Playeras", ["PLA-001-CH", "PLA-001-MD"]],
  ["Sudadera Clásica", "Tienda Norte", "Sudaderas", ["SUD-002"]],
  ["Gorra Urbana", "Classic Caps", "Accesorios", ["GOR-123"]],
  ["Tenis Runner", "Pista", "Calzado", ["TEN-004"]],
  ["Classics Mug", null, "Hogar", ["MUG-1"]],
];

async function shop(db: Db, slug: string, withCatalog: boolean) {
  const workspace = await createWorkspace(db, { name: slug, slug, currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
  const ana = await createMember(db, { workspaceId: workspace.id, name: "Ana García", role: "owner", language: "es" });
  const ben = await createMember(db, { workspaceId: workspace.id, name: "Ben", role: "admin", language: "en" });
  const products = new Map<string, number>();
  if (withCatalog) {
    for (const [index, [title, vendor, category, skus]] of CATALOG.entries()) {
      const { id } = await db.insertInto("products").values({ workspace_id: workspace.id, source: "test", external_id: `p${index}`, title, vendor, category, status: "active" }).returning("id").executeTakeFirstOrThrow();
      products.set(title, id);
      await db
        .insertInto("variants")
        .values(skus.map((sku, v) => ({ workspace_id: workspace.id, product_id: id, source: "test", external_id: `p${index}-${v}`, sku, title: v === 0 ? "Chica" : "Mediana", price_cents: 29900 })))
        .execute();
    }
    await db.insertInto("ad_campaigns").values({ workspace_id: workspace.id, platform: "meta", external_id: "c1", name: "Hot Sale MX", objective: null, status: "active" }).execute();
    const anyProduct = products.get("Tenis Runner") ?? 0;
    await db
      .insertInto("competitor_prices")
      .values({ workspace_id: workspace.id, product_id: anyProduct, variant_id: null, competitor: "Acme Sports", url: null, price_cents: 99900, currency: "MXN", in_stock: true, observed_at: NOW })
      .execute();
  }
  return { id: workspace.id, ana: ana.id, ben: ben.id, products };
}

const product = (products: Map<string, number>, title: string) => products.get(title) ?? -1;

describeDatabase("entity memory (facts)", ({ db }) => {
  it("links a SKU to its variant, a line to its products, and names to campaigns, competitors, members and topics", async () => {
    const a = await shop(db(), "tienda", true);

    const sku = await linkSubjects(db(), a.id, "our cost for SKU 123 went up to 210");
    expect(sku.map((s) => [s.kind, s.label, s.productIds])).toEqual([["variant", "Gorra Urbana / Chica (SKU GOR-123)", [product(a.products, "Gorra Urbana")]]]);
    const exact = await linkSubjects(db(), a.id, "sku pla-001-md costs 95");
    expect(exact.map((s) => [s.kind, s.productIds])).toEqual([["variant", [product(a.products, "Playera Classic")]]]);

    // Title, vendor ("Classic Caps") or category with the whole word "classic"; not "Classics Mug".
    const line = await linkSubjects(db(), a.id, "we never discount the Classic line");
    expect(line.map((s) => [s.kind, s.key, s.label])).toEqual([["product_line", "line:classic", "Classic line"]]);
    expect(line[0]!.productIds).toEqual([product(a.products, "Playera Classic"), product(a.products, "Gorra Urbana")]);
    const linea = await linkSubjects(db(), a.id, "no hacemos descuentos en la línea Clásica");
    expect(linea.map((s) => [s.key, s.label, s.productIds])).toEqual([["line:clasica", "línea Clásica", [product(a.products, "Sudadera Clásica")]]]);

    // Typed without accents, in capitals, or with the accents the title lacks.
    expect((await linkSubjects(db(), a.id, "sube el precio de la SUDADERA CLASICA")).map((s) => [s.kind, s.label])).toEqual([["product", "Sudadera Clásica"]]);
    expect((await linkSubjects(db(), a.id, "¿la Gorra Úrbana (Chica) se vende?")).map((s) => [s.kind, s.label])).toEqual([["product", "Gorra Urbana"]]);

    const named = await linkSubjects(db(), a.id, "Ben says Acme Sports matched the Tenis Runner price during the hot sale mx push");
    expect(named.map((s) => [s.kind, s.label])).toEqual([
      ["product", "Tenis Runner"],
      ["campaign", "Hot Sale MX"],
      ["competitor", "Acme Sports"],
      ["member", "Ben"],
    ]);
    expect((await linkSubjects(db(), a.id, "ana prefers email"))[0]).toMatchObject({ kind: "member", key: `member:${a.ana}`, label: "Ana García" });

    expect(await linkSubjects(db(), a.id, "we decided to end the summer sale on Sunday")).toEqual([{ kind: "topic", key: "topic:summer sale", label: "summer sale", productIds: [] }]);
  });

  it("links nothing of another workspace", async () => {
    const a = await shop(db(), "tienda", true);
    const b = await shop(db(), "otra", false);
    const statement = "Acme Sports and the Hot Sale MX campaign: never discount SKU PLA-001-CH or the Playera Classic, the Classic line";
    const here = await linkSubjects(db(), a.id, statement);
    expect(here.map((s) => s.kind).sort()).toEqual(["campaign", "competitor", "product", "product_line", "variant"]);
    const there = await linkSubjects(db(), b.id, statement);
    // There the campaign is only a topic, and the line covers no products.
    expect(there.map((s) => [s.key, s.productIds])).toEqual([
      ["line:classic", []],
      ["topic:hot sale mx campaign", []],
    ]);
  });

  it("remembers a fact with who said it, embeds it for recall, and does not store a repeat twice", async () => {
    const a = await shop(db(), "tienda", true);
    await rememberMessages(
      db(),
      embedder,
      ["Restock of the Tenis Runner arrives Thursday", "Meta ads spent 2,000 pesos yesterday", "Customer asked for a refund on a late order", "Shipping with the new courier takes 3 days"].map((content) => ({
        workspaceId: a.id,
        memberId: null,
        kind: "message" as const,
        content,
        createdAt: minutesAgo(60),
      })),
    );
    const fact = await rememberFact(db(), embedder, { workspaceId: a.id, statement: "We never discount the Classic line", memberId: a.ana, channel: "whatsapp", at: minutesAgo(5), currency: "MXN" });
    expect(fact).toMatchObject({
      workspaceId: a.id,
      statement: "We never discount the Classic line",
      claim: { kind: "no_discount" },
      saidBy: { memberId: a.ana, name: "Ana García" },
      channel: "whatsapp",
      createdAt: minutesAgo(5),
    });
    expect(fact.subjects.map((s) => s.key)).toEqual(["line:classic"]);

    const vectors = await db().selectFrom("memory_embeddings").select(["kind", "member_id", "source_id", "content", "created_at"]).where("kind", "=", "fact").execute();
    expect(vectors).toEqual([{ kind: "fact", member_id: null, source_id: fact.id, content: "We never discount the Classic line", created_at: minutesAgo(5) }]);
    // A paraphrase in another language finds it, for anyone in the workspace.
    const recalled = await recallMemories(db(), embedder, { workspaceId: a.id, memberId: a.ben, text: "¿podemos hacer rebajas en la línea Classic?", now: NOW, limit: 3 });
    expect(recalled[0]).toMatchObject({ kind: "fact", sourceId: fact.id });

    const again = await rememberFact(db(), embedder, { workspaceId: a.id, statement: "  we never discount the classic line! ", memberId: a.ana, channel: "slack", at: NOW, currency: "MXN" });
    expect(again.id).toBe(fact.id);
    expect(again.channel).toBe("whatsapp");
    const byBen = await rememberFact(db(), embedder, { workspaceId: a.id, statement: "We never discount the Classic line", memberId: a.ben, channel: "slack", at: NOW, currency: "MXN" });
    expect(byBen.id).not.toBe(fact.id);
    expect(await db().selectFrom("memory_facts").select("id").execute()).toHaveLength(2);
    expect(await db().selectFrom("memory_embeddings").select("id").where("kind", "=", "fact").execute()).toHaveLength(2);
  });

  it("lists facts newest first, by subject, by product, by mention, and a member's last one", async () => {
    const a = await shop(db(), "tienda", true);
    const remember = (statement: string, memberId: number | null, minutes: number) => rememberFact(db(), embedder, { workspaceId: a.id, statement, memberId, channel: "slack", at: minutesAgo(minutes), currency: "MXN" });
    const classic = await remember("we never discount the Classic line", a.ana, 30);
    const cost = await remember("our cost for SKU 123 went up to 210", a.ben, 20);
    const summer = await remember("we decided to end the summer sale on Sunday", a.ana, 10);
    const byHand = await remember("Acme Sports only ships to Monterrey", null, 5);

    expect(cost.claim).toEqual({ kind: "cost", costCents: 21000, currency: "MXN" });
    expect(summer.claim).toEqual({ kind: "decision" });
    expect(byHand.saidBy).toEqual({ memberId: null, name: null });
    expect((await listFacts(db(), a.id, { limit: 10 })).map((f) => f.id)).toEqual([byHand.id, summer.id, cost.id, classic.id]);
    expect((await listFacts(db(), a.id, { limit: 2 })).map((f) => f.id)).toEqual([byHand.id, summer.id]);
    expect((await listFacts(db(), a.id, { limit: 10, subjectKey: "line:classic" })).map((f) => f.id)).toEqual([classic.id]);

    expect((await factsForProducts(db(), a.id, [product(a.products, "Playera Classic")])).map((f) => f.id)).toEqual([classic.id]);
    // The cap (GOR-123) is both in the Classic line (its vendor) and the SKU of the cost.
    expect((await factsForProducts(db(), a.id, [product(a.products, "Tenis Runner"), product(a.products, "Gorra Urbana")])).map((f) => f.id)).toEqual([cost.id, classic.id]);
    expect(await factsForProducts(db(), a.id, [product(a.products, "Tenis Runner")])).toEqual([]);

    expect((await factsMentioning(db(), a.id, "forget what I said about the Classic line", 5)).map((f) => f.id)).toEqual([classic.id]);
    expect((await factsMentioning(db(), a.id, "olvida lo que dije del SKU 123", 5)).map((f) => f.id)).toEqual([cost.id]);
    expect((await factsMentioning(db(), a.id, "what about summer sales?", 5)).map((f) => f.id)).toEqual([summer.id]);
    // A kind word alone ("line") picks nothing.
    expect(await factsMentioning(db(), a.id, "forget the line", 5)).toEqual([]);

    expect((await lastFactBy(db(), a.id, a.ana))?.id).toBe(summer.id);
    expect((await lastFactBy(db(), a.id, a.ben))?.id).toBe(cost.id);
    expect((await lastFactBy(db(), a.id, null))?.id).toBe(byHand.id);
  });

  it("keeps a workspace's facts from every other workspace, and forgets them with their vectors", async () => {
    const a = await shop(db(), "tienda", true);
    const b = await shop(db(), "otra", true);
    const fact = await rememberFact(db(), embedder, { workspaceId: a.id, statement: "we never discount the Classic line", memberId: a.ana, channel: "web", at: minutesAgo(5), currency: "MXN" });

    expect(await listFacts(db(), b.id, { limit: 10 })).toEqual([]);
    expect(await factsForProducts(db(), b.id, fact.subjects[0]!.productIds)).toEqual([]);
    expect(await factsMentioning(db(), b.id, "Classic line", 5)).toEqual([]);
    expect(await lastFactBy(db(), b.id, a.ana)).toBeNull();
    expect(await recallMemories(db(), embedder, { workspaceId: b.id, memberId: null, text: "discount Classic line", now: NOW })).toEqual([]);
    expect(await forgetFact(db(), b.id, fact.id)).toBeNull();
    expect(await listFacts(db(), a.id, { limit: 10 })).toHaveLength(1);

    const forgotten = await forgetFact(db(), a.id, fact.id);
    expect(forgotten).toMatchObject({ id: fact.id, statement: "we never discount the Classic line", saidBy: { memberId: a.ana, name: "Ana García" } });
    expect(await listFacts(db(), a.id, { limit: 10 })).toEqual([]);
    expect(await db().selectFrom("memory_embeddings").select("id").where("kind", "=", "fact").execute()).toEqual([]);
    expect(await recallMemories(db(), embedder, { workspaceId: a.id, memberId: null, text: "discount Classic line", now: NOW })).toEqual([]);
    expect(await forgetFact(db(), a.id, fact.id)).toBeNull();
  });

  it("keeps a fact when the member who said it leaves", async () => {
    const a = await shop(db(), "tienda", false);
    const fact = await rememberFact(db(), embedder, { workspaceId: a.id, statement: "let's pause Google ads in December", memberId: a.ben, channel: "slack", at: NOW, currency: "MXN" });
    await db().deleteFrom("members").where("id", "=", a.ben).execute();
    expect((await listFacts(db(), a.id, { limit: 1 }))[0]).toMatchObject({ id: fact.id, saidBy: { memberId: null, name: null } });
  });
});
