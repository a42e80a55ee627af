/**
 * The work that runs behind the conversations, shared by `npm start` and `npm run worker`: outbox
 * delivery, applying approved price changes, and (unless separate workers do it) the proactive
 * jobs with the expiry of undecided price-change proposals — each on BullMQ when REDIS_URL is set,
 * in process otherwise.
 */
import type { DeliveryScheduler } from "../channels/outbound/delivery-scheduler.ts";
import type { ChannelSettings } from "../config/index.ts";
import type { Db } from "../db/database.ts";
import { createBullmqDelivery } from "../jobs/delivery/bullmq-delivery.ts";
import { createInProcessDelivery } from "../jobs/delivery/in-process-delivery.ts";
import type { SenderRegistry } from "../jobs/delivery/sender-registry.ts";
import { registerApprovalExpiry } from "../jobs/pricing/expire-proposals.ts";
import type { JobRunner } from "../jobs/runtime/job-runner.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import type { Embedder } from "../memory/embeddings/embedder.ts";
import { createNotifications } from "./notifications.ts";
import { approvalChannels, createPriceChanges, type PriceChanges } from "./price-changes.ts";

export interface BackgroundWorkOptions {
  readonly settings: ChannelSettings;
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly senders: SenderRegistry;
  readonly secretKey: Buffer;
  /** Run the proactive jobs here (the server with JOBS_IN_SERVER, every worker). */
  readonly jobs: boolean;
  /** How conversation memory is embedded; the offline embedder by default. */
  readonly embedder?: Embedder;
  /** Tests: a BullMQ key prefix of their own. */
  readonly queuePrefix?: string;
}

export interface BackgroundWork {
  readonly scheduler: DeliveryScheduler;
  readonly priceChanges: PriceChanges;
  /** The proactive jobs' runner, when they run in this process. */
  readonly jobs: JobRunner | null;
  /** Resolves when nothing this process runs itself is busy or due (tests). */
  idle(): Promise<void>;
  /** Stops taking work and waits for what is in flight. */
  close(): Promise<void>;
}

export async function startBackgroundWork(options: BackgroundWorkOptions): Promise<BackgroundWork> {
  const { settings, db, clock, logger, queuePrefix } = options;
  const deliveryDeps = { db, senders: options.senders, clock, logger: logger.child({ component: "delivery" }) };
  const inProcess = settings.redisUrl ? null : createInProcessDelivery({ deps: deliveryDeps });
  const delivery = inProcess ?? createBullmqDelivery({ connection: settings.redisUrl ?? "", prefix: queuePrefix, deps: deliveryDeps });
  await delivery.start();
  const priceChanges = createPriceChanges({
    db,
    clock,
    logger,
    scheduler: delivery.scheduler,
    ...approvalChannels(settings),
    secretKey: options.secretKey,
    redisUrl: settings.redisUrl,
    queuePrefix,
  });
  await priceChanges.runner.start();
  const notifications = options.jobs ? createNotifications({ db, clock, logger, scheduler: delivery.scheduler, settings, secretKey: options.secretKey, queuePrefix, ...(options.embedder ? { embedder: options.embedder } : {}) }) : null;
  // Expiry is a tick of the jobs' runner, so it runs once per interval wherever the jobs run; the
  // apply runner above keeps re-queuing lost applies itself (jobs/pricing/price-change-queue.ts).
  if (notifications) registerApprovalExpiry(notifications.runner, { db, clock, logger: logger.child({ component: "approvals" }) }, priceChanges.announceExpired);
  await notifications?.runner.start();
  return {
    scheduler: delivery.scheduler,
    priceChanges,
    jobs: notifications?.runner ?? null,
    async idle() {
      // In process, applying, jobs and delivery can be awaited; through BullMQ another process may be doing them.
      await priceChanges.runner.idle?.();
      await notifications?.runner.idle();
      if (inProcess) await inProcess.idle();
    },
    async close() {
      await notifications?.runner.close();
      await priceChanges.close();
      await delivery.close();
    },
  };
}
