/**
 * GET/POST /whatsapp/webhook for the WhatsApp Cloud API, mounted in our node:http server.
 *
 * GET is Meta's verification handshake: echo hub.challenge when hub.verify_token is ours.
 * POST must carry a valid X-Hub-Signature-256 (401 otherwise, and nothing runs). It is answered 200
 * at once, because Meta retries deliveries that are slow to answer, and processed in the background
 * (`idle()` waits for that, for tests and graceful shutdown). A handler failure is logged: Meta
 * would not send the message again anyway once it has its 200.
 *
 * - A text message becomes an InboundMessage for the gateway.
 * - A reply button (interactive button_reply) or a template's quick-reply button becomes an
 *   ActionEvent (handleAction) with the button's id.
 * - Any other message (image, audio, location, sticker, "unsupported"…) becomes an InboundMessage
 *   with empty text, so the gateway answers that only text is understood. Reactions and system
 *   notices are the exception: they are not messages to answer, so they are dropped.
 * - Statuses of the messages we sent (sent, delivered, read, failed) go to the StatusListener.
 * - Changes for another phone number of the business account, and other webhook fields
 *   (template reviews, account updates), are ignored.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { WhatsAppCloudSettings } from "../../config/channels-schema.ts";
import { assertNever } from "../../lib/assert-never.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { InboundHandler, InboundMessage, InboundOutcome } from "../inbound/inbound-message.ts";
import type { WhatsAppDestination } from "../outbound/recipients.ts";
import type { StatusListener } from "./status-listener.ts";
import { incomingMessageSchema, messagesValueSchema, messageStatusSchema, webhookEnvelopeSchema, type IncomingWhatsAppMessage } from "./webhook-payload.ts";
import { isValidWhatsAppSignature, safeEqual } from "./webhook-signature.ts";

/** What a message and a button click share. */
type EventCommon = Pick<InboundMessage, "channel" | "eventId" | "sender" | "threadKey" | "destination" | "receivedAt">;

/** Message types that are not someone writing to us. */
const NOT_ANSWERED_TYPES = new Set(["reaction", "system"]);

export interface WhatsAppWebhookOptions {
  readonly settings: Pick<WhatsAppCloudSettings, "verifyToken" | "appSecret" | "phoneNumberId">;
  readonly handler: InboundHandler;
  readonly statuses: StatusListener;
  readonly clock: Clock;
  readonly logger: Logger;
}

export interface WhatsAppWebhook {
  /** Answers one request to the webhook path; rawBody is the unparsed request body (empty for GET). */
  handle(req: IncomingMessage, res: ServerResponse, rawBody: Buffer): Promise<void>;
  /** Resolves when every payload accepted so far has been processed. */
  idle(): Promise<void>;
}

