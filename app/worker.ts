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
import { chooseEmbedder } from "../memory/embeddings/choose-embedder.ts";
import type { Db } from "../db/database.ts";
import type { JobRunner } from "../jobs/runtime/job-runner.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import { startBackgroundWork } from "./background-work.ts";
import { createChannelSenders } from "./channel-senders.ts";
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
  const background = await startBackgroundWork({
    settings,
    db,
    clock,
    logger,
    senders: senders.registry,
    secretKey: options.secretKey,
    jobs: true,
    embedder: chooseEmbedder(options.config),
    queuePrefix: options.queuePrefix,
  });
  const jobs = background.jobs;
  if (jobs === null) throw new Error("the worker's background work runs the jobs");
  logger.info("worker started", { jobs: settings.redisUrl ? "bullmq" : "in-process" });
  return {
    jobs,
    idle: () => background.idle(),
    async close() {
      await background.close();
      await senders.close();
    },
  };
}
