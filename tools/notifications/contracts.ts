/**
 * Contracts of the notifications tools. They act only on the asker's own notifications (any role,
 * viewers included): their digest, alert, weekly-report and quiet-hours settings; why an insight was
 * sent to them; their verdict on it. The terminal and the local web chat have no member: the tools
 * answer with a typed `invalid_request` (NO_MEMBER) instead.
 */
import { z } from "zod";
import { IDENTITY_CHANNELS } from "../../db/schema/core.ts";
import { clockTimeSchema } from "../../engines/notifications/preferences.ts";
import type { ToolContract } from "../tool-contract.ts";

const channelChange = z
  .object({
    mode: z.enum(["only", "add", "remove"]).describe("only: exactly these channels ('only in Slack'); add: these too; remove: not these ('stop the WhatsApp digest')."),
    channels: z.array(z.enum(IDENTITY_CHANNELS)).min(1).describe("slack, whatsapp, email."),
  })
  .describe("A change to where it is sent.");

const enabled = (what: string) => z.boolean().nullable().default(null).describe(`true: turn ${what} on; false: turn it off; null: leave it as it is.`);

export const notificationPreferencesSchema = z.object({
  digest: z
    .object({
      enabled: enabled("the daily digest"),
      time: clockTimeSchema.nullable().default(null).describe("New local time of the digest, HH:MM 24-hour ('a las 7' → '07:00', '7pm' or 'a las 7 de la tarde' → '19:00'); null: unchanged."),
      channels: channelChange.nullable().default(null).describe("Where the digest goes; null: unchanged."),
    })
    .default({ enabled: null, time: null, channels: null })
    .describe("The daily digest (yesterday's numbers, top insights, pending approvals)."),
  alerts: z
    .object({ enabled: enabled("real-time alerts"), channels: channelChange.nullable().default(null).describe("Where alerts go; null: unchanged.") })
    .default({ enabled: null, channels: null })
    .describe("Real-time alerts about urgent insights."),
  weekly: z.object({ enabled: enabled("the Monday weekly report") }).default({ enabled: null }).describe("The weekly report."),
  quietHours: z
    .object({
      enabled: z.boolean().nullable().default(null).describe("true: no non-critical alerts during quiet hours ('no alerts at night'); false: alerts at any hour; null: unchanged."),
      start: clockTimeSchema.nullable().default(null).describe("Start, HH:MM 24-hour ('from 10pm' → '22:00'); null: unchanged (22:00 when there were none)."),
      end: clockTimeSchema.nullable().default(null).describe("End, HH:MM 24-hour ('to 7' → '07:00'); null: unchanged (07:00 when there were none)."),
    })
    .default({ enabled: null, start: null, end: null })
    .describe("Quiet hours: non-critical alerts wait until they end."),
});
export const notificationPreferencesContract = {
  name: "notification_preferences",
  description:
    "Shows or changes the asker's own notification settings: the daily digest (on/off, local time, channels), real-time alerts (on/off, channels, e.g. only Slack), the Monday weekly report (on/off) and quiet hours. Every field null shows the settings. Returns the settings now in force, the channels each goes to and when the next digest comes.",
  schema: notificationPreferencesSchema,
} as const satisfies ToolContract<typeof notificationPreferencesSchema>;

const insightId = z.number().int().min(1).nullable().default(null).describe("The id of the insight the person names; null: the last one sent to them.");

export const explainNotificationSchema = z.object({ insightId });
export const explainNotificationContract = {
  name: "explain_notification",
  description:
    "Why a notification was sent to the asker ('why did you send me this?'): the insight last sent to them (or the one named), what it is, its numbers and recommended action, and why it went to them (an alert because it is urgent or critical, or one of the digest's top insights by money at stake).",
  schema: explainNotificationSchema,
} as const satisfies ToolContract<typeof explainNotificationSchema>;

export const insightFeedbackSchema = z.object({
  verdict: z.enum(["useful", "not_useful"]).describe("not_useful: 'not useful', 'no me sirve' (similar insights rank lower for the asker); useful: 'this was useful'."),
  insightId,
});
export const insightFeedbackContract = {
  name: "insight_feedback",
  description: "Records the asker's verdict on an insight sent to them (the last one, or the one named): not useful lowers similar insights for them; useful keeps them coming.",
  schema: insightFeedbackSchema,
} as const satisfies ToolContract<typeof insightFeedbackSchema>;

/** The `invalid_request` message of a turn with no member behind it (the terminal, the local web chat). */
export const NO_MEMBER = "Notifications belong to a member: this conversation has no linked member (the terminal or local web chat). Ask from WhatsApp, Slack or email, or link this person as a member.";
