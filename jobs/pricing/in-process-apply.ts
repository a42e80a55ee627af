/**
 * Applying price changes without Redis (REDIS_URL unset, `bizos chat`, tests): jobs run in this
 * process one proposal at a time each (a second enqueue of a queued or running proposal is the same
 * job), retries wait on a timer, and a periodic sweep re-queues approved proposals whose job was
 * lost to a restart. Same processor as the BullMQ worker.
 */
import { applyPriceChange, type ApplyDeps } from "./apply-price-change.ts";
import { createPriceChangeSweeper, DEFAULT_PRICE_SWEEP, MAX_APPLY_ATTEMPTS, type ApplyJob, type ApplyRunner, type PriceChangeEvents, type PriceChangeSweepOptions } from "./price-change-queue.ts";

export interface InProcessApplyOptions {
  readonly deps: ApplyDeps;
  readonly events: PriceChangeEvents;
  /** How often the sweep runs; default 30 s. */
  readonly sweepMs?: number;
  readonly sweep?: Partial<PriceChangeSweepOptions>;
  readonly maxAttempts?: number;
}

export interface InProcessApplyRunner extends ApplyRunner {
  /** Resolves when no job or sweep is running (a retry waiting on its timer does not count). */
  idle(): Promise<void>;
  /** Runs the sweep now. */
  sweep(): Promise<void>;
}

export function createInProcessApplyRunner(options: InProcessApplyOptions): InProcessApplyRunner {
  const { deps, events } = options;
  const logger = deps.logger.child({ runner: "in-process-apply" });
  const maxAttempts = options.maxAttempts ?? MAX_APPLY_ATTEMPTS;
  const sweepOptions = { ...DEFAULT_PRICE_SWEEP, ...options.sweep };
  const active = new Map<number, Promise<void>>();
  const timers = new Map<number, NodeJS.Timeout>();
  let state: "created" | "running" | "closed" = "created";
  let sweepTimer: NodeJS.Timeout | undefined;

  async function run(job: ApplyJob, attempt: number): Promise<void> {
    try {
      const outcome = await applyPriceChange(deps, { ...job, attempt, maxAttempts });
      switch (outcome.kind) {
        case "applied":
        case "failed":
          await events.applied(outcome);
          return;
        case "retry": {
          if (state === "closed") return;
          const timer = setTimeout(() => {
            timers.delete(job.proposalId);
            start(job, attempt + 1);
          }, outcome.retryAfterMs);
          timer.unref();
          timers.set(job.proposalId, timer);
          return;
        }
        case "settled":
          return;
      }
    } catch (error) {
      // The database failed under us: the proposal stays approved/applying and the sweep re-queues it.
      logger.error("applying a price change failed; the sweep will retry it", { error, ...job });
    }
  }

  function start(job: ApplyJob, attempt: number): void {
    if (state === "closed" || active.has(job.proposalId) || timers.has(job.proposalId)) return;
    const running = run(job, attempt).finally(() => active.delete(job.proposalId));
    active.set(job.proposalId, running);
  }

  const runner: InProcessApplyRunner = {
    enqueue(job) {
      start({ workspaceId: job.workspaceId, proposalId: job.proposalId }, 1);
      return Promise.resolve();
    },
    async start() {
      if (state !== "created") return;
      state = "running";
      await sweeper.run();
      sweepTimer = setInterval(() => void sweeper.run(), options.sweepMs ?? 30_000);
      sweepTimer.unref();
    },
    async close() {
      state = "closed";
      if (sweepTimer) clearInterval(sweepTimer);
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.all([...active.values(), sweeper.settled()]);
    },
    async idle() {
      while (active.size > 0 || sweeper.busy) await Promise.all([...active.values(), sweeper.settled()]);
    },
    sweep: () => sweeper.run(),
  };
  const sweeper = createPriceChangeSweeper(deps, runner, sweepOptions);
  return runner;
}
