/**
 * Where a message we send first (an approval request, an alert, a digest) goes on each channel:
 * WhatsApp by phone, Slack to the app's direct messages with the member, email as a new thread.
 * An email may name a thread key: replies then come back to that conversation (an approval's "yes"
 * needs no code); without one they start a new conversation.
 */
import type { Db } from "../../db/database.ts";
import { upsertConversation } from "../../db/repositories/conversations.ts";
import type { IdentityChannel } from "../../db/schema/core.ts";
import type { Destination } from "./recipients.ts";

export interface ProactiveAddress {
  readonly workspaceId: number;
  readonly memberId: number;
  readonly channel: IdentityChannel;
  /** The member's identity on that channel (E.164 phone, Slack user id, email address). */
  readonly address: string;
}

export interface ProactiveOptions {
  /** How WhatsApp messages leave: the Cloud API or the whatsapp-web.js session. */
  readonly whatsappTransport: "cloud" | "web";
  /** Email only: the conversation replies belong to. */
  readonly emailThreadKey?: string;
  readonly at: Date;
}

export async function proactiveDestination(db: Db, to: ProactiveAddress, options: ProactiveOptions): Promise<Destination> {
  switch (to.channel) {
    case "whatsapp":
      return { channel: "whatsapp", to: to.address, transport: options.whatsappTransport, replyToMessageId: null };
    case "slack":
      // A user id as the channel posts to the app's direct messages with them.
      return { channel: "slack", channelId: to.address, threadTs: null, responseUrl: null };
    case "email": {
      if (options.emailThreadKey === undefined) return { channel: "email", to: to.address, inReplyTo: null, references: [], subject: null, conversationId: null };
      const conversation = await upsertConversation(db, { workspaceId: to.workspaceId, memberId: to.memberId, channel: "email", threadKey: options.emailThreadKey, at: options.at });
      return { channel: "email", to: to.address, inReplyTo: null, references: [], subject: null, conversationId: conversation.id };
    }
  }
}
