/** Reading an eval dataset: JSON Lines, one case per line, each validated with the case schema. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { evalCaseSchema, type EvalCase } from "./case-schema.ts";

export const DEFAULT_DATASET = path.join(path.dirname(fileURLToPath(import.meta.url)), "datasets", "conversation-v1.jsonl");
/** The instant the dataset's cases are asked at unless they say otherwise; the demo is seeded up to its date. */
export const DEFAULT_NOW = "2026-11-21T15:00:00Z";
export const DEFAULT_WORKSPACE = "demo";

export interface DatasetIssue {
  readonly line: number;
  readonly message: string;
}

export class DatasetError extends Error {
  override readonly name = "DatasetError";
  constructor(
    readonly source: string,
    readonly issues: readonly DatasetIssue[],
  ) {
    super(`${source}: ${issues.length} bad line(s)\n${issues.map((issue) => `  line ${issue.line}: ${issue.message}`).join("\n")}`);
  }
}

/** Parses JSONL text against a case schema; blank lines and lines starting with // are skipped. Throws DatasetError listing every bad line (bad JSON, bad case, repeated id). */
export function parseJsonlCases<T extends { readonly id: string }>(text: string, schema: z.ZodType<T>, source: string): T[] {
  const cases: T[] = [];
  const issues: DatasetIssue[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("//")) return;
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      issues.push({ line, message: `not JSON (${error instanceof Error ? error.message : String(error)})` });
      return;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      issues.push({ line, message: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(case)"}: ${issue.message}`).join("; ") });
      return;
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined) {
      issues.push({ line, message: `duplicate id ${parsed.data.id} (first on line ${first})` });
      return;
    }
    seen.set(parsed.data.id, line);
    cases.push(parsed.data);
  });
  if (issues.length > 0) throw new DatasetError(source, issues);
  return cases;
}

/** Parses the conversation suite's JSONL (see parseJsonlCases). */
export function parseDataset(text: string, source = "dataset"): EvalCase[] {
  return parseJsonlCases(text, evalCaseSchema, source);
}

export async function loadDataset(file: string = DEFAULT_DATASET): Promise<EvalCase[]> {
  return parseDataset(await readFile(file, "utf8"), file);
}

export interface CaseSelection {
  /** Only cases whose id, question, tags or expected tool contain this text (case-insensitive). */
  readonly filter?: string;
  readonly limit?: number;
}

export function selectCases(cases: readonly EvalCase[], selection: CaseSelection): EvalCase[] {
  const needle = selection.filter?.toLowerCase();
  const picked = needle
    ? cases.filter((c) => [c.id, c.question, c.expect.tool ?? "", c.expect.agent, c.expect.kind, ...c.tags].some((text) => text.toLowerCase().includes(needle)))
    : [...cases];
  return selection.limit === undefined ? picked : picked.slice(0, selection.limit);
}
