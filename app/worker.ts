/**
 * `npm run worker`: the background work without the HTTP server, to scale out beside `npm start`
 * (set JOBS_IN_SERVER=false there): insight detection, digests, weekly reports and alerts, applying
 * approved price changes, and outbox delivery. Several workers share one PostgreSQL and, with
 * REDIS_URL, one set of BullMQ queues; every job is keyed, so none runs twice. Closing waits for
 * the jobs in flight.
 */
import { createReplyTokens } from "../channels/email/reply-token.ts";
import type { EmailTransport } from "../channels/email/email-sender.ts";
import type { AppConfig } from "../config/index.ts";
import type { Db } from "../db/database.ts";
import { createBullmqDelivery } from "../jobs/delivery/bullmq-delivery.ts";
import { createInProcessDelivery } from "../jobs/delivery/in-process-delivery.ts";
import type { JobRunner } from "../jobs/runtime/job-runner.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import { createChannelSenders } from "./channel-senders.ts";
import { createNotifications } from "./notifications.ts";
import { approvalChannels, createPriceChanges } from "./price-changes.ts";
import { replyTokenKey } from "./reply-token-key.ts";

export interface WorkerOptions {
  readonly config: AppConfig;
  readonly db: Db;
  readonly secretKey: Buffer;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Tests: an SMTP transport to a local sink. */
  readonly smtpTransport?: EmailTransport;
  /** Tests: a BullMQ key prefix of their own. */
  readonly queuePrefix?: string;
}

export interface Worker {
  readonly jobs: JobRunner;
  /** Resolves when nothing is running or due in this process (tests). */
  idle(): Promise<void>;
  /** Stops taking work and waits for what is in flight. */
  close(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { config, db, clock } = options;
  const settings = config.channels;
  const logger = options.logger.child({ component: "worker" });
  // whatsapp-web.js lives in the server's process (one phone session): a worker sends through the Cloud API only.
  const senders = createChannelSenders({ settings, tokens: createReplyTokens(replyTokenKey(options.secretKey)), clock, logger, smtpTransport: options.smtpTransport, whatsappWeb: null });
  const deps = { db, senders: senders.registry, clock, logger: logger.child({ component: "delivery" }) };
  const inProcess = settings.redisUrl ? null : createInProcessDelivery({ deps });
  const delivery = inProcess ?? createBullmqDelivery({ connection: settings.redisUrl ?? "", prefix: options.queuePrefix, deps });
  await delivery.start();
  const priceChanges = createPriceChanges({
    db,
    clock,
    logger,
    scheduler: delivery.scheduler,
    ...approvalChannels(settings),
    secretKey: options.secretKey,
    redisUrl: settings.redisUrl,
    queuePrefix: options.queuePrefix,
  });
  await priceChanges.runner.start();
  const notifications = createNotifications({ db, clock, logger, scheduler: delivery.scheduler, settings, queuePrefix: options.queuePrefix });
  await notifications.runner.start();
  logger.info("worker started", { jobs: settings.redisUrl ? "bullmq" : "in-process" });
  return {
    jobs: notifications.runner,
    async idle() {
      await notifications.runner.idle();
      await priceChanges.runner.idle?.();
      if (inProcess) await inProcess.idle();
    },
    async close() {
      await notifications.runner.close();
      await priceChanges.close();
      await delivery.close();
      await senders.close();
    },
  };
}
