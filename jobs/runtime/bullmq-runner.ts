/**
 * The job runner on BullMQ (REDIS_URL set): one Queue and Worker per registered queue name, in this
 * process or spread over worker processes. The job_runs row is still the record: enqueue inserts
 * the row, then adds a BullMQ job whose id is the idempotency key; the processor claims the row,
 * runs the job and records the outcome. Retries use BullMQ's attempts with the processor's own
 * delay (Retry-After or backoff with jitter), permanent failures end with UnrecoverableError, and a
 * worker killed mid-job loses its lock, so the stalled check hands the job to another worker, which
 * takes the row over. A sweep (on start and every sweepMs) re-adds due rows whose jobs Redis lost.
 * `every` is a BullMQ job scheduler: one tick per interval across all workers.
 */
import { Queue, UnrecoverableError, Worker, type Job, type WorkerOptions } from "bullmq";
import { claimJobRun, enqueueJobRun, listDueJobRuns } from "../../db/repositories/job-runs.ts";
import { singleFlight } from "../../lib/single-flight.ts";
import {
  bullmqJobDataSchema,
  DEFAULT_BULLMQ_PREFIX,
  ensureBullmqJob,
  openJobQueue,
  redisOptions,
  type BullmqConnection,
  type BullmqJobData,
  type JobQueue,
} from "./bullmq-jobs.ts";
import { JobRegistry, type RegisteredJob } from "./job-registry.ts";
import { DEFAULT_LEASE_MS, type JobOutcomeEvent, type JobRunner, type JobRuntimeDeps } from "./job-runner.ts";
import { runClaimedJob } from "./run-claimed-job.ts";
import { checkTick } from "./ticks.ts";

export interface BullmqRunnerOptions extends BullmqConnection {
  readonly deps: JobRuntimeDeps;
  /** Jobs one worker runs at once, per queue; default 4. */
  readonly concurrency?: number;
  /** A running row not heard from for this long has lost its job (the sweep re-adds it); default 5 min. */
  readonly leaseMs?: number;
  /** How often a running job renews its row's lease; default leaseMs / 3. */
  readonly heartbeatMs?: number;
  /** BullMQ's lock on an active job: a worker silent this long is presumed dead; default 30 s. */
  readonly lockDurationMs?: number;
  /** How often workers look for jobs whose lock expired; default 30 s. */
  readonly stalledIntervalMs?: number;
  /** Times a job may be recovered from a dead worker before BullMQ fails it (the sweep still recovers its row); default 3. */
  readonly maxStalledCount?: number;
  /** How often the sweep re-adds due rows whose jobs were lost; default 60 s. */
  readonly sweepMs?: number;
  readonly onOutcome?: (event: JobOutcomeEvent) => void;
}

export const TICKS_QUEUE = "job-ticks";

/** A failed attempt to retry after delayMs (read by the workers' backoff strategy). */
class RetryLaterError extends Error {
  override readonly name = "RetryLaterError";
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}

type JobWorker = Worker<BullmqJobData, Record<string, unknown>, string>;

