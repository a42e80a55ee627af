/**
 * What the Slack app listens to, and how each request becomes an InboundMessage or ActionEvent for
 * the gateway: @mentions in channels, direct messages, the /ask slash command and button clicks.
 * Listeners ack first and never wait for the gateway: a turn takes longer than Slack's 3 seconds.
 */
import type { App } from "@slack/bolt";
import { z } from "zod";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { ActionEvent, InboundHandler, InboundMessage, InboundOutcome } from "../inbound/inbound-message.ts";
import type { SlackDestination } from "../outbound/recipients.ts";
import {
  appMentionEventSchema,
  blockActionsSchema,
  eventCallbackSchema,
  messageEventSchema,
  slashCommandSchema,
  type AppMentionEvent,
  type BlockActions,
  type MessageEvent,
  type SlashCommand,
} from "./slack-payloads.ts";
import { slashAckText, slashUsageText } from "./slash-ack.ts";

export interface SlackListenerDeps {
  readonly handler: InboundHandler;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The slash command that asks a question, as configured in the app (the manifest says /ask). */
  readonly askCommand: string;
  /** Starts the gateway's work without waiting for it; keeps the promise so failures are logged and tests can wait. */
  readonly track: (what: string, start: () => Promise<InboundOutcome>) => void;
}

export function registerSlackListeners(app: App, deps: SlackListenerDeps): void {
  const { logger, handler, clock } = deps;

  function unexpected(what: string, error: z.ZodError): void {
    logger.warn(`slack ${what} with an unexpected shape; ignored`, { problem: z.prettifyError(error) });
  }

  function onMention(body: unknown, botUserId: string | undefined): void {
    const envelope = eventCallbackSchema.safeParse(body);
    if (!envelope.success) return unexpected("event envelope", envelope.error);
    const event = appMentionEventSchema.safeParse(envelope.data.event);
    if (!event.success) return unexpected("app_mention", event.error);
    // A mention inside a DM also arrives as message.im: answering both would answer twice.
    if (event.data.channel.startsWith("D")) return;
    // Another app's bot mentioning us could start a loop between two bots.
    if (event.data.bot_id !== undefined) return;
    const message = eventMessage(envelope.data.event_id, event.data, event.data.user, cleanText(stripMention(event.data.text, botUserId)), clock);
    deps.track("app_mention", () => handler.handleMessage(message));
  }

  function onMessage(body: unknown, botUserId: string | undefined): void {
    const envelope = eventCallbackSchema.safeParse(body);
    if (!envelope.success) return unexpected("event envelope", envelope.error);
    const event = messageEventSchema.safeParse(envelope.data.event);
    if (!event.success) return unexpected("message event", event.error);
    const sender = personInDirectMessage(event.data, botUserId);
    if (sender === null) return;
    const message = directMessage(envelope.data.event_id, event.data, sender, cleanText(event.data.text ?? ""), clock);
    deps.track("message.im", () => handler.handleMessage(message));
  }

  app.event("app_mention", ({ body, context }) => Promise.resolve(onMention(body, context.botUserId)));
  app.event("message", ({ body, context }) => Promise.resolve(onMessage(body, context.botUserId)));

  app.command(deps.askCommand, async ({ body, ack }) => {
    const parsed = slashCommandSchema.safeParse(body);
    if (!parsed.success) {
      unexpected("slash command", parsed.error);
      return ack();
    }
    const question = cleanText(parsed.data.text);
    if (question === "") return ack({ response_type: "ephemeral", text: slashUsageText() });
    await ack({ response_type: "ephemeral", text: slashAckText(question) });
    const message = commandMessage(parsed.data, question, clock);
    deps.track("slash_command", () => handler.handleMessage(message));
  });

  app.action({ type: "block_actions" }, async ({ body, ack }) => {
    await ack();
    const parsed = blockActionsSchema.safeParse(body);
    if (!parsed.success) return unexpected("block_actions", parsed.error);
    const actions = actionEvents(parsed.data, clock);
    if (actions.length === 0) return logger.warn("slack block_actions outside a message (a modal or App Home); ignored", {});
    for (const action of actions) deps.track("block_actions", () => handler.handleAction(action));
  });
}

