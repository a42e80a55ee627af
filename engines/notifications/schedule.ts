/**
 * When things are due for a member, in their local time: the daily digest (at their digest time,
 * with a catch-up window so a server that was down at 08:00 still sends it at 09:30, but not a
 * "morning" digest at night), the weekly report (the first day of the workspace's week), and quiet
 * hours (non-critical alerts wait until they end).
 */
import { addDays, parseIsoDate, weekdayOf, type IsoDate } from "../../lib/calendar-date.ts";
import { localDate, offsetMinutesAt, zonedTimeToUtc } from "../../lib/zoned-time.ts";
import type { NotificationPreferences } from "./preferences.ts";

/** A digest not sent by this long after its time waits for the next day. */
export const DIGEST_CATCH_UP_MINUTES = 6 * 60;

const WEEK_START_DAY: Readonly<Record<string, number>> = { monday: 1, sunday: 0, saturday: 6 };

export interface LocalMoment {
  readonly date: IsoDate;
  /** Minutes since local midnight. */
  readonly minutes: number;
}

export function minutesOf(clockTime: string): number {
  const [hours, minutes] = clockTime.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

export function localMoment(instant: Date, timeZone: string): LocalMoment {
  const wallMs = instant.getTime() + offsetMinutesAt(instant.getTime(), timeZone) * 60_000;
  const minutes = Math.floor((((wallMs % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
  return { date: localDate(instant, timeZone), minutes };
}

export function memberTimeZone(preferences: NotificationPreferences, workspaceTimeZone: string): string {
  return preferences.timeZone ?? workspaceTimeZone;
}

/** The local day whose digest is due now, or null (disabled, too early, or past the catch-up window). */
export function dueDigestDate(preferences: NotificationPreferences, now: Date, timeZone: string): IsoDate | null {
  if (!preferences.digest.enabled) return null;
  const local = localMoment(now, timeZone);
  const since = local.minutes - minutesOf(preferences.digest.time);
  return since >= 0 && since < DIGEST_CATCH_UP_MINUTES ? local.date : null;
}

/** The first day of the week just ended when the weekly report is due now (on the week's first day, from the digest time), or null. */
export function dueWeeklyStart(preferences: NotificationPreferences, now: Date, timeZone: string, weekStart: string): IsoDate | null {
  if (!preferences.weekly.enabled) return null;
  const local = localMoment(now, timeZone);
  if (weekdayOf(local.date) !== (WEEK_START_DAY[weekStart] ?? 1)) return null;
  const since = local.minutes - minutesOf(preferences.digest.time);
  return since >= 0 && since < DIGEST_CATCH_UP_MINUTES ? addDays(local.date, -7) : null;
}

function inWindow(minutes: number, start: number, end: number): boolean {
  // A window over midnight (22:00–07:00) is the complement of the day window it leaves out.
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

export function isQuiet(preferences: NotificationPreferences, now: Date, timeZone: string): boolean {
  const quiet = preferences.quietHours;
  if (quiet === null) return false;
  return inWindow(localMoment(now, timeZone).minutes, minutesOf(quiet.start), minutesOf(quiet.end));
}

/** When quiet hours end (now when not quiet): non-critical alerts are held until then. */
export function quietHoursEnd(preferences: NotificationPreferences, now: Date, timeZone: string): Date {
  const quiet = preferences.quietHours;
  if (quiet === null || !isQuiet(preferences, now, timeZone)) return now;
  const local = localMoment(now, timeZone);
  const end = minutesOf(quiet.end);
  const day = local.minutes < end ? local.date : addDays(local.date, 1);
  const { year, month, day: dayOfMonth } = parseIsoDate(day);
  return zonedTimeToUtc({ year, month, day: dayOfMonth, hour: Math.floor(end / 60), minute: end % 60 }, timeZone);
}
