/** Where local days meet the database: the UTC instants of a range's local midnights. */
import { parseIsoDate } from "../../../lib/calendar-date.ts";
import { localDate, zonedTimeToUtc } from "../../../lib/zoned-time.ts";
import type { LocalDate, ResolvedRange } from "./types.ts";

/** The local date of an instant in a zone: what "today" is for a workspace at `now`. */
export function todayIn(now: Date, timeZone: string): LocalDate {
  return localDate(now, timeZone);
}

/** The UTC instant at which a local date begins in a zone (local midnight, or the first instant after a skipped one). */
export function localMidnightUtc(date: LocalDate, timeZone: string): Date {
  return zonedTimeToUtc(parseIsoDate(date), timeZone);
}

/**
 * The instants of local midnight at the start of a range and at its (exclusive) end, for filtering
 * timestamps with `startUtc <= t < endUtc`. DST-correct: a range over a spring-forward day is 23
 * hours long, over a fall-back day 25.
 */
export function utcBounds(range: Pick<ResolvedRange, "start" | "end">, timeZone: string): { startUtc: Date; endUtc: Date } {
  return { startUtc: localMidnightUtc(range.start, timeZone), endUtc: localMidnightUtc(range.end, timeZone) };
}
