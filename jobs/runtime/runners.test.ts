/**
 * One behavioural suite for both job runners: in process, and BullMQ on the real Redis
 * (TEST_REDIS_URL, a key prefix per runner, removed afterwards). Outcomes are read from job_runs,
 * the record both keep; time is real but backoffs are a millisecond.
 */
import { afterEach, describe, expect, it } from "vitest";
import { findJobRun, retryJobRuns } from "../../db/repositories/job-runs.ts";
import { systemClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { describeDatabase } from "../../test/database.ts";
import { requeueOnBullmq } from "./bullmq-jobs.ts";
import { createBullmqRunner } from "./bullmq-runner.ts";
import { createInProcessRunner } from "./in-process-runner.ts";
import { PermanentJobError } from "./job-definition.ts";
import type { JobRunner, JobRuntimeDeps } from "./job-runner.ts";
import { deferred, sleep, testJob, testWorkspace, untilStatus, type TestPayload } from "./runtime-test-kit.ts";
import { useTestRedis } from "../../test/test-redis.ts";

const testRedis = useTestRedis("jobs");
const redisUrl = testRedis.url;

interface RunnerKind {
  readonly create: (deps: JobRuntimeDeps) => { runner: JobRunner; prefix: string | null };
}

const KINDS: Record<"in-process" | "bullmq", RunnerKind> = {
  "in-process": { create: (deps) => ({ runner: createInProcessRunner({ deps, pollMs: 20 }), prefix: null }) },
  bullmq: {
    create(deps) {
      const prefix = testRedis.prefix();
      return { runner: createBullmqRunner({ deps, connection: redisUrl, prefix }), prefix };
    },
  },
};


for (const [kind, { create }] of Object.entries(KINDS)) {
  describe(`job runner: ${kind}`, () => {
    describeDatabase(kind, ({ db }) => {
      const open: JobRunner[] = [];
      afterEach(async () => {
        await Promise.all(open.splice(0).map((runner) => runner.close()));
      });
      const deps = (): JobRuntimeDeps => ({ db: db(), clock: systemClock, logger: silentLogger });
      function start(): { runner: JobRunner; prefix: string | null } {
        const made = create(deps());
        open.push(made.runner);
        return made;
      }
      const payload = (workspaceId: number, memberId = 7): TestPayload => ({ workspaceId, memberId, date: "2026-11-21" });

      it("runs a key enqueued twice once; once done, enqueuing it again runs nothing", async () => {
        const workspaceId = await testWorkspace(db());
        const job = testJob(() => Promise.resolve({ sent: 3 }));
        const { runner } = start();
        runner.register(job.definition);
        await runner.start();
        const [first, second] = await Promise.all([runner.enqueue("digest", payload(workspaceId)), runner.enqueue("digest", payload(workspaceId))]);
        expect([first.created, second.created].sort()).toEqual([false, true]);
        expect(first.key).toBe("digest:7:2026-11-21");
        const run = await untilStatus(db(), workspaceId, first.key, ["done"]);
        expect(run).toMatchObject({ attempts: 1, result: { sent: 3 } });
        await runner.idle();
        expect(await runner.enqueue("digest", payload(workspaceId))).toEqual({ key: first.key, created: false, status: "done" });
        await runner.idle();
        expect(job.calls).toEqual([{ key: first.key, attempt: 1 }]);
        await expect(runner.enqueue("digest", { workspaceId, memberId: "x" })).rejects.toThrow("invalid digest job payload");
        await expect(runner.enqueue("weekly", payload(workspaceId))).rejects.toThrow('no job is registered for queue "weekly"');
      });

      it("retries transient failures (a timeout, a rate limit) with backoff, then records done", async () => {
        const workspaceId = await testWorkspace(db());
        const job = testJob((_payload, ctx) => {
          if (ctx.attempt === 1) return Promise.reject(new Error("smtp: connection timed out"));
          if (ctx.attempt === 2) return Promise.reject(new ProviderError("slack", { kind: "rate_limited", retryAfterMs: 0 }, "rate limited"));
          return Promise.resolve({ sent: 1 });
        });
        const { runner } = start();
        runner.register(job.definition);
        await runner.start();
        const { key } = await runner.enqueue("digest", payload(workspaceId));
        const run = await untilStatus(db(), workspaceId, key, ["done", "dead"]);
        expect(run).toMatchObject({ status: "done", attempts: 3, result: { sent: 1 }, last_error: "slack: rate limited" });
        expect(job.calls.map((call) => call.attempt)).toEqual([1, 2, 3]);
      });

      it("stops a permanent failure at once (dead), and a person's retry runs it again to done", async () => {
        const workspaceId = await testWorkspace(db());
        let broken = true;
        const job = testJob((input) => {
          if (!broken) return Promise.resolve({ sent: 1 });
          return Promise.reject(input.memberId === 7 ? new PermanentJobError("member 7 has no channel") : new ProviderError("whatsapp", { kind: "auth" }, "invalid token"));
        });
        const { runner, prefix } = start();
        runner.register(job.definition);
        await runner.start();
        const a = await runner.enqueue("digest", payload(workspaceId, 7));
        const b = await runner.enqueue("digest", payload(workspaceId, 8));
        expect(await untilStatus(db(), workspaceId, a.key, ["dead"])).toMatchObject({ attempts: 1, last_error: "member 7 has no channel" });
        expect(await untilStatus(db(), workspaceId, b.key, ["dead"])).toMatchObject({ attempts: 1, last_error: "whatsapp: invalid token" });
        await runner.idle();
        expect(job.calls).toHaveLength(2);

        broken = false;
        const moved = await retryJobRuns(db(), { keys: [a.key, b.key] });
        expect(moved.map((run) => run.status)).toEqual(["queued", "queued"]);
        // What `bizos jobs retry` does when REDIS_URL is set; in process, the runner's poll finds the rows.
        if (prefix) expect(await requeueOnBullmq({ connection: redisUrl, prefix }, moved, new Date(), silentLogger)).toBe(2);
        expect(await untilStatus(db(), workspaceId, a.key, ["done"])).toMatchObject({ attempts: 1, result: { sent: 1 } });
        expect(await untilStatus(db(), workspaceId, b.key, ["done"])).toMatchObject({ attempts: 1 });
      });

      it("gives up after the job's attempts", async () => {
        const workspaceId = await testWorkspace(db());
        const job = testJob(() => Promise.reject(new Error("store API 503")), { attempts: 2 });
        const { runner } = start();
        runner.register(job.definition);
        await runner.start();
        const { key } = await runner.enqueue("digest", payload(workspaceId));
        expect(await untilStatus(db(), workspaceId, key, ["dead"])).toMatchObject({ attempts: 2, last_error: "gave up after 2 attempts: store API 503" });
        await runner.idle();
        expect(job.calls.map((call) => call.attempt)).toEqual([1, 2]);
      });

      it("close() waits for the job in flight, which is recorded done", async () => {
        const workspaceId = await testWorkspace(db());
        const started = deferred();
        const release = deferred();
        const job = testJob(async () => {
          started.resolve();
          await release.promise;
          return { sent: 1 };
        });
        const { runner } = start();
        runner.register(job.definition);
        await runner.start();
        const { key } = await runner.enqueue("digest", payload(workspaceId));
        await started.promise;
        let closed = false;
        const closing = runner.close().then(() => {
          closed = true;
        });
        await sleep(100);
        expect(closed).toBe(false);
        release.resolve();
        await closing;
        expect(await findJobRun(db(), workspaceId, key)).toMatchObject({ status: "done", attempts: 1 });
      });

      it("runs a periodic tick repeatedly until closed", async () => {
        let ticks = 0;
        const { runner } = start();
        runner.every("digest-scan", 30, () => {
          ticks++;
          return Promise.resolve();
        });
        await runner.start();
        while (ticks < 3) await sleep(10);
        await runner.close();
        const after = ticks;
        await sleep(100);
        expect(ticks).toBe(after);
        expect(() => runner.every("digest-scan", 30, () => Promise.resolve())).toThrow("registered twice");
      });
    });
  });
}
