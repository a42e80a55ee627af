/** The range a metric is compared with: the previous period, or the same period a year earlier. */
import { addDays, addYears, dayNumber, daysBetween, minDate } from "../../../lib/calendar-date.ts";
import { assertNever } from "../../../lib/assert-never.ts";
import { describeSpan } from "./labels.ts";
import { shiftPeriods } from "./periods.ts";
import type { Comparison, LocalDate, RangeAlignment, ResolvedRange } from "./types.ts";

/**
 * The comparison range for `range`, with the same alignment (day-unit counts follow its length):
 *
 * - `previous`: whole calendar periods → the same number of periods just before (Oct → Sep, Q3 → Q2,
 *   the last 2 weeks → the 2 weeks before). Period-to-date ranges → the same position in the previous
 *   period, clamped to its end: Nov 1–21 → Oct 1–21, Mar 1–31 month to date → Feb 1–28; for
 *   months, quarters and years the last day keeps its day of the month (Q1 to Mar 15 → Oct 1 – Dec 15),
 *   for weeks its weekday. Day ranges → the same number of days just before.
 * - `last_year`: the same dates a year earlier (Feb 29 → Feb 28); whole months, quarters and years →
 *   the same periods a year earlier; week ranges → 52 weeks earlier, so weekdays line up.
 *
 * Labels describe the dates without reference to today ("Sep 2026", "Oct 1 – 21, 2026").
 */
export function comparisonRange(range: ResolvedRange, kind: Comparison): ResolvedRange {
  switch (kind) {
    case "previous":
      return previousRange(range);
    case "last_year":
      return lastYearRange(range);
    default:
      return assertNever(kind, "comparison");
  }
}

function previousRange(range: ResolvedRange): ResolvedRange {
  const { unit, count, toDate } = range.alignment;
  if (unit === "day") return build(addDays(range.start, -range.days), range.start, range.alignment);
  const start = shiftPeriods(range.start, unit, -count);
  if (!toDate) return build(start, range.start, range.alignment);
  const last = shiftPeriods(addDays(range.end, -1), unit, -count);
  return build(start, minDate(addDays(last, 1), range.start), range.alignment);
}

function lastYearRange(range: ResolvedRange): ResolvedRange {
  const { unit, toDate } = range.alignment;
  if (unit === "week") return build(addDays(range.start, -364), addDays(range.end, -364), range.alignment);
  if (unit !== "day" && !toDate) return build(addYears(range.start, -1), addYears(range.end, -1), range.alignment);
  const last = addYears(addDays(range.end, -1), -1);
  return build(addYears(range.start, -1), addDays(last, 1), range.alignment);
}

function build(start: LocalDate, end: LocalDate, like: RangeAlignment): ResolvedRange {
  if (dayNumber(end) <= dayNumber(start)) throw new Error(`comparison produced an empty range ${start}..${end}`);
  const days = daysBetween(start, end);
  const alignment: RangeAlignment = { ...like, count: like.unit === "day" ? days : like.count };
  return { start, end, days, label: describeSpan(start, end, alignment), alignment };
}
