/**
 * The conversation eval with the offline model, on a small seeded demo (PGlite in memory): every
 * case of both versioned datasets through the whole graph. Fails below the floors; raise them as the
 * offline model improves. Expected values come from the engines on the same data.
 *
 * conversation-v1 is the development set (the offline model was tuned on it), so its floors are
 * high; holdout-v1 was written apart from the model (some of its failures have since been fixed, so
 * it is no longer fully unseen); holdout-v2 was written blind to the model's code and measures how it
 * generalises now.
 */
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/connection.ts";
import { silentLogger } from "../lib/logger.ts";
import { DEFAULT_NOW, DIMENSIONS, loadDataset, loadRuntimeFactory, prepareEvalDatabase, runEval, type Dimension, type EvalReport } from "./index.ts";

const DEVELOPMENT_FLOORS: Readonly<Record<Dimension, number>> = { routing: 0.98, tool: 0.98, args: 0.97, values: 0.97, language: 0.98, kind: 0.98 };
const HOLDOUT_FLOORS: Readonly<Record<Dimension, number>> = { routing: 0.9, tool: 0.87, args: 0.75, values: 0.88, language: 0.97, kind: 0.88 };
/** Measured at 90.0 / 89.3 / 70.9 / 75.3 / 98.7 / 88.7% (20,000-order eval demo); floors leave room for the smaller demo here. */
const HOLDOUT_V2_FLOORS: Readonly<Record<Dimension, number>> = { routing: 0.85, tool: 0.85, args: 0.65, values: 0.65, language: 0.95, kind: 0.83 };
/** Small enough for CI, large enough that every demo product, campaign and planted event exists. */
const ORDERS = 4000;
const HOLDOUT = path.join(import.meta.dirname, "datasets", "holdout-v1.jsonl");
const HOLDOUT_V2 = path.join(import.meta.dirname, "datasets", "holdout-v2.jsonl");

let handle: DatabaseHandle;
let development: EvalReport;
let holdout: EvalReport;
let holdoutV2: EvalReport;

beforeAll(async () => {
  handle = await prepareEvalDatabase({ mode: "memory", now: DEFAULT_NOW, orders: ORDERS });
  const runtime = await (await loadRuntimeFactory())({ db: handle.db, pool: handle.pool, logger: silentLogger });
  development = await runEval(runtime, await loadDataset(), { db: handle.db });
  holdout = await runEval(runtime, await loadDataset(HOLDOUT), { db: handle.db });
  holdoutV2 = await runEval(runtime, await loadDataset(HOLDOUT_V2), { db: handle.db });
}, 900_000);

afterAll(async () => {
  await handle.close();
});

function expectFloors(report: EvalReport, floors: Readonly<Record<Dimension, number>>): void {
  const failures = report.failures.slice(0, 15).map((failure) => JSON.stringify(failure)).join("\n");
  for (const dimension of DIMENSIONS) {
    const accuracy = report.overall[dimension];
    expect(accuracy.accuracy, `${dimension}: ${accuracy.passed}/${accuracy.scored}\nfirst failures:\n${failures}`).toBeGreaterThanOrEqual(floors[dimension]);
  }
}

it("the offline model meets the floors on the development set", () => {
  expectFloors(development, DEVELOPMENT_FLOORS);
});

it("the offline model meets the floors on the held-out set, in every language", () => {
  expectFloors(holdout, HOLDOUT_FLOORS);
  for (const language of ["en", "es", "pt"] as const) {
    expect(holdout.byLanguage[language].routing.scored, language).toBeGreaterThanOrEqual(40);
    expect(holdout.byLanguage[language].routing.accuracy, language).toBeGreaterThanOrEqual(0.85);
  }
});

it("the offline model meets the floors on the blind held-out set (holdout-v2)", () => {
  expectFloors(holdoutV2, HOLDOUT_V2_FLOORS);
  for (const language of ["en", "es", "pt"] as const) expect(holdoutV2.byLanguage[language].routing.scored, language).toBeGreaterThanOrEqual(50);
});
