/**
 * `npm run eval -- --suite memory`: the memory suite from the command line.
 *
 *   npm run eval -- --suite memory [--dialect pglite|postgres] [--url URL] [--dataset FILE] [--filter TEXT] [--limit N] [--json]
 *
 * Runs on a fresh database of its own, migrated, removed after: PGlite in a temporary directory
 * (default), or with --dialect postgres a database bizos_eval_memory_<pid> on the server at --url
 * (default the local one), so recall is measured on the planner and indexes of each. Uses the
 * configured embedder (offline unless OPENAI_API_KEY is set). Exits 1 on a leak or an invalid
 * dataset, else 0: recall figures are measurements, not pass/fail.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { dialectFlag } from "../bench/bench-args.ts";
import { getConfig } from "../config/index.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { chooseEmbedder } from "../memory/embeddings/choose-embedder.ts";
import { DatasetError } from "./dataset.ts";
import { loadMemoryDataset, MEMORY_DATASET } from "./memory-dataset.ts";
import { formatMemoryReport, memoryReportJson } from "./memory-report.ts";
import { runMemorySuite } from "./memory-suite.ts";
import { DEFAULT_SERVER_URL, openOwnDatabase } from "./own-database.ts";

export async function memoryMain(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      dataset: { type: "string", default: MEMORY_DATASET },
      filter: { type: "string" },
      limit: { type: "string" },
      json: { type: "boolean", default: false },
      dialect: { type: "string", default: "pglite" },
      url: { type: "string", default: DEFAULT_SERVER_URL },
    },
  });
  const dialect = dialectFlag(values.dialect);
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
  err(`eval (memory): ${cases.length} case(s) from ${values.dataset} on ${dialect}`);

  const handle = await openOwnDatabase({
    dialect,
    name: `bizos_eval_memory_${process.pid}`,
    serverUrl: values.url,
    dir: dialect === "pglite" ? await mkdtemp(path.join(tmpdir(), "memory-eval-")) : "",
    fresh: true,
    dropOnClose: true,
  });
  try {
    await migrateToLatest(handle.db);
    const report = await runMemorySuite(handle.db, chooseEmbedder(getConfig()), cases, {
      onCase: (done, total, result) => err(`[${done}/${total}] ${result.id} ${result.leaked.length > 0 ? "LEAK" : result.privacy ? "no leak" : `rank ${result.rank ?? "—"}`}`),
    });
    process.stdout.write(`${values.json ? memoryReportJson(report, dialect) : formatMemoryReport(report, dialect)}\n`);
    return report.leaks > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
}
