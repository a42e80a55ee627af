/**
 * The configured channel senders, one per channel (a channel that is off has none), and the typed
 * dispatch from a delivery to the sender of its destination's channel.
 */
import type { ChannelSender, Delivery, SendOutcome } from "../../channels/outbound/channel-sender.ts";
import type { EmailDestination, SlackDestination, WhatsAppDestination } from "../../channels/outbound/recipients.ts";

export interface SenderRegistry {
  readonly slack?: ChannelSender<SlackDestination>;
  readonly whatsapp?: ChannelSender<WhatsAppDestination>;
  readonly email?: ChannelSender<EmailDestination>;
}

/** Sends through the destination's channel; null when that channel has no sender configured. */
export async function sendThrough(senders: SenderRegistry, delivery: Delivery): Promise<SendOutcome | null> {
  const { destination } = delivery;
  switch (destination.channel) {
    case "slack":
      return senders.slack ? senders.slack.send({ ...delivery, destination }) : null;
    case "whatsapp":
      return senders.whatsapp ? senders.whatsapp.send({ ...delivery, destination }) : null;
    case "email":
      return senders.email ? senders.email.send({ ...delivery, destination }) : null;
  }
}
