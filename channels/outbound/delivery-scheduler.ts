/**
 * How the gateway tells delivery that outbox rows are waiting: a BullMQ queue when Redis is
 * configured, the in-process deliverer otherwise (jobs/delivery). The outbox row is the truth;
 * scheduling only wakes a deliverer, so scheduling twice is harmless.
 */
export interface DeliveryScheduler {
  schedule(outboxIds: readonly number[]): Promise<void>;
}
