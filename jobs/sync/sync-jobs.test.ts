/**
 * The data-sync job on a real database and a real runner (in process here; retries and stops on
 * both runners in sync-runners.test.ts): runs and cursors, slots, an auth failure that ends in a
 * sync_failed alert, one sync per connector at a time, and the schedule.
 */
import { randomBytes } from "node:crypto";
import { afterEach, expect, it } from "vitest";
import { saveConnector } from "../../db/repositories/connectors.ts";
import { findJobRun } from "../../db/repositories/job-runs.ts";
import { createMember, linkIdentity } from "../../db/repositories/members.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import type { ConnectorProvider } from "../../db/schema/connectors.ts";
import { systemClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { createSecretBox } from "../../lib/secret-box.ts";
import { localDate } from "../../lib/zoned-time.ts";
import { describeDatabase } from "../../test/database.ts";
import { registerNotificationJobs } from "../notifications/notification-jobs.ts";
import { createInProcessRunner } from "../runtime/in-process-runner.ts";
import { enqueueJob, type JobRunner } from "../runtime/job-runner.ts";
import { untilStatus } from "../runtime/runtime-test-kit.ts";
import { SYNC_QUEUE, manualSlot, scheduledSlot, syncKey, type SyncPayload } from "./sync-queue.ts";
import { INTERRUPTED_ERROR } from "../../db/repositories/sync-runs.ts";
import { registerSyncJobs } from "./sync-jobs.ts";
import { catalogSource, type CatalogSource } from "./sync-test-kit.ts";

const HOUR_MS = 3_600_000;
const ITEMS = [
  { externalId: "gid://shopify/Product/1", title: "Playera", updatedAt: "2026-11-20T10:00:00Z" },
  { externalId: "gid://shopify/Product/2", title: "Sudadera", updatedAt: "2026-11-20T11:00:00Z" },
];

describeDatabase("data sync job", ({ db }) => {
  const open: JobRunner[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((runner) => runner.close()));
  });

  const key = randomBytes(32);
  const box = createSecretBox(key);

  async function store(slug = "tienda") {
    const workspace = await createWorkspace(db(), { name: slug, slug, currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
    const connector = await saveConnector(db(), box, { workspaceId: workspace.id, provider: "shopify", account: `${slug}.myshopify.com`, credentials: { accessToken: "shpat_valid" } });
    return { workspace, connector };
  }

  /** A runner with detection (and alerts) and the sync job; sources by provider. */
  function runnerWith(sources: ReadonlyMap<ConnectorProvider, CatalogSource>, options: { everyMs?: number; concurrency?: number } = {}) {
    const scheduled: number[] = [];
    const runner = createInProcessRunner({ deps: { db: db(), clock: systemClock, logger: silentLogger }, pollMs: 20, concurrency: options.concurrency ?? 2 });
    open.push(runner);
    registerNotificationJobs(
      runner,
      {
        db: db(),
        clock: systemClock,
        logger: silentLogger,
        scheduler: { schedule: (ids: readonly number[]) => Promise.resolve(void scheduled.push(...ids)) },
        channels: new Set(["email"] as const),
        whatsappTransport: "cloud",
        describe: (insight) => ({ title: insight.title, explanation: insight.summary, action: "" }),
      },
      HOUR_MS,
    );
    const job = registerSyncJobs(runner, { db: db(), clock: systemClock, logger: silentLogger, box, sources }, { everyMs: options.everyMs ?? 0, backoffMs: 1 });
    return { runner, job, scheduled };
  }

  const syncRuns = (connectorId: number) => db().selectFrom("sync_runs").selectAll().where("connector_id", "=", connectorId).orderBy("id").execute();
  const connectorRow = (connectorId: number) => db().selectFrom("connectors").selectAll().where("id", "=", connectorId).executeTakeFirstOrThrow();

  it("records the run, saves the cursor, starts detection keyed by the run; the same slot again adds nothing, a manual sync runs from the cursor", async () => {
    const { workspace, connector } = await store();
    const source = catalogSource("shopify", ITEMS);
    const { runner, job } = runnerWith(new Map([["shopify", source]]));
    const payload: SyncPayload = { workspaceId: workspace.id, connectorId: connector.id, slot: "2026-11-21T08:00Z", reason: "scheduled" };
    expect(await enqueueJob(runner, job, payload)).toMatchObject({ key: `sync:${connector.id}:2026-11-21T08:00Z`, created: true });
    await runner.start();
    await runner.idle();

    const [run, ...others] = await syncRuns(connector.id);
    expect(others).toEqual([]);
    expect(run).toMatchObject({ workspace_id: workspace.id, status: "succeeded", rows_read: 2, rows_written: 2, error: null });
    expect(run!.finished_at).not.toBeNull();
    const saved = await connectorRow(connector.id);
    expect(saved).toMatchObject({ status: "active", last_error: null, cursor: { updatedAfter: "2026-11-20T11:00:00Z" } });
    expect(saved.last_sync_at?.toISOString()).toBe(run!.finished_at!.toISOString());
    expect(source.calls).toEqual([{ cursor: null, credentials: { accessToken: "shpat_valid" } }]);
    const products = await db().selectFrom("products").select(["external_id", "title"]).where("workspace_id", "=", workspace.id).orderBy("external_id").execute();
    expect(products.map((p) => p.title)).toEqual(["Playera", "Sudadera"]);

    const detectionKey = `insights:${workspace.id}:${localDate(run!.started_at, workspace.timezone)}:sync:${run!.id}`;
    const syncJob = await findJobRun(db(), workspace.id, syncKey(payload));
    expect(syncJob).toMatchObject({ status: "done", attempts: 1, result: { syncRun: run!.id, rowsRead: 2, rowsWritten: 2, detection: detectionKey } });
    expect(await findJobRun(db(), workspace.id, detectionKey)).toMatchObject({ queue: "insights", status: "done", payload: { reason: "sync", syncRunId: run!.id } });

    // The same interval again: nothing new runs.
    expect(await enqueueJob(runner, job, payload)).toMatchObject({ created: false, status: "done" });
    await runner.idle();
    expect(await syncRuns(connector.id)).toHaveLength(1);
    expect(source.calls).toHaveLength(1);

    // A manual sync has its own key and starts from the saved cursor; a sync that wrote nothing starts no detection.
    const manual: SyncPayload = { ...payload, slot: manualSlot(new Date()), reason: "manual" };
    expect((await enqueueJob(runner, job, manual)).created).toBe(true);
    await runner.idle();
    expect(source.calls[1]!.cursor).toEqual({ updatedAfter: "2026-11-20T11:00:00Z" });
    const second = (await syncRuns(connector.id))[1]!;
    expect(second).toMatchObject({ status: "succeeded", rows_read: 0, rows_written: 0 });
    expect((await findJobRun(db(), workspace.id, syncKey(manual)))!.result).toMatchObject({ syncRun: second.id, rowsWritten: 0, detection: null });
    const detections = await db().selectFrom("job_runs").select("job_key").where("queue", "=", "insights").execute();
    expect(detections.map((d) => d.job_key)).toEqual([detectionKey]);
  });

  it("puts the connector in error on an auth failure, does not retry, and the detection that follows alerts a sync_failed insight", async () => {
    const { workspace, connector } = await store();
    const ana = await createMember(db(), { workspaceId: workspace.id, name: "Ana", role: "owner", language: "es" });
    await linkIdentity(db(), { workspaceId: workspace.id, memberId: ana.id, channel: "email", address: "ana@tienda.mx" });
    const source = catalogSource("shopify", ITEMS);
    source.failNext(new ProviderError("shopify", { kind: "auth" }, "[API] Invalid API key or access token (unrecognized login or wrong password)"));
    const { runner, job, scheduled } = runnerWith(new Map([["shopify", source]]));
    const payload: SyncPayload = { workspaceId: workspace.id, connectorId: connector.id, slot: "2026-11-21T10:00Z", reason: "scheduled" };
    await enqueueJob(runner, job, payload);
    await runner.start();
    const dead = await untilStatus(db(), workspace.id, syncKey(payload), ["done", "dead"]);
    await runner.idle();

    expect(dead).toMatchObject({ status: "dead", attempts: 1 });
    expect(dead.last_error).toContain("Invalid API key or access token");
    expect(source.calls).toHaveLength(1);
    const [run] = await syncRuns(connector.id);
    expect(run).toMatchObject({ status: "failed", error: "shopify: [API] Invalid API key or access token (unrecognized login or wrong password)" });
    expect(await connectorRow(connector.id)).toMatchObject({ status: "error", last_error: run!.error, cursor: null, last_sync_at: null });

    const detection = await findJobRun(db(), workspace.id, `insights:${workspace.id}:${localDate(run!.started_at, workspace.timezone)}:sync:${run!.id}`);
    expect(detection).toMatchObject({ status: "done" });
    const insights = await db().selectFrom("insights").selectAll().where("workspace_id", "=", workspace.id).execute();
    expect(insights.map((i) => [i.type, i.severity, i.fingerprint, i.status])).toEqual([["sync_failed", "critical", `sync_failed:connector:${connector.id}`, "open"]]);
    const alerts = await db().selectFrom("outbox").select(["id", "idempotency_key", "member_id", "channel"]).where("idempotency_key", "like", "alert:%").execute();
    expect(alerts.map((a) => [a.member_id, a.channel, a.idempotency_key.split(":")[2]])).toEqual([[ana.id, "email", "critical"]]);
    expect(scheduled).toEqual(alerts.map((a) => a.id));

    // The schedule leaves a connector in error alone; a person's manual sync tries again.
    const repeat: SyncPayload = { ...payload, slot: "2026-11-21T11:00Z" };
    await enqueueJob(runner, job, repeat);
    await runner.idle();
    expect((await findJobRun(db(), workspace.id, syncKey(repeat)))!.result).toEqual({ skipped: expect.stringContaining("the connector is in error") as unknown });
    const manual: SyncPayload = { ...payload, slot: manualSlot(new Date()), reason: "manual" };
    await enqueueJob(runner, job, manual);
    await runner.idle();
    expect(await findJobRun(db(), workspace.id, syncKey(manual))).toMatchObject({ status: "done", result: { rowsWritten: 2 } });
    expect(await connectorRow(connector.id)).toMatchObject({ status: "active", last_error: null });
  });

  it("runs one sync of a connector at a time, and takes over a run whose worker stopped", async () => {
    const { workspace, connector } = await store();
    const source = catalogSource("shopify", ITEMS);
    const hold = source.holdNext();
    const { runner, job } = runnerWith(new Map([["shopify", source]]), { concurrency: 2 });
    const first: SyncPayload = { workspaceId: workspace.id, connectorId: connector.id, slot: "2026-11-21T12:00Z", reason: "scheduled" };
    const second: SyncPayload = { ...first, slot: manualSlot(new Date()), reason: "manual" };
    await runner.start();
    await enqueueJob(runner, job, first);
    await hold.called;
    try {
      // The second starts while the first is inside the provider.
      await enqueueJob(runner, job, second);
      const skipped = await untilStatus(db(), workspace.id, syncKey(second), ["done", "dead"]);
      expect(skipped.result).toEqual({ skipped: expect.stringMatching(/^another sync of this connector is running \(sync run \d+/) as unknown });
    } finally {
      hold.release();
    }
    await runner.idle();
    expect(source.calls).toHaveLength(1);
    expect((await syncRuns(connector.id)).map((r) => r.status)).toEqual(["succeeded"]);

    // A running row whose connector was not touched for a lease: its worker died; the next sync takes over.
    const abandoned = await db()
      .insertInto("sync_runs")
      .values({ workspace_id: workspace.id, connector_id: connector.id, status: "running", started_at: new Date(Date.now() - 20 * 60_000), rows_read: 0, rows_written: 0 })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db().updateTable("connectors").set({ updated_at: new Date(Date.now() - 10 * 60_000) }).where("id", "=", connector.id).execute();
    const third: SyncPayload = { ...first, slot: "2026-11-21T13:00Z" };
    await enqueueJob(runner, job, third);
    await runner.idle();
    expect(await findJobRun(db(), workspace.id, syncKey(third))).toMatchObject({ status: "done", result: { rowsRead: 0 } });
    const runs = await syncRuns(connector.id);
    expect(runs.find((r) => r.id === abandoned.id)).toMatchObject({ status: "failed", error: INTERRUPTED_ERROR });
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "failed", "succeeded"]);
  });

  it("schedules one sync per active connector whose provider can sync, once per interval", async () => {
    const tienda = await store("tienda");
    const loja = await store("loja");
    const stripe = await saveConnector(db(), box, { workspaceId: tienda.workspace.id, provider: "stripe", account: "acct_1", credentials: { apiKey: "sk_test" } });
    const paused = await saveConnector(db(), box, { workspaceId: loja.workspace.id, provider: "shopify", account: "pausada.myshopify.com", credentials: { accessToken: "x" } });
    await db().updateTable("connectors").set({ status: "paused" }).where("id", "=", paused.id).execute();
    const failing = await saveConnector(db(), box, { workspaceId: loja.workspace.id, provider: "shopify", account: "rota.myshopify.com", credentials: { accessToken: "x" } });
    await db().updateTable("connectors").set({ status: "error", last_error: "shopify: 401" }).where("id", "=", failing.id).execute();
    const source = catalogSource("shopify", ITEMS);
    const { runner } = runnerWith(new Map([["shopify", source]]), { everyMs: HOUR_MS });

    // The tick runs when the runner starts.
    await runner.start();
    const syncs = async () => db().selectFrom("job_runs").select(["job_key", "status", "workspace_id"]).where("queue", "=", SYNC_QUEUE).orderBy("job_key").execute();
    while ((await syncs()).length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    await runner.idle();
    const rows = await syncs();
    const slot = rows[0]!.job_key.split(":").slice(2).join(":");
    expect([scheduledSlot(new Date(Date.now() - HOUR_MS), HOUR_MS), scheduledSlot(new Date(), HOUR_MS)]).toContain(slot);
    expect(rows.map((r) => [r.job_key, r.workspace_id, r.status])).toEqual(
      [
        [`sync:${tienda.connector.id}:${slot}`, tienda.workspace.id, "done"],
        [`sync:${loja.connector.id}:${slot}`, loja.workspace.id, "done"],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(source.calls).toHaveLength(2);
    expect(rows.some((r) => r.job_key.startsWith(`sync:${stripe.id}:`))).toBe(false);
  });
});
