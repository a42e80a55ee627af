/**
 * notification_preferences: shows or changes the asker's own digest, alert, weekly-report and
 * quiet-hours settings, and says where each goes and when the next digest comes.
 */
import type { z } from "zod";
import { updatePreferences, type PreferencesPatch } from "../../engines/notifications/member-preferences.ts";
import { IDENTITY_CHANNELS, type IdentityChannel } from "../../db/schema/core.ts";
import { alertChannels, chosenChannels } from "../../engines/notifications/channel-choice.ts";
import { DEFAULT_QUIET_HOURS, type NotificationPreferences } from "../../engines/notifications/preferences.ts";
import type { ToolFactory } from "../tool-contract.ts";
import { toolData } from "../tool-outcome.ts";
import { askingMember } from "./asking-member.ts";
import type { notificationPreferencesSchema } from "./contracts.ts";
import { nextDigestAt } from "./next-digest.ts";
import type { NotificationPreferencesData, PreferenceField } from "./notification-data.ts";

type Args = z.output<typeof notificationPreferencesSchema>;
type ChannelChange = NonNullable<Args["digest"]["channels"]>;

/** The chosen channels after a change; null (every linked channel) when all of them are chosen. */
function changedChannels(current: readonly IdentityChannel[] | null, change: ChannelChange): IdentityChannel[] | null {
  const base = current ?? IDENTITY_CHANNELS;
  const next = (() => {
    switch (change.mode) {
      case "only":
        return IDENTITY_CHANNELS.filter((channel) => change.channels.includes(channel));
      case "add":
        return IDENTITY_CHANNELS.filter((channel) => base.includes(channel) || change.channels.includes(channel));
      case "remove":
        return IDENTITY_CHANNELS.filter((channel) => base.includes(channel) && !change.channels.includes(channel));
    }
  })();
  return next.length === IDENTITY_CHANNELS.length ? null : next;
}

/** The patch the arguments ask for, and the fields they name. */
function patchOf(args: Args, current: NotificationPreferences): { patch: PreferencesPatch; requested: PreferenceField[] } {
  const requested: PreferenceField[] = [];
  const digest: NonNullable<PreferencesPatch["digest"]> = {};
  const alerts: NonNullable<PreferencesPatch["alerts"]> = {};
  const patch: PreferencesPatch = {};
  if (args.digest.channels !== null) {
    digest.channels = changedChannels(current.digest.channels, args.digest.channels);
    requested.push("digest.channels");
  }
  if (args.digest.time !== null) {
    digest.time = args.digest.time;
    requested.push("digest.time");
  }
  // Asking for a channel or a time of a digest that is off turns it on ("send me the digest at 7").
  const wantsDigest = args.digest.time !== null || (args.digest.channels !== null && args.digest.channels.mode !== "remove");
  const digestEnabled = args.digest.enabled ?? (wantsDigest && !current.digest.enabled ? true : null);
  if (digestEnabled !== null) {
    digest.enabled = digestEnabled;
    requested.push("digest.enabled");
  }
  if (args.alerts.channels !== null) {
    alerts.channels = changedChannels(current.alerts.channels, args.alerts.channels);
    requested.push("alerts.channels");
  }
  const alertsEnabled = args.alerts.enabled ?? (args.alerts.channels !== null && args.alerts.channels.mode !== "remove" && !current.alerts.enabled ? true : null);
  if (alertsEnabled !== null) {
    alerts.enabled = alertsEnabled;
    requested.push("alerts.enabled");
  }
  if (Object.keys(digest).length > 0) patch.digest = digest;
  if (Object.keys(alerts).length > 0) patch.alerts = alerts;
  if (args.weekly.enabled !== null) {
    patch.weekly = { enabled: args.weekly.enabled };
    requested.push("weekly.enabled");
  }
  const quiet = args.quietHours;
  if (quiet.enabled === false) {
    patch.quietHours = null;
    requested.push("quietHours");
  } else if (quiet.enabled === true || quiet.start !== null || quiet.end !== null) {
    const base = current.quietHours ?? DEFAULT_QUIET_HOURS;
    patch.quietHours = { start: quiet.start ?? base.start, end: quiet.end ?? base.end };
    requested.push("quietHours");
  }
  return { patch, requested };
}

function valueOf(field: PreferenceField, preferences: NotificationPreferences): unknown {
  switch (field) {
    case "digest.enabled":
      return preferences.digest.enabled;
    case "digest.time":
      return preferences.digest.time;
    case "digest.channels":
      return preferences.digest.channels;
    case "alerts.enabled":
      return preferences.alerts.enabled;
    case "alerts.channels":
      return preferences.alerts.channels;
    case "weekly.enabled":
      return preferences.weekly.enabled;
    case "quietHours":
      return preferences.quietHours;
  }
}

export const createNotificationPreferencesTool: ToolFactory<typeof notificationPreferencesSchema, NotificationPreferencesData> = (deps) => async (args) => {
  const asking = await askingMember(deps, "notification_preferences");
  if (!asking.ok) return asking.outcome;
  const { member, preferences: before, linked } = asking.settings;
  const { patch, requested } = patchOf(args, before);
  const preferences = requested.length === 0 ? before : await updatePreferences(deps.db, deps.workspace.id, member.id, patch);
  const changed = requested.filter((field) => JSON.stringify(valueOf(field, before)) !== JSON.stringify(valueOf(field, preferences)));
  if (changed.length > 0) deps.logger.info("notification preferences changed", { workspace: deps.workspace.slug, member: member.id, changed });
  const timeZone = preferences.timeZone ?? deps.workspace.timezone;
  // The rule the sending jobs follow too, so the member is told where things actually go.
  const digestChannels = chosenChannels(linked, preferences.digest.channels);
  return toolData(
    "notification_preferences",
    {
      memberName: member.name,
      requested,
      changed,
      preferences,
      linked,
      digestChannels,
      alertChannels: alertChannels(linked, preferences.alerts.channels),
      timeZone,
      nextDigest: preferences.digest.enabled && digestChannels.length > 0 ? nextDigestAt(deps.clock.now(), preferences.digest.time, timeZone) : null,
    },
    [],
  );
};
