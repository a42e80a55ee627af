/**
 * The WhatsApp ChannelSender the delivery worker uses: routes each delivery to the transport its
 * destination names (the Cloud API, or the whatsapp-web.js session in this process).
 */
import { ProviderError } from "../../lib/provider-error.ts";
import type { ChannelSender } from "../outbound/channel-sender.ts";
import type { WhatsAppDestination } from "../outbound/recipients.ts";

export interface WhatsAppTransports {
  /** Null when the Cloud API is not configured. */
  readonly cloud: ChannelSender<WhatsAppDestination> | null;
  /** Null when whatsapp-web.js is not enabled. */
  readonly web: ChannelSender<WhatsAppDestination> | null;
}

export function createWhatsAppSender(transports: WhatsAppTransports): ChannelSender<WhatsAppDestination> {
  return {
    channel: "whatsapp",
    async send(delivery) {
      const transport = delivery.destination.transport;
      const sender = transports[transport];
      if (sender === null) {
        throw new ProviderError("whatsapp", { kind: "permanent" }, `the message was meant for WhatsApp ${transport === "cloud" ? "Cloud API" : "Web"}, which is not configured on this server`);
      }
      return sender.send(delivery);
    },
  };
}
