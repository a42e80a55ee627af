/**
 * The proactive side of the app: the job runner (BullMQ on Redis when REDIS_URL is set, in process
 * otherwise) with insight detection, digests, weekly reports, the planner tick, the data syncs
 * (app/sync.ts) and the memory indexing registered, and the wording of insights (agents/answers/insights) handed to the
 * jobs, which may not import agents.
 * The server runs it by default; `bizos worker` runs it alone.
 */
import { insightText } from "../agents/answers/insights/insight-text.ts";
import type { DescribeInsight } from "../channels/notifications/describe-insight.ts";
import type { DeliveryScheduler } from "../channels/outbound/delivery-scheduler.ts";
import type { ChannelSettings } from "../config/index.ts";
import type { Db } from "../db/database.ts";
import type { NotificationDeps } from "../jobs/notifications/notification-deps.ts";
import { createDigestMetricsCache } from "../jobs/notifications/digest-metrics-cache.ts";
import { registerNotificationJobs } from "../jobs/notifications/notification-jobs.ts";
import { createBullmqRunner } from "../jobs/runtime/bullmq-runner.ts";
import { createInProcessRunner } from "../jobs/runtime/in-process-runner.ts";
import type { JobRunner } from "../jobs/runtime/job-runner.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import { approvalChannels } from "./price-changes.ts";
import { registerSync } from "./sync.ts";
import { registerMemoryIndexing } from "../jobs/memory/memory-indexing.ts";
import type { Embedder } from "../memory/embeddings/embedder.ts";
import { LexicalEmbedder } from "../memory/embeddings/lexical-embedder.ts";

export const describeInsight: DescribeInsight = (insight, context) => insightText(insight, context);

export interface NotificationsOptions {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly scheduler: DeliveryScheduler;
  readonly settings: ChannelSettings;
  /** The app's encryption key: the syncs open connector credentials with it. */
  readonly secretKey: Buffer;
  /** How conversation memory is embedded (memory/embeddings/choose-embedder.ts); the offline embedder by default. */
  readonly embedder?: Embedder;
  /** Tests: a BullMQ key prefix of their own. */
  readonly queuePrefix?: string;
}

export interface Notifications {
  readonly runner: JobRunner;
  readonly deps: NotificationDeps;
}

export function createNotifications(options: NotificationsOptions): Notifications {
  const { db, clock, settings } = options;
  const logger = options.logger.child({ component: "jobs" });
  const { channels, whatsappTransport } = approvalChannels(settings);
  const deps: NotificationDeps = { db, clock, logger, scheduler: options.scheduler, channels, whatsappTransport, describe: describeInsight, digestMetrics: createDigestMetricsCache() };
  const runtime = { db, clock, logger };
  const runner = settings.redisUrl ? createBullmqRunner({ deps: runtime, connection: settings.redisUrl, prefix: options.queuePrefix }) : createInProcessRunner({ deps: runtime });
  registerNotificationJobs(runner, deps, settings.planEveryMs);
  registerSync(runner, { db, clock, logger, secretKey: options.secretKey, everyMs: settings.syncEveryMs });
  registerMemoryIndexing(runner, { db, logger: logger.child({ component: "memory" }), embedder: options.embedder ?? new LexicalEmbedder() }, settings.memoryIndexEveryMs);
  return { runner, deps };
}
