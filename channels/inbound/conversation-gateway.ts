/**
 * The conversation gateway: where every channel's inbound message becomes the same conversation
 * turn as `bizos ask`, and its answer a message in the outbox.
 *
 * For each message: handled once per provider event id (retries and duplicates stop here) → the
 * sender resolved to a member and workspace (an unknown sender gets one polite reply in their
 * language and nothing else) → the member's window on the channel noted (held WhatsApp messages
 * are released) → the per-member rate limit → the conversation and the message recorded → the
 * turn run with the member's access → the answer and its tool results' summaries recorded (the
 * memory indexer embeds them) and the answer queued for delivery.
 */
import { randomUUID } from "node:crypto";
import { tokenize } from "../../agents/models/offline/understanding/normalize.ts";
import { detectLanguage } from "../../agents/models/offline/understanding/language.ts";
import type { Language } from "../../agents/shared/language.ts";
import type { ConversationRuntime, TurnResult } from "../../agents/turn-types.ts";
import type { Db } from "../../db/database.ts";
import { countMemberMessagesSince, findConversation, recordMessage, recordTurnMessages, touchIdentity, upsertConversation, type ConversationRef } from "../../db/repositories/conversations.ts";
import { claimInboundEvent } from "../../db/repositories/inbound-events.ts";
import { findMemberByIdentity } from "../../db/repositories/members.ts";
import { enqueueOutbox, releaseHeld } from "../../db/repositories/outbox.ts";
import { findWorkspaceById } from "../../db/repositories/workspaces.ts";
import type { Member, Workspace } from "../../db/schema/core.ts";
import { accessFor } from "../../engines/access/roles.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { DeliveryScheduler } from "../outbound/delivery-scheduler.ts";
import { outboundFromTurn } from "../outbound/from-turn.ts";
import { textMessage, type OutboundMessage } from "../outbound/outbound-message.ts";
import type { Destination } from "../outbound/recipients.ts";
import type { ActionRouter } from "./action-router.ts";
import { gatewayReply, type GatewayReply } from "./gateway-replies.ts";
import { answeredTurn } from "./turn-record.ts";
import type { ActionEvent, InboundHandler, InboundMessage, InboundOutcome } from "./inbound-message.ts";

const RATE_WINDOW_MS = 60_000;

export interface GatewayOptions {
  readonly db: Db;
  readonly runtime: ConversationRuntime;
  readonly scheduler: DeliveryScheduler;
  readonly actions: ActionRouter;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Messages a member may send a minute before a polite wait reply. */
  readonly memberMessagesPerMinute: number;
  /**
   * Replies that are decisions, not questions ("SI 4F2K"): answered before any turn runs, so the
   * model never sees (or makes) an approval. Null: not one of those, the turn answers it.
   */
  readonly decisions?: (input: DecisionInput) => Promise<OutboundMessage | null>;
}

export interface DecisionInput {
  readonly member: Member;
  readonly workspace: Workspace;
  readonly message: InboundMessage;
  /** The conversation's thread key (an email reply to an approval request names its proposal). */
  readonly threadKey: string;
}

interface Sender {
  readonly member: Member;
  readonly workspace: Workspace;
}

/** The language of a short text from someone we do not know: their words, or English. */
function languageOf(text: string, fallback: Language): Language {
  return detectLanguage(tokenize(text), fallback);
}

