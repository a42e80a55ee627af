/**
 * What only the BullMQ runner does, on the real Redis (a key prefix per test, removed afterwards):
 * a worker killed mid-job (close(true)) loses its lock, and another worker with the stalled check
 * takes the job and its row over — the digest still sent once; rows whose jobs Redis never got are
 * found by the sweep; keys with ':' become valid, distinct job ids.
 */
import { afterEach, expect, it } from "vitest";
import { enqueueJobRun, findJobRun } from "../../db/repositories/job-runs.ts";
import { systemClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { describeDatabase } from "../../test/database.ts";
import { bullmqJobId } from "./bullmq-jobs.ts";
import { createBullmqRunner, type BullmqRunnerOptions } from "./bullmq-runner.ts";
import type { JobRunner } from "./job-runner.ts";
import { deferred, digestsSent, sendDigestOnce, testJob, testWorkspace, untilStatus } from "./runtime-test-kit.ts";
import { useTestRedis } from "../../test/test-redis.ts";

const testRedis = useTestRedis("jobs");
const redisUrl = testRedis.url;

it("job ids escape ':' and '%' so that every key is a distinct, valid BullMQ id", () => {
  expect(bullmqJobId("digest:12:2026-11-21")).toBe("digest%3A12%3A2026-11-21");
  expect(bullmqJobId("a%3Ab")).toBe("a%253Ab");
  expect(bullmqJobId("a:b")).not.toBe(bullmqJobId("a%3Ab"));
});

describeDatabase("BullMQ job runner", ({ db }) => {
  const open: JobRunner[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((runner) => runner.close({ force: true })));
  });
  function newPrefix(): string {
    const prefix = testRedis.prefix();
    return prefix;
  }
  function runner(prefix: string, options: Partial<Omit<BullmqRunnerOptions, "deps" | "connection" | "prefix">> = {}): JobRunner {
    const made = createBullmqRunner({ deps: { db: db(), clock: systemClock, logger: silentLogger }, connection: redisUrl, prefix, ...options });
    open.push(made);
    return made;
  }

  it("a worker killed mid-digest: another worker takes the stalled job over and the digest is sent exactly once", async () => {
    const prefix = newPrefix();
    const workspaceId = await testWorkspace(db());
    const inFirst = deferred();
    const dying = testJob(async (payload, ctx) => {
      await sendDigestOnce(db(), payload.workspaceId, ctx.key);
      inFirst.resolve();
      // The process dies here: the job never finishes in this worker.
      return new Promise<Record<string, unknown>>(() => undefined);
    });
    const stalls = { lockDurationMs: 1_000, stalledIntervalMs: 300 };
    const first = runner(prefix, stalls);
    first.register(dying.definition);
    await first.start();
    const { key } = await first.enqueue("digest", { workspaceId, memberId: 7, date: "2026-11-21" });
    await inFirst.promise;
    await first.close({ force: true });
    expect(await findJobRun(db(), workspaceId, key)).toMatchObject({ status: "running", attempts: 1 });

    const healthy = testJob(async (payload, ctx) => ({ sent: (await sendDigestOnce(db(), payload.workspaceId, ctx.key)) ? 1 : 0 }));
    const second = runner(prefix, stalls);
    second.register(healthy.definition);
    await second.start();
    const run = await untilStatus(db(), workspaceId, key, ["done", "dead"]);
    expect(run).toMatchObject({ status: "done", attempts: 2, result: { sent: 0 } });
    expect(healthy.calls).toEqual([{ key, attempt: 2 }]);
    expect(await digestsSent(db(), key)).toBe(1);
  });

  it("the sweep adds jobs for due rows Redis does not have (recorded while Redis was down, or lost)", async () => {
    const prefix = newPrefix();
    const workspaceId = await testWorkspace(db());
    const { run } = await enqueueJobRun(db(), { workspaceId, queue: "digest", key: "digest:7:2026-11-21", payload: { workspaceId, memberId: 7, date: "2026-11-21" } });
    const job = testJob(() => Promise.resolve({ sent: 1 }));
    const jobs = runner(prefix);
    jobs.register(job.definition);
    await jobs.start();
    expect(await untilStatus(db(), workspaceId, run.job_key, ["done"])).toMatchObject({ attempts: 1, result: { sent: 1 } });
    await jobs.idle();
    expect(job.calls).toHaveLength(1);
  });
});
