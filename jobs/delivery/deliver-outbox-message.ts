/**
 * Delivers one outbox row: the pure processor both deliverers (BullMQ and in-process) run. It claims
 * the row first, so a row that is not pending and due is left alone: a delivered message is never
 * sent twice, and a duplicate wake-up is a no-op. Then it sends through the channel's sender and
 * records the outcome on the row, which is the only state delivery has; the caller only decides
 * when to wake up again (the outcome's retryAfterMs or dueAt).
 */
import type { Delivery, SendOutcome } from "../../channels/outbound/channel-sender.ts";
import type { Db } from "../../db/database.ts";
import {
  claimOutbox,
  findOutbox,
  findOutboxRecipient,
  markDead,
  markHeld,
  markRetry,
  markSent,
  parseOutboxPayload,
} from "../../db/repositories/outbox.ts";
import type { OutboxMessage, OutboxStatus } from "../../db/schema/operations.ts";
import { assertNever } from "../../lib/assert-never.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { outboxPayloadSchema } from "./outbox-payload.ts";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy.ts";
import { sendThrough, type SenderRegistry } from "./sender-registry.ts";

export interface DeliveryDeps {
  readonly db: Db;
  readonly senders: SenderRegistry;
  readonly clock: Clock;
  readonly logger: Logger;
  /** DEFAULT_RETRY_POLICY when absent. */
  readonly retryPolicy?: RetryPolicy;
  /** Jitter source in [0, 1); Math.random when absent. */
  readonly random?: () => number;
}

export type DeliveryOutcome =
  | { readonly outcome: "sent"; readonly providerMessageId: string | null }
  /** Waits for the recipient's next message (releaseHeld). */
  | { readonly outcome: "held"; readonly reason: string }
  /** Pending again: wake up after retryAfterMs (at retryAt). */
  | { readonly outcome: "retry"; readonly retryAfterMs: number; readonly retryAt: Date; readonly error: string; readonly attempts: number }
  /** Given up; a person decides (`bizos outbox failed` / `retry`). */
  | { readonly outcome: "dead"; readonly error: string }
  /** Nothing to do: it was delivered before. */
  | { readonly outcome: "already_sent" }
  /** Pending but due later: wake up at dueAt. */
  | { readonly outcome: "not_due"; readonly dueAt: Date }
  /** Nothing to do now: another deliverer has it, it waits for a message or a person, or it is gone. */
  | { readonly outcome: "skipped"; readonly reason: Exclude<OutboxStatus, "sent"> | "missing" };

/** What a deliverer reports after each try of a row (metrics, tests). */
export interface DeliveryEvent {
  readonly outboxId: number;
  readonly outcome: DeliveryOutcome;
}

export async function deliverOutboxMessage(deps: DeliveryDeps, outboxId: number): Promise<DeliveryOutcome> {
  const now = deps.clock.now();
  const row = await claimOutbox(deps.db, outboxId, now);
  if (!row) return unclaimed(deps.db, outboxId, now);
  const logger = deps.logger.child({ outboxId, channel: row.channel, attempt: row.attempts });

  const payload = parseOutboxPayload(row, outboxPayloadSchema);
  if (!payload.ok) return giveUp(deps, logger, row, `the stored message is not valid any more (${payload.error})`, "bug");
  const { destination, message } = payload.value;
  if (destination.channel !== row.channel) return giveUp(deps, logger, row, `the row's channel ${row.channel} does not match its destination's (${destination.channel})`, "bug");

  const recipient = await findOutboxRecipient(deps.db, row);
  const delivery: Delivery = {
    outboxId,
    destination,
    message,
    kind: row.kind,
    lastInboundAt: recipient?.lastInboundAt ?? null,
    memberLanguage: recipient?.language ?? message.language,
  };
  let sent: SendOutcome | null;
  try {
    sent = await sendThrough(deps.senders, delivery);
  } catch (error) {
    return failed(deps, logger, row, error);
  }
  if (sent === null) return giveUp(deps, logger, row, `no ${destination.channel} sender is configured (is the channel turned on?)`, "stop");

  const done = deps.clock.now();
  switch (sent.status) {
    case "sent":
      await markSent(deps.db, row.id, sent.providerMessageId, done);
      logger.info("outbox message sent", { providerMessageId: sent.providerMessageId });
      return { outcome: "sent", providerMessageId: sent.providerMessageId };
    case "held":
      await markHeld(deps.db, row.id, sent.reason, done);
      logger.info("outbox message held until the recipient writes again", { reason: sent.reason });
      return { outcome: "held", reason: sent.reason };
    default:
      return assertNever(sent, "send outcome");
  }
}

/** Why a row could not be claimed, as an outcome the deliverer can act on. */
async function unclaimed(db: Db, outboxId: number, now: Date): Promise<DeliveryOutcome> {
  const row = await findOutbox(db, outboxId);
  if (!row) return { outcome: "skipped", reason: "missing" };
  if (row.status === "sent") return { outcome: "already_sent" };
  if (row.status === "pending" && row.next_attempt_at > now) return { outcome: "not_due", dueAt: row.next_attempt_at };
  return { outcome: "skipped", reason: row.status };
}

async function failed(deps: DeliveryDeps, logger: Logger, row: OutboxMessage, error: unknown): Promise<DeliveryOutcome> {
  if (!(error instanceof ProviderError)) {
    // Senders report provider failures as ProviderError; anything else is a bug in our code.
    return giveUp(deps, logger, row, `unexpected error: ${error instanceof Error ? error.message : String(error)}`, "bug");
  }
  const policy = deps.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const description = error.providerCode ? `${error.message} (code ${error.providerCode})` : error.message;
  const failure = error.failure;
  switch (failure.kind) {
    case "rate_limited":
      return retryOrGiveUp(deps, logger, row, description, Math.max(policy.minRetryMs, failure.retryAfterMs));
    case "transient":
      return retryOrGiveUp(deps, logger, row, description, backoffDelayMs(row.attempts, policy, deps.random ?? Math.random));
    case "auth":
    case "permanent":
      return giveUp(deps, logger, row, description, "stop");
    default:
      return assertNever(failure, "provider failure");
  }
}

async function retryOrGiveUp(deps: DeliveryDeps, logger: Logger, row: OutboxMessage, error: string, retryAfterMs: number): Promise<DeliveryOutcome> {
  const policy = deps.retryPolicy ?? DEFAULT_RETRY_POLICY;
  if (row.attempts >= policy.maxAttempts) return giveUp(deps, logger, row, `gave up after ${row.attempts} attempts: ${error}`, "stop");
  const now = deps.clock.now();
  const retryAt = new Date(now.getTime() + retryAfterMs);
  const recorded = await markRetry(deps.db, row.id, error, retryAt, now);
  // Not recorded: the reaper took the row while the provider was answering; it is dead and a person decides.
  if (!recorded) logger.warn("outbox row was reaped while sending; not retrying it", { error });
  else logger.warn("outbox delivery will be retried", { error, retryAfterMs });
  return { outcome: "retry", retryAfterMs, retryAt, error, attempts: row.attempts };
}

/** stop: the provider refused or we ran out of attempts (a person can fix and retry); bug: our code or data is wrong. */
async function giveUp(deps: DeliveryDeps, logger: Logger, row: OutboxMessage, error: string, why: "stop" | "bug"): Promise<DeliveryOutcome> {
  await markDead(deps.db, row.id, error, deps.clock.now());
  if (why === "bug") logger.error("outbox message is dead", { error });
  else logger.warn("outbox message is dead", { error });
  return { outcome: "dead", error };
}
