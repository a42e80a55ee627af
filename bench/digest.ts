/**
 * Digest benchmark: composes and enqueues the daily digest of every member of N store workspaces
 * (three members each, demo data at a small size) with the digest job's own function, all three
 * channels on, and reports the total time, digests per second, per-digest p50/p95/max, peak RSS and
 * outbox rows created. Delivery is not measured: the scheduler only counts the ids it is handed.
 *
 *   npm run bench:digest -- --dialect postgres|pglite [--workspaces 1000] [--orders-each 300]
 *                           [--catalog-share 0.1] [--concurrency 4] [--seed-concurrency 4] [--skip-detection] [--fresh]
 *                           [--url postgres://postgres@127.0.0.1:5432]
 *
 * Setup, reported apart: the workspaces (bench/digest-workspaces.ts; seeded once and reused by later
 * runs with the same parameters, --fresh reseeds), then one insight detection per workspace so the
 * digests carry insights (--skip-detection keeps those a previous run stored). The clock is pinned
 * to 08:00 in Mexico City the morning after the data ends. At the end it checks that the outbox got
 * one row per digest and channel, and that running the same day again creates none.
 */
import { createDigestMetricsCache } from "../jobs/notifications/digest-metrics-cache.ts";
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { insightText } from "../agents/answers/insights/insight-text.ts";
import type { DeliveryScheduler } from "../channels/outbound/delivery-scheduler.ts";
import type { Db } from "../db/database.ts";
import { upsertInsights } from "../db/repositories/insights.ts";
import { findWorkspaceById } from "../db/repositories/workspaces.ts";
import type { IdentityChannel } from "../db/schema/core.ts";
import { detectInsights } from "../engines/insights/detect-insights.ts";
import type { NotificationDeps } from "../jobs/notifications/notification-deps.ts";
import { sendDigest, type DigestOutcome } from "../jobs/notifications/send-digest.ts";
import { fixedClock } from "../lib/clock.ts";
import { silentLogger } from "../lib/logger.ts";
import { BENCH_END, percentile } from "./bench-database.ts";
import { ensureDigestWorkspaces, openDigestDatabase, type BenchWorkspace } from "./digest-workspaces.ts";
import { dialectFlag, positiveFlag } from "./bench-args.ts";

const { values } = parseArgs({
  options: {
    dialect: { type: "string", default: "postgres" },
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432" },
    workspaces: { type: "string", default: "1000" },
    "orders-each": { type: "string", default: "300" },
    "catalog-share": { type: "string", default: "0.1" },
    seed: { type: "string", default: "42" },
    concurrency: { type: "string", default: "4" },
    "seed-concurrency": { type: "string", default: "4" },
    "skip-detection": { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
  },
});
const dialect = dialectFlag(values.dialect);
const workspaceCount = positiveFlag("workspaces", values.workspaces);
const ordersEach = positiveFlag("orders-each", values["orders-each"]);
const concurrency = positiveFlag("concurrency", values.concurrency);
const seedConcurrency = positiveFlag("seed-concurrency", values["seed-concurrency"]);
const seed = Number(values.seed);
const catalogShare = Number(values["catalog-share"]);
if (!(catalogShare > 0 && catalogShare <= 1)) throw new Error(`--catalog-share must be in (0, 1], got ${values["catalog-share"]}`);

/** The data covers the 730 days before BENCH_END; digests are for that morning, 08:00 in Mexico City. */
const DIGEST_DATE = BENCH_END;
const NOW = `${BENCH_END}T14:00:00Z`;
const CHANNELS: ReadonlySet<IdentityChannel> = new Set(["slack", "whatsapp", "email"]);

const out = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (fromMs: number) => (performance.now() - fromMs) / 1000;
const load = () => loadavg().map((value) => value.toFixed(1)).join(" ");
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

/** Peak resident memory, sampled every 20 ms (process.resourceUsage().maxRSS as a floor). */
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);
sampler.unref();

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

