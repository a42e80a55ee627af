/**
 * Puts one proactive message about insights (an alert, a digest, a weekly report) in the outbox and
 * records which insights it carries, in one transaction: "why did you send me this?" can always
 * find the message an insight came in, and a message is never recorded without its insights. The
 * outbox key makes a repeat return the first row (created false) instead of a second message.
 */
import type { Destination } from "../../channels/outbound/recipients.ts";
import type { OutboundMessage } from "../../channels/outbound/outbound-message.ts";
import { inTransaction, type DbOrTrx } from "../../db/database.ts";
import { recordNotifications } from "../../db/repositories/insight-notifications.ts";
import { enqueueOutbox } from "../../db/repositories/outbox.ts";
import type { IdentityChannel } from "../../db/schema/core.ts";
import type { NotificationKind } from "../../db/schema/notifications.ts";
import type { Insight } from "../../db/schema/operations.ts";

export interface InsightMessage {
  readonly workspaceId: number;
  readonly memberId: number;
  readonly kind: NotificationKind;
  readonly channel: IdentityChannel;
  readonly destination: Destination;
  readonly message: OutboundMessage;
  readonly idempotencyKey: string;
  /** Not before this instant (quiet hours); now for most. */
  readonly notBefore: Date;
  /** The insights the message tells about. */
  readonly insights: readonly Pick<Insight, "id" | "severity">[];
}

/** In the transaction already open, or a new one. */
export async function enqueueInsightMessage(db: DbOrTrx, input: InsightMessage): Promise<{ readonly id: number; readonly created: boolean }> {
  return inTransaction(db, async (trx) => {
    const row = await enqueueOutbox(trx, {
      workspaceId: input.workspaceId,
      memberId: input.memberId,
      destination: input.destination,
      message: input.message,
      kind: "proactive",
      idempotencyKey: input.idempotencyKey,
      notBefore: input.notBefore,
    });
    await recordNotifications(
      trx,
      input.insights.map((insight) => ({
        workspaceId: input.workspaceId,
        insightId: insight.id,
        memberId: input.memberId,
        kind: input.kind,
        channel: input.channel,
        outboxId: row.id,
        severity: insight.severity,
      })),
    );
    return row;
  });
}
