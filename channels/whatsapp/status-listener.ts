/**
 * What the WhatsApp Cloud webhook reports about messages we sent: sent, delivered, read or failed.
 * The delivery side implements StatusListener; a failure such as 131047 (more than 24 hours since
 * the person last wrote) arrives here after the API had already accepted the message, so delivery
 * can re-send it as a template or hold it.
 */

export const WHATSAPP_STATUSES = ["sent", "delivered", "read", "failed"] as const;
export type WhatsAppStatus = (typeof WHATSAPP_STATUSES)[number];

export interface WhatsAppStatusUpdate {
  /** The wamid the Graph API returned when we sent the message (the outbox's provider_message_id). */
  readonly providerMessageId: string;
  readonly status: WhatsAppStatus;
  /** E.164, e.g. +5215512345678. */
  readonly recipient: string;
  /** Failed only: Meta's error code (131047 re-engagement, 131026 undeliverable…); null otherwise. */
  readonly errorCode: number | null;
  readonly errorTitle: string | null;
  readonly at: Date;
}

export interface StatusListener {
  onStatus(update: WhatsAppStatusUpdate): Promise<void>;
}
