/**
 * When a member's next daily digest comes: the next occurrence of their digest time, in their time
 * zone, after now (today's when it is still ahead, else tomorrow's).
 */
import { addDays, parseIsoDate } from "../../lib/calendar-date.ts";
import { localDate, zonedTimeToUtc } from "../../lib/zoned-time.ts";
import type { NextDigest } from "./notification-data.ts";

export function nextDigestAt(now: Date, time: string, timeZone: string): NextDigest {
  const [hour, minute] = time.split(":").map(Number);
  const at = (date: string) => {
    const { year, month, day } = parseIsoDate(date);
    return zonedTimeToUtc({ year, month, day, hour: hour ?? 0, minute: minute ?? 0 }, timeZone);
  };
  const today = localDate(now, timeZone);
  const date = at(today).getTime() > now.getTime() ? today : addDays(today, 1);
  return { at: at(date).toISOString(), date, time };
}
