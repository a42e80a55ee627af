/**
 * Inbound event de-duplication: providers deliver the same event more than once (Slack retries after
 * 3 s, WhatsApp re-posts webhooks, a mailbox may forward a message twice). The first claim of a
 * (channel, event id) wins; every later one is a duplicate the channel edge acknowledges and drops.
 * Keyed by channel rather than workspace: the sender may belong to no workspace yet.
 */
import type { DbOrTrx } from "../database.ts";

/** True the first time this event is seen on this channel, false for a duplicate (also under concurrency). */
export async function claimInboundEvent(db: DbOrTrx, channel: string, eventId: string, now?: Date): Promise<boolean> {
  const inserted = await db
    .insertInto("inbound_events")
    .values({ channel, event_id: eventId, ...(now ? { received_at: now } : {}) })
    .onConflict((oc) => oc.columns(["channel", "event_id"]).doNothing())
    .returning("event_id")
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Forgets events received before `olderThan` (providers stop retrying after minutes to days); returns how many. */
export async function pruneInboundEvents(db: DbOrTrx, olderThan: Date): Promise<number> {
  const result = await db.deleteFrom("inbound_events").where("received_at", "<", olderThan).executeTakeFirst();
  return Number(result.numDeletedRows);
}
