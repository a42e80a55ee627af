/**
 * The price-change jobs: names, payload, and what every apply runner (BullMQ or in process) shares —
 * the attempt budget, the sweep that re-queues approved changes whose job was lost, and the hook that
 * tells people the outcome. Expiring proposals nobody decided is not the apply runner's: it is the
 * EXPIRE_TICK of the job runner (expire-proposals.ts).
 */
import { z } from "zod";
import { listAwaitingApply } from "../../db/repositories/price-proposals.ts";
import type { ApplyDeps, ApplyOutcome } from "./apply-price-change.ts";
import { singleFlight, type SingleFlight } from "../../lib/single-flight.ts";

export const PRICE_CHANGE_QUEUE = "price-changes";
export const APPLY_JOB = "apply";
export const MAX_APPLY_ATTEMPTS = 6;
/** The job runner's tick that expires proposals nobody decided in time (named like PLAN_TICK). */
export const EXPIRE_TICK = "expire-approvals";

export const applyJobSchema = z.object({ workspaceId: z.number().int().positive(), proposalId: z.number().int().positive() });
export type ApplyJob = z.infer<typeof applyJobSchema>;

/** The job id is the proposal's idempotency key: queueing one approval twice is one job. */
export function applyJobId(idempotencyKey: string): string {
  return idempotencyKey.replaceAll(":", "_");
}

/** Who hears how an apply ended (the approver, the requester): implemented by the channels' notifier. */
export interface PriceChangeEvents {
  applied(outcome: Extract<ApplyOutcome, { kind: "applied" | "failed" }>): Promise<void>;
}

export interface ApplyRunner {
  /** Queues the apply job of an approved proposal. */
  enqueue(job: ApplyJob & { readonly idempotencyKey: string }): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface PriceChangeSweepOptions {
  /** An approved change not applied after this long lost its job: queue it again. */
  readonly staleAfterMs: number;
  readonly batchSize: number;
}

export const DEFAULT_PRICE_SWEEP: PriceChangeSweepOptions = { staleAfterMs: 2 * 60_000, batchSize: 200 };

/**
 * Re-queues approved changes left behind (their job died with a process, or Redis lost it).
 *
 * This stays a sweep of the apply runner rather than a job-runner tick: it recovers the apply queue,
 * so it belongs wherever apply jobs are taken — every server and worker runs the apply runner, even
 * with JOBS_IN_SERVER=false and no job worker, where a tick would never run and an approved change
 * whose job was lost would wait for good. Two processes sweeping at once queue the same job id per
 * window (BullMQ keeps one), and applying is idempotent besides (only an approved proposal moves).
 */
export async function requeueStaleApprovals(
  deps: Pick<ApplyDeps, "db" | "clock" | "logger">,
  runner: Pick<ApplyRunner, "enqueue">,
  options: PriceChangeSweepOptions = DEFAULT_PRICE_SWEEP,
): Promise<{ readonly requeued: number }> {
  const now = deps.clock.now();
  const stale = await listAwaitingApply(deps.db, new Date(now.getTime() - options.staleAfterMs), options.batchSize);
  // A fresh job id per sweep window: the original job (kept a day under the proposal's key) may have died.
  const window = Math.floor(now.getTime() / options.staleAfterMs);
  for (const row of stale) await runner.enqueue({ workspaceId: row.workspaceId, proposalId: row.id, idempotencyKey: `${row.idempotencyKey}:sweep${window}` });
  if (stale.length > 0) deps.logger.info("price-change sweep re-queued approved changes", { requeued: stale.length });
  return { requeued: stale.length };
}

/** The sweep, one run at a time, for a runner's timer and its start. */
export function createPriceChangeSweeper(deps: Pick<ApplyDeps, "db" | "clock" | "logger">, runner: Pick<ApplyRunner, "enqueue">, options: PriceChangeSweepOptions): SingleFlight {
  return singleFlight(
    () => requeueStaleApprovals(deps, runner, options),
    (error) => deps.logger.error("price-change sweep failed", { error }),
  );
}
