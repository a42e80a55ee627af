import { describe, expect, it } from "vitest";
import { ProviderError } from "../../lib/provider-error.ts";
import type { ChannelSender, Delivery } from "../outbound/channel-sender.ts";
import { textMessage } from "../outbound/outbound-message.ts";
import type { WhatsAppDestination } from "../outbound/recipients.ts";
import { createWhatsAppSender } from "./transport-sender.ts";

function recording(name: string, calls: string[]): ChannelSender<WhatsAppDestination> {
  return {
    channel: "whatsapp",
    send: (delivery) => {
      calls.push(`${name}:${delivery.outboxId}`);
      return Promise.resolve({ status: "sent", providerMessageId: name });
    },
  };
}

const delivery = (outboxId: number, transport: "cloud" | "web"): Delivery<WhatsAppDestination> => ({
  outboxId,
  destination: { channel: "whatsapp", to: "+5215512345678", transport, replyToMessageId: null },
  message: textMessage("Hola", "es"),
  kind: "reply",
  lastInboundAt: null,
  memberLanguage: "es",
});

describe("createWhatsAppSender", () => {
  it("sends each delivery through the transport its destination names", async () => {
    const calls: string[] = [];
    const sender = createWhatsAppSender({ cloud: recording("cloud", calls), web: recording("web", calls) });
    await sender.send(delivery(1, "web"));
    await sender.send(delivery(2, "cloud"));
    expect(calls).toEqual(["web:1", "cloud:2"]);
  });

  it("fails permanently when the transport is not configured", async () => {
    const sender = createWhatsAppSender({ cloud: recording("cloud", []), web: null });
    const error: unknown = await sender.send(delivery(1, "web")).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error instanceof ProviderError && error.failure.kind).toBe("permanent");
  });
});