export function createConversationGateway(options: GatewayOptions): InboundHandler {
  const { db, clock, logger } = options;

  async function queue(input: {
    readonly sender: Sender | null;
    readonly destination: Destination;
    readonly message: OutboundMessage;
    readonly key: string;
  }): Promise<number> {
    const { id } = await enqueueOutbox(db, {
      workspaceId: input.sender?.workspace.id ?? null,
      memberId: input.sender?.member.id ?? null,
      destination: input.destination,
      message: input.message,
      kind: "reply",
      idempotencyKey: input.key,
      // Due by the gateway's clock (the same clock the deliverer reads), not the database's.
      notBefore: clock.now(),
    });
    await options.scheduler.schedule([id]);
    return id;
  }

  const replyKey = (channel: string, eventId: string, what: string) => `${channel}:${eventId}:${what}`;

  /** Who wrote, with the side effects of their writing: their window noted, their held messages released. */
  async function resolveSender(channel: InboundMessage["channel"], address: string, at: Date): Promise<Sender | null> {
    const member = await findMemberByIdentity(db, channel, address);
    if (!member) return null;
    const workspace = await findWorkspaceById(db, member.workspace_id);
    if (!workspace) return null;
    await touchIdentity(db, { workspaceId: workspace.id, memberId: member.id, channel, at });
    const released = await releaseHeld(db, { workspaceId: workspace.id, memberId: member.id, channel }, at);
    if (released.length > 0) {
      logger.info("released held messages", { workspace: workspace.slug, member: member.id, channel, count: released.length });
      await options.scheduler.schedule(released);
    }
    return { member, workspace };
  }

  async function shortReply(reply: GatewayReply, language: Language, sender: Sender | null, destination: Destination, key: string): Promise<number> {
    return queue({ sender, destination, message: textMessage(gatewayReply(reply, language), language), key });
  }

  async function overLimit(sender: Sender, now: Date): Promise<boolean> {
    const since = new Date(now.getTime() - RATE_WINDOW_MS);
    return (await countMemberMessagesSince(db, sender.workspace.id, sender.member.id, since)) >= options.memberMessagesPerMinute;
  }

  async function conversationFor(sender: Sender, message: InboundMessage, now: Date): Promise<ConversationRef | null> {
    if (message.conversationId !== null) {
      // A signed email reply token names the conversation; it must be the sender's own workspace.
      return (await findConversation(db, sender.workspace.id, message.conversationId)) ?? null;
    }
    return upsertConversation(db, { workspaceId: sender.workspace.id, memberId: sender.member.id, channel: message.channel, threadKey: message.threadKey, at: now });
  }

  /** The answer's destination: an email reply names its conversation so the next reply comes back to it. */
  function destinationFor(destination: Destination, conversation: ConversationRef): Destination {
    return destination.channel === "email" ? { ...destination, conversationId: conversation.id } : destination;
  }

  async function runTurn(sender: Sender, message: InboundMessage, conversation: ConversationRef, now: Date): Promise<TurnResult> {
    return options.runtime.runTurn({
      workspace: sender.workspace,
      text: message.text,
      thread: `${message.channel}:${conversation.threadKey}`,
      now,
      access: accessFor(sender.member.role, sender.workspace.settings),
      actor: { memberId: sender.member.id, channel: message.channel },
    });
  }

  return {
    async handleMessage(message) {
      const now = clock.now();
      if (!(await claimInboundEvent(db, message.channel, message.eventId, now))) return { status: "duplicate" };
      const sender = await resolveSender(message.channel, message.sender, now);
      if (!sender) {
        logger.info("message from an unknown sender", { channel: message.channel });
        const language = languageOf(message.text, "en");
        return { status: "unknown_sender", outboxId: await shortReply("unknown_sender", language, null, message.destination, replyKey(message.channel, message.eventId, "unknown")) };
      }
      const language = languageOf(message.text, sender.member.language);
      const key = (what: string) => replyKey(message.channel, message.eventId, what);
      if (await overLimit(sender, now)) {
        logger.warn("member over the message rate limit", { workspace: sender.workspace.slug, member: sender.member.id, channel: message.channel });
        return { status: "rate_limited", outboxId: await shortReply("rate_limited", language, sender, message.destination, key("limit")) };
      }
      const conversation = await conversationFor(sender, message, now);
      if (!conversation) {
        logger.warn("reply token names a conversation outside the sender's workspace", { workspace: sender.workspace.slug, member: sender.member.id });
        return { status: "ignored", reason: "the conversation is not in the sender's workspace" };
      }
      const base = { workspaceId: sender.workspace.id, conversationId: conversation.id, memberId: sender.member.id, at: now };
      await recordMessage(db, { ...base, role: "user", content: message.text, language: null, metadata: { channel: message.channel, eventId: message.eventId } });
      const destination = destinationFor(message.destination, conversation);
      if (message.text.trim().length === 0) {
        await shortReply("not_text", sender.member.language, sender, destination, key("not-text"));
        return { status: "ignored", reason: "not a text message" };
      }
      const decision = options.decisions ? await options.decisions({ member: sender.member, workspace: sender.workspace, message, threadKey: conversation.threadKey }) : null;
      if (decision !== null) {
        await recordMessage(db, { ...base, at: clock.now(), role: "assistant", content: decision.text, language: decision.language, metadata: { kind: "decision" } });
        return { status: "acted", actionId: "decision-reply", outboxId: await queue({ sender, destination, message: decision, key: key("decision") }) };
      }
      let result: TurnResult;
      try {
        result = await runTurn(sender, message, conversation, now);
      } catch (error) {
        const reference = randomUUID().slice(0, 8);
        logger.error("conversation turn failed", { error, reference, workspace: sender.workspace.slug, channel: message.channel });
        return { status: "failed", outboxId: await shortReply("turn_failed", language, sender, destination, key("failed")), error: reference };
      }
      await recordTurnMessages(db, { ...base, question: null, ...answeredTurn(result, clock.now()) });
      const outboxId = await queue({ sender, destination, message: outboundFromTurn(result, { currency: sender.workspace.currency }), key: key("reply") });
      return { status: "answered", outboxId, result };
    },

    async handleAction(action: ActionEvent): Promise<InboundOutcome> {
      const now = clock.now();
      if (!(await claimInboundEvent(db, action.channel, action.eventId, now))) return { status: "duplicate" };
      const sender = await resolveSender(action.channel, action.sender, now);
      const key = (what: string) => replyKey(action.channel, action.eventId, what);
      if (!sender) {
        const language = languageOf(action.value ?? "", "en");
        return { status: "unknown_sender", outboxId: await shortReply("unknown_sender", language, null, action.destination, key("unknown")) };
      }
      const handler = options.actions.find(action.actionId);
      if (!handler) {
        await shortReply("action_expired", sender.member.language, sender, action.destination, key("expired"));
        return { status: "ignored", reason: `no handler for action ${action.actionId}` };
      }
      const reply = await handler({ action, member: sender.member, workspace: sender.workspace, access: accessFor(sender.member.role, sender.workspace.settings) });
      const outboxId = reply === null ? null : await queue({ sender, destination: action.destination, message: reply, key: key("action") });
      return { status: "acted", actionId: action.actionId, outboxId };
    },
  };
}
