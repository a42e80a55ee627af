/** Calendar periods (day, week, month, quarter, year) on local dates: where one starts, and stepping between them. */
import { addDays, addMonths, parseIsoDate, weekdayOf } from "../../../lib/calendar-date.ts";
import { assertNever } from "../../../lib/assert-never.ts";
import type { Grain, LocalDate, WeekStart } from "./types.ts";

const WEEK_START_DAY: Readonly<Record<WeekStart, number>> = { sunday: 0, monday: 1, saturday: 6 };

/** The weekday (0 = Sunday) a workspace's weeks start on. */
export function weekStartDay(weekStart: WeekStart): number {
  return WEEK_START_DAY[weekStart];
}

/** The quarter (1–4) of a month (1–12). */
export function quarterOfMonth(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** The first day of the period of `grain` that contains `date`; weeks start on `weekStart`. */
export function periodStart(date: LocalDate, grain: Grain, weekStart: WeekStart): LocalDate {
  const { month } = parseIsoDate(date);
  switch (grain) {
    case "day":
      return date;
    case "week":
      return addDays(date, -((weekdayOf(date) - weekStartDay(weekStart) + 7) % 7));
    case "month":
      return `${date.slice(0, 7)}-01`;
    case "quarter": {
      const first = (quarterOfMonth(month) - 1) * 3 + 1;
      return `${date.slice(0, 4)}-${String(first).padStart(2, "0")}-01`;
    }
    case "year":
      return `${date.slice(0, 4)}-01-01`;
    default:
      return assertNever(grain, "grain");
  }
}

/**
 * `date` moved by `n` periods of `grain` (back when negative). Months, quarters and years keep the
 * day of the month, clamped to the end of a shorter month; weeks are 7 days.
 */
export function shiftPeriods(date: LocalDate, grain: Grain, n: number): LocalDate {
  switch (grain) {
    case "day":
      return addDays(date, n);
    case "week":
      return addDays(date, 7 * n);
    case "month":
      return addMonths(date, n);
    case "quarter":
      return addMonths(date, 3 * n);
    case "year":
      return addMonths(date, 12 * n);
    default:
      return assertNever(grain, "grain");
  }
}

/** The exclusive end of the period of `grain` that contains `date` (the next period's start). */
export function periodEnd(date: LocalDate, grain: Grain, weekStart: WeekStart): LocalDate {
  return shiftPeriods(periodStart(date, grain, weekStart), grain, 1);
}
