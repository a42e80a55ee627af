/**
 * One sync of one connector, the same for the job and for `bizos sync`: claim the connector (one
 * sync at a time), open its credentials, run its provider's SyncSource from the saved cursor, and
 * record the run and the connector's state. A success that wrote rows, and a failure that put the
 * connector in error, start insight detection (new data to look at; a sync_failed to tell people).
 *
 * Failures are returned, not thrown, with whether they are final: a provider's auth or permanent
 * failure (and credentials that cannot be used) is final at once; a rate limit, a transient failure
 * or anything unexpected is final only on the last attempt, and until then leaves the connector as
 * it was so the job's retry can still succeed unnoticed.
 */
import type { SyncOutcome } from "../../connectors/sync/sync-source.ts";
import { readConnectorCredentials, type Credentials } from "../../db/repositories/connectors.ts";
import { findWorkspaceById } from "../../db/repositories/workspaces.ts";
import type { Connector, SyncRun } from "../../db/schema/connectors.ts";
import { assertNever } from "../../lib/assert-never.ts";
import type { Logger } from "../../lib/logger.ts";
import { silentProgress, type Progress } from "../../lib/progress.ts";
import { SecretBoxError } from "../../lib/secret-box.ts";
import { localDate } from "../../lib/zoned-time.ts";
import { errorText, isPermanentFailure } from "../runtime/failure-policy.ts";
import { PermanentJobError } from "../runtime/job-definition.ts";
import { DEFAULT_SYNC_LEASE_MS, type SyncDeps } from "./sync-deps.ts";
import type { SyncReason } from "./sync-queue.ts";
import { claimSyncRun, heartbeatSyncRun, recordSyncFailure, recordSyncSuccess } from "../../db/repositories/sync-runs.ts";

export interface SyncRequest {
  readonly workspaceId: number;
  readonly connectorId: number;
  readonly reason: SyncReason;
  /** No retry follows this attempt: a retryable failure is final too. */
  readonly lastAttempt: boolean;
}

export type SyncAttempt =
  | {
      readonly kind: "succeeded";
      readonly runId: number;
      readonly rowsRead: number;
      readonly rowsWritten: number;
      readonly changedDays: readonly string[];
      /** The detection job started, or null when the sync wrote nothing. */
      readonly detection: string | null;
    }
  | { readonly kind: "skipped"; readonly reason: string }
  | {
      readonly kind: "failed";
      readonly runId: number;
      readonly error: unknown;
      readonly message: string;
      /** The connector is now in error: no retry follows. */
      readonly final: boolean;
      readonly detection: string | null;
    };

/** Why a connector in this state is not synced now, or null when it is. */
function notNow(connector: Connector, reason: SyncReason): string | null {
  switch (connector.status) {
    case "active":
      return null;
    case "error":
      // The schedule leaves a failing connector alone until someone fixes it; a person may try by hand.
      return reason === "manual" ? null : `the connector is in error (${connector.last_error ?? "unknown error"}); connect it again or run bizos sync`;
    case "paused":
      return "the connector is paused";
    case "disconnected":
      return "the connector is disconnected";
    default:
      return assertNever(connector.status);
  }
}

async function openCredentials(deps: SyncDeps, connector: Connector): Promise<Credentials> {
  let credentials: Credentials | undefined;
  try {
    credentials = await readConnectorCredentials(deps.db, deps.box, connector.workspace_id, connector.id);
  } catch (error) {
    if (error instanceof SecretBoxError) {
      throw new PermanentJobError(`the ${connector.provider} credentials do not open with this ENCRYPTION_KEY: connect ${connector.account} again (bizos connect ${connector.provider.replaceAll("_", "-")})`);
    }
    throw error;
  }
  if (!credentials) throw new PermanentJobError(`no ${connector.provider} credentials are stored for ${connector.account}: connect it (bizos connect ${connector.provider.replaceAll("_", "-")})`);
  return credentials;
}

