/**
 * What delivery does with WhatsApp's later word on a message it already accepted. Only "failed"
 * matters: the message never reached the person, so the sent row is reopened by Meta's error code,
 * read the same way as a refused send (channels/whatsapp/graph-errors.ts): 131047 (the 24-hour
 * window closed first) holds it for the person's next message; throttles and Meta's own trouble
 * send it again later; anything else makes it dead for a person to look at.
 */
import { graphFailure, REENGAGEMENT_CODE } from "../../channels/whatsapp/graph-errors.ts";
import type { StatusListener, WhatsAppStatusUpdate } from "../../channels/whatsapp/status-listener.ts";
import type { DeliveryScheduler } from "../../channels/outbound/delivery-scheduler.ts";
import type { Db } from "../../db/database.ts";
import { findByProviderMessageId, markUndelivered } from "../../db/repositories/outbox.ts";
import { assertNever } from "../../lib/assert-never.ts";
import { systemClock, type Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy.ts";

export interface WhatsAppStatusListenerOptions {
  readonly db: Db;
  readonly scheduler: DeliveryScheduler;
  readonly logger: Logger;
  readonly clock?: Clock;
  readonly retryPolicy?: RetryPolicy;
  /** Jitter source in [0, 1). */
  readonly random?: () => number;
}

export function createWhatsAppStatusListener(options: WhatsAppStatusListenerOptions): StatusListener {
  const { db, scheduler, logger } = options;
  const clock = options.clock ?? systemClock;
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;

  async function onFailed(update: WhatsAppStatusUpdate): Promise<void> {
    const row = await findByProviderMessageId(db, "whatsapp", update.providerMessageId);
    // Not ours, or a later part of a long message (the outbox keeps the first part's id).
    if (!row) {
      logger.debug("failed status for a message the outbox does not know", { providerMessageId: update.providerMessageId });
      return;
    }
    const now = clock.now();
    const title = update.errorTitle ?? "no reason given";
    const error = `WhatsApp accepted the message but could not deliver it (${update.errorCode ?? "no code"}: ${title})`;
    const log = logger.child({ outboxId: row.id, providerMessageId: update.providerMessageId, errorCode: update.errorCode });

    if (update.errorCode === REENGAGEMENT_CODE) {
      if (await markUndelivered(db, row.id, { status: "held" }, `${error}; it waits for the person's next message`, now)) log.info("whatsapp message held after a re-engagement failure");
      return;
    }
    const failure = graphFailure({ httpStatus: 200, error: { message: title, code: update.errorCode ?? 0 }, retryAfterHeader: null, now }).failure;
    switch (failure.kind) {
      case "rate_limited":
      case "transient": {
        if (row.attempts >= policy.maxAttempts) {
          if (await markUndelivered(db, row.id, { status: "dead" }, `gave up after ${row.attempts} attempts: ${error}`, now)) log.warn("whatsapp message dead after a failed status");
          return;
        }
        const waitMs = failure.kind === "rate_limited" ? Math.max(policy.minRetryMs, failure.retryAfterMs) : backoffDelayMs(row.attempts, policy, options.random ?? Math.random);
        if (await markUndelivered(db, row.id, { status: "pending", nextAttemptAt: new Date(now.getTime() + waitMs) }, error, now)) {
          log.warn("whatsapp message failed after it was accepted; sending it again", { waitMs });
          await scheduler.schedule([row.id]);
        }
        return;
      }
      case "auth":
      case "permanent":
        if (await markUndelivered(db, row.id, { status: "dead" }, error, now)) log.warn("whatsapp message dead after a failed status");
        return;
      default:
        assertNever(failure, "provider failure");
    }
  }

  return {
    async onStatus(update) {
      switch (update.status) {
        case "sent":
        case "delivered":
        case "read":
          logger.debug("whatsapp message status", { providerMessageId: update.providerMessageId, status: update.status });
          return;
        case "failed":
          return onFailed(update);
        default:
          assertNever(update.status, "whatsapp status");
      }
    },
  };
}
