/** What the notification jobs (alerts, digests, weekly reports) need from the app. */
import type { DescribeInsight } from "../../channels/notifications/describe-insight.ts";
import type { DeliveryScheduler } from "../../channels/outbound/delivery-scheduler.ts";
import type { Db } from "../../db/database.ts";
import type { IdentityChannel } from "../../db/schema/core.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { DigestMetricsCache } from "./digest-metrics-cache.ts";

export interface NotificationDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Hands new outbox rows to the deliverer. */
  readonly scheduler: DeliveryScheduler;
  /** The channels this deployment can send on. */
  readonly channels: ReadonlySet<IdentityChannel>;
  readonly whatsappTransport: "cloud" | "web";
  /** Words an insight in a member's language (agents/answers/insights/insight-text.ts). */
  readonly describe: DescribeInsight;
  /** Shares a workspace's digest figures between its members' jobs (none: computed per digest). */
  readonly digestMetrics?: DigestMetricsCache;
}
