/**
 * Measures an embedder on the memory paraphrase set (evals/datasets/memory-paraphrases.jsonl): each
 * case's query must find its target among every target and distractor of its group (en, es, pt,
 * cross-language), ranked by cosine similarity, as the memory store ranks them. Reports recall@1 and
 * recall@5 per group. Used by bench/embeddings.ts and by the embedder's tests.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { cosineSimilarity, type Embedder } from "./embedder.ts";

export const PARAPHRASE_SET = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "evals", "datasets", "memory-paraphrases.jsonl");

export const PARAPHRASE_GROUPS = ["en", "es", "pt", "cross"] as const;
export type ParaphraseGroup = (typeof PARAPHRASE_GROUPS)[number];

const language = z.enum(["en", "es", "pt"]);

const caseSchema = z
  .object({
    id: z.string().min(1),
    language: z.enum(PARAPHRASE_GROUPS),
    queryLanguage: language.optional(),
    targetLanguage: language.optional(),
    query: z.string().min(1),
    /** The earlier message the query should recall. */
    target: z.string().min(1),
    /** A message on a near topic that should rank below the target. */
    distractor: z.string().min(1),
  })
  .strict()
  .refine((value) => (value.language === "cross") === (value.queryLanguage !== undefined && value.targetLanguage !== undefined), {
    message: "cross-language cases (and only they) name queryLanguage and targetLanguage",
  });

export type ParaphraseCase = z.infer<typeof caseSchema>;

/** Parses the JSONL text; blank lines and `//` comments are skipped; a bad line throws naming its number. */
export function parseParaphraseSet(text: string): ParaphraseCase[] {
  const cases: ParaphraseCase[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("//")) return;
    const parsed = caseSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`memory paraphrase set, line ${index + 1}: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
    cases.push(parsed.data);
  });
  return cases;
}

export async function loadParaphraseSet(file = PARAPHRASE_SET): Promise<ParaphraseCase[]> {
  return parseParaphraseSet(await readFile(file, "utf8"));
}

export interface GroupRecall {
  readonly group: ParaphraseGroup;
  readonly cases: number;
  /** Messages each query ranks (the group's targets and distractors). */
  readonly pool: number;
  readonly recallAt1: number;
  readonly recallAt5: number;
  /** Ids of the cases whose target was not in the top 5, for reading the failures. */
  readonly missedAt5: readonly string[];
}

/** The 1-based rank of the target among the pool for one query (ties count against the target). */
function rankOf(query: readonly number[], target: number, pool: readonly (readonly number[])[]): number {
  const score = (vector: readonly number[] | undefined) => (vector ? cosineSimilarity(query, vector) : Number.NEGATIVE_INFINITY);
  const targetScore = score(pool[target]);
  let rank = 1;
  pool.forEach((vector, i) => {
    if (i !== target && score(vector) >= targetScore) rank++;
  });
  return rank;
}

/** Recall@1 and @5 of the embedder on each group of the set (groups with no case are left out). */
export async function measureRecall(embedder: Embedder, cases: readonly ParaphraseCase[]): Promise<GroupRecall[]> {
  const results: GroupRecall[] = [];
  for (const group of PARAPHRASE_GROUPS) {
    const members = cases.filter((item) => item.language === group);
    if (members.length === 0) continue;
    const messages = members.flatMap((item) => [item.target, item.distractor]);
    const pool = await embedder.embed(messages);
    const queries = await embedder.embed(members.map((item) => item.query));
    let at1 = 0;
    let at5 = 0;
    const missedAt5: string[] = [];
    members.forEach((item, i) => {
      const rank = rankOf(queries[i] ?? [], i * 2, pool);
      if (rank <= 1) at1++;
      if (rank <= 5) at5++;
      else missedAt5.push(item.id);
    });
    results.push({ group, cases: members.length, pool: messages.length, recallAt1: at1 / members.length, recallAt5: at5 / members.length, missedAt5 });
  }
  return results;
}
