/**
 * Metrics benchmark: p50/p95 latency of twenty KPI queries through the rollups and through raw
 * scans, distinct-customer and SaaS queries apart, the full rollup rebuild, and the incremental
 * rollup maintenance of a 10,000-order CSV import. Runs on PostgreSQL or PGlite.
 *
 *   npm run bench:metrics -- --dialect postgres|pglite [--orders 1000000] [--runs 20] [--raw-runs 3] [--fresh]
 *
 * The seeded database is kept between runs (PostgreSQL: database bizos_bench_metrics_<orders>;
 * PGlite: .data/bench/metrics-<orders>) so later runs skip the seed; --fresh reseeds.
 */
import { parseArgs } from "node:util";
import type { Db } from "../db/database.ts";
import { findWorkspaceBySlug } from "../db/repositories/workspaces.ts";
import { rebuildRollups } from "../engines/metrics/rollups/refresh.ts";
import { queryMetrics } from "../engines/metrics/query/execute.ts";
import { fixedClock, type Clock } from "../lib/clock.ts";
import { DISTINCT_QUERIES, KPI_QUERIES, SAAS_QUERIES, type BenchQuery } from "./metric-queries.ts";
import { BENCH_END, openBenchDatabase, percentile } from "./bench-database.ts";
import { measureImportMaintenance } from "./metrics-maintenance.ts";
import { dialectFlag } from "./bench-args.ts";

const { values } = parseArgs({
  options: {
    dialect: { type: "string", default: "postgres" },
    orders: { type: "string", default: "1000000" },
    runs: { type: "string", default: "20" },
    "raw-runs": { type: "string", default: "3" },
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432" },
    fresh: { type: "boolean", default: false },
  },
});
const dialect = dialectFlag(values.dialect);
const orders = Number(values.orders);
const runs = Number(values.runs);
const rawRuns = Number(values["raw-runs"]);
const out = (line: string) => process.stdout.write(`${line}\n`);

async function time(db: Db, clock: Clock, bench: BenchQuery, forceRaw: boolean, count: number): Promise<number[]> {
  const workspace = await findWorkspaceBySlug(db, bench.workspace);
  if (!workspace) throw new Error(`no ${bench.workspace} workspace`);
  const timings: number[] = [];
  for (let i = 0; i < count + 1; i++) {
    const startedAt = performance.now();
    const result = await queryMetrics(db, workspace, bench.query, { clock, forceRaw });
    const elapsed = performance.now() - startedAt;
    if (!result.ok) throw new Error(`${bench.name}: ${result.error.message}`);
    if (i > 0) timings.push(elapsed); // the first run warms caches and is not counted
  }
  return timings.sort((a, b) => a - b);
}

async function report(db: Db, clock: Clock, title: string, queries: readonly BenchQuery[]): Promise<void> {
  out(`\n${title}`);
  out(`  ${"query".padEnd(44)} ${"rollup p50".padStart(10)} ${"p95".padStart(8)}   ${"raw p50".padStart(9)} ${"p95".padStart(9)}`);
  const all: number[] = [];
  const allRaw: number[] = [];
  for (const bench of queries) {
    const viaRollups = await time(db, clock, bench, false, runs);
    const viaRaw = await time(db, clock, bench, true, rawRuns);
    all.push(...viaRollups);
    allRaw.push(...viaRaw);
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    out(`  ${bench.name.padEnd(44)} ${ms(percentile(viaRollups, 50)).padStart(10)} ${ms(percentile(viaRollups, 95)).padStart(8)}   ${ms(percentile(viaRaw, 50)).padStart(9)} ${ms(percentile(viaRaw, 95)).padStart(9)}`);
  }
  all.sort((a, b) => a - b);
  allRaw.sort((a, b) => a - b);
  out(`  ${"all queries".padEnd(44)} ${`${percentile(all, 50).toFixed(1)} ms`.padStart(10)} ${`${percentile(all, 95).toFixed(1)} ms`.padStart(8)}   ${`${percentile(allRaw, 50).toFixed(1)} ms`.padStart(9)} ${`${percentile(allRaw, 95).toFixed(1)} ms`.padStart(9)}`);
}

const handle = await openBenchDatabase({ dialect, orders, url: values.url, fresh: values.fresh, out });
try {
  out(`metrics bench: ${dialect} at ${handle.location}, demo with ${orders.toLocaleString("en")} orders, end ${BENCH_END}, ${runs} runs per query (raw: ${rawRuns})`);
  const demo = await findWorkspaceBySlug(handle.db, "demo");
  if (!demo) throw new Error("no demo workspace");
  const rebuildStartedAt = performance.now();
  const rebuilt = await rebuildRollups(handle.db, demo);
  out(`rollup rebuild (demo): ${((performance.now() - rebuildStartedAt) / 1000).toFixed(1)} s for ${rebuilt.days} days → ${rebuilt.orderRows.toLocaleString("en")} order rows, ${rebuilt.lineRows.toLocaleString("en")} line rows`);

  const clock = fixedClock("2026-11-21T15:00:00Z");
  await report(handle.db, clock, "KPI queries (20)", KPI_QUERIES);
  await report(handle.db, clock, "Distinct-customer queries (raw scans by design)", DISTINCT_QUERIES);
  await report(handle.db, clock, "SaaS (change log, no rollup)", SAAS_QUERIES);
  out("");
  await measureImportMaintenance(handle.db, demo, 10_000, out);
  out(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  await handle.close();
}
