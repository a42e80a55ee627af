/**
 * job_runs: every background job by its idempotency key (digest:{member}:{date}…), the record both
 * job runners (in process and BullMQ) work from and `bizos jobs` reads. Life of a row:
 *
 *   queued ──claim──▶ running ──▶ done                 (never run again: the key stays taken)
 *     ▲                  ├──────▶ failed ──claim──▶ …   (retried at run_after)
 *     │                  └──────▶ dead                  (permanent, or out of attempts)
 *     └──── retry (a person: `bizos jobs retry`) ──── dead / failed
 *   running, not heard from for a lease (its worker died) ──claim──▶ running again
 *
 * A claim counts the attempt; the attempt number is the claim's fencing token: a worker that lost
 * its row (declared dead, then claimed by another) can no longer complete, fail or heartbeat it.
 * updated_at is the heartbeat of a running row.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { Database, DbOrTrx } from "../database.ts";
import type { JobRun, JobRunStatus } from "../schema/notifications.ts";

export interface NewJobRunInput {
  readonly workspaceId: number;
  readonly queue: string;
  /** The idempotency key: unique across all queues and workspaces. */
  readonly key: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** Not before this instant; default now. */
  readonly runAfter?: Date;
}

export class JobKeyConflictError extends Error {
  override readonly name = "JobKeyConflictError";
}

/**
 * Records a job. The same key again inserts nothing and returns the existing row with created=false,
 * whatever its status: a done key is never run again, a dead one waits for a person.
 */
