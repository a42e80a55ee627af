/**
 * The BullMQ delivery queue's names and job payload. A job only wakes a deliverer for one outbox row;
 * the row is the truth, so job ids are chosen to make repeated wake-ups collapse into one.
 */
import { z } from "zod";

export const DELIVERY_QUEUE = "delivery";
export const DELIVER_JOB = "deliver";

export const deliverJobSchema = z.object({ outboxId: z.number().int().positive() });
export type DeliverJob = z.infer<typeof deliverJobSchema>;

/** The job that delivers a row now: scheduling the same row twice while it waits is one job. */
export function deliverNowJobId(outboxId: number): string {
  return `outbox-${outboxId}`;
}

/** The job that delivers a row at an instant (a retry, a message not yet due): every wake-up for that instant is one job. */
export function deliverAtJobId(outboxId: number, dueAt: Date): string {
  return `outbox-${outboxId}-at${dueAt.getTime()}`;
}
