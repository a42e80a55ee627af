/**
 * The in-process runner's durability, on a clock the test moves: a job waits for its runAfter, a
 * restart finds rows recorded while nothing ran, and a runner that dies mid-job (closed by force,
 * its processor never returning) leaves the row to a second runner once the lease runs out — the
 * digest is still sent exactly once, because the job's side effect is keyed by the job key.
 */
import { afterEach, expect, it } from "vitest";
import { findJobRun } from "../../db/repositories/job-runs.ts";
import { silentLogger } from "../../lib/logger.ts";
import { describeDatabase } from "../../test/database.ts";
import { createInProcessRunner, type InProcessRunnerOptions } from "./in-process-runner.ts";
import { enqueueJob, type JobOutcomeEvent, type JobRunner } from "./job-runner.ts";
import { deferred, digestsSent, manualClock, sendDigestOnce, testJob, testWorkspace, untilStatus, type ManualClock } from "./runtime-test-kit.ts";

const MINUTE = 60_000;

describeDatabase("in-process job runner", ({ db }) => {
  const open: JobRunner[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((runner) => runner.close({ force: true })));
  });
  function runner(clock: ManualClock, options: Omit<InProcessRunnerOptions, "deps"> = {}): JobRunner {
    const made = createInProcessRunner({ deps: { db: db(), clock, logger: silentLogger }, pollMs: 20, ...options });
    open.push(made);
    return made;
  }

  it("runs a job when its runAfter comes, not before", async () => {
    const clock = manualClock("2026-11-21T07:00:00Z");
    const workspaceId = await testWorkspace(db());
    const job = testJob(() => Promise.resolve({ sent: 1 }));
    const jobs = runner(clock);
    jobs.register(job.definition);
    await jobs.start();
    const { key } = await enqueueJob(jobs, job.definition, { workspaceId, memberId: 7, date: "2026-11-21" }, { runAfter: new Date("2026-11-21T08:00:00Z") });
    await jobs.idle();
    expect(job.calls).toEqual([]);
    expect(await findJobRun(db(), workspaceId, key)).toMatchObject({ status: "queued" });
    clock.advance(60 * MINUTE);
    await jobs.idle();
    expect(job.calls).toEqual([{ key, attempt: 1 }]);
    expect(await findJobRun(db(), workspaceId, key)).toMatchObject({ status: "done", started_at: new Date("2026-11-21T08:00:00Z") });
  });

  it("picks up, after a restart, rows recorded while no runner ran", async () => {
    const clock = manualClock("2026-11-21T08:00:00Z");
    const workspaceId = await testWorkspace(db());
    const before = runner(clock);
    before.register(testJob(() => Promise.resolve({})).definition);
    const { key, created } = await before.enqueue("digest", { workspaceId, memberId: 7, date: "2026-11-21" });
    expect(created).toBe(true);
    await before.close();
    expect(await findJobRun(db(), workspaceId, key)).toMatchObject({ status: "queued" });

    const job = testJob(() => Promise.resolve({ sent: 2 }));
    const after = runner(clock);
    after.register(job.definition);
    await after.start();
    await after.idle();
    expect(await findJobRun(db(), workspaceId, key)).toMatchObject({ status: "done", result: { sent: 2 } });
  });

  it("a runner that dies mid-digest: a second one takes the row over after the lease and the digest is sent exactly once", async () => {
    const clock = manualClock("2026-11-21T08:00:00Z");
    const workspaceId = await testWorkspace(db());
    const hang = deferred();
    const inFirst = deferred();
    // The first attempt writes the digest, then its process dies before recording anything.
    const dying = testJob(async (payload, ctx) => {
      await sendDigestOnce(db(), payload.workspaceId, ctx.key);
      inFirst.resolve();
      await hang.promise;
      return { sent: 1 };
    });
    const first = runner(clock, { leaseMs: 10 * MINUTE });
    first.register(dying.definition);
    await first.start();
    const { key } = await first.enqueue("digest", { workspaceId, memberId: 7, date: "2026-11-21" });
    await inFirst.promise;
    // The process dies: no heartbeat, no poll, nothing recorded.
    await first.close({ force: true });

    const events: JobOutcomeEvent[] = [];
    const healthy = testJob(async (payload, ctx) => ({ sent: (await sendDigestOnce(db(), payload.workspaceId, ctx.key)) ? 1 : 0 }));
    const second = runner(clock, { leaseMs: 10 * MINUTE, onOutcome: (event) => events.push(event) });
    second.register(healthy.definition);
    await second.start();
    await second.idle();
    expect(healthy.calls).toEqual([]);
    expect(await findJobRun(db(), workspaceId, key)).toMatchObject({ status: "running", attempts: 1 });

    clock.advance(11 * MINUTE);
    await second.idle();
    const run = await untilStatus(db(), workspaceId, key, ["done"]);
    expect(run).toMatchObject({ attempts: 2, result: { sent: 0 } });
    expect(healthy.calls).toEqual([{ key, attempt: 2 }]);
    expect(events.map((event) => event.outcome.kind)).toEqual(["done"]);
    expect(await digestsSent(db(), key)).toBe(1);

    // The dead runner's processor returning late records nothing over the second runner's result.
    hang.resolve();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await findJobRun(db(), workspaceId, key)).toMatchObject({ status: "done", attempts: 2, result: { sent: 0 } });
    expect(await digestsSent(db(), key)).toBe(1);
  });

  it("a job whose workers keep dying is dead once its attempts are spent, without running again", async () => {
    const clock = manualClock("2026-11-21T08:00:00Z");
    const workspaceId = await testWorkspace(db());
    const never = deferred();
    for (let life = 1; life <= 2; life++) {
      const job = testJob(() => never.promise.then(() => ({})), { attempts: 2 });
      const jobs = runner(clock, { leaseMs: MINUTE });
      jobs.register(job.definition);
      await jobs.start();
      if (life === 1) await jobs.enqueue("digest", { workspaceId, memberId: 7, date: "2026-11-21" });
      while (job.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      await jobs.close({ force: true });
      clock.advance(2 * MINUTE);
    }
    const last = testJob(() => Promise.resolve({}), { attempts: 2 });
    const jobs = runner(clock, { leaseMs: MINUTE });
    jobs.register(last.definition);
    await jobs.start();
    await jobs.idle();
    expect(last.calls).toEqual([]);
    expect(await findJobRun(db(), workspaceId, "digest:7:2026-11-21")).toMatchObject({
      status: "dead",
      attempts: 3,
      last_error: "gave up: the job was interrupted 2 times (its worker stopped mid-job)",
    });
  });
});
