/**
 * Applying price changes on the BullMQ `price-changes` queue (REDIS_URL set). The job id is the
 * proposal's idempotency key, so an approval queued twice (a double click, the sweep racing a slow
 * worker) is one job; the processor itself is idempotent on top of that (beginApply only moves an
 * approved proposal). Retries are the processor's decision (Retry-After honoured): it re-adds a
 * delayed job for the next attempt; failures for good end the proposal and tell the approver.
 */
import { Queue, Worker, type Job, type RedisOptions } from "bullmq";
import { applyPriceChange, type ApplyDeps } from "./apply-price-change.ts";
import {
  APPLY_JOB,
  applyJobId,
  applyJobSchema,
  DEFAULT_PRICE_SWEEP,
  MAX_APPLY_ATTEMPTS,
  PRICE_CHANGE_QUEUE,
  createPriceChangeSweeper,
  type ApplyJob,
  type ApplyRunner,
  type PriceChangeEvents,
  type PriceChangeSweepOptions,
} from "./price-change-queue.ts";

export interface BullmqApplyOptions {
  readonly connection: string | RedisOptions;
  readonly prefix?: string;
  readonly deps: ApplyDeps;
  readonly events: PriceChangeEvents;
  readonly sweepMs?: number;
  readonly sweep?: Partial<PriceChangeSweepOptions>;
  readonly maxAttempts?: number;
}

interface ApplyPayload extends ApplyJob {
  readonly attempt: number;
  readonly key: string;
}

export function createBullmqApplyRunner(options: BullmqApplyOptions): ApplyRunner {
  const { deps, events } = options;
  const logger = deps.logger.child({ runner: "bullmq-apply" });
  const base: RedisOptions = typeof options.connection === "string" ? { url: options.connection } : options.connection;
  const prefix = options.prefix ?? "bizos";
  const maxAttempts = options.maxAttempts ?? MAX_APPLY_ATTEMPTS;
  const queue = new Queue<ApplyPayload, void, typeof APPLY_JOB>(PRICE_CHANGE_QUEUE, {
    connection: { ...base, enableOfflineQueue: false },
    prefix,
    // Kept a day so the same key queued again meanwhile is recognised as the same job.
    defaultJobOptions: { attempts: 1, removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 } },
  });
  queue.on("error", (error) => logger.warn("price-change queue connection error", { error }));

  const runner: ApplyRunner = {
    async enqueue(job) {
      try {
        await queue.add(APPLY_JOB, { workspaceId: job.workspaceId, proposalId: job.proposalId, attempt: 1, key: job.idempotencyKey }, { jobId: applyJobId(job.idempotencyKey) });
      } catch (error) {
        logger.warn("could not queue a price change; the sweep will", { ...job, error });
      }
    },
    start,
    close,
  };

  async function process(job: Job<ApplyPayload>): Promise<void> {
    const parsed = applyJobSchema.safeParse(job.data);
    if (!parsed.success) {
      logger.error("malformed price-change job dropped", { jobId: job.id });
      return;
    }
    const attempt = typeof job.data.attempt === "number" ? job.data.attempt : 1;
    const key = typeof job.data.key === "string" ? job.data.key : String(job.id);
    const outcome = await applyPriceChange(deps, { ...parsed.data, attempt, maxAttempts });
    switch (outcome.kind) {
      case "applied":
      case "failed":
        await events.applied(outcome);
        return;
      case "retry":
        await queue.add(APPLY_JOB, { ...parsed.data, attempt: attempt + 1, key }, { jobId: `${applyJobId(key)}_attempt${attempt + 1}`, delay: outcome.retryAfterMs });
        return;
      case "settled":
        return;
    }
  }

  let worker: Worker<ApplyPayload> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const sweeper = createPriceChangeSweeper(deps, runner, { ...DEFAULT_PRICE_SWEEP, ...options.sweep });
  const sweep = () => sweeper.run();

  async function start(): Promise<void> {
    if (worker) return;
    worker = new Worker<ApplyPayload>(PRICE_CHANGE_QUEUE, process, { connection: { ...base, maxRetriesPerRequest: null }, prefix, concurrency: 2 });
    worker.on("error", (error) => logger.error("price-change worker error", { error }));
    worker.on("failed", (job, error) => logger.error("price-change job failed; the sweep will queue it again", { jobId: job?.id, error }));
    await worker.waitUntilReady();
    await sweep();
    timer = setInterval(() => void sweep(), options.sweepMs ?? 30_000);
    timer.unref();
  }

  async function close(): Promise<void> {
    if (timer) clearInterval(timer);
    await sweeper.settled();
    await worker?.close();
    await queue.close();
  }

  return runner;
}
