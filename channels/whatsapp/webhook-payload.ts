/**
 * The parts of Meta's WhatsApp Cloud webhook payload we act on, parsed with zod: incoming messages
 * (text, reply-button clicks, template quick replies, anything else) and the statuses of messages
 * we sent. Each message and status is parsed on its own, so one unexpected item does not lose the
 * others in the same delivery.
 */
import { z } from "zod";
import { WHATSAPP_STATUSES, type WhatsAppStatus } from "./status-listener.ts";

export const webhookEnvelopeSchema = z.object({
  object: z.string(),
  entry: z.array(
    z.object({
      id: z.string(),
      changes: z.array(z.object({ field: z.string(), value: z.unknown() })),
    }),
  ),
});

/** The value of a change whose field is "messages". */
export const messagesValueSchema = z.object({
  messaging_product: z.literal("whatsapp"),
  metadata: z.object({ display_phone_number: z.string(), phone_number_id: z.string() }),
  contacts: z.array(z.object({ wa_id: z.string(), profile: z.object({ name: z.string() }).optional() })).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
});

/** A phone number as the webhook writes it: digits with the country code, no "+". */
const phoneDigits = z.string().regex(/^[1-9]\d{7,14}$/, "must be a phone number in digits (8 to 15)");
/** Unix seconds as a string; absent or unreadable: null (the receiver's clock stands in). */
const unixSeconds = z
  .string()
  .regex(/^\d+$/)
  .transform((seconds) => new Date(Number(seconds) * 1000))
  .optional()
  .catch(undefined)
  .transform((date) => date ?? null);

const messageBase = z.object({ id: z.string().min(1), from: phoneDigits, timestamp: unixSeconds, type: z.string() });

interface IncomingBase {
  readonly wamid: string;
  readonly from: string;
  readonly sentAt: Date | null;
}

export type IncomingWhatsAppMessage =
  | (IncomingBase & { readonly kind: "text"; readonly text: string })
  /** A reply button (interactive button_reply) or a template's quick-reply button. */
  | (IncomingBase & { readonly kind: "button"; readonly buttonId: string; readonly title: string })
  /** Images, audio, locations, stickers, "unsupported"…: the product understands text only. */
  | (IncomingBase & { readonly kind: "other"; readonly type: string });

const base = (message: z.infer<typeof messageBase>): IncomingBase => ({ wamid: message.id, from: message.from, sentAt: message.timestamp });

export const incomingMessageSchema: z.ZodType<IncomingWhatsAppMessage, unknown> = z.union([
  messageBase.extend({ type: z.literal("text"), text: z.object({ body: z.string() }) }).transform((message) => ({ ...base(message), kind: "text" as const, text: message.text.body })),
  messageBase
    .extend({
      type: z.literal("interactive"),
      interactive: z.object({ type: z.literal("button_reply"), button_reply: z.object({ id: z.string().min(1), title: z.string() }) }),
    })
    .transform((message) => ({ ...base(message), kind: "button" as const, buttonId: message.interactive.button_reply.id, title: message.interactive.button_reply.title })),
  messageBase
    .extend({ type: z.literal("button"), button: z.object({ payload: z.string().min(1), text: z.string() }) })
    .transform((message) => ({ ...base(message), kind: "button" as const, buttonId: message.button.payload, title: message.button.text })),
  messageBase.transform((message) => ({ ...base(message), kind: "other" as const, type: message.type })),
]);

export interface SentMessageStatus {
  readonly wamid: string;
  readonly status: WhatsAppStatus;
  readonly recipientId: string;
  readonly at: Date | null;
  readonly error: { readonly code: number; readonly title: string } | null;
}

export const messageStatusSchema: z.ZodType<SentMessageStatus, unknown> = z
  .object({
    id: z.string().min(1),
    status: z.enum(WHATSAPP_STATUSES),
    timestamp: unixSeconds,
    recipient_id: phoneDigits,
    errors: z.array(z.object({ code: z.number().int(), title: z.string(), message: z.string().optional() })).optional(),
  })
  .transform((status) => {
    const first = status.errors?.[0];
    return {
      wamid: status.id,
      status: status.status,
      recipientId: status.recipient_id,
      at: status.timestamp,
      error: first ? { code: first.code, title: first.title } : null,
    };
  });
