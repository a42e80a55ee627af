import { expect, it } from "vitest";
import { describeDatabase } from "../../test/database.ts";
import type { Db } from "../database.ts";
import {
  claimDueJobRuns,
  claimJobRun,
  completeJobRun,
  enqueueJobRun,
  failJobRun,
  findJobRun,
  findJobRunsByKeys,
  hasDueJobRuns,
  heartbeatJobRun,
  jobStatusReport,
  JobKeyConflictError,
  listDueJobRuns,
  listFailedJobRuns,
  retryJobRuns,
} from "./job-runs.ts";
import { createWorkspace } from "./workspaces.ts";

const T0 = new Date("2026-11-21T08:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

async function workspaces(db: Db) {
  const a = await createWorkspace(db, { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
  const b = await createWorkspace(db, { name: "Loja", slug: "loja", currency: "BRL", timezone: "America/Sao_Paulo", locale: "pt" });
  return { a: a.id, b: b.id };
}

describeDatabase("job_runs repository", ({ db }) => {
  it("records a key once: the same key again returns the existing row, and a key of another workspace is refused", async () => {
    const { a, b } = await workspaces(db());
    const first = await enqueueJobRun(db(), { workspaceId: a, queue: "digest", key: "digest:1:2026-11-21", payload: { memberId: 1 } }, T0);
    expect(first).toMatchObject({ created: true, run: { status: "queued", attempts: 0, payload: { memberId: 1 }, run_after: T0 } });
    const again = await enqueueJobRun(db(), { workspaceId: a, queue: "digest", key: "digest:1:2026-11-21", payload: { memberId: 99 } }, at(MINUTE));
    expect(again).toMatchObject({ created: false, run: { id: first.run.id, payload: { memberId: 1 } } });
    await expect(enqueueJobRun(db(), { workspaceId: b, queue: "digest", key: "digest:1:2026-11-21", payload: {} }, T0)).rejects.toBeInstanceOf(JobKeyConflictError);
    await expect(enqueueJobRun(db(), { workspaceId: a, queue: "weekly", key: "digest:1:2026-11-21", payload: {} }, T0)).rejects.toThrow('taken by queue "digest"');
  });

  it("claims due rows of the asked queues once, oldest first, and not the ones not yet due", async () => {
    const { a, b } = await workspaces(db());
    await enqueueJobRun(db(), { workspaceId: a, queue: "digest", key: "d2", payload: {}, runAfter: at(2 * MINUTE) }, T0);
    await enqueueJobRun(db(), { workspaceId: b, queue: "digest", key: "d1", payload: {} }, T0);
    await enqueueJobRun(db(), { workspaceId: a, queue: "digest", key: "later", payload: {}, runAfter: at(60 * MINUTE) }, T0);
    await enqueueJobRun(db(), { workspaceId: a, queue: "sync", key: "s1", payload: {} }, T0);

    const now = at(5 * MINUTE);
    expect(await hasDueJobRuns(db(), { queues: ["digest"], now, leaseMs: MINUTE })).toBe(true);
    expect((await listDueJobRuns(db(), { queues: ["digest"], now, leaseMs: MINUTE, limit: 10 })).map((run) => run.job_key)).toEqual(["d1", "d2"]);
    const claimed = await claimDueJobRuns(db(), { queues: ["digest"], now, leaseMs: MINUTE, limit: 10 });
    expect(claimed.map((run) => [run.job_key, run.status, run.attempts])).toEqual([
      ["d1", "running", 1],
      ["d2", "running", 1],
    ]);
    expect(claimed[0]!.started_at).toEqual(now);
    expect(await claimDueJobRuns(db(), { queues: ["digest"], now, leaseMs: MINUTE, limit: 10 })).toEqual([]);
    expect(await hasDueJobRuns(db(), { queues: ["digest"], now, leaseMs: MINUTE })).toBe(false);
    expect(await claimDueJobRuns(db(), { queues: [], now, leaseMs: MINUTE, limit: 10 })).toEqual([]);
  });

  it("claims no more rows than the limit", async () => {
    const { a } = await workspaces(db());
    for (const key of ["k1", "k2", "k3", "k4", "k5"]) await enqueueJobRun(db(), { workspaceId: a, queue: "digest", key, payload: {} }, T0);
    const first = await claimDueJobRuns(db(), { queues: ["digest"], now: T0, leaseMs: MINUTE, limit: 2 });
    expect(first.map((run) => run.job_key)).toEqual(["k1", "k2"]);
    const rest = await claimDueJobRuns(db(), { queues: ["digest"], now: T0, leaseMs: MINUTE, limit: 4 });
    expect(rest.map((run) => run.job_key)).toEqual(["k3", "k4", "k5"]);
  });

  it("never gives one row to two workers claiming at the same moment", async () => {
    const { a } = await workspaces(db());
    const keys = Array.from({ length: 12 }, (_, i) => `k${i}`);
    for (const key of keys) await enqueueJobRun(db(), { workspaceId: a, queue: "digest", key, payload: {} }, T0);
    const claims = await Promise.all([1, 2, 3, 4].map(() => claimDueJobRuns(db(), { queues: ["digest"], now: T0, leaseMs: MINUTE, limit: 5 })));
    const claimed = claims.flat().map((run) => run.job_key);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.length).toBeLessThanOrEqual(12);
    const again = await claimDueJobRuns(db(), { queues: ["digest"], now: T0, leaseMs: MINUTE, limit: 20 });
    expect([...claimed, ...again.map((run) => run.job_key)].sort()).toEqual([...keys].sort());
  });

  it("takes over a running row whose worker went silent past the lease, and fences the old claim out", async () => {
    const { a } = await workspaces(db());
    await enqueueJobRun(db(), { workspaceId: a, queue: "digest", key: "k", payload: {} }, T0);
    const [first] = await claimDueJobRuns(db(), { queues: ["digest"], now: T0, leaseMs: 10 * MINUTE, limit: 1 });
    expect(await heartbeatJobRun(db(), first!, at(4 * MINUTE))).toBe(true);
    // Heard from at +4 min: not stale at +13 min with a 10-minute lease, stale at +15.
    expect(await claimDueJobRuns(db(), { queues: ["digest"], now: at(13 * MINUTE), leaseMs: 10 * MINUTE, limit: 1 })).toEqual([]);
    const [second] = await claimDueJobRuns(db(), { queues: ["digest"], now: at(15 * MINUTE), leaseMs: 10 * MINUTE, limit: 1 });
    expect(second).toMatchObject({ id: first!.id, attempts: 2 });

    expect(await heartbeatJobRun(db(), first!, at(16 * MINUTE))).toBe(false);
    expect(await completeJobRun(db(), first!, { sent: 1 }, at(16 * MINUTE))).toBe(false);
    expect(await failJobRun(db(), first!, "late", null, at(16 * MINUTE))).toBe(false);
    expect(await completeJobRun(db(), second!, { sent: 1 }, at(17 * MINUTE))).toBe(true);
    expect(await findJobRun(db(), a, "k")).toMatchObject({ status: "done", attempts: 2, result: { sent: 1 }, finished_at: at(17 * MINUTE) });
    // Done is final: nothing claims it again, by queue or by key.
    expect(await claimDueJobRuns(db(), { queues: ["digest"], now: at(100 * MINUTE), leaseMs: 0, limit: 1 })).toEqual([]);
    expect(await claimJobRun(db(), a, "k", at(100 * MINUTE), null)).toBeUndefined();
  });

  it("claims by key for a queue worker: waiting rows whatever run_after, running rows only when asked to take them over", async () => {
    const { a, b } = await workspaces(db());
    await enqueueJobRun(db(), { workspaceId: a, queue: "digest", key: "k", payload: {}, runAfter: at(MINUTE) }, T0);
    expect(await claimJobRun(db(), b, "k", T0, null)).toBeUndefined();
    const claimed = await claimJobRun(db(), a, "k", T0, null);
    expect(claimed).toMatchObject({ status: "running", attempts: 1 });
    expect(await claimJobRun(db(), a, "k", at(1000), at(-MINUTE))).toBeUndefined();
    expect(await claimJobRun(db(), a, "k", at(1000), null)).toMatchObject({ attempts: 2 });
    expect(await claimJobRun(db(), a, "missing", T0, null)).toBeUndefined();
  });

  it("fails to retry later or dead, lists them, and a person's retry requeues with a fresh budget", async () => {
    const { a, b } = await workspaces(db());
    for (const [workspaceId, key] of [[a, "x"], [a, "y"], [b, "z"], [a, "ok"]] as const) {
      await enqueueJobRun(db(), { workspaceId, queue: "digest", key, payload: {} }, T0);
    }
    const claimed = await claimDueJobRuns(db(), { queues: ["digest"], now: T0, leaseMs: MINUTE, limit: 10 });
    const byKey = new Map(claimed.map((run) => [run.job_key, run]));
    expect(await failJobRun(db(), byKey.get("x")!, "smtp: timeout", at(MINUTE), at(1000))).toBe(true);
    expect(await failJobRun(db(), byKey.get("y")!, "member is gone", null, at(2000))).toBe(true);
    expect(await failJobRun(db(), byKey.get("z")!, "gave up after 5 attempts", null, at(3000))).toBe(true);
    expect(await completeJobRun(db(), byKey.get("ok")!, { sent: 2 }, at(4000))).toBe(true);
    expect(await findJobRun(db(), a, "x")).toMatchObject({ status: "failed", run_after: at(MINUTE), last_error: "smtp: timeout" });

    expect((await listFailedJobRuns(db(), { limit: 10 })).map((run) => [run.job_key, run.status, run.workspace_slug])).toEqual([
      ["z", "dead", "loja"],
      ["y", "dead", "tienda"],
      ["x", "failed", "tienda"],
    ]);
    expect((await listFailedJobRuns(db(), { workspaceId: b, limit: 10 })).map((run) => run.job_key)).toEqual(["z"]);

    const report = await jobStatusReport(db(), { recentPerQueue: 2 });
    expect(report.queues).toEqual([{ queue: "digest", counts: { queued: 0, running: 0, done: 1, failed: 1, dead: 2 } }]);
    expect(report.recent.map((run) => run.job_key)).toEqual(["ok", "z"]);
    expect((await jobStatusReport(db(), { workspaceId: b, recentPerQueue: 5 })).queues[0]!.counts).toEqual({ queued: 0, running: 0, done: 0, failed: 0, dead: 1 });

    expect(await retryJobRuns(db(), { keys: [] })).toEqual([]);
    expect(await retryJobRuns(db(), {})).toEqual([]);
    const named = await retryJobRuns(db(), { keys: ["x", "ok", "z"], workspaceId: a }, at(MINUTE));
    expect(named.map((run) => [run.job_key, run.status, run.attempts])).toEqual([["x", "queued", 0]]);
    const allDead = await retryJobRuns(db(), { allDead: true }, at(MINUTE));
    expect(allDead.map((run) => run.job_key)).toEqual(["y", "z"]);
    expect(await findJobRun(db(), b, "z")).toMatchObject({ status: "queued", attempts: 0, run_after: at(MINUTE), started_at: null, finished_at: null });
    expect(await findJobRun(db(), a, "ok")).toMatchObject({ status: "done" });
    expect((await findJobRunsByKeys(db(), ["x", "nope", "z"], a)).map((run) => run.job_key)).toEqual(["x"]);
  });
});
