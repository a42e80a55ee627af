/**
 * The data syncs, composed: each provider's read side (connectors/*: a Shopify store, a competitor
 * price feed), the key that opens connector credentials, and the sync job with its schedule
 * (SYNC_EVERY_MINUTES) on the jobs' runner, which also runs the insight detection each sync
 * starts. `bizos sync` uses the same sources.
 */
import { createCompetitorFeedSyncSource } from "../connectors/competitors/feed-sync.ts";
import { createShopifySyncSource } from "../connectors/shopify/shopify-sync.ts";
import type { SyncSource } from "../connectors/sync/sync-source.ts";
import type { Db } from "../db/database.ts";
import type { ConnectorProvider } from "../db/schema/connectors.ts";
import type { JobRunner } from "../jobs/runtime/job-runner.ts";
import { registerSyncJobs } from "../jobs/sync/sync-jobs.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import { createSecretBox } from "../lib/secret-box.ts";

/** The providers whose connectors can sync, each with its read side. */
export function syncSources(): ReadonlyMap<ConnectorProvider, SyncSource> {
  return new Map<ConnectorProvider, SyncSource>([
    ["shopify", createShopifySyncSource()],
    ["competitor_feed", createCompetitorFeedSyncSource()],
  ]);
}

export interface SyncWiring {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The app's encryption key: connector credentials are sealed with it. */
  readonly secretKey: Buffer;
  /** SYNC_EVERY_MINUTES in milliseconds; 0: no schedule. */
  readonly everyMs: number;
  /** Tests: sources of their own; default syncSources(). */
  readonly sources?: ReadonlyMap<ConnectorProvider, SyncSource>;
}

export function registerSync(runner: JobRunner, wiring: SyncWiring): void {
  const logger = wiring.logger.child({ component: "sync" });
  registerSyncJobs(runner, { db: wiring.db, clock: wiring.clock, logger, box: createSecretBox(wiring.secretKey), sources: wiring.sources ?? syncSources() }, { everyMs: wiring.everyMs });
}
