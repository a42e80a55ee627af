/**
 * What an outbox row's payload holds for delivery: the channel destination and the channel-neutral
 * message. Checked on every read, because a row may outlive the code that wrote it.
 */
import { z } from "zod";
import { outboundMessageSchema } from "../../channels/outbound/outbound-message.ts";
import { destinationSchema } from "../../channels/outbound/recipients.ts";

export const outboxPayloadSchema = z.object({ destination: destinationSchema, message: outboundMessageSchema });
export type OutboxPayload = z.infer<typeof outboxPayloadSchema>;
