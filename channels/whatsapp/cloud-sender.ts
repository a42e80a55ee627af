/**
 * Sends outbox messages over the WhatsApp Cloud API. Inside the 24-hour customer-service window
 * (the person wrote in the last 24 hours) a message goes out free-form: text split into parts of at
 * most 4,096 characters, a chart as an uploaded PNG with its title as caption, reply buttons as an
 * interactive message that closes the sequence. Outside it, only an approved template may be sent:
 * the text goes as the template's one parameter, or, with no template configured, the message is
 * held until the person writes again. The API's 131047 refusal ("more than 24 hours") on a
 * free-form send is handled the same way.
 */
import type { WhatsAppCloudSettings } from "../../config/channels-schema.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import type { ChannelSender, Delivery, SendOutcome } from "../outbound/channel-sender.ts";
import type { ChartSpec, OutboundMessage } from "../outbound/outbound-message.ts";
import type { WhatsAppDestination } from "../outbound/recipients.ts";
import type { WhatsAppGraphApi, WhatsAppOutgoingMessage } from "./graph-api.ts";
import { isReengagementError } from "./graph-errors.ts";
import { whatsappText } from "./message-text.ts";
import { splitText } from "./split-text.ts";
import { templateLanguageFor, templateMessage } from "./template-message.ts";

/** How long after the person's last message we may write free-form. */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;
const INTERACTIVE_BODY_LIMIT = 1024;
const CAPTION_LIMIT = 1024;

export interface WhatsAppCloudSenderOptions {
  readonly api: WhatsAppGraphApi;
  readonly settings: Pick<WhatsAppCloudSettings, "template">;
  readonly renderChart: (spec: ChartSpec) => Buffer;
  readonly clock: Clock;
  readonly logger: Logger;
}

export function createWhatsAppCloudSender({ api, settings, renderChart, clock, logger }: WhatsAppCloudSenderOptions): ChannelSender<WhatsAppDestination> {
  async function sendTemplateOrHold(delivery: Delivery<WhatsAppDestination>, why: string): Promise<SendOutcome> {
    const template = settings.template;
    if (template === null) {
      logger.info("whatsapp message held: outside the 24-hour window and no template", { outboxId: delivery.outboxId, why });
      return { status: "held", reason: `${why}; no template is configured (WHATSAPP_TEMPLATE), so it waits for the person's next message` };
    }
    const { message } = delivery;
    if (message.buttons.length > 0 || message.chart !== null) {
      logger.info("whatsapp template carries the text only: buttons and chart are left out", { outboxId: delivery.outboxId });
    }
    const languageCode = template.language ?? templateLanguageFor(delivery.memberLanguage);
    const sent = await api.sendMessage(templateMessage(digits(delivery.destination), { name: template.name, languageCode }, whatsappText(message)));
    return { status: "sent", providerMessageId: sent.messageId };
  }

  /** Renders and uploads the chart; without one when it cannot be drawn (the text carries the figures). */
  async function uploadChart(delivery: Delivery<WhatsAppDestination>): Promise<string | null> {
    const chart = delivery.message.chart;
    if (chart === null) return null;
    let png: Buffer;
    try {
      png = renderChart(chart);
    } catch (error) {
      logger.warn("whatsapp chart could not be drawn; sending the text without it", { outboxId: delivery.outboxId, error });
      return null;
    }
    return api.uploadMedia(png, "image/png", "chart.png");
  }

  return {
    channel: "whatsapp",
    async send(delivery) {
      const { destination } = delivery;
      if (destination.transport !== "cloud") {
        throw new ProviderError("whatsapp", { kind: "permanent" }, `the Cloud API sender was given a "${destination.transport}" destination`);
      }
      if (isOutsideWindow(delivery, clock.now())) {
        const why = delivery.lastInboundAt === null ? "the person has never written on WhatsApp" : "the person last wrote more than 24 hours ago";
        return sendTemplateOrHold(delivery, why);
      }
      // Upload first: a failed upload then retries before any part has gone out twice.
      const mediaId = await uploadChart(delivery);
      const messages = freeFormMessages(delivery.message, digits(destination), mediaId, destination.replyToMessageId);
      let firstId: string | null = null;
      try {
        for (const message of messages) {
          const sent = await api.sendMessage(message);
          firstId ??= sent.messageId;
        }
      } catch (error) {
        // The window closed before Meta saw our first part: the template (or holding) still works.
        if (firstId === null && isReengagementError(error)) return sendTemplateOrHold(delivery, "WhatsApp refused a free-form message (131047: more than 24 hours since the person last wrote)");
        throw error;
      }
      return { status: "sent", providerMessageId: firstId };
    },
  };
}

function isOutsideWindow(delivery: Delivery<WhatsAppDestination>, now: Date): boolean {
  if (delivery.kind === "reply") return false;
  return delivery.lastInboundAt === null || now.getTime() - delivery.lastInboundAt.getTime() >= CUSTOMER_SERVICE_WINDOW_MS;
}

function digits(destination: WhatsAppDestination): string {
  return destination.to.replace(/^\+/, "");
}

/**
 * The messages in the order they go out: text parts, then the chart, then (with buttons) the last
 * part as the interactive message's body, so the buttons sit at the bottom of the conversation.
 * Only the first quotes the message being answered.
 */
function freeFormMessages(message: OutboundMessage, to: string, chartMediaId: string | null, replyToMessageId: string | null): WhatsAppOutgoingMessage[] {
  const parts = splitText(whatsappText(message));
  const textParts = message.buttons.length > 0 ? parts.slice(0, -1) : parts;
  const messages: WhatsAppOutgoingMessage[] = [];
  let interactiveBody: string | null = null;
  if (message.buttons.length > 0) {
    const bodyParts = splitText(parts.at(-1) ?? "", INTERACTIVE_BODY_LIMIT);
    interactiveBody = bodyParts.pop() ?? null;
    textParts.push(...bodyParts);
  }
  for (const body of textParts) messages.push({ to, type: "text", text: { body, preview_url: false } });
  if (chartMediaId !== null && message.chart !== null) {
    messages.push({ to, type: "image", image: { id: chartMediaId, caption: message.chart.title.slice(0, CAPTION_LIMIT) } });
  }
  if (interactiveBody !== null) {
    const buttons = message.buttons.map((button) => ({ type: "reply" as const, reply: { id: button.id, title: button.title } }));
    messages.push({ to, type: "interactive", interactive: { type: "button", body: { text: interactiveBody }, action: { buttons } } });
  }
  const [first, ...rest] = messages;
  if (first === undefined) throw new ProviderError("whatsapp", { kind: "permanent" }, "the message has no text to send");
  return replyToMessageId === null ? messages : [{ ...first, context: { message_id: replyToMessageId } }, ...rest];
}
