/**
 * The one thing the delivery worker needs from each channel: send this message to this
 * destination, once. A sender formats the OutboundMessage for its API and goes through its
 * provider's HTTP choke point, which throws ProviderError (lib/provider-error.ts) on failure.
 */
import type { Destination } from "./recipients.ts";
import type { OutboundMessage } from "./outbound-message.ts";

export interface Delivery<D extends Destination = Destination> {
  /** The outbox row id: senders may use it as the provider's idempotency key where one exists. */
  readonly outboxId: number;
  readonly destination: D;
  readonly message: OutboundMessage;
  /** reply: answers the person's last message; proactive: we speak first (WhatsApp's window rules apply). */
  readonly kind: "reply" | "proactive";
  /** When the recipient last wrote on this channel, if known (WhatsApp's 24-hour window). */
  readonly lastInboundAt: Date | null;
  /** The recipient member's language, for templates. */
  readonly memberLanguage: OutboundMessage["language"];
}

export type SendOutcome =
  /** Delivered; the provider's id of the (first) message, when it gives one. */
  | { readonly status: "sent"; readonly providerMessageId: string | null }
  /** Not sent and not failed: waits for the recipient's next message (WhatsApp outside the window with no template). */
  | { readonly status: "held"; readonly reason: string };

export interface ChannelSender<D extends Destination = Destination> {
  readonly channel: D["channel"];
  send(delivery: Delivery<D>): Promise<SendOutcome>;
}
