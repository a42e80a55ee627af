/**
 * The shapes of what Slack posts to /slack/events, as far as this app reads them: the Events API
 * envelope (slack_common_event_wrapper_schema.json) with app_mention and message.im events, the
 * url_verification handshake, slash commands and block_actions. Unknown fields pass through.
 */
import { z } from "zod";

export const urlVerificationSchema = z.object({
  type: z.literal("url_verification"),
  challenge: z.string().min(1),
});

/** The Events API wrapper around every event. */
export const eventCallbackSchema = z.object({
  type: z.literal("event_callback"),
  /** Unique across workspaces; the same on every retry of one event. */
  event_id: z.string().min(1),
  event_time: z.number().int(),
  team_id: z.string().min(1),
  api_app_id: z.string().min(1),
  event: z.looseObject({ type: z.string().min(1) }),
});

export const appMentionEventSchema = z.object({
  type: z.literal("app_mention"),
  user: z.string().min(1),
  text: z.string(),
  ts: z.string().min(1),
  channel: z.string().min(1),
  thread_ts: z.string().min(1).optional(),
  /** Set when another app's bot wrote the mention. */
  bot_id: z.string().min(1).optional(),
});
export type AppMentionEvent = z.infer<typeof appMentionEventSchema>;

/** A message event; edits, deletions and bot posts carry a subtype and often no user or text. */
export const messageEventSchema = z.object({
  type: z.literal("message"),
  channel: z.string().min(1),
  channel_type: z.string().optional(),
  user: z.string().min(1).optional(),
  text: z.string().optional(),
  ts: z.string().min(1),
  thread_ts: z.string().min(1).optional(),
  subtype: z.string().min(1).optional(),
  bot_id: z.string().min(1).optional(),
});
export type MessageEvent = z.infer<typeof messageEventSchema>;

/** A slash command, posted form-encoded. https://api.slack.com/interactivity/slash-commands */
export const slashCommandSchema = z.object({
  command: z.string().min(1),
  text: z.string(),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  team_id: z.string().min(1),
  response_url: z.string().url(),
  trigger_id: z.string().min(1),
});
export type SlashCommand = z.infer<typeof slashCommandSchema>;

const blockActionSchema = z.object({
  action_id: z.string().min(1),
  action_ts: z.string().min(1),
  type: z.string().min(1),
  value: z.string().optional(),
});

/** A click on a button in a message, posted as the form field `payload`. */
export const blockActionsSchema = z.object({
  type: z.literal("block_actions"),
  user: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().min(1).optional(),
  container: z
    .object({
      type: z.string(),
      message_ts: z.string().min(1).optional(),
      channel_id: z.string().min(1).optional(),
      thread_ts: z.string().min(1).optional(),
    })
    .optional(),
  channel: z.object({ id: z.string().min(1) }).optional(),
  message: z.object({ ts: z.string().min(1), thread_ts: z.string().min(1).optional() }).optional(),
  actions: z.array(blockActionSchema).min(1),
});
export type BlockActions = z.infer<typeof blockActionsSchema>;
