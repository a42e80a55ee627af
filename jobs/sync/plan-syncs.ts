/**
 * The sync tick (every SYNC_EVERY_MINUTES): one scheduled sync per active connector whose provider
 * can sync, keyed by the interval, so a tick that fires twice in one interval (two workers, a
 * restart) adds nothing. Connectors in error wait for a person (connect again, or bizos sync);
 * paused and disconnected ones are left alone.
 */
import type { Db } from "../../db/database.ts";
import { listConnectors } from "../../db/repositories/connectors.ts";
import { listWorkspaces } from "../../db/repositories/workspaces.ts";
import type { ConnectorProvider } from "../../db/schema/connectors.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { EnqueueResult } from "../runtime/job-runner.ts";
import { scheduledSlot, type SyncPayload } from "./sync-queue.ts";

export interface PlanSyncDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The schedule's interval: the slot of each sync. */
  readonly everyMs: number;
  /** Providers that can sync. */
  canSync(provider: ConnectorProvider): boolean;
  enqueue(payload: SyncPayload): Promise<EnqueueResult>;
}

export interface PlanSyncOutcome {
  /** Syncs added this tick. */
  readonly enqueued: number;
  /** Active connectors whose provider cannot sync yet. */
  readonly unsupported: number;
}

export async function planSyncs(deps: PlanSyncDeps): Promise<PlanSyncOutcome> {
  const slot = scheduledSlot(deps.clock.now(), deps.everyMs);
  let enqueued = 0;
  let unsupported = 0;
  for (const workspace of await listWorkspaces(deps.db)) {
    for (const connector of await listConnectors(deps.db, workspace.id)) {
      if (connector.status !== "active") continue;
      if (!deps.canSync(connector.provider)) {
        unsupported += 1;
        continue;
      }
      const result = await deps.enqueue({ workspaceId: workspace.id, connectorId: connector.id, slot, reason: "scheduled" });
      if (result.created) enqueued += 1;
    }
  }
  if (enqueued > 0) deps.logger.info("syncs scheduled", { slot, enqueued });
  if (unsupported > 0) deps.logger.debug("active connectors whose provider cannot sync yet were left alone", { unsupported });
  return { enqueued, unsupported };
}
