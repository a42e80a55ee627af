/**
 * Delivery through a BullMQ queue on Redis (REDIS_URL set): the scheduler adds one job per outbox row
 * and workers, in this process or others, run the processor. BullMQ's own attempts are not used: the
 * outbox row is the source of truth, so on a retry the worker adds a delayed job for the row's next
 * attempt. A sweep on an interval (in this process, not in Redis, so it survives a Redis restart or
 * flush) reschedules due rows whose jobs were lost and reaps rows stuck in sending.
 */
import { Queue, Worker, type Job, type RedisOptions } from "bullmq";
import type { DeliveryScheduler } from "../../channels/outbound/delivery-scheduler.ts";
import { deliverOutboxMessage, type DeliveryDeps, type DeliveryEvent, type DeliveryOutcome } from "./deliver-outbox-message.ts";
import { DELIVER_JOB, deliverAtJobId, deliverJobSchema, deliverNowJobId, DELIVERY_QUEUE, type DeliverJob } from "./queue.ts";
import type { Deliverer } from "./deliverer.ts";
import { DEFAULT_SWEEP_OPTIONS, createSweeper, type SweepOptions } from "./sweep.ts";

export interface BullmqDeliveryOptions {
  /** A redis:// URL or ioredis options (host, port, password, tls…). */
  readonly connection: string | RedisOptions;
  /** Key prefix of the queue in Redis; default "bizos". */
  readonly prefix?: string;
  readonly deps: DeliveryDeps;
  /** Jobs one worker runs at once; default 8. */
  readonly concurrency?: number;
  /** How often the sweep runs; default 15 s. */
  readonly sweepMs?: number;
  readonly sweep?: Partial<SweepOptions>;
  /** Called after every delivery attempt this worker makes (metrics, tests). */
  readonly onOutcome?: (event: DeliveryEvent) => void;
}

/** start() starts the worker, sweeps once and then every sweepMs; close() also closes the Redis connections. */
export type BullmqDelivery = Deliverer;

type DeliverQueue = Queue<DeliverJob, void, typeof DELIVER_JOB>;

export function createBullmqDelivery(options: BullmqDeliveryOptions): BullmqDelivery {
  const { deps } = options;
  const logger = deps.logger.child({ deliverer: "bullmq" });
  const base: RedisOptions = typeof options.connection === "string" ? { url: options.connection } : options.connection;
  const prefix = options.prefix ?? "bizos";
  const sweepOptions: SweepOptions = { ...DEFAULT_SWEEP_OPTIONS, ...options.sweep };

  // Adding fails fast while Redis is down (instead of queueing commands forever): the row is already
  // in the outbox and the sweep schedules it once Redis is back.
  const queue: DeliverQueue = new Queue(DELIVERY_QUEUE, {
    connection: { ...base, enableOfflineQueue: false },
    prefix,
    defaultJobOptions: {
      attempts: 1,
      // Finished jobs go away so the row's job id is free for its next wake-up (a release, a retry from the CLI).
      removeOnComplete: true,
      removeOnFail: true,
    },
  });
  queue.on("error", (error) => logger.warn("delivery queue connection error", { error }));

  const scheduler: DeliveryScheduler = {
    async schedule(outboxIds) {
      if (outboxIds.length === 0) return;
      try {
        await queue.addBulk(outboxIds.map((outboxId) => ({ name: DELIVER_JOB, data: { outboxId }, opts: { jobId: deliverNowJobId(outboxId) } })));
      } catch (error) {
        logger.warn("could not schedule outbox delivery; the sweep will deliver it", { outboxIds, error });
      }
    },
  };

  /** Wakes the row up again at dueAt; wake-ups for one instant collapse into one job. */
  async function wakeAt(job: Job, outboxId: number, dueAt: Date): Promise<void> {
    const jobId = deliverAtJobId(outboxId, dueAt);
    // A job that woke a little early (clocks) must not collide with its own id, which is still active.
    const id = job.id === jobId ? `${jobId}-again` : jobId;
    const delay = Math.max(0, dueAt.getTime() - deps.clock.now().getTime());
    await queue.add(DELIVER_JOB, { outboxId }, { jobId: id, delay });
  }

  async function followUp(job: Job, outboxId: number, outcome: DeliveryOutcome): Promise<void> {
    try {
      if (outcome.outcome === "retry") await wakeAt(job, outboxId, outcome.retryAt);
      if (outcome.outcome === "not_due") await wakeAt(job, outboxId, outcome.dueAt);
    } catch (error) {
      logger.warn("could not schedule the next delivery attempt; the sweep will", { outboxId, error });
    }
  }

  async function process(job: Job): Promise<void> {
    const data = deliverJobSchema.safeParse(job.data);
    if (!data.success) {
      logger.error("malformed delivery job dropped", { jobId: job.id, issues: data.error.issues.map((issue) => issue.message) });
      return;
    }
    const { outboxId } = data.data;
    const outcome = await deliverOutboxMessage(deps, outboxId);
    await followUp(job, outboxId, outcome);
    options.onOutcome?.({ outboxId, outcome });
  }

  let worker: Worker | undefined;
  let sweepTimer: NodeJS.Timeout | undefined;

  const sweeper = createSweeper({ ...deps, logger }, scheduler, sweepOptions);
  const sweep = () => sweeper.run();

  return {
    scheduler,
    async start() {
      if (worker) return;
      worker = new Worker(DELIVERY_QUEUE, process, {
        // Workers block on Redis; ioredis must retry their commands forever (BullMQ requires it).
        connection: { ...base, maxRetriesPerRequest: null },
        prefix,
        concurrency: options.concurrency ?? 8,
      });
      worker.on("error", (error) => logger.error("delivery worker error", { error }));
      worker.on("failed", (job, error) => logger.error("delivery job failed; the sweep will pick the row up again", { jobId: job?.id, error }));
      await worker.waitUntilReady();
      await sweep();
      sweepTimer = setInterval(() => void sweep(), options.sweepMs ?? 15_000);
      sweepTimer.unref();
    },
    async close() {
      clearInterval(sweepTimer);
      await sweeper.settled();
      await worker?.close();
      await queue.close();
    },
  };
}
