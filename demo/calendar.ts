/**
 * Local calendar days for the demo. Date arithmetic is lib/calendar-date.ts's (re-exported here for
 * the demo's modules); this file adds the demo's days with their UTC bounds. Instants are derived
 * per local day in the workspace's zone, so DST days are handled once per day instead of once per order.
 */
import type { Clock } from "../lib/clock.ts";
import { dayNumber, daysInMonth, isoFromDayNumber, partsFromDayNumber, weekdayOf, type IsoDate } from "../lib/calendar-date.ts";
import { localDate, zonedTimeToUtc } from "../lib/zoned-time.ts";

export {
  InvalidDateError,
  addDays,
  dayNumber,
  dayNumberOf,
  daysInMonth,
  isoFromDayNumber,
  lastWeekday,
  nthWeekday,
  parseIsoDate,
  weekdayOf,
  type IsoDate,
} from "../lib/calendar-date.ts";

const DAY_MS = 86_400_000;

/** One local day of a workspace: its date, its place in the demo range and its UTC bounds. */
export interface LocalDay {
  /** 0 for the first day of the range. */
  readonly index: number;
  readonly date: IsoDate;
  readonly dayNum: number;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** 0 = Sunday. */
  readonly weekday: number;
  readonly daysInMonth: number;
  /** UTC instant of local midnight, and of the next local midnight. */
  readonly startMs: number;
  readonly endMs: number;
}

/** The `count` local days before `end` (exclusive), oldest first. */
export function localDays(end: IsoDate, count: number, timeZone: string): LocalDay[] {
  const endNum = dayNumber(end);
  const days: LocalDay[] = [];
  let nextStart = midnightMs(endNum - count, timeZone);
  for (let i = 0; i < count; i++) {
    const dayNum = endNum - count + i;
    const date = isoFromDayNumber(dayNum);
    const { year, month, day } = partsFromDayNumber(dayNum);
    const startMs = nextStart;
    nextStart = midnightMs(dayNum + 1, timeZone);
    days.push({
      index: i,
      date,
      dayNum,
      year,
      month,
      day,
      weekday: weekdayOf(dayNum),
      daysInMonth: daysInMonth(year, month),
      startMs,
      endMs: nextStart,
    });
  }
  return days;
}

function midnightMs(dayNum: number, timeZone: string): number {
  return zonedTimeToUtc(partsFromDayNumber(dayNum), timeZone).getTime();
}

/**
 * The UTC instant of a local time of day. On ordinary days that is midnight plus the seconds; on a
 * DST transition day the wall time goes through zonedTimeToUtc (skipped times move forward).
 */
export function instantOf(day: LocalDay, secondOfDay: number, timeZone: string): number {
  if (day.endMs - day.startMs === DAY_MS) return day.startMs + secondOfDay * 1000;
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay % 3600) / 60);
  const instant = zonedTimeToUtc({ year: day.year, month: day.month, day: day.day, hour, minute, second: secondOfDay % 60 }, timeZone).getTime();
  // A skipped hour can push the time past midnight; keep it inside its day.
  return Math.min(Math.max(instant, day.startMs), day.endMs - 1000);
}

/** The zone the demo's default end date is cut in (the main store's). */
export const DEMO_HOME_TIME_ZONE = "America/Mexico_City";

/** The default `end`: the start of today in Mexico City, so the data runs up to yesterday. */
export function defaultDemoEnd(clock: Clock): IsoDate {
  return localDate(clock.now(), DEMO_HOME_TIME_ZONE);
}
