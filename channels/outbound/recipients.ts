/**
 * Where an outbox message goes, per channel: the outbox keeps it as `recipient` (the address) plus
 * this object inside the payload, so each sender knows the thread or the reply headers.
 */
import { z } from "zod";

export const slackDestinationSchema = z.object({
  channel: z.literal("slack"),
  /** Conversation id (C…, D…, G…) for chat.postMessage; ignored when responseUrl is set. */
  channelId: z.string().min(1),
  /** Reply in this thread; null: a new message in the channel. */
  threadTs: z.string().nullable(),
  /** A slash command's response_url: the answer is posted there instead of chat.postMessage. */
  responseUrl: z.string().url().nullable(),
});

export const whatsappDestinationSchema = z.object({
  channel: z.literal("whatsapp"),
  /** E.164 phone number, e.g. +5215512345678. */
  to: z.string().regex(/^\+[1-9]\d{7,14}$/),
  /** cloud: WhatsApp Cloud API; web: the whatsapp-web.js session in this process. */
  transport: z.enum(["cloud", "web"]),
  /** The inbound message this answers (Cloud API context.message_id shows it as a quoted reply). */
  replyToMessageId: z.string().nullable(),
});

export const emailDestinationSchema = z.object({
  channel: z.literal("email"),
  to: z.string().email(),
  /** Message-ID this answers (In-Reply-To); null for a new thread such as a digest. */
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  /** The subject of the mail this answers: the answer keeps it ("Re: …") so mail clients thread it; null for a new thread. */
  subject: z.string().nullable(),
  /** The conversation replies should come back to (signed into the Reply-To address); null: replies start a new one. */
  conversationId: z.number().int().positive().nullable(),
});

export const destinationSchema = z.discriminatedUnion("channel", [slackDestinationSchema, whatsappDestinationSchema, emailDestinationSchema]);
export type Destination = z.infer<typeof destinationSchema>;
export type SlackDestination = z.infer<typeof slackDestinationSchema>;
export type WhatsAppDestination = z.infer<typeof whatsappDestinationSchema>;
export type EmailDestination = z.infer<typeof emailDestinationSchema>;
export type OutboundChannel = Destination["channel"];