/**
 * Who wrote a DM to the app, when a person did; null for edits and deletions (subtypes), posts by
 * bots, our own messages and anything outside a DM.
 */
function personInDirectMessage(event: MessageEvent, botUserId: string | undefined): string | null {
  if (event.channel_type !== "im") return null;
  if (event.subtype !== undefined || event.bot_id !== undefined) return null;
  if (event.user === undefined || event.user === botUserId) return null;
  return event.user;
}

type ThreadedEvent = Pick<AppMentionEvent, "channel" | "ts" | "thread_ts">;

function eventMessage(eventId: string, event: ThreadedEvent, sender: string, text: string, clock: Clock): InboundMessage {
  const threadTs = event.thread_ts ?? event.ts;
  const destination: SlackDestination = { channel: "slack", channelId: event.channel, threadTs, responseUrl: null };
  return {
    channel: "slack",
    eventId,
    sender,
    text,
    threadKey: `${event.channel}:${threadTs}`,
    conversationId: null,
    destination,
    receivedAt: clock.now(),
  };
}

/**
 * A DM is a conversation of its own, like a WhatsApp chat: top-level messages are answered in the DM
 * (not in a thread under each one) and keep context from one to the next; a reply inside a thread
 * is answered in that thread and keeps that thread's context.
 */
function directMessage(eventId: string, event: ThreadedEvent, sender: string, text: string, clock: Clock): InboundMessage {
  if (event.thread_ts !== undefined) return eventMessage(eventId, event, sender, text, clock);
  const destination: SlackDestination = { channel: "slack", channelId: event.channel, threadTs: null, responseUrl: null };
  return { channel: "slack", eventId, sender, text, threadKey: `${event.channel}:dm`, conversationId: null, destination, receivedAt: clock.now() };
}

function commandMessage(command: SlashCommand, question: string, clock: Clock): InboundMessage {
  const destination: SlackDestination = { channel: "slack", channelId: command.channel_id, threadTs: null, responseUrl: command.response_url };
  return {
    channel: "slack",
    // A trigger_id is unique per invocation, like an event_id.
    eventId: command.trigger_id,
    sender: command.user_id,
    text: question,
    // One thread per person per channel, so their next /ask can follow up on this one.
    threadKey: `${command.channel_id}:ask:${command.user_id}`,
    conversationId: null,
    destination,
    receivedAt: clock.now(),
  };
}

/** One ActionEvent per clicked action, answered in the thread of the message that holds the buttons. */
function actionEvents(payload: BlockActions, clock: Clock): ActionEvent[] {
  const channelId = payload.channel?.id ?? payload.container?.channel_id;
  const messageTs = payload.message?.ts ?? payload.container?.message_ts;
  if (channelId === undefined || messageTs === undefined) return [];
  const threadTs = payload.message?.thread_ts ?? payload.container?.thread_ts ?? messageTs;
  const destination: SlackDestination = { channel: "slack", channelId, threadTs, responseUrl: null };
  return payload.actions.map((action) => ({
    channel: "slack",
    // The message and the click's own timestamp: the same click retried keeps both.
    eventId: `${messageTs}:${action.action_ts}`,
    sender: payload.user.id,
    actionId: action.action_id,
    value: action.value ?? null,
    threadKey: `${channelId}:${threadTs}`,
    destination,
    receivedAt: clock.now(),
  }));
}

/** Removes the app's own mention (<@U123> or <@U123|name>); without a known id, a leading mention. */
export function stripMention(text: string, botUserId: string | undefined): string {
  if (botUserId === undefined) return text.replace(/^\s*<@[A-Z0-9]+(\|[^>]*)?>/, "");
  return text.replace(new RegExp(`<@${escapeRegExp(botUserId)}(\\|[^>]*)?>`, "g"), "");
}

/** Slack escapes &, < and > in message text; the gateway wants what the person typed. */
export function cleanText(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/[ \t]+/g, " ").trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
