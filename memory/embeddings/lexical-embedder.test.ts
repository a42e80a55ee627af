import { describe, expect, it } from "vitest";
import { cosineSimilarity, EMBEDDING_DIMENSIONS } from "./embedder.ts";
import { LexicalEmbedder, OFFLINE_LEXICAL_ID } from "./lexical-embedder.ts";
import { loadParaphraseSet, measureRecall } from "./paraphrase-recall.ts";
import { stem, words } from "./text-features.ts";
import { WordHashEmbedder } from "./word-hash-embedder.ts";

const embedder = new LexicalEmbedder();

async function similarity(a: string, b: string): Promise<number> {
  const [x, y] = await embedder.embed([a, b]);
  return cosineSimilarity(x ?? [], y ?? []);
}

describe("offline lexical embedder", () => {
  it("gives unit-length 384-dimensional vectors, the same for the same text in any call", async () => {
    const texts = ["¿Qué decidimos sobre las rebajas de verano?", "Reorder 200 units of the mom jeans", "frete grátis acima de R$ 199"];
    const first = await embedder.embed(texts);
    const again = await new LexicalEmbedder().embed([...texts].reverse());
    expect(embedder.id).toBe(OFFLINE_LEXICAL_ID);
    for (const [i, vector] of first.entries()) {
      expect(vector).toHaveLength(EMBEDDING_DIMENSIONS);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 10);
      expect(again[texts.length - 1 - i]).toEqual(vector);
    }
  });

  it("leaves a text with nothing to embed at all zeros rather than a random direction", async () => {
    const [empty, punctuation] = await embedder.embed(["", "?!…"]);
    expect(empty?.every((value) => value === 0)).toBe(true);
    expect(punctuation?.every((value) => value === 0)).toBe(true);
  });

  it("folds accents and meets inflections at one stem", () => {
    expect(words("Promoção de VERÃO: 20% off")).toEqual(["promocao", "de", "verao", "20%", "off"]);
    expect(new Set(["vendemos", "vendas", "vender"].map(stem)).size).toBe(1);
    expect(new Set(["orders", "ordered", "order"].map(stem)).size).toBe(1);
    expect(new Set(["promoción", "promoção", "promotion", "promociones"].map((word) => stem(words(word)[0] ?? ""))).size).toBe(1);
  });

  it.each([
    ["what did we decide about the summer sale?", "Quedamos en hacer 25% de descuento en toda la tienda para el verano", "La paquetería perdió dos paquetes la semana pasada"],
    ["¿qué te pregunté sobre Meta?", "How much did we spend on Facebook and Instagram ads last week?", "The factory is closed for two weeks in August"],
    ["o fornecedor que escolhemos", "We chose Sierra Denim as our supplier for the jeans", "Customers love the vitamin C serum"],
    ["¿cuándo se agota el sérum?", "O sérum de vitamina C esgota em 10 dias", "Vamos contratar uma pessoa para embalar pedidos"],
    ["did we approve raising prices?", "Aprovado: subir todos os preços em 5% mês que vem", "Mandemos un boletín a los compradores recurrentes"],
  ])("puts %j closer to its paraphrase in another language than to an unrelated message", async (query, paraphrase, unrelated) => {
    expect(await similarity(query, paraphrase)).toBeGreaterThan((await similarity(query, unrelated)) + 0.1);
  });

  it("recalls the paraphrase set better than plain word hashing, in every group", async () => {
    const cases = await loadParaphraseSet();
    const offline = await measureRecall(embedder, cases);
    const baseline = await measureRecall(new WordHashEmbedder(), cases);
    expect(offline.map((group) => group.group)).toEqual(["en", "es", "pt", "cross"]);
    for (const group of offline) {
      const plain = baseline.find((other) => other.group === group.group);
      expect(group.recallAt5).toBeGreaterThan(plain?.recallAt5 ?? 1);
      // Floors a little under the measured figures (memory/EMBEDDINGS.md): a regression fails here.
      expect(group.recallAt5, group.group).toBeGreaterThanOrEqual(0.75);
    }
  });
});