interface Task {
  readonly workspaceId: number;
  readonly memberId: number;
}

interface RunResult {
  readonly seconds: number;
  readonly durationsMs: number[];
  readonly outcomes: DigestOutcome[];
  readonly scheduled: number;
}

async function runDigests(db: Db, tasks: readonly Task[]): Promise<RunResult> {
  let scheduled = 0;
  const scheduler: DeliveryScheduler = {
    schedule: (ids) => {
      scheduled += ids.length;
      return Promise.resolve();
    },
  };
  const deps: NotificationDeps = {
    db,
    clock: fixedClock(NOW),
    logger: silentLogger,
    scheduler,
    channels: CHANNELS,
    whatsappTransport: "cloud",
    describe: (insight, context) => insightText(insight, context),
    digestMetrics: createDigestMetricsCache(),
  };
  const durationsMs: number[] = [];
  const outcomes: DigestOutcome[] = [];
  const startedAt = performance.now();
  await pool(tasks, concurrency, async (task) => {
    const began = performance.now();
    outcomes.push(await sendDigest(deps, { workspaceId: task.workspaceId, memberId: task.memberId, date: DIGEST_DATE }));
    durationsMs.push(performance.now() - began);
  });
  return { seconds: seconds(startedAt), durationsMs: durationsMs.sort((a, b) => a - b), outcomes, scheduled };
}

/** Insight detection once per workspace, stored as the daily job stores it (no alerts). */
async function detect(db: Db, workspaces: readonly BenchWorkspace[]): Promise<{ found: number; failures: number }> {
  const clock = fixedClock(NOW);
  let found = 0;
  let failures = 0;
  await pool(workspaces, concurrency, async (bench) => {
    const workspace = await findWorkspaceById(db, bench.id);
    if (!workspace) throw new Error(`workspace ${bench.slug} disappeared`);
    const result = await detectInsights(db, workspace, clock);
    await upsertInsights(db, workspace.id, result.candidates, clock.now(), { types: result.types });
    found += result.candidates.length;
    failures += result.failures.length;
  });
  return { found, failures };
}

const digestKeys = `digest:%:${DIGEST_DATE}:%`;

/** Removes what an earlier run of this benchmark enqueued for the day, so every digest is new again. */
async function clearEarlierDigests(db: Db, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  await db.deleteFrom("insight_notifications").where("workspace_id", "in", ids).where("kind", "=", "digest").execute();
  const deleted = await db.deleteFrom("outbox").where("workspace_id", "in", ids).where("idempotency_key", "like", digestKeys).executeTakeFirst();
  return Number(deleted.numDeletedRows);
}

