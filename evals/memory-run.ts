/**
 * `npm run eval -- --suite memory`: the memory suite from the command line.
 *
 *   npm run eval -- --suite memory [--dataset FILE] [--filter TEXT] [--limit N] [--json]
 *
 * Runs on a fresh PGlite in a temporary directory (removed after), migrated, with the configured
 * embedder (offline unless OPENAI_API_KEY is set). Exits 1 on a leak or an invalid dataset, else 0:
 * recall figures are measurements, not pass/fail.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { getConfig } from "../config/index.ts";
import { openPglite } from "../db/connection.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { chooseEmbedder } from "../memory/embeddings/choose-embedder.ts";
import { DatasetError } from "./dataset.ts";
import { loadMemoryDataset, MEMORY_DATASET } from "./memory-dataset.ts";
import { formatMemoryReport, memoryReportJson } from "./memory-report.ts";
import { runMemorySuite } from "./memory-suite.ts";

export async function memoryMain(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      dataset: { type: "string", default: MEMORY_DATASET },
      filter: { type: "string" },
      limit: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const err = (text: string) => process.stderr.write(`${text}\n`);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw new Error(`--limit must be a whole number, got ${values.limit}`);
  let cases;
  try {
    cases = await loadMemoryDataset(values.dataset);
  } catch (error) {
    if (error instanceof DatasetError) {
      err(error.message);
      return 1;
    }
    throw error;
  }
  const needle = values.filter?.toLowerCase();
  if (needle) cases = cases.filter((c) => [c.id, c.question.text, ...c.tags].some((text) => text.toLowerCase().includes(needle)));
  if (limit !== undefined) cases = cases.slice(0, limit);
  err(`eval (memory): ${cases.length} case(s) from ${values.dataset}`);

  const dir = await mkdtemp(path.join(tmpdir(), "memory-eval-"));
  const handle = await openPglite({ dataDir: dir });
  try {
    await migrateToLatest(handle.db);
    const report = await runMemorySuite(handle.db, chooseEmbedder(getConfig()), cases, {
      onCase: (done, total, result) => err(`[${done}/${total}] ${result.id} ${result.leaked.length > 0 ? "LEAK" : result.privacy ? "no leak" : `rank ${result.rank ?? "—"}`}`),
    });
    process.stdout.write(`${values.json ? memoryReportJson(report) : formatMemoryReport(report)}\n`);
    return report.leaks > 0 ? 1 : 0;
  } finally {
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  }
}
