/**
 * The conversation eval with the offline model, on a small seeded demo (PGlite in memory): every
 * case of the versioned dataset through the whole graph. Fails below the floors; raise them as the
 * offline model improves. Expected values come from the engines on the same data.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/connection.ts";
import { DEFAULT_NOW, DIMENSIONS, loadDataset, loadRuntimeFactory, prepareEvalDatabase, runEval, type Dimension, type EvalReport } from "./index.ts";
import { silentLogger } from "../lib/logger.ts";

/** Accuracy floors per dimension (share of scored cases). */
const FLOORS: Readonly<Record<Dimension, number>> = { routing: 0.9, tool: 0.88, args: 0.75, values: 0.85, language: 0.95, kind: 0.9 };
/** Small enough for CI, large enough that every demo product, campaign and planted event exists. */
const ORDERS = 4000;

let handle: DatabaseHandle;
let report: EvalReport;

beforeAll(async () => {
  handle = await prepareEvalDatabase({ mode: "memory", now: DEFAULT_NOW, orders: ORDERS });
  const runtime = await (await loadRuntimeFactory())({ db: handle.db, pool: handle.pool, logger: silentLogger });
  report = await runEval(runtime, await loadDataset(), { db: handle.db });
}, 900_000);

afterAll(async () => {
  await handle.close();
});

it("the offline model meets the accuracy floors on the whole dataset", () => {
  const failures = report.failures.slice(0, 15).map((failure) => JSON.stringify(failure)).join("\n");
  for (const dimension of DIMENSIONS) {
    const floor = FLOORS[dimension];
    const accuracy = report.overall[dimension];
    expect(accuracy.accuracy, `${dimension}: ${accuracy.passed}/${accuracy.scored}\nfirst failures:\n${failures}`).toBeGreaterThanOrEqual(floor);
  }
});

it("answers in each language about as well as in the others", () => {
  for (const language of ["en", "es", "pt"] as const) {
    const routing = report.byLanguage[language]?.routing;
    expect(routing?.scored ?? 0, language).toBeGreaterThan(90);
    expect(routing?.accuracy ?? 0, language).toBeGreaterThanOrEqual(0.85);
  }
});
