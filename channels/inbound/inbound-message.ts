/**
 * The contract between the channel edges and the conversation gateway: every channel turns what
 * it receives (a Slack event, a WhatsApp webhook, an email, a whatsapp-web.js message) into an
 * InboundMessage or an ActionEvent and hands it over; the gateway resolves who wrote, runs the turn
 * and queues the answer in the outbox. Channels never run turns or send answers themselves.
 */
import type { TurnResult } from "../../agents/turn-types.ts";
import type { IdentityChannel } from "../../db/schema/core.ts";
import type { Destination } from "../outbound/recipients.ts";

export interface InboundMessage {
  readonly channel: IdentityChannel;
  /** The provider's id for this event (Slack event_id or trigger_id, WhatsApp wamid, email Message-ID): handled once. */
  readonly eventId: string;
  /** The sender's address as the channel gives it: Slack user id, phone number (any format), email address. */
  readonly sender: string;
  /** What they wrote, cleaned by the channel (bot mention removed, quoted email text stripped). */
  readonly text: string;
  /**
   * The channel's conversation key; messages with the same key continue one thread (follow-ups
   * keep context): Slack "<channel>:<thread ts>", WhatsApp "<E.164 phone>", email: the
   * conversation's key (from its reply token) or the new message's Message-ID.
   */
  readonly threadKey: string;
  /** Email replies: the conversation their signed token names; the sender must belong to its workspace. Null otherwise. */
  readonly conversationId: number | null;
  /** Where the answer goes. */
  readonly destination: Destination;
  readonly receivedAt: Date;
}

/** A button click (Slack block_actions, a WhatsApp reply button). Approvals register handlers for these. */
export interface ActionEvent {
  readonly channel: IdentityChannel;
  /** Provider id of the click (Slack action_ts + trigger_id, WhatsApp wamid): handled once. */
  readonly eventId: string;
  readonly sender: string;
  /** The button's id, e.g. "approve:4F2K". */
  readonly actionId: string;
  /** The button's value or title, when the channel gives one. */
  readonly value: string | null;
  readonly threadKey: string;
  readonly destination: Destination;
  readonly receivedAt: Date;
}

export type InboundOutcome =
  | { readonly status: "answered"; readonly outboxId: number; readonly result: TurnResult }
  /** A button click went to its feature's handler, which may have replied. */
  | { readonly status: "acted"; readonly actionId: string; readonly outboxId: number | null }
  /** The same event arrived before (a provider retry): nothing ran. */
  | { readonly status: "duplicate" }
  /** Nobody is linked to this address: one polite reply in their language, nothing else. */
  | { readonly status: "unknown_sender"; readonly outboxId: number }
  /** The member wrote too often this minute: a polite wait reply. */
  | { readonly status: "rate_limited"; readonly outboxId: number }
  /** Nothing to answer (a reply token for another workspace…), or a short reply that is not a turn (a non-text message). */
  | { readonly status: "ignored"; readonly reason: string }
  /** The turn failed (a bug or a provider down): the person got an apology, the error was logged. */
  | { readonly status: "failed"; readonly outboxId: number; readonly error: string };

export interface InboundHandler {
  handleMessage(message: InboundMessage): Promise<InboundOutcome>;
  handleAction(action: ActionEvent): Promise<InboundOutcome>;
}
