/**
 * The data-sync job (sync:{connector}:{slot}) and its schedule, on a runner. The job runs one sync
 * and turns a failure into what the runtime does next: a rate limit or transient failure is thrown
 * as it is, so the runtime retries it (after the provider's Retry-After for a rate limit); a final
 * one — auth, permanent, or retries spent — leaves the connector in error and stops the job.
 */
import { INSIGHTS_QUEUE } from "../notifications/queues.ts";
import { defineJob, PermanentJobError, type JobDefinition } from "../runtime/job-definition.ts";
import { enqueueJob, type JobRunner } from "../runtime/job-runner.ts";
import { assertNever } from "../../lib/assert-never.ts";
import { planSyncs } from "./plan-syncs.ts";
import { syncConnector } from "./sync-connector.ts";
import type { SyncDeps } from "./sync-deps.ts";
import { SYNC_QUEUE, SYNC_TICK, syncKey, syncPayloadSchema, type SyncPayload } from "./sync-queue.ts";

export interface SyncJobOptions {
  /** Attempts before a retryable failure gives up and puts the connector in error; default 5. */
  readonly attempts?: number;
  /** The first retry's wait (doubling, with jitter); default 30 s. */
  readonly backoffMs?: number;
}

export function defineSyncJob(deps: SyncDeps, options: SyncJobOptions = {}): JobDefinition<SyncPayload> {
  const attempts = options.attempts ?? 5;
  return defineJob<SyncPayload>({
    queue: SYNC_QUEUE,
    payload: syncPayloadSchema,
    keyOf: syncKey,
    workspaceOf: (p) => p.workspaceId,
    attempts,
    backoffMs: options.backoffMs ?? 30_000,
    async process(p, ctx) {
      const attempt = await syncConnector({ ...deps, logger: ctx.logger }, { workspaceId: p.workspaceId, connectorId: p.connectorId, reason: p.reason, lastAttempt: ctx.attempt >= attempts });
      switch (attempt.kind) {
        case "succeeded":
          return { syncRun: attempt.runId, rowsRead: attempt.rowsRead, rowsWritten: attempt.rowsWritten, changedDays: attempt.changedDays.length, detection: attempt.detection };
        case "skipped":
          return { skipped: attempt.reason };
        case "failed":
          // Retryable: rethrown as it is, so the failure policy sees the provider's kind and Retry-After.
          if (!attempt.final) throw attempt.error;
          throw new PermanentJobError(`sync run ${attempt.runId}: ${attempt.message}`);
        default:
          return assertNever(attempt);
      }
    },
  });
}

export interface RegisterSyncOptions extends SyncJobOptions {
  /** How often every active connector is synced; 0 registers the job without a schedule. */
  readonly everyMs: number;
}

/**
 * Registers the sync job and its tick on a runner (the one that runs insight detection, which the
 * job starts after each sync).
 */
export function registerSyncJobs(runner: JobRunner, deps: Omit<SyncDeps, "startDetection">, options: RegisterSyncOptions): JobDefinition<SyncPayload> {
  const full: SyncDeps = { ...deps, startDetection: async (payload) => (await runner.enqueue(INSIGHTS_QUEUE, payload)).key };
  const job = defineSyncJob(full, options);
  runner.register(job);
  if (options.everyMs > 0) {
    // Unlike the notification planner, the first tick runs at start: a restart within an interval
    // adds nothing (the slot's key exists), and waiting an interval after every start would leave a
    // process restarted more often than that never syncing.
    runner.every(SYNC_TICK, options.everyMs, async () => {
      await planSyncs({
        db: deps.db,
        clock: deps.clock,
        logger: deps.logger,
        everyMs: options.everyMs,
        canSync: (provider) => deps.sources.has(provider),
        enqueue: (payload) => enqueueJob(runner, job, payload),
      });
    });
  }
  return job;
}
