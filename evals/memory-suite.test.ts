/**
 * The memory suite's engine on tiny inline cases (one per language and one privacy case), on both
 * dialects: the expected message comes back in the top 5, and another member's private message
 * never does. The dataset's figures are measured by `npm run eval -- --suite memory`, not asserted here.
 */
import { describe, expect, it } from "vitest";
import { describeDatabase } from "../test/database.ts";
import { LexicalEmbedder } from "../memory/embeddings/lexical-embedder.ts";
import { DatasetError } from "./dataset.ts";
import { loadMemoryDataset, parseMemoryDataset, type MemoryCase } from "./memory-dataset.ts";
import { runMemoryCase, runMemorySuite } from "./memory-suite.ts";

const embedder = new LexicalEmbedder();
const NOW = "2026-11-20T15:00:00Z";
const at = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();

type Line = readonly [member: "ana" | "beto", channel: "whatsapp" | "slack-dm" | "slack-channel" | "email", text: string];
function conversation(lines: readonly Line[]) {
  return lines.map(([member, channel, text], index) => ({ at: at(lines.length - index), member, channel, text }));
}

function memoryCase(fields: Omit<MemoryCase, "now" | "crossLanguage" | "tags">): MemoryCase {
  return { now: NOW, crossLanguage: false, tags: [], ...fields };
}

const CHATTER: readonly Line[] = [
  ["ana", "slack-channel", "Stock of the black hoodies is down to 12 units"],
  ["beto", "slack-channel", "Meta ads spent 3,100 pesos yesterday with 9 sales"],
  ["beto", "slack-channel", "Las camisas de lino llegan el jueves"],
  ["ana", "slack-channel", "O feed do Google Shopping está com 5 produtos com erro"],
  ["beto", "email", "Customer asked for a refund on order 5512"],
  ["ana", "slack-channel", "Vendemos 40 ecobags no fim de semana"],
  ["beto", "slack-channel", "El ticket promedio del mes va en 610 pesos"],
];

const CASES: readonly MemoryCase[] = [
  memoryCase({
    id: "en-m001",
    language: "en",
    conversation: conversation([...CHATTER, ["ana", "slack-channel", "Heads up: our cost for SKU 123 went up to 210"]]),
    question: { member: "beto", text: "how much does SKU 123 cost us now?" },
    expected: 7,
  }),
  memoryCase({
    id: "es-m001",
    language: "es",
    conversation: conversation([["beto", "slack-channel", "Decidido: en el Buen Fin damos 30% en chamarras"], ...CHATTER]),
    question: { member: "ana", text: "¿qué decidimos sobre el Buen Fin?" },
    expected: 0,
  }),
  memoryCase({
    id: "pt-m001",
    language: "pt",
    conversation: conversation([...CHATTER.slice(0, 4), ["ana", "whatsapp", "Para as bolsas pensei no fornecedor Ateliê Conceição"], ...CHATTER.slice(4)]),
    question: { member: "ana", text: "o fornecedor que mencionei para as bolsas, qual era?" },
    expected: 4,
  }),
];

const SECRET = "Between us: my brother is lending us 200,000 for inventory";
const PRIVACY = memoryCase({
  id: "en-m002",
  language: "en",
  conversation: conversation([...CHATTER, ["ana", "slack-dm", SECRET]]),
  question: { member: "beto", text: "what did ana say about the loan from her brother?" },
  expected: null,
  mustNotRecall: 7,
});

describeDatabase("memory suite engine", ({ db }) => {
  it("recalls the expected message in the top 5 in English, Spanish and Portuguese", async () => {
    const report = await runMemorySuite(db(), embedder, CASES);
    for (const result of report.cases) expect(result.rank, `${result.id}: ${JSON.stringify(result)}`).not.toBeNull();
    for (const result of report.cases) expect(result.rank!).toBeLessThanOrEqual(5);
    expect(report.misses).toEqual([]);
    expect(report.byGroup.en.cases + report.byGroup.es.cases + report.byGroup.pt.cases).toBe(3);
    expect(report.byGroup.en.recallAt5).toBe(1);
  });

  it("never recalls ana's private message for beto, though it is the one that matches (ana herself gets it first)", async () => {
    const report = await runMemorySuite(db(), embedder, [PRIVACY]);
    expect(report.leaks).toBe(0);
    expect(report.cases[0]!.leaked).toEqual([]);
    expect(report.cases[0]!.recalled).not.toContain(7);
    expect(report.privacyCases).toBe(1);

    const asAna = await runMemoryCase(db(), embedder, { ...PRIVACY, question: { member: "ana", text: PRIVACY.question.text }, expected: 7, mustNotRecall: undefined }, "as-ana");
    expect(asAna.rank).toBe(1);
  });
});

describe("memory dataset", () => {
  it("rejects a case whose expected message is another member's private one, or a privacy case without its secret", () => {
    const line = (fields: object) => JSON.stringify({ ...CASES[0], ...fields });
    const privateTarget = conversation([...CHATTER, ["ana", "whatsapp", "Heads up: our cost for SKU 123 went up to 210"]]);
    expect(() => parseMemoryDataset(line({ conversation: privateTarget }))).toThrow(/another member's private message/);
    expect(() => parseMemoryDataset(line({ expected: null }))).toThrow(DatasetError);
    expect(() => parseMemoryDataset(line({ conversation: conversation(CHATTER.slice(0, 3)) }))).toThrow(DatasetError);
  });

  it("holds 20 cases per language, at least 10 cross-language and privacy cases in each language", async () => {
    const cases = await loadMemoryDataset();
    for (const language of ["en", "es", "pt"] as const) {
      const own = cases.filter((c) => c.language === language && !c.crossLanguage);
      expect(own).toHaveLength(20);
      expect(own.some((c) => c.expected === null)).toBe(true);
    }
    expect(cases.filter((c) => c.crossLanguage).length).toBeGreaterThanOrEqual(10);
    expect(cases.filter((c) => c.expected !== null).length).toBeGreaterThanOrEqual(60);
  });
});
