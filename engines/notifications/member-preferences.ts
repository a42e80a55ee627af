/**
 * Members' notification preferences, parsed: reads give the preferences in force (defaults for what
 * a member never set, preferences.ts); a change merges a patch into them, is validated strictly (a bad
 * value is refused, never silently defaulted) and stores only what differs from the defaults, so a
 * member who never changed a setting follows the default. Storage is db/repositories/member-preferences.ts.
 */
import { z } from "zod";
import type { DbOrTrx } from "../../db/database.ts";
import { findMemberSettings, findPreferenceSettings, listPreferenceSettings, savePreferenceSettings } from "../../db/repositories/member-preferences.ts";
import { IDENTITY_CHANNELS, type IdentityChannel, type Member } from "../../db/schema/core.ts";
import { isValidTimeZone } from "../../lib/zoned-time.ts";
import { clockTimeSchema, DEFAULT_PREFERENCES, parsePreferences, type NotificationPreferences } from "./preferences.ts";

export class PreferencesError extends Error {
  override readonly name = "PreferencesError";
}

const channels = z.array(z.enum(IDENTITY_CHANNELS)).nullable();

/** What a change may set: any part of the preferences; a section's fields merge, quietHours is replaced whole (null: none). */
export const preferencesPatchSchema = z
  .object({
    digest: z.object({ enabled: z.boolean(), time: clockTimeSchema, channels }).partial().strict(),
    alerts: z.object({ enabled: z.boolean(), channels }).partial().strict(),
    weekly: z.object({ enabled: z.boolean() }).partial().strict(),
    quietHours: z.object({ start: clockTimeSchema, end: clockTimeSchema }).strict().nullable(),
    timeZone: z.string().refine(isValidTimeZone, "is not an IANA time zone").nullable(),
  })
  .partial()
  .strict();
export type PreferencesPatch = z.input<typeof preferencesPatchSchema>;

/** The preferences with the patch applied (sections merged field by field, channel lists deduplicated). Throws PreferencesError on an invalid patch. */
export function applyPatch(current: NotificationPreferences, patch: PreferencesPatch): NotificationPreferences {
  const parsed = preferencesPatchSchema.safeParse(patch);
  if (!parsed.success) throw new PreferencesError(`invalid preferences: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  const p = parsed.data;
  const list = (next: readonly IdentityChannel[] | null | undefined, kept: readonly IdentityChannel[] | null): IdentityChannel[] | null => {
    const chosen = next === undefined ? kept : next;
    return chosen === null ? null : [...new Set(chosen)];
  };
  return {
    digest: { ...current.digest, ...p.digest, channels: list(p.digest?.channels, current.digest.channels) },
    alerts: { ...current.alerts, ...p.alerts, channels: list(p.alerts?.channels, current.alerts.channels) },
    weekly: { ...current.weekly, ...p.weekly },
    quietHours: p.quietHours === undefined ? current.quietHours : p.quietHours === null ? null : { ...p.quietHours },
    timeZone: p.timeZone === undefined ? current.timeZone : p.timeZone,
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The settings to store: the fields that differ from the defaults. */
export function storedSettings(preferences: NotificationPreferences): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const section of ["digest", "alerts", "weekly"] as const) {
    const value: Readonly<Record<string, unknown>> = preferences[section];
    const defaults: Readonly<Record<string, unknown>> = DEFAULT_PREFERENCES[section];
    const changed = Object.fromEntries(Object.entries(value).filter(([key, field]) => !same(field, defaults[key])));
    if (Object.keys(changed).length > 0) settings[section] = changed;
  }
  if (!same(preferences.quietHours, DEFAULT_PREFERENCES.quietHours)) settings["quietHours"] = preferences.quietHours;
  if (preferences.timeZone !== DEFAULT_PREFERENCES.timeZone) settings["timeZone"] = preferences.timeZone;
  return settings;
}

/** A member's preferences (the defaults when they never changed any). */
export async function getPreferences(db: DbOrTrx, workspaceId: number, memberId: number): Promise<NotificationPreferences> {
  return parsePreferences(await findPreferenceSettings(db, workspaceId, memberId));
}

/**
 * Applies a patch to a member's preferences and stores the result; returns the preferences now in
 * force. Throws PreferencesError for an invalid patch, MemberNotFoundError for a member not in this workspace.
 */
export async function updatePreferences(db: DbOrTrx, workspaceId: number, memberId: number, patch: PreferencesPatch): Promise<NotificationPreferences> {
  const next = applyPatch(await getPreferences(db, workspaceId, memberId), patch);
  await savePreferenceSettings(db, workspaceId, memberId, storedSettings(next));
  return next;
}

/** Every member of the workspace with their preferences (defaults for those who changed none), in one query: for the scheduler. */
export async function listPreferences(db: DbOrTrx, workspaceId: number): Promise<Map<number, NotificationPreferences>> {
  const stored = await listPreferenceSettings(db, workspaceId);
  return new Map([...stored].map(([memberId, settings]) => [memberId, parsePreferences(settings)]));
}

/** A member as their notifications need them: who they are, their preferences and the channels they linked. */
export interface MemberSettings {
  readonly member: Member;
  readonly preferences: NotificationPreferences;
  /** Linked channels, most recently written from first (then WhatsApp, Slack, email). */
  readonly linked: IdentityChannel[];
}

/** The member's settings, or null when the member is not in this workspace. */
export async function memberSettings(db: DbOrTrx, workspaceId: number, memberId: number): Promise<MemberSettings | null> {
  const found = await findMemberSettings(db, workspaceId, memberId);
  return found === null ? null : { member: found.member, preferences: parsePreferences(found.settings), linked: found.linked };
}
