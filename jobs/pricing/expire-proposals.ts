/**
 * Expiring price-change proposals nobody decided in time, as a tick of the job runner (EXPIRE_TICK):
 * it runs wherever the proactive jobs run — the server with JOBS_IN_SERVER=true, or `npm run worker`
 * — once per interval across every worker on BullMQ, on a timer in process. Each due proposal is
 * expired by a locked, status-guarded transition (engines/approvals/decide.ts expireProposal), so two
 * workers, or a tick racing a late reply, expire it once, and only the one that expired it tells the
 * requester. A reply after expiry is refused by the decision itself, so a late tick never lets a
 * stale proposal be approved.
 */
import { listExpiredPending, type ProposalView } from "../../db/repositories/price-proposals.ts";
import { expireProposal } from "../../engines/approvals/decide.ts";
import type { JobRunner, JobRuntimeDeps } from "../runtime/job-runner.ts";
import { EXPIRE_TICK } from "./price-change-queue.ts";

/** Tells whoever asked (and whoever else is concerned) that a proposal expired: the channels' approval notifier. */
export type AnnounceExpired = (proposal: ProposalView) => Promise<void>;

export interface ExpiryOptions {
  /** How often due proposals are looked for; default 30 s (an expiry is then at most this late). */
  readonly everyMs: number;
  /** Proposals expired per tick at most; the rest wait for the next one. */
  readonly batchSize: number;
}

export const DEFAULT_EXPIRY: ExpiryOptions = { everyMs: 30_000, batchSize: 200 };

type ExpiryDeps = Pick<JobRuntimeDeps, "db" | "clock" | "logger">;

/** Expires the pending proposals past their time and announces each one this call expired. */
export async function expireDueProposals(deps: ExpiryDeps, announce: AnnounceExpired, batchSize: number = DEFAULT_EXPIRY.batchSize): Promise<{ readonly expired: number }> {
  const now = deps.clock.now();
  let expired = 0;
  for (const due of await listExpiredPending(deps.db, now, batchSize)) {
    // Undefined when another worker expired it, or a reply decided it, since the list was read.
    const proposal = await expireProposal(deps.db, due.workspaceId, due.id, now);
    if (!proposal) continue;
    expired++;
    try {
      await announce(proposal);
    } catch (error) {
      // The proposal stays expired: one failed announcement must not hold back the others.
      deps.logger.error("could not announce an expired proposal", { workspaceId: due.workspaceId, code: proposal.code, error });
    }
  }
  if (expired > 0) deps.logger.info("price-change proposals expired", { expired });
  return { expired };
}

/** Registers the expiry tick on a job runner (the server's or a worker's), before it starts. */
export function registerApprovalExpiry(runner: Pick<JobRunner, "every">, deps: ExpiryDeps, announce: AnnounceExpired, options: Partial<ExpiryOptions> = {}): void {
  const { everyMs, batchSize } = { ...DEFAULT_EXPIRY, ...options };
  runner.every(EXPIRE_TICK, everyMs, async () => {
    await expireDueProposals(deps, announce, batchSize);
  });
}
