/**
 * Delivery without Redis (REDIS_URL unset, e.g. `npm start` on a fresh machine): scheduled rows are
 * delivered right away in this process, a few at a time; retries and not-yet-due rows wake on a
 * timer, and a periodic sweep finds due rows nobody scheduled (after a restart, or retried from the
 * command line). Runs the same processor as the BullMQ worker, so behaviour is identical; only the
 * wake-ups live in memory, and the sweep rebuilds them from the outbox after a restart.
 */
import type { DeliveryScheduler } from "../../channels/outbound/delivery-scheduler.ts";
import { deliverOutboxMessage, type DeliveryDeps, type DeliveryEvent } from "./deliver-outbox-message.ts";
import type { Deliverer } from "./deliverer.ts";
import { DEFAULT_SWEEP_OPTIONS, createSweeper, type SweepOptions } from "./sweep.ts";

export interface InProcessDeliveryOptions {
  readonly deps: DeliveryDeps;
  /** How often the sweep looks for due and stuck rows; default 5 s. */
  readonly pollMs?: number;
  /** Deliveries running at once; default 4. */
  readonly concurrency?: number;
  readonly sweep?: Partial<SweepOptions>;
  /** Called after every delivery attempt (metrics, tests). */
  readonly onOutcome?: (event: DeliveryEvent) => void;
}

/** start() sweeps once (stuck and due rows), then delivers what is scheduled and sweeps every pollMs. */
export interface InProcessDelivery extends Deliverer {
  /** Resolves when nothing is queued, running or waiting on a timer (tests; a graceful drain). */
  idle(): Promise<void>;
}

const MAX_TIMER_MS = 24 * 60 * 60 * 1000;

interface Wake {
  readonly timer: NodeJS.Timeout;
  readonly dueMs: number;
}

export function createInProcessDelivery(options: InProcessDeliveryOptions): InProcessDelivery {
  const { deps } = options;
  const pollMs = options.pollMs ?? 5_000;
  const concurrency = options.concurrency ?? 4;
  const sweepOptions: SweepOptions = { ...DEFAULT_SWEEP_OPTIONS, ...options.sweep };
  const logger = deps.logger.child({ deliverer: "in-process" });

  let state: "created" | "running" | "closed" = "created";
  const queued = new Set<number>();
  const running = new Map<number, Promise<void>>();
  const wakes = new Map<number, Wake>();
  let poller: NodeJS.Timeout | undefined;
  let idleWaiters: (() => void)[] = [];

  const scheduler: DeliveryScheduler = {
    schedule(outboxIds) {
      // After close the rows simply stay pending: the next start's sweep delivers them.
      if (state === "closed") return Promise.resolve();
      for (const id of outboxIds) queued.add(id);
      pump();
      return Promise.resolve();
    },
  };

  function pump(): void {
    if (state !== "running") return;
    for (const id of queued) {
      if (running.size >= concurrency) break;
      // A row being delivered is claimed; a second run would find it busy, so it waits its turn.
      if (running.has(id)) continue;
      queued.delete(id);
      running.set(id, deliver(id));
    }
    settleIdle();
  }

  async function deliver(outboxId: number): Promise<void> {
    try {
      const outcome = await deliverOutboxMessage(deps, outboxId);
      if (outcome.outcome === "retry") wakeAt(outboxId, outcome.retryAt);
      if (outcome.outcome === "not_due") wakeAt(outboxId, outcome.dueAt);
      options.onOutcome?.({ outboxId, outcome });
    } catch (error) {
      // The database failed under us: the row is still pending or sending, and the sweep takes it from there.
      logger.error("outbox delivery failed; the sweep will pick the row up again", { outboxId, error });
    } finally {
      running.delete(outboxId);
      pump();
    }
  }

  function wakeAt(outboxId: number, dueAt: Date): void {
    if (state === "closed") return;
    const dueMs = dueAt.getTime();
    const existing = wakes.get(outboxId);
    if (existing && existing.dueMs <= dueMs) return;
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(
      () => {
        wakes.delete(outboxId);
        void scheduler.schedule([outboxId]);
      },
      // Node fires a delay past ~24.8 days at once; a wake-up that comes early is just not due and sets itself again.
      Math.min(MAX_TIMER_MS, Math.max(0, dueMs - deps.clock.now().getTime())),
    );
    // Never keeps a process alive by itself: the server's listener does, and the sweep recovers lost timers.
    timer.unref();
    wakes.set(outboxId, { timer, dueMs });
  }

  const sweeper = createSweeper({ ...deps, logger }, scheduler, sweepOptions);
  const sweep = () => sweeper.run();

  function settleIdle(): void {
    if (queued.size > 0 || running.size > 0 || wakes.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  return {
    scheduler,
    async start() {
      if (state !== "created") return;
      state = "running";
      await sweep();
      poller = setInterval(() => void sweep(), pollMs);
      poller.unref();
      pump();
    },
    async close() {
      state = "closed";
      clearInterval(poller);
      for (const wake of wakes.values()) clearTimeout(wake.timer);
      wakes.clear();
      queued.clear();
      await sweeper.settled();
      await Promise.all(running.values());
      settleIdle();
    },
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
  };
}
