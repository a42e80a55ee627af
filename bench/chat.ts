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
 * With --thread-turns N (at least 20) it measures one long thread instead: N turns in one thread,
 * cycling through THREAD_QUESTIONS (ten questions, follow-ups among them, so turns 1–10 and the last
 * ten ask the same things), after one untimed warm-up cycle in another thread. It prints the latency
 * of the first ten turns against the last ten and the messages the checkpointer keeps at the end
 * (older turns are compacted into the thread's summary: agents/shared/thread-compaction.ts).
 *
 *   npm run bench:chat -- --dialect postgres --thread-turns 100
 *
 * Shares the metrics benchmark's seeded database (bench/bench-database.ts).
 */
import { parseArgs } from "node:util";
import { OfflineChatModel } from "../agents/models/offline/chat-model.ts";
import { CHECKPOINT_SCHEMA, createConversationRuntime } from "../agents/runtime.ts";
import { BatchedPostgresSaver } from "../agents/shared/batched-postgres-saver.ts";
import type { ConversationRuntime } from "../agents/turn-types.ts";
import type { DatabaseHandle } from "../db/connection.ts";
import { forgetDerivedResults } from "../db/repositories/derived-results.ts";
import { findWorkspaceBySlug } from "../db/repositories/workspaces.ts";
import { BENCH_END, openBenchDatabase, percentile } from "./bench-database.ts";
import { CHAT_QUESTIONS } from "./chat-questions.ts";
import { dialectFlag, positiveFlag } from "./bench-args.ts";

const { values } = parseArgs({
  options: {
    dialect: { type: "string", default: "postgres" },
    orders: { type: "string", default: "1000000" },
    runs: { type: "string", default: "5" },
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432" },
    fresh: { type: "boolean", default: false },
    "thread-turns": { type: "string" },
  },
});
const dialect = dialectFlag(values.dialect);
const orders = Number(values.orders);
const runs = Number(values.runs);
const out = (line: string) => process.stdout.write(`${line}\n`);
const NOW = new Date(`${BENCH_END}T15:00:00Z`);
const threadTurns = values["thread-turns"] === undefined ? null : positiveFlag("thread-turns", values["thread-turns"]);
/** Turns averaged at each end of the long thread. */
const THREAD_WINDOW = 10;
if (threadTurns !== null && threadTurns < 2 * THREAD_WINDOW) throw new Error(`--thread-turns must be at least ${2 * THREAD_WINDOW}, got ${threadTurns}`);
/** The long thread's cycle, on the demo workspace: as many questions as THREAD_WINDOW, follow-ups among them. */
const THREAD_QUESTIONS = [
  "hola",
  "¿cuánto vendimos ayer?",
  "how much did we sell last week vs the week before?",
  "and by category",
  "ventas por canal el mes pasado",
  "what about orders?",
  "qual foi o ROAS do Meta nos últimos 30 dias?",
  "¿qué tengo que reponer?",
  "who undercut us this week?",
  "thanks!",
] as const;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mean = (list: readonly number[]) => list.reduce((sum, value) => sum + value, 0) / Math.max(1, list.length);

/** One thread of `turns` turns: latency of the first and last THREAD_WINDOW turns, and what the checkpointer keeps. */
async function longThread(runtime: ConversationRuntime, handle: DatabaseHandle, turns: number): Promise<void> {
  const workspace = await findWorkspaceBySlug(handle.db, "demo");
  if (!workspace) throw new Error("no demo workspace");
  out(`chat bench: ${dialect} at ${handle.location}, demo with ${orders.toLocaleString("en")} orders, offline model`);
  out(`long thread: ${turns} turns in one thread, cycling ${THREAD_QUESTIONS.length} questions (one untimed warm-up cycle in another thread first)`);
  let warmUp: string | null = null;
  for (const text of THREAD_QUESTIONS) warmUp = (await runtime.runTurn({ workspace, text, thread: warmUp, now: NOW })).thread;
  const latencies: number[] = [];
  let thread: string | null = null;
  for (let turn = 0; turn < turns; turn++) {
    const result = await runtime.runTurn({ workspace, text: THREAD_QUESTIONS[turn % THREAD_QUESTIONS.length] ?? "hola", thread, now: NOW });
    thread = result.thread;
    latencies.push(result.latencyMs);
  }
  const saver = new BatchedPostgresSaver(handle.pool, undefined, { schema: CHECKPOINT_SCHEMA });
  const kept = (await saver.getTuple({ configurable: { thread_id: `${workspace.id}:${thread ?? ""}`, checkpoint_ns: "" } }))?.checkpoint.channel_values ?? {};
  const messages: unknown = kept["messages"];
  const summary: unknown = kept["summary"];
  const window = (from: number) => {
    const slice = latencies.slice(from, from + THREAD_WINDOW);
    const sorted = [...slice].sort((a, b) => a - b);
    return `turns ${from + 1}–${from + slice.length}: mean ${ms(mean(slice))}, p50 ${ms(percentile(sorted, 50))}, max ${ms(sorted.at(-1) ?? Number.NaN)}`;
  };
  out(`  ${window(0)}`);
  out(`  ${window(turns - THREAD_WINDOW)}`);
  const tens = Array.from({ length: Math.floor(turns / THREAD_WINDOW) }, (_, i) => mean(latencies.slice(i * THREAD_WINDOW, (i + 1) * THREAD_WINDOW)).toFixed(0));
  out(`  mean of each ${THREAD_WINDOW} turns in order (ms): ${tens.join(", ")}`);
  out(`  kept by the checkpointer at the end: ${Array.isArray(messages) ? messages.length : 0} messages, a summary of ${typeof summary === "string" ? summary.length : 0} characters`);
  out(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

/** Each of CHAT_QUESTIONS `runs` times (+1 warm-up), each run in a new thread: p50/p95 per question and overall. */
async function questionTable(runtime: ConversationRuntime, handle: DatabaseHandle): Promise<void> {
  out(`chat bench: ${dialect} at ${handle.location}, demo with ${orders.toLocaleString("en")} orders, offline model, ${CHAT_QUESTIONS.length} questions × ${runs} runs (+1 warm-up each)`);
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
    out(`  ${question.text.slice(0, 58).padEnd(58)} ${(last?.agent ?? "").padEnd(13)} ${(last?.toolCalls[0]?.name ?? "—").padEnd(22)} ${ms(first).padStart(9)} ${ms(percentile(timings, 50)).padStart(9)} ${ms(percentile(timings, 95)).padStart(9)} ${last?.modelCalls ?? 0}`);
  }
  all.sort((a, b) => a - b);
  const meanCalls = calls.reduce((sum, value) => sum + value, 0) / Math.max(1, calls.length);
  out(`  ${"all turns".padEnd(58)} ${"".padEnd(13)} ${"".padEnd(22)} ${"".padStart(9)} ${`${percentile(all, 50).toFixed(1)} ms`.padStart(9)} ${`${percentile(all, 95).toFixed(1)} ms`.padStart(9)} ${meanCalls.toFixed(2)}`);
  out(`model calls per turn: mean ${meanCalls.toFixed(2)}, max ${Math.max(...calls)}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

const handle = await openBenchDatabase({ dialect, orders, url: values.url, fresh: values.fresh, out });
try {
  const runtime = await createConversationRuntime({ db: handle.db, pool: handle.pool, models: { modelFor: () => new OfflineChatModel() } });
  if (threadTurns === null) await questionTable(runtime, handle);
  else await longThread(runtime, handle, threadTurns);
} finally {
  await handle.close();
}
