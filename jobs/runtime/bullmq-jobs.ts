/**
 * How job_runs rows map onto BullMQ: one queue per job queue name, one BullMQ job per row whose id
 * is the idempotency key (escaped: BullMQ refuses ':' in ids), carrying only the key and workspace
 * (the row holds the payload). `ensureBullmqJob` makes sure a due row has a job to wake it, used by
 * the runner's enqueue and sweep and by `bizos jobs retry`.
 */
import { Queue, type RedisOptions } from "bullmq";
import { z } from "zod";
import type { JobRun } from "../../db/schema/notifications.ts";
import type { Logger } from "../../lib/logger.ts";

export const bullmqJobDataSchema = z.object({ key: z.string().min(1), workspaceId: z.number().int().positive() });
export type BullmqJobData = z.infer<typeof bullmqJobDataSchema>;

export type JobQueue = Queue<BullmqJobData, Record<string, unknown>, string>;

export interface BullmqConnection {
  /** A redis:// URL or ioredis options. */
  readonly connection: string | RedisOptions;
  /** Key prefix in Redis; default "bizos" (tests use one per test). */
  readonly prefix?: string;
}

export const DEFAULT_BULLMQ_PREFIX = "bizos";

/** Finished jobs are kept a while (bounded), then go. */
const KEEP_COMPLETED = { age: 7 * 24 * 3600, count: 1_000 };
const KEEP_FAILED = { age: 30 * 24 * 3600, count: 5_000 };
/**
 * BullMQ's attempts are only a ceiling: the row's attempt budget (the job definition's attempts)
 * decides, and the processor ends a job for good with UnrecoverableError. A ceiling rather than the
 * budget itself, so a job re-added by `bizos jobs retry` (which knows no definitions) retries too.
 */
export const BULLMQ_ATTEMPTS_CEILING = 100;
/** The name of the custom backoff the workers implement (the processor's own delay). */
export const JOB_BACKOFF_TYPE = "job-runtime";

export function redisOptions(connection: string | RedisOptions): RedisOptions {
  return typeof connection === "string" ? { url: connection } : connection;
}

/** A BullMQ job id for a key: '%' and ':' escaped, so distinct keys stay distinct. */
export function bullmqJobId(key: string): string {
  return key.replace(/[%:]/g, (char) => (char === "%" ? "%25" : "%3A"));
}

/** The queue that adds jobs of one job queue name; adding fails fast while Redis is down (the sweep catches up). */
export function openJobQueue(name: string, options: BullmqConnection): JobQueue {
  return new Queue<BullmqJobData, Record<string, unknown>, string>(name, {
    connection: { ...redisOptions(options.connection), enableOfflineQueue: false },
    prefix: options.prefix ?? DEFAULT_BULLMQ_PREFIX,
    defaultJobOptions: { attempts: BULLMQ_ATTEMPTS_CEILING, backoff: { type: JOB_BACKOFF_TYPE }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
  });
}

export type EnsureOutcome = "added" | "exists" | "promoted" | "replaced";

/**
 * Makes sure the row has a BullMQ job: adds one (delayed to run_after) when there is none, promotes
 * a delayed one when the row is due now (a person's retry), and replaces one that already finished
 * (completed or failed in BullMQ while the row still waits: a retry, or attempts spent in Redis).
 */
export async function ensureBullmqJob(queue: JobQueue, run: Pick<JobRun, "job_key" | "workspace_id" | "run_after">, now: Date): Promise<EnsureOutcome> {
  const jobId = bullmqJobId(run.job_key);
  const delay = Math.max(0, run.run_after.getTime() - now.getTime());
  const existing = await queue.getJob(jobId);
  let outcome: EnsureOutcome = "added";
  if (existing) {
    const state = await existing.getState();
    if (state === "completed" || state === "failed") {
      await existing.remove();
      outcome = "replaced";
    } else if (state === "delayed" && delay === 0) {
      await existing.promote();
      return "promoted";
    } else {
      return "exists";
    }
  }
  await queue.add(queue.name, { key: run.job_key, workspaceId: run.workspace_id }, { jobId, delay });
  return outcome;
}

/**
 * Wakes rows a person moved back to queued (`bizos jobs retry`) on BullMQ, so a running worker takes
 * them now rather than at its next sweep. Failures are logged: the sweep still finds the rows.
 */
export async function requeueOnBullmq(options: BullmqConnection, runs: readonly Pick<JobRun, "queue" | "job_key" | "workspace_id" | "run_after">[], now: Date, logger: Logger): Promise<number> {
  const queues = new Map<string, JobQueue>();
  let woken = 0;
  try {
    for (const run of runs) {
      let queue = queues.get(run.queue);
      if (!queue) {
        queue = openJobQueue(run.queue, options);
        queue.on("error", (error) => logger.warn("job queue connection error", { queue: run.queue, error }));
        queues.set(run.queue, queue);
      }
      try {
        await queue.waitUntilReady();
        await ensureBullmqJob(queue, run, now);
        woken++;
      } catch (error) {
        logger.warn("could not add the job to BullMQ; a worker's sweep will pick it up", { key: run.job_key, error });
      }
    }
  } finally {
    await Promise.all([...queues.values()].map((queue) => queue.close()));
  }
  return woken;
}
