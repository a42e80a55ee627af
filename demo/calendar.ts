/**
 * Local calendar days for the demo. Dates are 'YYYY-MM-DD' strings and arithmetic is on day numbers
 * (days since 1970-01-01 in the proleptic calendar), never on Date objects in the machine's zone.
 * Instants are derived per local day in the workspace's zone, so DST days are handled once per day
 * instead of once per order.
 */
import type { Clock } from "../lib/clock.ts";
import { localDate, zonedTimeToUtc } from "../lib/zoned-time.ts";

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

const DAY_MS = 86_400_000;

export class InvalidDateError extends Error {
  override readonly name = "InvalidDateError";
}

export function parseIsoDate(value: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new InvalidDateError(`"${value}" is not a date in YYYY-MM-DD form`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (isoFromDayNumber(Date.UTC(year, month - 1, day) / DAY_MS) !== value) throw new InvalidDateError(`"${value}" is not a calendar date`);
  return { year, month, day };
}

export function dayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function isoFromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoFromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dayNum: number): number {
  // 1970-01-01 was a Thursday.
  return (((dayNum + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day number of the n-th (1-based) given weekday of a month: nthWeekday(2025, 11, 4, 4) is Thanksgiving. */
export function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = Date.UTC(year, month - 1, 1) / DAY_MS;
  const offset = (weekday - weekdayOf(first) + 7) % 7;
  return first + offset + (n - 1) * 7;
}

/** The day number of the last given weekday of a month. */
export function lastWeekday(year: number, month: number, weekday: number): number {
  const last = Date.UTC(year, month - 1, daysInMonth(year, month)) / DAY_MS;
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

export function dayNumberOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

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
    const { year, month, day } = parseIsoDate(date);
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
  const { year, month, day } = parseIsoDate(isoFromDayNumber(dayNum));
  return zonedTimeToUtc({ year, month, day }, timeZone).getTime();
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