export async function enqueueJobRun(db: DbOrTrx, input: NewJobRunInput, now: Date = new Date()): Promise<{ readonly run: JobRun; readonly created: boolean }> {
  const inserted = await db
    .insertInto("job_runs")
    .values({
      workspace_id: input.workspaceId,
      queue: input.queue,
      job_key: input.key,
      payload: JSON.stringify(input.payload),
      run_after: input.runAfter ?? now,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column("job_key").doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { run: inserted, created: true };
  const existing = await findJobRun(db, input.workspaceId, input.key);
  if (!existing) throw new JobKeyConflictError(`job key "${input.key}" is taken by another workspace`);
  if (existing.queue !== input.queue) throw new JobKeyConflictError(`job key "${input.key}" is taken by queue "${existing.queue}"`);
  return { run: existing, created: false };
}

export async function findJobRun(db: DbOrTrx, workspaceId: number, key: string): Promise<JobRun | undefined> {
  return db.selectFrom("job_runs").selectAll().where("workspace_id", "=", workspaceId).where("job_key", "=", key).executeTakeFirst();
}

type JobRunsExpressions = ExpressionBuilder<Database, "job_runs">;

/** Waiting and due, or running but silent since `staleBefore` (its worker died). */
function claimable(eb: JobRunsExpressions, now: Date, staleBefore: Date): Expression<SqlBool> {
  return eb.or([
    eb.and([eb("status", "in", ["queued", "failed"]), eb("run_after", "<=", now)]),
    eb.and([eb("status", "=", "running"), eb("updated_at", "<", staleBefore)]),
  ]);
}

export interface ClaimDueOptions {
  readonly queues: readonly string[];
  readonly now: Date;
  /** A running row not heard from for this long was abandoned by its worker. */
  readonly leaseMs: number;
  readonly limit: number;
}

/**
 * Takes up to `limit` due rows of these queues (oldest due first) for this worker: running, attempt
 * counted. Rows other workers are claiming at the same moment are skipped (for update skip locked),
 * so two workers never take one row.
 */
export async function claimDueJobRuns(db: DbOrTrx, options: ClaimDueOptions): Promise<JobRun[]> {
  if (options.queues.length === 0 || options.limit < 1) return [];
  const { now } = options;
  const staleBefore = new Date(now.getTime() - options.leaseMs);
  // The pick is a materialized CTE, run once: as an `in (subquery)` the planner may re-run it, and
  // rows this statement already updated are then skipped and the limit fills up with more rows.
  const claimed = await db
    .with(
      (cte) => cte("picked").materialized(),
      (qb) =>
        qb
          .selectFrom("job_runs")
          .select("id")
          .where("queue", "in", [...options.queues])
          .where((eb) => claimable(eb, now, staleBefore))
          .orderBy("run_after")
          .orderBy("id")
          .limit(options.limit)
          .forUpdate()
          .skipLocked(),
    )
    .updateTable("job_runs")
    .from("picked")
    .set((eb) => ({ status: "running", attempts: eb("job_runs.attempts", "+", 1), started_at: now, finished_at: null, updated_at: now }))
    .whereRef("job_runs.id", "=", "picked.id")
    .returningAll("job_runs")
    .execute();
  return claimed.sort((a, b) => a.run_after.getTime() - b.run_after.getTime() || a.id - b.id);
}

/**
 * Takes one row by key for a worker a queue handed it to (BullMQ): queued or failed whatever its
 * run_after (the queue's delay decided), or running and silent since `staleBefore` — any running
 * row when null (the queue guarantees one holder, so a running row was left by a worker that lost
 * its lock). Undefined when it is done, dead, missing or busy.
 */
export async function claimJobRun(db: DbOrTrx, workspaceId: number, key: string, now: Date, staleBefore: Date | null): Promise<JobRun | undefined> {
  return db
    .updateTable("job_runs")
    .set((eb) => ({ status: "running", attempts: eb("attempts", "+", 1), started_at: now, finished_at: null, updated_at: now }))
    .where("workspace_id", "=", workspaceId)
    .where("job_key", "=", key)
    .where((eb) =>
      eb.or([
        eb("status", "in", ["queued", "failed"]),
        staleBefore === null ? eb("status", "=", "running") : eb.and([eb("status", "=", "running"), eb("updated_at", "<", staleBefore)]),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
}

/** The claim a worker holds: the row and the attempt it claimed (the fencing token). */
export type JobRunClaim = Pick<JobRun, "id" | "workspace_id" | "attempts">;

function heldUpdate(db: DbOrTrx, claim: JobRunClaim) {
  return db.updateTable("job_runs").where("id", "=", claim.id).where("workspace_id", "=", claim.workspace_id).where("status", "=", "running").where("attempts", "=", claim.attempts);
}

/** The worker is still on it: moves the lease on. False when the row is no longer this claim's. */
export async function heartbeatJobRun(db: DbOrTrx, claim: JobRunClaim, now: Date): Promise<boolean> {
  const result = await heldUpdate(db, claim).set({ updated_at: now }).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Done, with what the job did. False when the row is no longer this claim's (another worker took it over). */
export async function completeJobRun(db: DbOrTrx, claim: JobRunClaim, result: Readonly<Record<string, unknown>>, now: Date): Promise<boolean> {
  const updated = await heldUpdate(db, claim).set({ status: "done", result: JSON.stringify(result), finished_at: now, updated_at: now }).executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Failed: retried at `retryAt`, or dead when retryAt is null. False when the row is no longer this claim's. */
export async function failJobRun(db: DbOrTrx, claim: JobRunClaim, error: string, retryAt: Date | null, now: Date): Promise<boolean> {
  const values = retryAt === null ? { status: "dead" as const } : { status: "failed" as const, run_after: retryAt };
  const updated = await heldUpdate(db, claim)
    .set({ ...values, last_error: error, finished_at: now, updated_at: now })
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Whether any row of these queues is due (or abandoned): an in-process runner is idle when none is and nothing runs. */
export async function hasDueJobRuns(db: DbOrTrx, options: Omit<ClaimDueOptions, "limit">): Promise<boolean> {
  if (options.queues.length === 0) return false;
  const staleBefore = new Date(options.now.getTime() - options.leaseMs);
  const row = await db
    .selectFrom("job_runs")
    .select("id")
    .where("queue", "in", [...options.queues])
    .where((eb) => claimable(eb, options.now, staleBefore))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export type DueJobRun = Pick<JobRun, "id" | "workspace_id" | "queue" | "job_key" | "status" | "run_after">;

/** Due and abandoned rows, oldest due first, without claiming them: what a queue-backed runner makes sure has a job. */
export async function listDueJobRuns(db: DbOrTrx, options: ClaimDueOptions): Promise<DueJobRun[]> {
  if (options.queues.length === 0) return [];
  const staleBefore = new Date(options.now.getTime() - options.leaseMs);
  return db
    .selectFrom("job_runs")
    .select(["id", "workspace_id", "queue", "job_key", "status", "run_after"])
    .where("queue", "in", [...options.queues])
    .where((eb) => claimable(eb, options.now, staleBefore))
    .orderBy("run_after")
    .orderBy("id")
    .limit(options.limit)
    .execute();
}

/** A row as `bizos jobs` lists it, with its workspace's slug. */
export type JobRunListing = JobRun & { readonly workspace_slug: string };

export interface JobQueueCounts {
  readonly queue: string;
  readonly counts: Readonly<Record<JobRunStatus, number>>;
}

export interface JobStatusReport {
  /** One entry per queue that has rows, by name. */
  readonly queues: readonly JobQueueCounts[];
  /** The latest runs of each queue (finished or running), newest first. */
  readonly recent: readonly JobRunListing[];
}

/** Counts per queue and status, and the last `recentPerQueue` runs of each queue; of one workspace when given. */
export async function jobStatusReport(db: DbOrTrx, filter: { readonly workspaceId?: number; readonly recentPerQueue: number }): Promise<JobStatusReport> {
  let counts = db.selectFrom("job_runs").select(["queue", "status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy(["queue", "status"]);
  if (filter.workspaceId !== undefined) counts = counts.where("workspace_id", "=", filter.workspaceId);
  const byQueue = new Map<string, Record<JobRunStatus, number>>();
  for (const row of await counts.execute()) {
    const entry = byQueue.get(row.queue) ?? { queued: 0, running: 0, done: 0, failed: 0, dead: 0 };
    entry[row.status] = Number(row.n);
    byQueue.set(row.queue, entry);
  }

  let ranked = db
    .selectFrom("job_runs")
    .select(["id", sql<number>`row_number() over (partition by queue order by coalesce(finished_at, started_at, updated_at) desc, id desc)`.as("rank")])
    .where("status", "in", ["running", "done", "failed", "dead"]);
  if (filter.workspaceId !== undefined) ranked = ranked.where("workspace_id", "=", filter.workspaceId);
  const recent = await db
    .selectFrom("job_runs as j")
    .innerJoin("workspaces as w", "w.id", "j.workspace_id")
    .innerJoin(ranked.as("r"), "r.id", "j.id")
    .selectAll("j")
    .select("w.slug as workspace_slug")
    .where("r.rank", "<=", filter.recentPerQueue)
    .orderBy("j.queue")
    .orderBy(sql`coalesce(j.finished_at, j.started_at, j.updated_at)`, "desc")
    .orderBy("j.id", "desc")
    .execute();

  return {
    queues: [...byQueue.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([queue, entry]) => ({ queue, counts: entry })),
    recent,
  };
}

/** Dead jobs and jobs failing (waiting for their next attempt), newest first; of one workspace when given. */
export async function listFailedJobRuns(db: DbOrTrx, filter: { readonly workspaceId?: number; readonly limit: number }): Promise<JobRunListing[]> {
  let query = db
    .selectFrom("job_runs as j")
    .innerJoin("workspaces as w", "w.id", "j.workspace_id")
    .selectAll("j")
    .select("w.slug as workspace_slug")
    .where("j.status", "in", ["dead", "failed"]);
  if (filter.workspaceId !== undefined) query = query.where("j.workspace_id", "=", filter.workspaceId);
  return query.orderBy("j.updated_at", "desc").orderBy("j.id", "desc").limit(filter.limit).execute();
}

/** Rows by key (of one workspace when given), to tell a person which keys they named do not exist. */
export async function findJobRunsByKeys(db: DbOrTrx, keys: readonly string[], workspaceId?: number): Promise<JobRun[]> {
  if (keys.length === 0) return [];
  let query = db.selectFrom("job_runs").selectAll().where("job_key", "in", [...keys]);
  if (workspaceId !== undefined) query = query.where("workspace_id", "=", workspaceId);
  return query.orderBy("id").execute();
}

export interface RetrySelection {
  /** These keys, when dead or failed. */
  readonly keys?: readonly string[];
  /** Every dead row (ignored when keys are given). */
  readonly allDead?: boolean;
  readonly workspaceId?: number;
}

/**
 * A person's decision to run jobs again: queued, due now, with a fresh attempt budget. Done,
 * queued and running rows are left alone. Returns the rows moved.
 */
export async function retryJobRuns(db: DbOrTrx, selection: RetrySelection, now: Date = new Date()): Promise<JobRun[]> {
  if (selection.keys === undefined && !selection.allDead) return [];
  if (selection.keys?.length === 0) return [];
  let query = db.updateTable("job_runs").set({ status: "queued", attempts: 0, run_after: now, started_at: null, finished_at: null, updated_at: now });
  query = selection.keys !== undefined ? query.where("job_key", "in", [...selection.keys]).where("status", "in", ["dead", "failed"]) : query.where("status", "=", "dead");
  if (selection.workspaceId !== undefined) query = query.where("workspace_id", "=", selection.workspaceId);
  const rows = await query.returningAll().execute();
  return rows.sort((a, b) => a.id - b.id);
}
