/**
 * The deliverers' safety net, run on start and then periodically: rows stuck in sending (their
 * deliverer died mid-send) become dead for a person to decide, and every pending row that is due is
 * scheduled again, which recovers wake-ups lost to a crash or a Redis restart and picks up rows a
 * person retried from the command line.
 */
import type { DeliveryScheduler } from "../../channels/outbound/delivery-scheduler.ts";
import { listDue, reapStuckSending } from "../../db/repositories/outbox.ts";
import type { DeliveryDeps } from "./deliver-outbox-message.ts";
import { singleFlight, type SingleFlight } from "../../lib/single-flight.ts";

export interface SweepOptions {
  /** A row in sending longer than this was abandoned: sends time out far sooner. */
  readonly stuckAfterMs: number;
  /** Due rows scheduled per sweep; the next sweep takes the rest. */
  readonly batchSize: number;
}

export const DEFAULT_SWEEP_OPTIONS: SweepOptions = { stuckAfterMs: 10 * 60_000, batchSize: 500 };

export interface SweepResult {
  readonly reaped: readonly number[];
  readonly scheduled: readonly number[];
}

export async function sweepOutbox(deps: Pick<DeliveryDeps, "db" | "clock" | "logger">, scheduler: DeliveryScheduler, options: SweepOptions): Promise<SweepResult> {
  const now = deps.clock.now();
  const reaped = await reapStuckSending(deps.db, new Date(now.getTime() - options.stuckAfterMs), now);
  if (reaped.length > 0) {
    deps.logger.error("outbox messages were interrupted mid-send and need a person (bizos outbox failed)", { outboxIds: reaped });
  }
  const scheduled = await listDue(deps.db, now, options.batchSize);
  if (scheduled.length > 0) await scheduler.schedule(scheduled);
  return { reaped, scheduled };
}

export type Sweeper = SingleFlight;

/** One sweep at a time, for a deliverer's timer and its start. */
export function createSweeper(deps: Pick<DeliveryDeps, "db" | "clock" | "logger">, scheduler: DeliveryScheduler, options: SweepOptions): Sweeper {
  return singleFlight(
    () => sweepOutbox(deps, scheduler, options),
    (error) => deps.logger.error("outbox sweep failed", { error }),
  );
}
