/**
 * The sync job's retries and stops on both job runners: in process, and BullMQ on the real Redis
 * (TEST_REDIS_URL, a key prefix per runner, removed afterwards). Outcomes are read from job_runs,
 * sync_runs and the connector; backoffs are a millisecond, a rate limit's wait is the provider's.
 */
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { saveConnector } from "../../db/repositories/connectors.ts";
import { findJobRun } from "../../db/repositories/job-runs.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import { systemClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { createSecretBox } from "../../lib/secret-box.ts";
import { localDate } from "../../lib/zoned-time.ts";
import { describeDatabase } from "../../test/database.ts";
import { registerNotificationJobs } from "../notifications/notification-jobs.ts";
import { createBullmqRunner } from "../runtime/bullmq-runner.ts";
import { createInProcessRunner } from "../runtime/in-process-runner.ts";
import { enqueueJob, type JobOutcomeEvent, type JobRunner, type JobRuntimeDeps } from "../runtime/job-runner.ts";
import { untilStatus } from "../runtime/runtime-test-kit.ts";
import { SYNC_QUEUE, syncKey, type SyncPayload } from "./sync-queue.ts";
import { registerSyncJobs } from "./sync-jobs.ts";
import { catalogSource, type CatalogSource } from "./sync-test-kit.ts";
import { useTestRedis } from "../../test/test-redis.ts";

const testRedis = useTestRedis("sync");
const redisUrl = testRedis.url;

type CreateRunner = (deps: JobRuntimeDeps, onOutcome: (event: JobOutcomeEvent) => void) => JobRunner;

const KINDS: Record<"in-process" | "bullmq", CreateRunner> = {
  "in-process": (deps, onOutcome) => createInProcessRunner({ deps, pollMs: 20, onOutcome }),
  bullmq(deps, onOutcome) {
    const prefix = testRedis.prefix();
    return createBullmqRunner({ deps, connection: redisUrl, prefix, onOutcome });
  },
};


for (const [kind, create] of Object.entries(KINDS)) {
  describe(`sync job retries and stops: ${kind}`, () => {
    describeDatabase(kind, ({ db }) => {
      const open: JobRunner[] = [];
      afterEach(async () => {
        await Promise.all(open.splice(0).map((runner) => runner.close()));
      });
      const box = createSecretBox(randomBytes(32));

      async function start(source: CatalogSource, attempts: number, slug = "tienda") {
        const workspace = await createWorkspace(db(), { name: slug, slug, currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
        const connector = await saveConnector(db(), box, { workspaceId: workspace.id, provider: "shopify", account: `${slug}.myshopify.com`, credentials: { accessToken: "shpat_valid" } });
        const outcomes: JobOutcomeEvent[] = [];
        const runner = create({ db: db(), clock: systemClock, logger: silentLogger, random: () => 0 }, (event) => outcomes.push(event));
        open.push(runner);
        registerNotificationJobs(
          runner,
          {
            db: db(),
            clock: systemClock,
            logger: silentLogger,
            scheduler: { schedule: () => Promise.resolve() },
            channels: new Set(),
            whatsappTransport: "cloud",
            describe: (insight) => ({ title: insight.title, explanation: insight.summary, action: "" }),
          },
          3_600_000,
        );
        const job = registerSyncJobs(runner, { db: db(), clock: systemClock, logger: silentLogger, box, sources: new Map([["shopify", source]]) }, { everyMs: 0, attempts, backoffMs: 1 });
        await runner.start();
        const payload: SyncPayload = { workspaceId: workspace.id, connectorId: connector.id, slot: "2026-11-21T08:00Z", reason: "scheduled" };
        await enqueueJob(runner, job, payload);
        const run = await untilStatus(db(), workspace.id, syncKey(payload), ["done", "dead"]);
        await runner.idle();
        const runs = await db().selectFrom("sync_runs").selectAll().where("connector_id", "=", connector.id).orderBy("id").execute();
        const state = await db().selectFrom("connectors").select(["status", "last_error"]).where("id", "=", connector.id).executeTakeFirstOrThrow();
        const syncOutcomes = outcomes.filter((o) => o.queue === SYNC_QUEUE).map((o) => o.outcome);
        return { workspace, run, runs, state, syncOutcomes };
      }

      it("retries a rate limit after the provider's wait and a transient failure with backoff, then succeeds", async () => {
        const source = catalogSource("shopify", [{ externalId: "1", title: "Playera", updatedAt: "2026-11-20T10:00:00Z" }]);
        source.failNext(new ProviderError("shopify", { kind: "rate_limited", retryAfterMs: 300 }, "Throttled"));
        source.failNext(new ProviderError("shopify", { kind: "transient" }, "HTTP 503"));
        const { run, runs, state, syncOutcomes } = await start(source, 5);
        expect(run).toMatchObject({ status: "done", attempts: 3, result: { rowsWritten: 1 } });
        expect(syncOutcomes.map((o) => o.kind)).toEqual(["retry", "retry", "done"]);
        expect(syncOutcomes[0]).toMatchObject({ delayMs: 300 });
        expect(runs.map((r) => r.status)).toEqual(["failed", "failed", "succeeded"]);
        // Retries are not the connector's error: nothing tells people about a failure that healed.
        expect(state).toEqual({ status: "active", last_error: null });
        const detections = await db().selectFrom("job_runs").select("job_key").where("queue", "=", "insights").execute();
        expect(detections.map((d) => d.job_key)).toEqual([expect.stringMatching(new RegExp(`:sync:${runs[2]!.id}$`))]);
      });

      it("stops an auth failure at once, and a transient one when its attempts are spent, with the connector in error and detection started", async () => {
        const revoked = catalogSource("shopify", []);
        revoked.failNext(new ProviderError("shopify", { kind: "auth" }, "HTTP 401"));
        const auth = await start(revoked, 5);
        expect(auth.run).toMatchObject({ status: "dead", attempts: 1, last_error: `sync run ${auth.runs[0]!.id}: shopify: HTTP 401` });
        expect(auth.state).toEqual({ status: "error", last_error: "shopify: HTTP 401" });
        expect(revoked.calls).toHaveLength(1);
        expect(await findJobRun(db(), auth.workspace.id, `insights:${auth.workspace.id}:${localDate(auth.runs[0]!.started_at, auth.workspace.timezone)}:sync:${auth.runs[0]!.id}`)).toMatchObject({ status: "done" });

        // Another store, on a runner of its own.
        await Promise.all(open.splice(0).map((runner) => runner.close()));
        const down = catalogSource("shopify", []);
        down.failNext(new ProviderError("shopify", { kind: "transient" }, "HTTP 503"), 2);
        const spent = await start(down, 2, "loja");
        expect(spent.run).toMatchObject({ status: "dead", attempts: 2 });
        expect(spent.runs.map((r) => [r.status, r.error])).toEqual([
          ["failed", "shopify: HTTP 503"],
          ["failed", "shopify: HTTP 503"],
        ]);
        // Only the last attempt puts the connector in error and starts the detection that tells people.
        expect(spent.state).toEqual({ status: "error", last_error: "shopify: HTTP 503" });
        const detections = await db().selectFrom("job_runs").select("job_key").where("queue", "=", "insights").where("workspace_id", "=", spent.workspace.id).execute();
        expect(detections.map((d) => d.job_key)).toEqual([expect.stringMatching(new RegExp(`:sync:${spent.runs[1]!.id}$`))]);
      });
    });
  });
}
