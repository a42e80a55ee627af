/**
 * Shopify data syncs end to end, with no network: the worker as `npm run worker` (or the server)
 * runs it — the sync tick on start, the Shopify sync against the fake Admin API
 * (test/fakes/shopify-admin.ts), insight detection after the sync — and, once the store's token is
 * revoked, the failed sync puts the connector in error and its sync_failed alert reaches the owner
 * by email (an SMTP sink).
 */
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createSmtpTransport } from "../channels/email/email-sender.ts";
import { loadConfig } from "../config/index.ts";
import { saveConnector } from "../db/repositories/connectors.ts";
import { findJobRun } from "../db/repositories/job-runs.ts";
import { createMember, linkIdentity } from "../db/repositories/members.ts";
import { createWorkspace } from "../db/repositories/workspaces.ts";
import { untilStatus } from "../jobs/runtime/runtime-test-kit.ts";
import { SYNC_QUEUE, manualSlot, syncKey } from "../jobs/sync/sync-queue.ts";
import { systemClock } from "../lib/clock.ts";
import { silentLogger } from "../lib/logger.ts";
import { createSecretBox } from "../lib/secret-box.ts";
import { describeDatabase } from "../test/database.ts";
import { startFakeShopifyAdmin, type FakeShopifyAdmin } from "../test/fakes/shopify-admin.ts";
import { startSmtpSink, type SmtpSink } from "../test/fakes/smtp-sink.ts";
import { startWorker, type Worker } from "./worker.ts";

const TOKEN = "shpat_tienda";
const DAY_MS = 86_400_000;

