/**
 * Conversation-memory benchmark:
 *   npm run bench:memory -- --dialect postgres|pglite [--messages 100000] [--workspaces 20] [--queries 200] [--fresh]
 *
 * Stores N chat messages (bench/memory-corpus.ts: en/es/pt small-business chat, a third of them in
 * members' private DMs, spread over a year) across W workspaces of three members each, in its own
 * database (PostgreSQL bizos_bench_memory, PGlite .data/bench/memory; kept between runs with the same
 * parameters), embedded with the offline embedder, and reports insert throughput (embedding
 * included). Then it times top-5 hybrid recall (memory/recall.ts: vectors + full text, fused,
 * recency-weighted) for Q questions, each asked by a member of a workspace in turn, and says whether
 * PostgreSQL's plan for the vector side uses the HNSW index.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import type { DatabaseHandle } from "../db/connection.ts";
import { inTransaction, type Db } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { createMember } from "../db/repositories/members.ts";
import { createWorkspace } from "../db/repositories/workspaces.ts";
import { LexicalEmbedder } from "../memory/embeddings/lexical-embedder.ts";
import { recallMemories } from "../memory/recall.ts";
import { useIterativeScan, vectorCandidatesQuery } from "../memory/recall-candidates.ts";
import { rememberMessages, type MemoryItem } from "../memory/remember.ts";
import { percentile } from "./bench-database.ts";
import { corpusMessages, corpusQuestions } from "./memory-corpus.ts";
import { DEFAULT_SERVER_URL, openOwnDatabase } from "../evals/own-database.ts";
import { dialectFlag, positiveFlag } from "./bench-args.ts";

const { values } = parseArgs({
  options: {
    dialect: { type: "string", default: "postgres" },
    url: { type: "string", default: DEFAULT_SERVER_URL },
    messages: { type: "string", default: "100000" },
    workspaces: { type: "string", default: "20" },
    queries: { type: "string", default: "200" },
    fresh: { type: "boolean", default: false },
  },
});
const dialect = dialectFlag(values.dialect);
const messageCount = positiveFlag("messages", values.messages);
const workspaceCount = positiveFlag("workspaces", values.workspaces);
const queryCount = positiveFlag("queries", values.queries);
const NOW = new Date("2026-11-21T15:00:00Z");
const DAY_MS = 86_400_000;
const SLUG_PREFIX = "bench-memory-";
const out = (line: string) => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
sampler.unref();

function openMemoryDatabase(): Promise<DatabaseHandle> {
  return openOwnDatabase({ dialect, name: "bizos_bench_memory", serverUrl: values.url, dir: path.resolve(".data", "bench", "memory"), fresh: values.fresh, dropOnClose: false });
}

interface BenchWorkspace {
  readonly id: number;
  readonly members: readonly number[];
}

/** Workspaces 1…W with three members each, created when missing. */
async function ensureWorkspaces(db: Db): Promise<BenchWorkspace[]> {
  const workspaces: BenchWorkspace[] = [];
  for (let index = 1; index <= workspaceCount; index++) {
    const slug = `${SLUG_PREFIX}${String(index).padStart(3, "0")}`;
    let workspace = await db.selectFrom("workspaces").select("id").where("slug", "=", slug).executeTakeFirst();
    workspace ??= await createWorkspace(db, { name: `Memory bench ${index}`, slug, currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
    let members = await db.selectFrom("members").select("id").where("workspace_id", "=", workspace.id).orderBy("id").execute();
    if (members.length < 3) {
      for (const [place, language] of (["es", "en", "pt"] as const).entries()) {
        if (place >= members.length) await createMember(db, { workspaceId: workspace.id, name: `Member ${place + 1}`, role: place === 0 ? "owner" : "admin", language });
      }
      members = await db.selectFrom("members").select("id").where("workspace_id", "=", workspace.id).orderBy("id").execute();
    }
    workspaces.push({ id: workspace.id, members: members.map((m) => m.id) });
  }
  return workspaces;
}

async function storedCount(db: Db, ids: readonly number[], model: string): Promise<number> {
  const row = await db
    .selectFrom("memory_embeddings")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("workspace_id", "in", ids)
    .where("embedding_model", "=", model)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const handle = await openMemoryDatabase();
try {
  const { db } = handle;
  await migrateToLatest(db);
  const embedder = new LexicalEmbedder();
  out(`memory bench: ${dialect} at ${handle.location}, ${messageCount.toLocaleString("en")} messages over ${workspaceCount} workspaces × 3 members, embedder ${embedder.id}`);
  const workspaces = await ensureWorkspaces(db);
  const ids = workspaces.map((w) => w.id);

  if ((await storedCount(db, ids, embedder.id)) === messageCount) {
    out(`insert        skipped: the ${messageCount.toLocaleString("en")} messages of an earlier run are stored (--fresh to measure again)`);
  } else {
    await db.deleteFrom("memory_embeddings").where("workspace_id", "in", ids).execute();
    const perWorkspace = Math.ceil(messageCount / workspaceCount);
    let embedMs = 0;
    const started = performance.now();
    let stored = 0;
    for (const [index, workspace] of workspaces.entries()) {
      const wanted = Math.min(perWorkspace, messageCount - stored);
      if (wanted <= 0) break;
      const items: MemoryItem[] = corpusMessages(wanted, 1_000 + index).map((message, place) => ({
        workspaceId: workspace.id,
        memberId: message.private ? workspace.members[place % workspace.members.length]! : null,
        kind: "message",
        content: message.content,
        createdAt: new Date(NOW.getTime() - message.ageDays * DAY_MS - place * 1_000),
      }));
      const embedStart = performance.now();
      await embedder.embed(items.slice(0, 256).map((item) => item.content));
      embedMs += ((performance.now() - embedStart) * items.length) / Math.min(256, items.length);
      await rememberMessages(db, embedder, items);
      stored += items.length;
      if (index % 5 === 4) out(`  stored ${stored.toLocaleString("en")} messages, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    const seconds = (performance.now() - started) / 1000;
    out(`insert        ${stored.toLocaleString("en")} messages in ${seconds.toFixed(1)} s: ${Math.round(stored / seconds).toLocaleString("en")} messages/s (embedding about ${Math.round(embedMs)} ms of it)`);
    await sql`analyze memory_embeddings`.execute(db);
  }

  const questions = corpusQuestions(queryCount, 7);
  const asked = questions.map((text, index) => {
    const workspace = workspaces[index % workspaces.length]!;
    return { text, workspaceId: workspace.id, memberId: index % 4 === 3 ? null : workspace.members[index % 3]! };
  });
  // Warm-up: caches and the planner's first look at the table.
  for (const query of asked.slice(0, 10)) await recallMemories(db, embedder, { ...query, now: NOW });
  const durations: number[] = [];
  let found = 0;
  for (const query of asked) {
    const began = performance.now();
    const recalled = await recallMemories(db, embedder, { ...query, now: NOW });
    durations.push(performance.now() - began);
    if (recalled.length > 0) found += 1;
  }
  durations.sort((a, b) => a - b);
  out(`recall top-5  ${queryCount} questions: p50 ${percentile(durations, 50).toFixed(1)} ms, p95 ${percentile(durations, 95).toFixed(1)} ms, max ${(durations.at(-1) ?? 0).toFixed(1)} ms (${found} with results)`);

  const first = asked[0]!;
  const [embedding] = await embedder.embed([first.text]);
  const plan = await inTransaction(db, async (trx) => {
    await useIterativeScan(trx);
    const compiled = vectorCandidatesQuery(trx, { workspaceId: first.workspaceId, memberId: first.memberId, model: embedder.id }, embedding ?? [], 40).compile();
    const result = await sql.raw<{ "QUERY PLAN": string }>(`explain ${compiled.sql.replace(/\$(\d+)/g, (_, n: string) => literal(compiled.parameters[Number(n) - 1]))}`).execute(trx);
    return result.rows.map((row) => row["QUERY PLAN"]).join("\n");
  });
  out(`vector plan   ${plan.includes("memory_embeddings_hnsw") ? "uses the HNSW index" : "does not use the HNSW index"}`);
  out(`peak RSS      ${mb(Math.max(peakRss, process.memoryUsage().rss))}`);
} finally {
  clearInterval(sampler);
  await handle.close();
}

/** A parameter as an SQL literal, for EXPLAIN of a compiled query (numbers and strings only). */
function literal(value: unknown): string {
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`cannot inline a ${typeof value} parameter`);
}
