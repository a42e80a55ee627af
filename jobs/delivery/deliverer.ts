/** What runs the outbox processor, whichever way it runs (BullMQ on Redis, or in process). */
import type { DeliveryScheduler } from "../../channels/outbound/delivery-scheduler.ts";

export interface Deliverer {
  readonly scheduler: DeliveryScheduler;
  /** Starts delivering, and sweeps once for due and stuck rows. */
  start(): Promise<void>;
  /** Stops taking work and waits for the sends in flight; rows not yet sent stay pending for the next start. */
  close(): Promise<void>;
}
