/**
 * Embeddings benchmark: recall@1 and recall@5 of each offline embedder on the memory paraphrase set
 * (evals/datasets/memory-paraphrases.jsonl; per group en, es, pt and cross-language, each query
 * ranking its group's targets and distractors by cosine), and embedding speed in texts per second.
 * Compares the offline default with plain word hashing and with the default minus each feature
 * family, so memory/EMBEDDINGS.md can say what concepts, stems and trigrams each add.
 *
 *   npm run bench:embeddings [-- --rounds 20]
 *
 * OpenAI is not measured here (no network on the machines that run it); see EMBEDDINGS.md.
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { Embedder } from "../memory/embeddings/embedder.ts";
import { DEFAULT_LEXICAL_WEIGHTS, LexicalEmbedder } from "../memory/embeddings/lexical-embedder.ts";
import { loadParaphraseSet, measureRecall, type ParaphraseCase } from "../memory/embeddings/paraphrase-recall.ts";
import { WordHashEmbedder } from "../memory/embeddings/word-hash-embedder.ts";

const out = (line: string) => process.stdout.write(`${line}\n`);

const { values } = parseArgs({ options: { rounds: { type: "string", default: "20" } } });
const rounds = Math.max(1, Number.parseInt(values.rounds, 10) || 20);

const d = DEFAULT_LEXICAL_WEIGHTS;
const embedders: readonly { readonly label: string; readonly embedder: Embedder }[] = [
  { label: "word hashing (baseline)", embedder: new WordHashEmbedder() },
  { label: "stems only", embedder: new LexicalEmbedder({ weights: { concept: 0, stem: d.stem, trigram: 0 } }) },
  { label: "stems + trigrams", embedder: new LexicalEmbedder({ weights: { ...d, concept: 0 } }) },
  { label: "concepts + stems", embedder: new LexicalEmbedder({ weights: { ...d, trigram: 0 } }) },
  { label: "offline default", embedder: new LexicalEmbedder() },
];

async function textsPerSecond(embedder: Embedder, texts: readonly string[]): Promise<number> {
  await embedder.embed(texts);
  const start = performance.now();
  for (let i = 0; i < rounds; i++) await embedder.embed(texts);
  return (texts.length * rounds) / ((performance.now() - start) / 1000);
}

const percent = (value: number) => `${Math.round(value * 100)}%`.padStart(5);

async function main(): Promise<void> {
  const cases: ParaphraseCase[] = await loadParaphraseSet();
  const texts = cases.flatMap((item) => [item.query, item.target, item.distractor]);
  out(`memory paraphrase set: ${cases.length} cases, ${texts.length} texts; speed over ${rounds} rounds`);
  out("");
  out(`${"embedder".padEnd(26)} ${["en", "es", "pt", "cross"].map((g) => `${g} r@1  r@5`.padStart(13)).join(" ")}   texts/s  id`);
  for (const { label, embedder } of embedders) {
    const groups = await measureRecall(embedder, cases);
    const cells = groups.map((group) => `${percent(group.recallAt1)} ${percent(group.recallAt5)}`.padStart(13));
    const speed = await textsPerSecond(embedder, texts);
    out(`${label.padEnd(26)} ${cells.join(" ")}  ${String(Math.round(speed)).padStart(8)}  ${embedder.id}`);
  }
  const misses = (await measureRecall(new LexicalEmbedder(), cases)).flatMap((group) => group.missedAt5);
  out("");
  out(`offline default, not in the top 5: ${misses.join(", ") || "none"}`);
}

await main();