export function createBullmqRunner(options: BullmqRunnerOptions): JobRunner {
  const { deps } = options;
  const { db, clock } = deps;
  const logger = deps.logger.child({ runner: "bullmq" });
  const connection: BullmqConnection = { connection: options.connection, prefix: options.prefix ?? DEFAULT_BULLMQ_PREFIX };
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const heartbeatMs = options.heartbeatMs ?? Math.max(1, Math.floor(leaseMs / 3));
  const registry = new JobRegistry();
  const queues = new Map<string, JobQueue>();
  const workers = new Map<string, JobWorker>();
  const ticks = new Map<string, { readonly everyMs: number; readonly fn: () => Promise<void> }>();
  let ticksQueue: Queue | undefined;
  let ticksWorker: Worker | undefined;
  const aborter = new AbortController();
  let state: "created" | "running" | "closed" = "created";
  let active = 0;
  let sweepTimer: NodeJS.Timeout | undefined;

  function workerOptions(): WorkerOptions {
    return {
      connection: { ...redisOptions(options.connection), maxRetriesPerRequest: null },
      prefix: connection.prefix,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      maxStalledCount: options.maxStalledCount ?? 3,
    };
  }

  function queueOf(name: string): JobQueue {
    let queue = queues.get(name);
    if (!queue) {
      queue = openJobQueue(name, connection);
      queue.on("error", (error) => logger.warn("job queue connection error", { queue: name, error }));
      queues.set(name, queue);
    }
    return queue;
  }

  async function processJob(job: RegisteredJob, bullJob: Job<BullmqJobData>): Promise<Record<string, unknown>> {
    const data = bullmqJobDataSchema.safeParse(bullJob.data);
    if (!data.success) throw new UnrecoverableError(`malformed ${job.queue} job ${bullJob.id ?? ""}`);
    active++;
    try {
      // BullMQ hands a job to one worker at a time: a row still marked running belonged to a worker whose lock expired.
      const run = await claimJobRun(db, data.data.workspaceId, data.data.key, clock.now(), null);
      if (!run) return { skipped: "not waiting (done, dead or unknown key)" };
      const outcome = await runClaimedJob(deps, job, run, { heartbeatMs, signal: aborter.signal });
      options.onOutcome?.({ queue: job.queue, key: run.job_key, workspaceId: run.workspace_id, attempt: run.attempts, outcome });
      switch (outcome.kind) {
        case "done":
          return { ...outcome.result };
        case "retry":
          throw new RetryLaterError(outcome.error, outcome.delayMs);
        case "dead":
          throw new UnrecoverableError(outcome.error);
        case "lost":
          return { lost: true };
      }
    } finally {
      active--;
    }
  }

  function startWorker(job: RegisteredJob): void {
    if (workers.has(job.queue)) return;
    const worker: JobWorker = new Worker<BullmqJobData, Record<string, unknown>, string>(job.queue, (bullJob) => processJob(job, bullJob), {
      ...workerOptions(),
      concurrency: options.concurrency ?? 4,
      settings: {
        backoffStrategy: (attemptsMade, _type, error) =>
          error instanceof RetryLaterError ? error.delayMs : Math.min(job.maxBackoffMs, job.backoffMs * 2 ** Math.max(0, attemptsMade - 1)),
      },
    });
    worker.on("error", (error) => logger.error("job worker error", { queue: job.queue, error }));
    workers.set(job.queue, worker);
  }

  function ticksQueueOf(): Queue {
    ticksQueue ??= new Queue(TICKS_QUEUE, { connection: { ...redisOptions(options.connection), enableOfflineQueue: false }, prefix: connection.prefix });
    return ticksQueue;
  }

  async function schedule(name: string, everyMs: number): Promise<void> {
    await ticksQueueOf().upsertJobScheduler(name, { every: everyMs }, { name, data: {}, opts: { attempts: 1, removeOnComplete: true, removeOnFail: { count: 100 } } });
    ticksWorker ??= new Worker(
      TICKS_QUEUE,
      async (tickJob: Job) => {
        const tick = ticks.get(tickJob.name);
        // Another process's tick: every worker sharing this Redis should register the same ticks.
        if (!tick) return logger.warn("tick not registered in this process; skipped", { tick: tickJob.name });
        await tick.fn();
      },
      { ...workerOptions(), concurrency: 2 },
    );
    ticksWorker.on("error", (error) => logger.error("tick worker error", { error }));
    ticksWorker.on("failed", (tickJob, error) => logger.error("tick failed", { tick: tickJob?.name, error }));
  }

  const sweeper = singleFlight(
    async () => {
      const now = clock.now();
      const due = await listDueJobRuns(db, { queues: registry.queues(), now, leaseMs, limit: 500 });
      let woken = 0;
      for (const run of due) if ((await ensureBullmqJob(queueOf(run.queue), run, now)) !== "exists") woken++;
      if (woken > 0) logger.info("job sweep re-added jobs Redis did not have", { woken });
    },
    (error) => logger.error("job sweep failed", { error }),
  );

  return {
    register(definition) {
      const job = registry.register(definition);
      queueOf(job.queue);
      if (state === "running") startWorker(job);
    },
    async enqueue(queueName, payload, enqueueOptions = {}) {
      const prepared = registry.require(queueName).prepare(payload);
      const now = clock.now();
      const { run, created } = await enqueueJobRun(
        db,
        { workspaceId: prepared.workspaceId, queue: queueName, key: prepared.key, payload: prepared.payload, runAfter: enqueueOptions.runAfter },
        now,
      );
      if (run.status === "queued" || run.status === "failed") {
        try {
          await ensureBullmqJob(queueOf(queueName), run, now);
        } catch (error) {
          logger.warn("could not add the job to BullMQ; the sweep will", { queue: queueName, key: prepared.key, error });
        }
      }
      return { key: prepared.key, created, status: run.status };
    },
    every(name, everyMs, fn) {
      checkTick(name, everyMs);
      if (ticks.has(name)) throw new Error(`tick "${name}" is registered twice`);
      ticks.set(name, { everyMs, fn });
      if (state === "running") schedule(name, everyMs).catch((error: unknown) => logger.error("could not schedule a tick", { tick: name, error }));
    },
    async start() {
      if (state !== "created") return;
      state = "running";
      for (const queue of registry.queues()) startWorker(registry.require(queue));
      for (const [name, tick] of ticks) await schedule(name, tick.everyMs);
      await Promise.all([...workers.values()].map((worker) => worker.waitUntilReady()));
      await sweeper.run();
      sweepTimer = setInterval(() => void sweeper.run(), options.sweepMs ?? 60_000);
      sweepTimer.unref();
    },
    async idle() {
      for (;;) {
        if (active === 0) {
          if (state !== "running") return;
          const counts = await Promise.all([...queues.values()].map((queue) => queue.getJobCountByTypes("waiting", "active", "prioritized")));
          if (active === 0 && counts.every((count) => count === 0)) return;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close(closeOptions = {}) {
      const force = closeOptions.force ?? false;
      state = "closed";
      clearInterval(sweepTimer);
      if (force) aborter.abort();
      else await sweeper.settled();
      await Promise.all([...workers.values(), ...(ticksWorker ? [ticksWorker] : [])].map((worker) => worker.close(force)));
      await Promise.all([...queues.values(), ...(ticksQueue ? [ticksQueue] : [])].map((queue) => queue.close()));
    },
  };
}