describeDatabase("Shopify syncs in the worker", ({ db }) => {
  let shopify: FakeShopifyAdmin;
  let sink: SmtpSink;
  let worker: Worker | undefined;

  beforeEach(async () => {
    const ago = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
    shopify = await startFakeShopifyAdmin({
      accessToken: TOKEN,
      // A bucket that refills fast, so a sync's expensive order pages do not wait real seconds.
      restoreRate: 2_000,
      products: [
        { id: "gid://shopify/Product/101", title: "Playera", updatedAt: ago(30), variants: [{ id: "gid://shopify/ProductVariant/1001", price: "399.00", sku: "PLA-M", inventoryQuantity: 12 }] },
        { id: "gid://shopify/Product/102", title: "Sudadera", updatedAt: ago(30), variants: [{ id: "gid://shopify/ProductVariant/1002", price: "899.00", sku: "SUD-M", inventoryQuantity: 3 }] },
      ],
      orders: [
        {
          id: "gid://shopify/Order/5001",
          name: "#1001",
          createdAt: ago(3),
          updatedAt: ago(3),
          financialStatus: "PAID",
          lineItems: [{ id: "gid://shopify/LineItem/1", title: "Playera", quantity: 2, unitPrice: "399.00", variantId: "gid://shopify/ProductVariant/1001", productId: "gid://shopify/Product/101" }],
        },
        {
          id: "gid://shopify/Order/5002",
          name: "#1002",
          createdAt: ago(2),
          updatedAt: ago(2),
          financialStatus: "PAID",
          lineItems: [{ id: "gid://shopify/LineItem/2", title: "Sudadera", quantity: 1, unitPrice: "899.00", variantId: "gid://shopify/ProductVariant/1002", productId: "gid://shopify/Product/102" }],
        },
      ],
    });
    sink = await startSmtpSink();
  });

  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    await Promise.all([shopify.close(), sink.close()]);
  });

  it("syncs a connected store on the schedule, detects after it, and alerts the owner once a revoked token puts the connector in error", { timeout: 120_000 }, async () => {
    const workspace = await createWorkspace(db(), { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
    const ana = await createMember(db(), { workspaceId: workspace.id, name: "Ana", role: "owner", language: "es" });
    await linkIdentity(db(), { workspaceId: workspace.id, memberId: ana.id, channel: "email", address: "ana@tienda.mx" });
    const secretKey = randomBytes(32);
    const box = createSecretBox(secretKey);
    // What `bizos connect shopify --api-base-url <fake>` stores.
    const connect = (accessToken: string) =>
      saveConnector(db(), box, { workspaceId: workspace.id, provider: "shopify", account: "tienda.myshopify.com", credentials: { accessToken, apiBaseUrl: shopify.url } });
    const connector = await connect(TOKEN);

    const config = loadConfig({ SMTP_HOST: sink.host, SMTP_PORT: String(sink.port), EMAIL_FROM: "bot@tienda.mx", NOTIFICATIONS_PLAN_SECONDS: "3600", SYNC_EVERY_MINUTES: "60" });
    worker = await startWorker({ config, db: db(), secretKey, clock: systemClock, logger: silentLogger, smtpTransport: createSmtpTransport({ ...config.channels.email!.smtp }) });

    // The tick on start schedules the connector's sync for this hour.
    const scheduled = await (async () => {
      for (;;) {
        const row = await db().selectFrom("job_runs").select(["job_key", "status"]).where("queue", "=", SYNC_QUEUE).executeTakeFirst();
        if (row) return row;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    expect(scheduled.job_key).toMatch(new RegExp(`^sync:${connector.id}:\\d{4}-\\d{2}-\\d{2}T\\d{2}:00Z$`));
    const synced = await untilStatus(db(), workspace.id, scheduled.job_key, ["done", "dead"]);
    await worker.idle();
    expect(synced).toMatchObject({ status: "done", result: { rowsWritten: expect.any(Number) as unknown } });
    const [run] = await db().selectFrom("sync_runs").selectAll().where("connector_id", "=", connector.id).execute();
    expect(run).toMatchObject({ status: "succeeded" });
    expect(run!.rows_written).toBeGreaterThan(0);
    const orders = await db().selectFrom("orders").select(["external_id", "total_cents", "source"]).where("workspace_id", "=", workspace.id).orderBy("external_id").execute();
    expect(orders.map((o) => [o.source, o.total_cents])).toEqual([
      ["shopify", 79_800],
      ["shopify", 89_900],
    ]);
    expect(await db().selectFrom("connectors").select(["status", "last_error", "cursor"]).where("id", "=", connector.id).executeTakeFirstOrThrow()).toMatchObject({ status: "active", last_error: null, cursor: expect.objectContaining({ ordersUpdatedAt: expect.any(String) as unknown }) as unknown });
    const detection = synced.result?.["detection"];
    expect(detection).toMatch(new RegExp(`^insights:${workspace.id}:\\d{4}-\\d{2}-\\d{2}:sync:${run!.id}$`));
    expect(await findJobRun(db(), workspace.id, String(detection))).toMatchObject({ status: "done" });

    // The merchant revokes the app's token: the next sync fails for good, once, and tells the owner.
    await connect("shpat_revoked");
    const manual = { workspaceId: workspace.id, connectorId: connector.id, slot: manualSlot(new Date()), reason: "manual" } as const;
    await worker.jobs.enqueue(SYNC_QUEUE, manual);
    const dead = await untilStatus(db(), workspace.id, syncKey(manual), ["done", "dead"]);
    await worker.idle();
    expect(dead).toMatchObject({ status: "dead", attempts: 1 });
    const failed = await db().selectFrom("connectors").select(["status", "last_error"]).where("id", "=", connector.id).executeTakeFirstOrThrow();
    expect(failed.status).toBe("error");
    expect(failed.last_error).toContain("Invalid API key or access token");
    const insight = await db().selectFrom("insights").selectAll().where("workspace_id", "=", workspace.id).where("type", "=", "sync_failed").executeTakeFirstOrThrow();
    expect(insight).toMatchObject({ severity: "critical", status: "open", fingerprint: `sync_failed:connector:${connector.id}` });
    const alerts = await db().selectFrom("outbox").select(["channel", "status", "member_id"]).where("idempotency_key", "like", `alert:${insight.id}:%`).execute();
    expect(alerts).toEqual([{ channel: "email", status: "sent", member_id: ana.id }]);
    expect(sink.received.filter((m) => m.envelope.to.includes("ana@tienda.mx"))).toHaveLength(1);
  });
});
