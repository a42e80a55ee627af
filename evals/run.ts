/**
 * The conversation eval, from the command line:
 *
 *   npm run eval -- [--dataset FILE] [--workspace W] [--now ISO] [--json] [--limit N] [--filter TEXT]
 *                   [--database memory|configured] [--orders N] [--seed S]
 *   npm run eval -- --suite memory [--dialect pglite|postgres] [...]   (the memory recall suite: memory-run.ts)
 *
 * memory (default): a fresh in-memory PGlite seeded with the demo up to --now's date; configured:
 * the configured DATABASE_URL / embedded database as it is. Prints the accuracy report (or --json);
 * exits 0 whatever the scores (the test applies the floors).
 */
import { parseArgs } from "node:util";
import type pg from "pg";
import { pathToFileURL } from "node:url";
import type { ConversationRuntime } from "../agents/turn-types.ts";
import { createProgressBar } from "../cli/progress-bar.ts";
import type { Db } from "../db/database.ts";
import { getConfig } from "../config/index.ts";
import { createConversationModels } from "../agents/models/conversation-models.ts";
import { createConversationRuntime } from "../agents/runtime.ts";
import { createLogger, type Logger } from "../lib/logger.ts";
import { DEFAULT_DATASET, DEFAULT_NOW, DatasetError, loadDataset, selectCases } from "./dataset.ts";
import { prepareEvalDatabase, type EvalDatabaseMode } from "./database.ts";
import { memoryMain } from "./memory-run.ts";
import { formatReport, reportJson } from "./report.ts";
import { runEval } from "./run-eval.ts";

export { runEval } from "./run-eval.ts";

export interface RuntimeDeps {
  readonly db: Db;
  /** The pg pool under db (the runtime's checkpointer keeps thread state through it). */
  readonly pool: pg.Pool;
  readonly logger: Logger;
}
export type RuntimeFactory = (deps: RuntimeDeps) => ConversationRuntime | Promise<ConversationRuntime>;

/** createConversationRuntime with the configured models (offline by default). */
export function loadRuntimeFactory(): Promise<RuntimeFactory> {
  return Promise.resolve((deps: RuntimeDeps) => createConversationRuntime({ ...deps, models: createConversationModels(getConfig().models) }));
}

function positiveInt(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} must be a whole number, got ${text}`);
  return value;
}

/** `--suite conversation` (default) or `--suite memory`, and the remaining arguments for that suite. */
export function splitSuite(argv: readonly string[]): { suite: "conversation" | "memory"; rest: string[] } {
  const rest: string[] = [];
  let suite = "conversation";
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? "";
    if (arg === "--suite") suite = argv[++index] ?? "";
    else if (arg.startsWith("--suite=")) suite = arg.slice("--suite=".length);
    else rest.push(arg);
  }
  if (suite !== "conversation" && suite !== "memory") throw new Error(`--suite must be conversation or memory, got ${suite}`);
  return { suite, rest };
}

export async function main(argv: readonly string[], makeRuntime?: RuntimeFactory): Promise<number> {
  const { suite, rest } = splitSuite(argv);
  if (suite === "memory") return memoryMain(rest);
  argv = rest;
  const { values } = parseArgs({
    args: [...argv],
    options: {
      dataset: { type: "string", default: DEFAULT_DATASET },
      workspace: { type: "string" },
      now: { type: "string" },
      json: { type: "boolean", default: false },
      limit: { type: "string" },
      filter: { type: "string" },
      database: { type: "string", default: "memory" },
      orders: { type: "string" },
      seed: { type: "string" },
    },
  });
  const err = (text: string) => process.stderr.write(`${text}\n`);
  const mode = values.database;
  if (mode !== "memory" && mode !== "configured") throw new Error(`--database must be memory or configured, got ${mode}`);
  const now = values.now ?? DEFAULT_NOW;
  if (Number.isNaN(Date.parse(now))) throw new Error(`--now must be an ISO instant, got ${now}`);
  const limit = positiveInt(values.limit, "--limit");
  const orders = positiveInt(values.orders, "--orders");
  const seed = positiveInt(values.seed, "--seed");

  let cases;
  try {
    cases = selectCases(await loadDataset(values.dataset), { ...(values.filter ? { filter: values.filter } : {}), ...(limit === undefined ? {} : { limit }) });
  } catch (error) {
    if (error instanceof DatasetError) {
      err(error.message);
      return 1;
    }
    throw error;
  }
  err(`eval: ${cases.length} case(s) from ${values.dataset}`);
  const config = getConfig();
  const logger = createLogger({ level: config.env.LOG_LEVEL === "debug" ? "debug" : "warn", format: config.env.LOG_FORMAT });
  const handle = await prepareEvalDatabase({ mode: mode satisfies EvalDatabaseMode, now, ...(orders ? { orders } : {}), ...(seed === undefined ? {} : { seed }), progress: createProgressBar({ stream: process.stderr }) });
  try {
    const runtime = await (makeRuntime ?? (await loadRuntimeFactory()))({ db: handle.db, pool: handle.pool, logger });
    const report = await runEval(runtime, cases, {
      db: handle.db,
      logger,
      now,
      ...(values.workspace ? { workspace: values.workspace } : {}),
      onCase: (done, total, result) => {
        const failed = Object.values(result.scores).some((score) => score.status === "fail");
        err(`[${done}/${total}] ${result.id} ${failed ? "FAIL" : "ok"}`);
      },
    });
    process.stdout.write(`${values.json ? reportJson(report) : formatReport(report)}\n`);
  } finally {
    await handle.close();
  }
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`eval failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
