/** Splitting a range into the day/week/month/quarter/year buckets a chart or a table shows. */
import { dayNumber, maxDate, minDate, parseIsoDate } from "../../../lib/calendar-date.ts";
import { assertNever } from "../../../lib/assert-never.ts";
import { formatDate, monthLabel, quarterLabel, yearLabel } from "./labels.ts";
import { periodStart, quarterOfMonth, shiftPeriods } from "./periods.ts";
import type { Grain, LocalDate, ResolvedRange, TimeBucket, WeekStart } from "./types.ts";

/** The first day of the bucket of `grain` that contains `date` (weeks start on `weekStart`). */
export function bucketStart(date: LocalDate, grain: Grain, weekStart: WeekStart): LocalDate {
  return periodStart(date, grain, weekStart);
}

/**
 * The key of the bucket of `grain` that contains `date`: day '2026-10-05', week its start date
 * ('2026-10-05' for Monday weeks), month '2026-10', quarter '2026-Q4', year '2026'. Keys of one
 * grain sort in time order.
 */
export function bucketKey(date: LocalDate, grain: Grain, weekStart: WeekStart): string {
  const start = periodStart(date, grain, weekStart);
  switch (grain) {
    case "day":
    case "week":
      return start;
    case "month":
      return start.slice(0, 7);
    case "quarter":
      return `${start.slice(0, 4)}-Q${quarterOfMonth(parseIsoDate(start).month)}`;
    case "year":
      return start.slice(0, 4);
    default:
      return assertNever(grain, "grain");
  }
}

/**
 * Every bucket of `grain` that overlaps the range, oldest first, clipped to the range; `partial`
 * marks a bucket cut short at either edge. Labels: "Oct 5", "week of Oct 5", "Oct 2026", "Q4 2026",
 * "2026" (day and week labels add the year when the buckets start in more than one year).
 */
export function bucketsOf(range: Pick<ResolvedRange, "start" | "end">, grain: Grain, weekStart: WeekStart): TimeBucket[] {
  const endNumber = dayNumber(range.end);
  const periods: Array<{ start: LocalDate; end: LocalDate }> = [];
  for (let start = periodStart(range.start, grain, weekStart); dayNumber(start) < endNumber; ) {
    const end = shiftPeriods(start, grain, 1);
    periods.push({ start, end });
    start = end;
  }
  const years = new Set(periods.map((period) => period.start.slice(0, 4)));
  const withYear = years.size > 1;
  return periods.map((period) => {
    const start = maxDate(period.start, range.start);
    const end = minDate(period.end, range.end);
    return {
      start,
      end,
      key: bucketKey(period.start, grain, weekStart),
      label: bucketLabel(period.start, grain, withYear),
      partial: start !== period.start || end !== period.end,
    };
  });
}

function bucketLabel(start: LocalDate, grain: Grain, withYear: boolean): string {
  switch (grain) {
    case "day":
      return formatDate(start, withYear);
    case "week":
      return `week of ${formatDate(start, withYear)}`;
    case "month":
      return monthLabel(start);
    case "quarter":
      return quarterLabel(start);
    case "year":
      return yearLabel(start);
    default:
      return assertNever(grain, "grain");
  }
}
