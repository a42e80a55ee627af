/**
 * The read side of a connector: one sync pulls what changed at the provider since the connector's
 * cursor (an updated_at watermark, a page cursor) into our tables and returns the new cursor. The
 * sync job (jobs/sync) runs it, records the run in sync_runs and the connector's state, and starts
 * insight detection afterwards. Provider failures are thrown as ProviderError
 * (lib/provider-error.ts): rate_limited and transient are retried by the job, auth and permanent
 * stop it and mark the connector in error (the sync_failed insight then tells people).
 *
 * A sync writes in batches that are each complete (an order with its lines, refreshed rollups), and
 * returns the cursor of the last complete batch only at the end: a sync that fails halfway is run
 * again from the old cursor, and writing the same rows twice leaves them as once.
 */
import type { Db } from "../../db/database.ts";
import type { Workspace } from "../../db/schema/core.ts";
import type { Connector } from "../../db/schema/connectors.ts";
import type { Credentials } from "../../db/repositories/connectors.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { Progress } from "../../lib/progress.ts";

export type SyncCursor = Readonly<Record<string, unknown>>;

export interface SyncContext {
  readonly db: Db;
  readonly workspace: Workspace;
  readonly connector: Connector;
  /** The connector's decrypted credentials (Shopify: accessToken, optional apiBaseUrl). */
  readonly credentials: Credentials;
  /** Where the last successful sync stopped; null on the first sync. */
  readonly cursor: SyncCursor | null;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly progress: Progress;
}

export interface SyncOutcome {
  /** Records read from the provider (orders, products, variants…). */
  readonly rowsRead: number;
  /** Rows inserted or changed in our tables. */
  readonly rowsWritten: number;
  /** What the next sync starts from. */
  readonly cursor: SyncCursor;
  /** Local days whose orders changed (YYYY-MM-DD), so callers can tell what the sync touched. */
  readonly changedDays: readonly string[];
}

export interface SyncSource {
  readonly provider: Connector["provider"];
  sync(context: SyncContext): Promise<SyncOutcome>;
}