async function outboxRows(db: Db, ids: readonly number[]): Promise<number> {
  const row = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("workspace_id", "in", ids)
    .where("idempotency_key", "like", digestKeys)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const handle = await openDigestDatabase({ dialect, url: values.url, fresh: values.fresh, poolMax: Math.max(concurrency, seedConcurrency) });
try {
  out(`digest bench: ${dialect} at ${handle.location}, ${workspaceCount.toLocaleString("en")} workspaces × 3 members, ${ordersEach} orders and ${catalogShare} of the catalog each, concurrency ${concurrency}, digests for ${DIGEST_DATE} at ${NOW}`);

  const seedStart = performance.now();
  let lastPrinted = 0;
  const data = await ensureDigestWorkspaces(handle.db, {
    workspaces: workspaceCount,
    ordersEach,
    catalogShare,
    seed,
    end: BENCH_END,
    concurrency: seedConcurrency,
    onSeeded: (done, total) => {
      if (done === total || performance.now() - lastPrinted > 10_000) {
        lastPrinted = performance.now();
        out(`  seeding ${done.toLocaleString("en")}/${total.toLocaleString("en")} workspaces, ${seconds(seedStart).toFixed(0)} s`);
      }
    },
  });
  const { workspaces } = data;
  const ids = workspaces.map((w) => w.id);
  out(`setup: workspaces     ${seconds(seedStart).toFixed(1)} s (${data.reused} reused, ${data.seeded} seeded, ${data.replaced} replaced)`);

  if (values["skip-detection"]) {
    out("setup: detection      skipped (insights from earlier runs kept)");
  } else {
    const detectStart = performance.now();
    const detection = await detect(handle.db, workspaces);
    const took = seconds(detectStart);
    out(`setup: detection      ${took.toFixed(1)} s (${detection.found.toLocaleString("en")} insights found, ${detection.failures} detector failures, ${(took * 1000 / workspaces.length).toFixed(0)} ms per workspace)`);
  }
  const cleared = await clearEarlierDigests(handle.db, ids);
  if (cleared > 0) out(`setup: cleared        ${cleared.toLocaleString("en")} outbox rows of an earlier run for ${DIGEST_DATE}`);

  const tasks: Task[] = workspaces.flatMap((w) => w.members.map((m) => ({ workspaceId: w.id, memberId: m.id })));
  const loadBefore = load();
  const rssBefore = process.memoryUsage().rss;
  peakRss = rssBefore;
  const first = await runDigests(handle.db, tasks);
  const timedPeak = Math.max(peakRss, process.memoryUsage().rss);

  const sent = first.outcomes.filter((o) => o.status === "sent");
  const skipped = first.outcomes.length - sent.length;
  const reached = sent.reduce((acc, o) => acc + o.channels.length, 0);
  const created = sent.reduce((acc, o) => acc + o.created, 0);
  const withInsights = sent.filter((o) => o.insights > 0).length;
  const rows = await outboxRows(handle.db, ids);
  const ms = (value: number) => `${value.toFixed(1)} ms`;

  out("");
  out(`database      ${dialect}`);
  out(`workspaces    ${workspaces.length.toLocaleString("en")}`);
  out(`members       ${tasks.length.toLocaleString("en")}`);
  out(`digests       ${sent.length.toLocaleString("en")} sent, ${skipped} skipped, ${withInsights.toLocaleString("en")} with insights`);
  out(`outbox rows   ${rows.toLocaleString("en")} (${created.toLocaleString("en")} created, ${first.scheduled.toLocaleString("en")} scheduled)`);
  out(`total         ${first.seconds.toFixed(1)} s (${(tasks.length / first.seconds).toFixed(1)} digests/s, concurrency ${concurrency})`);
  out(`per digest    p50 ${ms(percentile(first.durationsMs, 50))}, p95 ${ms(percentile(first.durationsMs, 95))}, max ${ms(first.durationsMs.at(-1) ?? Number.NaN)}`);
  out(`machine load  ${loadBefore} before the digests, ${load()} after (1, 5, 15 min; ${availableParallelism()} cores)`);
  out(`peak RSS      ${mb(timedPeak)} during the digests (${mb(rssBefore)} before them; process max ${mb(process.resourceUsage().maxRSS * 1024)})`);

  const repeat = await runDigests(handle.db, tasks);
  const repeatCreated = repeat.outcomes.reduce((acc, o) => acc + (o.status === "sent" ? o.created : 0), 0);
  const rowsAfter = await outboxRows(handle.db, ids);
  const rowsOk = rows === reached && rows === created && first.scheduled === created;
  const repeatOk = repeatCreated === 0 && repeat.scheduled === 0 && rowsAfter === rows;
  out(`check rows    ${rowsOk ? "ok" : "MISMATCH"}: ${rows.toLocaleString("en")} outbox rows = ${sent.length.toLocaleString("en")} digests over ${reached.toLocaleString("en")} channels reached`);
  out(`check repeat  ${repeatOk ? "ok" : "MISMATCH"}: the same day again created ${repeatCreated} rows (${rowsAfter.toLocaleString("en")} in the outbox) in ${repeat.seconds.toFixed(1)} s`);
  if (!rowsOk || !repeatOk) process.exitCode = 1;
} finally {
  clearInterval(sampler);
  await handle.close();
}
