/**
 * The sync job's records: a sync_runs row per attempt (running → succeeded | failed) and the
 * connector's state after it (cursor, last sync, status, last error).
 *
 * One sync per connector at a time: the claim locks the connector's row (SELECT … FOR UPDATE, the
 * same on PGlite and PostgreSQL) and refuses while another run of it is running. A lock held for
 * the whole sync would need a connection of its own (PGlite has one), so the claim is short and the
 * running row is the lock. Its liveness is the connector's updated_at, which the running sync
 * renews (a heartbeat): a running row whose connector was not touched for a lease belongs to a
 * worker that died, and the next claim closes it as failed and takes over.
 */
import { inTransaction, type DbOrTrx } from "../database.ts";
import type { SyncRun } from "../schema/connectors.ts";

export type SyncClaim =
  | { readonly kind: "claimed"; readonly run: SyncRun; readonly tookOver: readonly number[] }
  | { readonly kind: "busy"; readonly run: SyncRun }
  | { readonly kind: "gone" };

export interface ClaimInput {
  readonly workspaceId: number;
  readonly connectorId: number;
  readonly now: Date;
  /** A running row whose connector was last touched before this was abandoned. */
  readonly staleBefore: Date;
}

export const INTERRUPTED_ERROR = "interrupted: the worker running this sync stopped before it finished";

export async function claimSyncRun(db: DbOrTrx, input: ClaimInput): Promise<SyncClaim> {
  const { workspaceId, connectorId, now } = input;
  return inTransaction(db, async (trx) => {
    const connector = await trx
      .selectFrom("connectors")
      .select(["id", "updated_at"])
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", connectorId)
      .forUpdate()
      .executeTakeFirst();
    if (!connector) return { kind: "gone" };
    const running = await trx
      .selectFrom("sync_runs")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("connector_id", "=", connectorId)
      .where("status", "=", "running")
      .orderBy("started_at", "desc")
      .execute();
    const newest = running[0];
    if (newest && connector.updated_at.getTime() >= input.staleBefore.getTime()) return { kind: "busy", run: newest };
    if (running.length > 0) {
      await trx
        .updateTable("sync_runs")
        .set({ status: "failed", finished_at: now, error: INTERRUPTED_ERROR })
        .where("workspace_id", "=", workspaceId)
        .where("id", "in", running.map((r) => r.id))
        .execute();
    }
    await trx.updateTable("connectors").set({ updated_at: now }).where("workspace_id", "=", workspaceId).where("id", "=", connectorId).execute();
    const run = await trx
      .insertInto("sync_runs")
      .values({ workspace_id: workspaceId, connector_id: connectorId, status: "running", started_at: now, rows_read: 0, rows_written: 0 })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { kind: "claimed", run, tookOver: running.map((r) => r.id) };
  });
}

/** Renews the running sync's hold on its connector; false when the run is no longer running (another took it over). */
export async function heartbeatSyncRun(db: DbOrTrx, run: SyncRun, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const still = await trx.selectFrom("sync_runs").select("id").where("workspace_id", "=", run.workspace_id).where("id", "=", run.id).where("status", "=", "running").executeTakeFirst();
    if (!still) return false;
    await trx.updateTable("connectors").set({ updated_at: now }).where("workspace_id", "=", run.workspace_id).where("id", "=", run.connector_id).execute();
    return true;
  });
}

export interface SyncSuccess {
  readonly rowsRead: number;
  readonly rowsWritten: number;
  readonly cursor: Readonly<Record<string, unknown>>;
}

/**
 * The run succeeded: its counts, and the connector's new cursor, last sync time and a clean state
 * (an error is cleared; a connector paused or disconnected meanwhile stays so). False when the run
 * was taken over meanwhile: nothing is recorded, and the sync that took over saves its own cursor.
 */
export async function recordSyncSuccess(db: DbOrTrx, run: SyncRun, success: SyncSuccess, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable("sync_runs")
      .set({ status: "succeeded", finished_at: now, rows_read: success.rowsRead, rows_written: success.rowsWritten, error: null })
      .where("workspace_id", "=", run.workspace_id)
      .where("id", "=", run.id)
      .where("status", "=", "running")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await trx
      .updateTable("connectors")
      .set({ cursor: JSON.stringify(success.cursor), last_sync_at: now, last_error: null, updated_at: now })
      .where("workspace_id", "=", run.workspace_id)
      .where("id", "=", run.connector_id)
      .execute();
    await trx.updateTable("connectors").set({ status: "active" }).where("workspace_id", "=", run.workspace_id).where("id", "=", run.connector_id).where("status", "=", "error").execute();
    return true;
  });
}

/**
 * The run failed with `error`; with connectorError the connector is put in error with it (only an
 * active or failing connector: one paused or disconnected meanwhile keeps its status). False when
 * the run was taken over meanwhile.
 */
export async function recordSyncFailure(db: DbOrTrx, run: SyncRun, failure: { readonly error: string; readonly connectorError: string | null }, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable("sync_runs")
      .set({ status: "failed", finished_at: now, error: failure.error })
      .where("workspace_id", "=", run.workspace_id)
      .where("id", "=", run.id)
      .where("status", "=", "running")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    if (failure.connectorError !== null) {
      await trx
        .updateTable("connectors")
        .set({ status: "error", last_error: failure.connectorError, updated_at: now })
        .where("workspace_id", "=", run.workspace_id)
        .where("id", "=", run.connector_id)
        .where("status", "in", ["active", "error"])
        .execute();
    }
    return true;
  });
}