/** Renews the run's hold on its connector while the sync runs. */
function startHeartbeat(deps: SyncDeps, run: SyncRun, logger: Logger): () => void {
  const leaseMs = deps.leaseMs ?? DEFAULT_SYNC_LEASE_MS;
  const timer = setInterval(() => {
    heartbeatSyncRun(deps.db, run, deps.clock.now())
      .then((held) => {
        if (!held) logger.warn("this sync was taken over by another (it did not renew its hold in time); its result will not be recorded");
      })
      .catch((error: unknown) => logger.warn("sync heartbeat failed", { error }));
  }, deps.heartbeatMs ?? Math.max(1, Math.floor(leaseMs / 5)));
  timer.unref();
  return () => clearInterval(timer);
}

export async function syncConnector(deps: SyncDeps, request: SyncRequest, progress: Progress = silentProgress): Promise<SyncAttempt> {
  const { db, clock } = deps;
  const logger = deps.logger.child({ connector: request.connectorId });
  const skip = (reason: string): SyncAttempt => {
    logger.info("sync skipped", { reason });
    return { kind: "skipped", reason };
  };

  const workspace = await findWorkspaceById(db, request.workspaceId);
  if (!workspace) return skip(`workspace ${request.workspaceId} no longer exists`);
  const connector = await db.selectFrom("connectors").selectAll().where("workspace_id", "=", workspace.id).where("id", "=", request.connectorId).executeTakeFirst();
  if (!connector) return skip(`connector ${request.connectorId} no longer exists`);
  const refusal = notNow(connector, request.reason);
  if (refusal !== null) return skip(refusal);
  const source = deps.sources.get(connector.provider);
  if (!source) return skip(`${connector.provider} connectors cannot sync yet (no sync source for ${connector.provider})`);

  const leaseMs = deps.leaseMs ?? DEFAULT_SYNC_LEASE_MS;
  const now = clock.now();
  const claim = await claimSyncRun(db, { workspaceId: workspace.id, connectorId: connector.id, now, staleBefore: new Date(now.getTime() - leaseMs) });
  switch (claim.kind) {
    case "gone":
      return skip(`connector ${connector.id} no longer exists`);
    case "busy":
      return skip(`another sync of this connector is running (sync run ${claim.run.id}, started ${claim.run.started_at.toISOString()})`);
    case "claimed":
      break;
    default:
      return assertNever(claim);
  }
  const run = claim.run;
  if (claim.tookOver.length > 0) logger.warn("took over a sync whose worker stopped", { abandonedRuns: claim.tookOver });
  const startDetection = async (syncRunId: number) =>
    deps.startDetection({ workspaceId: workspace.id, date: localDate(clock.now(), workspace.timezone), reason: "sync", syncRunId });

  logger.info("sync started", { provider: connector.provider, account: connector.account, syncRun: run.id, reason: request.reason });
  let outcome: SyncOutcome;
  const stopHeartbeat = startHeartbeat(deps, run, logger);
  try {
    const credentials = await openCredentials(deps, connector);
    outcome = await source.sync({ db, workspace, connector, credentials, cursor: connector.cursor, clock, logger, progress });
  } catch (error) {
    stopHeartbeat();
    const message = errorText(error);
    const final = isPermanentFailure(error) || request.lastAttempt;
    const connectorError = final ? message : null;
    const recorded = await recordSyncFailure(db, run, { error: message, connectorError }, clock.now());
    const detection = final && recorded ? await startDetection(run.id) : null;
    if (final) logger.error("sync failed; the connector is in error", { syncRun: run.id, error: message });
    else logger.warn("sync failed; it will be retried", { syncRun: run.id, error: message });
    return { kind: "failed", runId: run.id, error, message, final, detection };
  } finally {
    stopHeartbeat();
  }

  const recorded = await recordSyncSuccess(db, run, outcome, clock.now());
  if (!recorded) return skip(`sync run ${run.id} was taken over by another sync before it finished; that one records the result`);
  const detection = outcome.rowsWritten > 0 ? await startDetection(run.id) : null;
  logger.info("sync done", { syncRun: run.id, rowsRead: outcome.rowsRead, rowsWritten: outcome.rowsWritten, changedDays: outcome.changedDays.length });
  return { kind: "succeeded", runId: run.id, rowsRead: outcome.rowsRead, rowsWritten: outcome.rowsWritten, changedDays: outcome.changedDays, detection };
}
