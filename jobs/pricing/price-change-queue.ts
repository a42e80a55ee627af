/**
 * The price-change jobs: names, payload, and what every runner (BullMQ or in process) shares — the
 * attempt budget, the sweep that re-queues approved changes whose job was lost and expires
 * proposals nobody decided, and the hook that tells people the outcome.
 */
import { z } from "zod";
import { expireProposal } from "../../engines/approvals/decide.ts";
import { listAwaitingApply, listExpiredPending, type ProposalView } from "../../db/repositories/price-proposals.ts";
import type { ApplyDeps, ApplyOutcome } from "./apply-price-change.ts";
import { singleFlight, type SingleFlight } from "../../lib/single-flight.ts";

export const PRICE_CHANGE_QUEUE = "price-changes";
export const APPLY_JOB = "apply";
export const MAX_APPLY_ATTEMPTS = 6;

export const applyJobSchema = z.object({ workspaceId: z.number().int().positive(), proposalId: z.number().int().positive() });
export type ApplyJob = z.infer<typeof applyJobSchema>;

/** The job id is the proposal's idempotency key: queueing one approval twice is one job. */
export function applyJobId(idempotencyKey: string): string {
  return idempotencyKey.replaceAll(":", "_");
}

/** Who hears about what happened (the approver, the requester): implemented by the channels' notifier. */
export interface PriceChangeEvents {
  applied(outcome: Extract<ApplyOutcome, { kind: "applied" | "failed" }>): Promise<void>;
  expired(proposal: ProposalView): Promise<void>;
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

/** Expires what nobody decided in time (telling the requester) and re-queues approved changes left behind. */
export async function sweepPriceChanges(
  deps: Pick<ApplyDeps, "db" | "clock" | "logger">,
  runner: Pick<ApplyRunner, "enqueue">,
  events: PriceChangeEvents,
  options: PriceChangeSweepOptions = DEFAULT_PRICE_SWEEP,
): Promise<{ readonly expired: number; readonly requeued: number }> {
  const now = deps.clock.now();
  let expired = 0;
  for (const due of await listExpiredPending(deps.db, now, options.batchSize)) {
    const proposal = await expireProposal(deps.db, due.workspaceId, due.id, now);
    if (!proposal) continue;
    expired++;
    await events.expired(proposal);
  }
  const stale = await listAwaitingApply(deps.db, new Date(now.getTime() - options.staleAfterMs), options.batchSize);
  // A fresh job id per sweep window: the original job (kept a day under the proposal's key) may have died.
  const window = Math.floor(now.getTime() / options.staleAfterMs);
  for (const row of stale) await runner.enqueue({ workspaceId: row.workspaceId, proposalId: row.id, idempotencyKey: `${row.idempotencyKey}:sweep${window}` });
  if (expired + stale.length > 0) deps.logger.info("price-change sweep", { expired, requeued: stale.length });
  return { expired, requeued: stale.length };
}

/** The sweep, one run at a time, for a runner's timer and its start. */
export function createPriceChangeSweeper(
  deps: Pick<ApplyDeps, "db" | "clock" | "logger">,
  runner: Pick<ApplyRunner, "enqueue">,
  events: PriceChangeEvents,
  options: PriceChangeSweepOptions,
): SingleFlight {
  return singleFlight(
    () => sweepPriceChanges(deps, runner, events, options),
    (error) => deps.logger.error("price-change sweep failed", { error }),
  );
}
