/**
 * Sends outbox messages through the whatsapp-web.js session: the text in parts of at most 4,096
 * characters, then the chart as an image. WhatsApp Web has no reply buttons, so their titles are
 * listed under the text for the person to type. There is no 24-hour window on this transport: it
 * is the owner's own phone number. Fails as transient while the session is not ready, so delivery
 * retries once it reconnects.
 */
import { z } from "zod";
import type { Language } from "../../agents/shared/language.ts";
import { assertNever } from "../../lib/assert-never.ts";
import type { Logger } from "../../lib/logger.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import type { ChannelSender } from "../outbound/channel-sender.ts";
import type { ChartSpec, OutboundMessage } from "../outbound/outbound-message.ts";
import type { WhatsAppDestination } from "../outbound/recipients.ts";
import { whatsappText } from "../whatsapp/message-text.ts";
import { splitText } from "../whatsapp/split-text.ts";
import type { WhatsAppWebAdapter, WhatsAppWebClient, WhatsAppWebMedia } from "./adapter.ts";

export interface WhatsAppWebSenderOptions {
  readonly adapter: Pick<WhatsAppWebAdapter, "readyClient" | "status">;
  /** Builds whatsapp-web.js media from a PNG (real-client.ts: MessageMedia). */
  readonly toMedia: (png: Buffer, filename: string) => WhatsAppWebMedia;
  readonly renderChart: (spec: ChartSpec) => Buffer;
  readonly logger: Logger;
}

const sentMessageSchema = z.object({ id: z.object({ _serialized: z.string().min(1) }) });

function replyWith(language: Language): string {
  switch (language) {
    case "en":
      return "Reply with";
    case "es":
      return "Responde";
    case "pt":
      return "Responda";
    default:
      return assertNever(language, "language");
  }
}

/** The text with the button titles to type, since WhatsApp Web cannot show buttons. */
export function webText(message: OutboundMessage): string {
  const text = whatsappText(message);
  if (message.buttons.length === 0) return text;
  return `${text}\n\n${replyWith(message.language)}: ${message.buttons.map((button) => `*${button.title}*`).join(" / ")}`;
}

export function createWhatsAppWebSender({ adapter, toMedia, renderChart, logger }: WhatsAppWebSenderOptions): ChannelSender<WhatsAppDestination> {
  async function send(client: WhatsAppWebClient, chatId: string, content: string | WhatsAppWebMedia, options?: { caption: string }): Promise<string | null> {
    let result: unknown;
    try {
      result = await client.sendMessage(chatId, content, options);
    } catch (error) {
      // Puppeteer and page errors (a closed session, a page reload) say nothing about the message itself.
      throw new ProviderError("whatsapp-web", { kind: "transient" }, `sendMessage failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const sent = sentMessageSchema.safeParse(result);
    return sent.success ? sent.data.id._serialized : null;
  }

  function chartMedia(message: OutboundMessage, outboxId: number): { readonly media: WhatsAppWebMedia; readonly caption: string } | null {
    if (message.chart === null) return null;
    try {
      return { media: toMedia(renderChart(message.chart), "chart.png"), caption: message.chart.title };
    } catch (error) {
      logger.warn("whatsapp-web chart could not be drawn; sending the text without it", { outboxId, error });
      return null;
    }
  }

  return {
    channel: "whatsapp",
    async send(delivery) {
      const { destination, message } = delivery;
      if (destination.transport !== "web") {
        throw new ProviderError("whatsapp-web", { kind: "permanent" }, `the WhatsApp Web sender was given a "${destination.transport}" destination`);
      }
      const client = adapter.readyClient();
      if (client === null) throw new ProviderError("whatsapp-web", { kind: "transient" }, `the WhatsApp Web session is not ready (${adapter.status})`);
      const chatId = `${destination.to.replace(/^\+/, "")}@c.us`;
      const chart = chartMedia(message, delivery.outboxId);
      let firstId: string | null = null;
      for (const part of splitText(webText(message))) {
        const id = await send(client, chatId, part);
        firstId ??= id;
      }
      if (chart !== null) {
        const id = await send(client, chatId, chart.media, { caption: chart.caption });
        firstId ??= id;
      }
      return { status: "sent", providerMessageId: firstId };
    },
  };
}
