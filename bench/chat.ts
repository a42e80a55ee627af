/**
 * Chat benchmark: latency of whole conversation turns through the supervisor graph with the offline
 * model (router → agent → tools → engines → database, checkpointer included) on the seeded demo,
 * p50/p95 overall and per question, and model calls per turn. Runs on PostgreSQL or PGlite.
 *
 * Derived results (per-SKU demand forecasts, anomaly findings: computed once a day, then read back)
 * are forgotten first, so the "first" column is each question's first turn of the day: for the
 * inventory and anomaly questions it includes computing them. p50/p95 are over the runs after it.
 *
 *   npm run bench:chat -- --dialect postgres|pglite [--orders 1000000] [--runs 5] [--fresh]
 *
 * Shares the metrics benchmark's seeded database (bench/bench-database.ts).
 */
import { parseArgs } from "node:util";
import { OfflineChatModel } from "../agents/models/offline/chat-model.ts";
import { createConversationRuntime } from "../agents/runtime.ts";
import { forgetDerivedResults } from "../db/repositories/derived-results.ts";
import { findWorkspaceBySlug } from "../db/repositories/workspaces.ts";
import { BENCH_END, openBenchDatabase, percentile } from "./bench-database.ts";
import { CHAT_QUESTIONS } from "./chat-questions.ts";
import { dialectFlag } from "./bench-args.ts";

const { values } = parseArgs({
  options: {
    dialect: { type: "string", default: "postgres" },
    orders: { type: "string", default: "1000000" },
    runs: { type: "string", default: "5" },
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432" },
    fresh: { type: "boolean", default: false },
  },
});
const dialect = dialectFlag(values.dialect);
const orders = Number(values.orders);
const runs = Number(values.runs);
const out = (line: string) => process.stdout.write(`${line}\n`);
const NOW = new Date(`${BENCH_END}T15:00:00Z`);

const handle = await openBenchDatabase({ dialect, orders, url: values.url, fresh: values.fresh, out });
try {
  out(`chat bench: ${dialect} at ${handle.location}, demo with ${orders.toLocaleString("en")} orders, offline model, ${CHAT_QUESTIONS.length} questions × ${runs} runs (+1 warm-up each)`);
  const runtime = await createConversationRuntime({ db: handle.db, pool: handle.pool, models: { modelFor: () => new OfflineChatModel() } });
  for (const slug of new Set(CHAT_QUESTIONS.map((question) => question.workspace))) {
    const workspace = await findWorkspaceBySlug(handle.db, slug);
    if (workspace) await forgetDerivedResults(handle.db, workspace.id, "all");
  }
  const all: number[] = [];
  const calls: number[] = [];
  out(`  ${"question".padEnd(58)} ${"agent".padEnd(13)} ${"tool".padEnd(22)} ${"first".padStart(9)} ${"p50".padStart(9)} ${"p95".padStart(9)} calls`);
  for (const question of CHAT_QUESTIONS) {
    const workspace = await findWorkspaceBySlug(handle.db, question.workspace);
    if (!workspace) throw new Error(`no ${question.workspace} workspace`);
    const timings: number[] = [];
    let first = Number.NaN;
    let last = null;
    for (let i = 0; i <= runs; i++) {
      let thread: string | null = null;
      for (const earlier of question.earlier ?? []) thread = (await runtime.runTurn({ workspace, text: earlier, thread, now: NOW })).thread;
      const result = await runtime.runTurn({ workspace, text: question.text, thread, now: NOW });
      if (i > 0) {
        timings.push(result.latencyMs);
        calls.push(result.modelCalls);
      } else first = result.latencyMs;
      last = result;
    }
    timings.sort((a, b) => a - b);
    all.push(...timings);
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    out(`  ${question.text.slice(0, 58).padEnd(58)} ${(last?.agent ?? "").padEnd(13)} ${(last?.toolCalls[0]?.name ?? "—").padEnd(22)} ${ms(first).padStart(9)} ${ms(percentile(timings, 50)).padStart(9)} ${ms(percentile(timings, 95)).padStart(9)} ${last?.modelCalls ?? 0}`);
  }
  all.sort((a, b) => a - b);
  const meanCalls = calls.reduce((sum, value) => sum + value, 0) / Math.max(1, calls.length);
  out(`  ${"all turns".padEnd(58)} ${"".padEnd(13)} ${"".padEnd(22)} ${"".padStart(9)} ${`${percentile(all, 50).toFixed(1)} ms`.padStart(9)} ${`${percentile(all, 95).toFixed(1)} ms`.padStart(9)} ${meanCalls.toFixed(2)}`);
  out(`model calls per turn: mean ${meanCalls.toFixed(2)}, max ${Math.max(...calls)}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  await handle.close();
}