export function createWhatsAppWebhook({ settings, handler, statuses, clock, logger }: WhatsAppWebhookOptions): WhatsAppWebhook {
  const pending = new Set<Promise<void>>();

  function verify(req: IncomingMessage, res: ServerResponse): void {
    const query = new URL(req.url ?? "/", "http://localhost").searchParams;
    const token = query.get("hub.verify_token");
    const challenge = query.get("hub.challenge");
    if (query.get("hub.mode") !== "subscribe" || token === null || !safeEqual(token, settings.verifyToken)) {
      logger.warn("whatsapp webhook verification refused: wrong mode or verify token");
      return reply(res, 403, "Forbidden");
    }
    if (!challenge) return reply(res, 400, "hub.challenge is missing");
    logger.info("whatsapp webhook verified");
    reply(res, 200, challenge);
  }

  async function processPayload(rawBody: Buffer): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(rawBody.toString("utf8"));
    } catch {
      logger.warn("whatsapp webhook body is not JSON; ignored");
      return;
    }
    const envelope = webhookEnvelopeSchema.safeParse(json);
    if (!envelope.success || envelope.data.object !== "whatsapp_business_account") {
      logger.warn("whatsapp webhook payload not understood; ignored", { issues: envelope.error?.issues.slice(0, 3) });
      return;
    }
    for (const entry of envelope.data.entry) {
      for (const change of entry.changes) {
        if (change.field !== "messages") {
          logger.debug("whatsapp webhook change ignored", { field: change.field });
          continue;
        }
        const value = messagesValueSchema.safeParse(change.value);
        if (!value.success) {
          logger.warn("whatsapp messages change not understood; ignored", { issues: value.error.issues.slice(0, 3) });
          continue;
        }
        if (value.data.metadata.phone_number_id !== settings.phoneNumberId) {
          logger.debug("whatsapp change for another phone number ignored", { phoneNumberId: value.data.metadata.phone_number_id });
          continue;
        }
        // In order: one person's messages arrive together and should reach the gateway in turn.
        for (const item of value.data.messages ?? []) await processMessage(item);
        for (const item of value.data.statuses ?? []) await processStatus(item);
      }
    }
  }

  async function processMessage(item: unknown): Promise<void> {
    const parsed = incomingMessageSchema.safeParse(item);
    if (!parsed.success) {
      logger.warn("whatsapp message not understood; ignored", { issues: parsed.error.issues.slice(0, 3) });
      return;
    }
    const message = parsed.data;
    const phone = `+${message.from}`;
    const destination: WhatsAppDestination = { channel: "whatsapp", to: phone, transport: "cloud", replyToMessageId: message.wamid };
    const common: EventCommon = { channel: "whatsapp", eventId: message.wamid, sender: phone, threadKey: phone, destination, receivedAt: message.sentAt ?? clock.now() };
    try {
      const outcome = await dispatch(message, common);
      if (outcome !== null) logger.debug("whatsapp message handled", { eventId: message.wamid, status: outcome.status });
    } catch (error) {
      logger.error("whatsapp message handling failed", { eventId: message.wamid, error });
    }
  }

  async function dispatch(message: IncomingWhatsAppMessage, common: EventCommon): Promise<InboundOutcome | null> {
    switch (message.kind) {
      case "text":
        return handler.handleMessage({ ...common, text: message.text, conversationId: null });
      case "button":
        return handler.handleAction({ ...common, actionId: message.buttonId, value: message.title || null });
      case "other":
        if (NOT_ANSWERED_TYPES.has(message.type)) {
          logger.debug("whatsapp message not answered", { eventId: message.wamid, type: message.type });
          return null;
        }
        return handler.handleMessage({ ...common, text: "", conversationId: null });
      default:
        return assertNever(message, "whatsapp message kind");
    }
  }

  async function processStatus(item: unknown): Promise<void> {
    const parsed = messageStatusSchema.safeParse(item);
    if (!parsed.success) {
      logger.debug("whatsapp status not understood; ignored", { issues: parsed.error.issues.slice(0, 3) });
      return;
    }
    const status = parsed.data;
    try {
      await statuses.onStatus({
        providerMessageId: status.wamid,
        status: status.status,
        recipient: `+${status.recipientId}`,
        errorCode: status.error?.code ?? null,
        errorTitle: status.error?.title ?? null,
        at: status.at ?? clock.now(),
      });
    } catch (error) {
      logger.error("whatsapp status handling failed", { providerMessageId: status.wamid, status: status.status, error });
    }
  }

  function accept(req: IncomingMessage, res: ServerResponse, rawBody: Buffer): void {
    if (req.method === "GET") return verify(req, res);
    if (req.method !== "POST") {
      res.setHeader("allow", "GET, POST");
      return reply(res, 405, "Method Not Allowed");
    }
    const header = req.headers["x-hub-signature-256"];
    if (!isValidWhatsAppSignature(settings.appSecret, rawBody, typeof header === "string" ? header : undefined)) {
      logger.warn("whatsapp webhook signature missing or wrong; refused");
      return reply(res, 401, "Invalid signature");
    }
    reply(res, 200, "OK");
    const work = processPayload(rawBody).catch((error: unknown) => logger.error("whatsapp webhook processing failed", { error }));
    pending.add(work);
    void work.finally(() => pending.delete(work));
  }

  return {
    handle(req, res, rawBody) {
      accept(req, res, rawBody);
      return Promise.resolve();
    },
    async idle() {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}

function reply(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end(body);
}
