/**
 * The job runner without Redis (the default `npm start`, or `npm run worker` on one machine): it
 * polls job_runs for due rows of its queues (every pollMs, at once after an enqueue, and when a
 * retry falls due) and runs a few at a time. Everything it knows is in the database: a restart
 * picks up queued and failed rows, and rows left running by a dead process once their lease runs
 * out. Several processes may run it against one database; the claim gives each row to one.
 */
import { claimDueJobRuns, enqueueJobRun, hasDueJobRuns } from "../../db/repositories/job-runs.ts";
import type { JobRun } from "../../db/schema/notifications.ts";
import { JobRegistry } from "./job-registry.ts";
import { DEFAULT_LEASE_MS, type JobOutcomeEvent, type JobRunner, type JobRuntimeDeps } from "./job-runner.ts";
import { runClaimedJob } from "./run-claimed-job.ts";
import { createTickTimers } from "./ticks.ts";

export interface InProcessRunnerOptions {
  readonly deps: JobRuntimeDeps;
  /** Jobs running at once; default 2. */
  readonly concurrency?: number;
  /** How often due rows are looked for; default 1 s. */
  readonly pollMs?: number;
  /** A running row not heard from for this long was abandoned (its process died); default 5 min. */
  readonly leaseMs?: number;
  /** How often a running job renews its lease; default leaseMs / 3. */
  readonly heartbeatMs?: number;
  /** Keep the process alive with the poll timer (a worker process with no server); default false. */
  readonly keepAlive?: boolean;
  /** Called after every attempt (metrics, tests). */
  readonly onOutcome?: (event: JobOutcomeEvent) => void;
}

const MAX_TIMER_MS = 24 * 60 * 60 * 1000;

export function createInProcessRunner(options: InProcessRunnerOptions): JobRunner {
  const { deps } = options;
  const { db, clock } = deps;
  const logger = deps.logger.child({ runner: "in-process" });
  const concurrency = options.concurrency ?? 2;
  const pollMs = options.pollMs ?? 1_000;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const heartbeatMs = options.heartbeatMs ?? Math.max(1, Math.floor(leaseMs / 3));
  const registry = new JobRegistry();
  const ticks = createTickTimers(logger, options.keepAlive ?? false);
  const running = new Map<number, Promise<void>>();
  const wakeTimers = new Set<NodeJS.Timeout>();
  const aborter = new AbortController();
  let state: "created" | "running" | "closed" = "created";
  let poller: NodeJS.Timeout | undefined;
  /** The claim loop in flight, and whether it should go round once more (a kick while it ran). */
  let pumping: Promise<void> | undefined;
  let again = false;

  function kick(): Promise<void> {
    if (state !== "running") return pumping ?? Promise.resolve();
    again = true;
    pumping ??= pump().finally(() => {
      pumping = undefined;
    });
    return pumping;
  }

  async function pump(): Promise<void> {
    while (again && state === "running") {
      again = false;
      try {
        while (state === "running" && running.size < concurrency) {
          const rows = await claimDueJobRuns(db, { queues: registry.queues(), now: clock.now(), leaseMs, limit: concurrency - running.size });
          if (rows.length === 0) break;
          for (const row of rows) launch(row);
        }
      } catch (error) {
        logger.error("claiming jobs failed; the next poll tries again", { error });
      }
    }
  }

  function launch(row: JobRun): void {
    const job = registry.require(row.queue);
    const attempt = row.attempts;
    const done = runClaimedJob(deps, job, row, { heartbeatMs, signal: aborter.signal })
      .then((outcome) => {
        if (outcome.kind === "retry") wakeAt(outcome.delayMs);
        options.onOutcome?.({ queue: row.queue, key: row.job_key, workspaceId: row.workspace_id, attempt, outcome });
      })
      .catch((error: unknown) => logger.error("a job could not be recorded; it runs again once its lease runs out", { queue: row.queue, key: row.job_key, error }))
      .finally(() => {
        running.delete(row.id);
        void kick();
      });
    running.set(row.id, done);
  }

  /** A retry's wake-up, sooner than the next poll when the backoff is short. */
  function wakeAt(delayMs: number): void {
    if (state !== "running" || delayMs >= pollMs) return;
    const timer = setTimeout(() => {
      wakeTimers.delete(timer);
      void kick();
    }, Math.min(MAX_TIMER_MS, delayMs));
    timer.unref();
    wakeTimers.add(timer);
  }

  return {
    register(definition) {
      registry.register(definition);
      void kick();
    },
    async enqueue(queue, payload, enqueueOptions = {}) {
      const prepared = registry.require(queue).prepare(payload);
      const { run, created } = await enqueueJobRun(
        db,
        { workspaceId: prepared.workspaceId, queue, key: prepared.key, payload: prepared.payload, runAfter: enqueueOptions.runAfter },
        clock.now(),
      );
      if (created) {
        void kick();
        if (enqueueOptions.runAfter) wakeAt(enqueueOptions.runAfter.getTime() - clock.now().getTime());
      }
      return { key: prepared.key, created, status: run.status };
    },
    every(name, everyMs, fn) {
      ticks.add(name, everyMs, fn);
    },
    async start() {
      if (state !== "created") return;
      state = "running";
      poller = setInterval(() => void kick(), pollMs);
      if (!options.keepAlive) poller.unref();
      ticks.start();
      await kick();
    },
    async idle() {
      for (;;) {
        if (pumping) await pumping;
        if (running.size > 0) {
          await Promise.all(running.values());
          continue;
        }
        if (state !== "running") return;
        if (!(await hasDueJobRuns(db, { queues: registry.queues(), now: clock.now(), leaseMs }))) {
          if (running.size === 0 && !pumping) return;
          continue;
        }
        await kick();
        // Due rows another process is claiming right now: give it a moment rather than spin.
        if (running.size === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close(closeOptions = {}) {
      const force = closeOptions.force ?? false;
      state = "closed";
      clearInterval(poller);
      for (const timer of wakeTimers) clearTimeout(timer);
      wakeTimers.clear();
      if (force) aborter.abort();
      await ticks.stop(force);
      if (force) return;
      if (pumping) await pumping;
      await Promise.all(running.values());
    },
  };
}
