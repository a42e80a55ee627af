/** What a data sync needs from the app: the database, the key that opens credentials, each provider's read side, and a way to start detection. */
import type { SyncSource } from "../../connectors/sync/sync-source.ts";
import type { Db } from "../../db/database.ts";
import type { ConnectorProvider } from "../../db/schema/connectors.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { SecretBox } from "../../lib/secret-box.ts";
import type { DetectionPayload } from "../notifications/notification-jobs.ts";

export interface SyncDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Opens connector credentials (sealed with the app's ENCRYPTION_KEY). */
  readonly box: SecretBox;
  /** The providers that can sync; a connector of any other is skipped. */
  readonly sources: ReadonlyMap<ConnectorProvider, SyncSource>;
  /** Starts insight detection after a sync (the detection job, keyed by the sync run); resolves to its job key. */
  startDetection(payload: DetectionPayload): Promise<string>;
  /** A running sync whose connector was not touched for this long was abandoned; default 5 min. */
  readonly leaseMs?: number;
  /** How often a running sync renews its hold; default leaseMs / 5. */
  readonly heartbeatMs?: number;
}

export const DEFAULT_SYNC_LEASE_MS = 5 * 60_000;
