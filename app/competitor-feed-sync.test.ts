/**
 * A competitor's price cut reaches the insights on the schedule, with no one importing anything: a
 * store with a top seller and a competitor_feed connector (what `bizos connect competitor-feed`
 * stores), the sync job as app/sync.ts registers it with the app's sources, its tick on start, the
 * feed (test/fakes/competitor-feed.ts) now selling our top seller below our price, and the insight
 * detection that follows the sync.
 */
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, expect, it } from "vitest";
import { checkFeedConnection, feedAccount, feedCredentials } from "../connectors/competitors/index.ts";
import { seedTienda } from "../connectors/competitors/test-support.ts";
import type { Db } from "../db/database.ts";
import { saveConnector } from "../db/repositories/connectors.ts";
import { findJobRun } from "../db/repositories/job-runs.ts";
import type { Workspace } from "../db/schema/core.ts";
import { registerNotificationJobs } from "../jobs/notifications/notification-jobs.ts";
import { createInProcessRunner } from "../jobs/runtime/in-process-runner.ts";
import type { JobRunner } from "../jobs/runtime/job-runner.ts";
import { untilStatus } from "../jobs/runtime/runtime-test-kit.ts";
import { SYNC_QUEUE } from "../jobs/sync/sync-queue.ts";
import { systemClock } from "../lib/clock.ts";
import { silentLogger } from "../lib/logger.ts";
import { createSecretBox } from "../lib/secret-box.ts";
import { describeDatabase } from "../test/database.ts";
import { startFakeCompetitorFeed, type FakeCompetitorFeed } from "../test/fakes/competitor-feed.ts";
import { registerSync } from "./sync.ts";

const TOKEN = "feed-secret";
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY_MS);

/** Paid orders of one variant, one a day, days ago (complete days, as sales ranks count them). */
async function sell(db: Db, workspace: Workspace, productId: number, variantId: number, unitCents: number, days: readonly number[]) {
  for (const day of days) {
    const order = await db
      .insertInto("orders")
      .values({ workspace_id: workspace.id, source: "test", external_id: `order-${day}`, placed_at: ago(day), status: "paid", currency: "MXN", subtotal_cents: unitCents, discount_cents: 0, shipping_cents: 0, tax_cents: 0, total_cents: unitCents })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("order_items")
      .values({ workspace_id: workspace.id, order_id: order.id, product_id: productId, variant_id: variantId, sku: null, title: "Camiseta Clásica", category: null, quantity: 1, unit_price_cents: unitCents, discount_cents: 0, total_cents: unitCents, cost_cents: null })
      .execute();
  }
}

describeDatabase("competitor price feed on the sync schedule", ({ db }) => {
  let feed: FakeCompetitorFeed;
  let runner: JobRunner | undefined;
  beforeEach(async () => {
    feed = await startFakeCompetitorFeed({ token: TOKEN });
  });
  afterEach(async () => {
    await runner?.close();
    runner = undefined;
    await feed.close();
  });

  it("syncs a connected feed on the tick, and the detection after it finds the competitor undercutting our top seller", { timeout: 120_000 }, async () => {
    const store = await seedTienda(db());
    const { workspace } = store;
    const productId = store.products.get("P-200")!;
    const variantId = store.variants.get("CAM-CLA")!;
    // Our top seller at 199.00; Amazon sold it at 209.90 a week ago (an earlier import).
    await sell(db(), workspace, productId, variantId, 19_900, [2, 3, 4, 5]);
    const weekAgo = ago(7);
    await db()
      .insertInto("competitor_prices")
      .values({ workspace_id: workspace.id, product_id: productId, variant_id: variantId, competitor: "Amazon", url: null, price_cents: 20_990, currency: "MXN", in_stock: true, observed_at: weekAgo })
      .execute();
    // Today's feed: Amazon at 179.90, 9.6% below us.
    const cutAt = ago(1).toISOString();
    feed.setPages([{ items: [{ sku: "CAM-CLA", competitor: "Amazon", price: 179.9, observed_at: cutAt }] }]);

    const secretKey = randomBytes(32);
    const connection = checkFeedConnection({ url: feed.url, headers: { Authorization: `Bearer ${TOKEN}` } });
    const connector = await saveConnector(db(), createSecretBox(secretKey), { workspaceId: workspace.id, provider: "competitor_feed", account: feedAccount(connection, "precios"), credentials: feedCredentials(connection) });

    runner = createInProcessRunner({ deps: { db: db(), clock: systemClock, logger: silentLogger }, pollMs: 20, concurrency: 2 });
    registerNotificationJobs(
      runner,
      {
        db: db(),
        clock: systemClock,
        logger: silentLogger,
        scheduler: { schedule: () => Promise.resolve() },
        channels: new Set(["email"] as const),
        whatsappTransport: "cloud",
        describe: (insight) => ({ title: insight.title, explanation: insight.summary, action: "" }),
      },
      HOUR_MS,
    );
    // The app's own sources (syncSources()), the way the server and the worker register them.
    registerSync(runner, { db: db(), clock: systemClock, logger: silentLogger, secretKey, everyMs: HOUR_MS });
    await runner.start();

    const scheduled = await (async () => {
      for (;;) {
        const row = await db().selectFrom("job_runs").select("job_key").where("queue", "=", SYNC_QUEUE).executeTakeFirst();
        if (row) return row.job_key;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    expect(scheduled).toMatch(new RegExp(`^sync:${connector.id}:`));
    const synced = await untilStatus(db(), workspace.id, scheduled, ["done", "dead"]);
    await runner.idle();

    expect(synced).toMatchObject({ status: "done", result: { rowsRead: 1, rowsWritten: 1 } });
    expect(feed.requests.map((r) => r.authorization)).toEqual([`Bearer ${TOKEN}`]);
    const prices = await db().selectFrom("competitor_prices").select(["price_cents", "observed_at"]).where("workspace_id", "=", workspace.id).orderBy("observed_at").execute();
    expect(prices.map((p) => [p.price_cents, p.observed_at.toISOString()])).toEqual([
      [20_990, weekAgo.toISOString()],
      [17_990, cutAt],
    ]);
    expect(await db().selectFrom("connectors").select(["status", "last_error"]).where("id", "=", connector.id).executeTakeFirstOrThrow()).toEqual({ status: "active", last_error: null });

    const detection = synced.result?.["detection"];
    expect(await findJobRun(db(), workspace.id, String(detection))).toMatchObject({ queue: "insights", status: "done" });
    const undercut = await db().selectFrom("insights").selectAll().where("workspace_id", "=", workspace.id).where("type", "=", "competitor_undercut").executeTakeFirstOrThrow();
    expect(undercut).toMatchObject({ fingerprint: `competitor_undercut:product:${productId}:amazon`, severity: "critical", status: "open" });
    expect(undercut.evidence).toMatchObject({ competitor: "Amazon", previousPriceCents: 20_990, priceCents: 17_990, ourPriceCents: 19_900, salesRank: 1, stillBelow: true });
  });
});
