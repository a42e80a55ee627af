/**
 * A member's notification preferences: when the daily digest comes and where, where alerts go,
 * quiet hours and the weekly report. Stored as member_preferences.settings (only what the member
 * changed); every absent key takes its default, and a bad stored value falls back to the default
 * rather than silencing the member.
 */
import { z } from "zod";
import { IDENTITY_CHANNELS } from "../../db/schema/core.ts";

/** "HH:MM", 24-hour. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (24-hour)");

export const DEFAULT_DIGEST_TIME = "08:00";
export const DEFAULT_QUIET_HOURS = { start: "22:00", end: "07:00" } as const;

const channelsSchema = z.array(z.enum(IDENTITY_CHANNELS)).nullable().describe("Channels to use; null: every channel the member is reachable on");

export const preferencesSchema = z.object({
  digest: z
    .object({
      enabled: z.boolean().catch(true).default(true),
      time: clockTimeSchema.catch(DEFAULT_DIGEST_TIME).default(DEFAULT_DIGEST_TIME),
      channels: channelsSchema.catch(null).default(null),
    })
    .catch({ enabled: true, time: DEFAULT_DIGEST_TIME, channels: null })
    .default({ enabled: true, time: DEFAULT_DIGEST_TIME, channels: null }),
  alerts: z
    .object({ enabled: z.boolean().catch(true).default(true), channels: channelsSchema.catch(null).default(null) })
    .catch({ enabled: true, channels: null })
    .default({ enabled: true, channels: null }),
  weekly: z.object({ enabled: z.boolean().catch(true).default(true) }).catch({ enabled: true }).default({ enabled: true }),
  /** Non-critical alerts wait until the end; null: no quiet hours. */
  quietHours: z
    .object({ start: clockTimeSchema, end: clockTimeSchema })
    .nullable()
    .catch({ ...DEFAULT_QUIET_HOURS })
    .default({ ...DEFAULT_QUIET_HOURS }),
  /** IANA zone; null: the workspace's. */
  timeZone: z.string().nullable().catch(null).default(null),
});
export type NotificationPreferences = z.output<typeof preferencesSchema>;

/** The preferences stored settings stand for (defaults for what is absent or unreadable). */
export function parsePreferences(settings: unknown): NotificationPreferences {
  const parsed = preferencesSchema.safeParse(settings ?? {});
  return parsed.success ? parsed.data : preferencesSchema.parse({});
}

export const DEFAULT_PREFERENCES: NotificationPreferences = Object.freeze(parsePreferences({}));
