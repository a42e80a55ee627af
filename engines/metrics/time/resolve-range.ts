/**
 * Turns a RangeSpec into concrete local dates for a workspace at an instant. Ranges never reach past
 * today: one that starts after today is an error, one that ends after it is cut to end today.
 */
import { addDays, addMonths, dayNumber, dayNumberOf, daysBetween, daysInMonth, isoDateOf, parseIsoDate } from "../../../lib/calendar-date.ts";
import { assertNever } from "../../../lib/assert-never.ts";
import { err, ok, type Result } from "../../../lib/result.ts";
import { describeSpan, formatDate, monthAbbreviation } from "./labels.ts";
import { periodStart, shiftPeriods } from "./periods.ts";
import { rangeError, specIssuesError, type RangeError } from "./range-error.ts";
import { rangeSpecSchema, type RangeSpec } from "./range-spec.ts";
import type { Grain, LocalDate, ResolvedRange, WeekStart, WorkspaceCalendar } from "./types.ts";
import { todayIn } from "./utc-bounds.ts";

/** A range before it is checked against today. */
interface Draft {
  readonly start: LocalDate;
  /** Exclusive. */
  readonly end: LocalDate;
  readonly unit: Grain;
  readonly count: number;
  readonly toDate: boolean;
  /** How the label starts for ranges relative to today ("last 30 days"); named ranges have none. */
  readonly phrase?: string;
}

/**
 * Resolves `spec` for a workspace at `now`. "Today" is the local date of `now` in the calendar's
 * zone; weeks start on its week start. Relative ranges are complete periods before the current one
 * ("last 30 days" ends yesterday), `this` ranges run to today inclusive, named months and quarters
 * without a year are the most recent that have started. A range after today is a `future_range`
 * error; one that runs past today ends today (end = tomorrow, exclusive) and is marked to date.
 */
export function resolveRange(spec: RangeSpec, calendar: WorkspaceCalendar, now: Date): Result<ResolvedRange, RangeError> {
  const parsed = rangeSpecSchema.safeParse(spec);
  if (!parsed.success) return err(specIssuesError(parsed.error.issues));
  const today = todayIn(now, calendar.timeZone);
  const draft = draftRange(parsed.data, today, calendar.weekStart);
  if (!draft.ok) return draft;
  return finish(draft.value, today, calendar.timeZone);
}

function draftRange(spec: RangeSpec, today: LocalDate, weekStart: WeekStart): Result<Draft, RangeError> {
  const tomorrow = addDays(today, 1);
  switch (spec.kind) {
    case "today":
      return ok({ start: today, end: tomorrow, unit: "day", count: 1, toDate: true, phrase: "today" });
    case "yesterday":
      return ok({ start: addDays(today, -1), end: today, unit: "day", count: 1, toDate: false, phrase: "yesterday" });
    case "last": {
      const phrase = spec.n === 1 ? `last ${spec.unit}` : `last ${spec.n} ${spec.unit}s`;
      const end = periodStart(today, spec.unit, weekStart);
      return ok({ start: shiftPeriods(end, spec.unit, -spec.n), end, unit: spec.unit, count: spec.n, toDate: false, phrase });
    }
    case "this":
      return ok({ start: periodStart(today, spec.unit, weekStart), end: tomorrow, unit: spec.unit, count: 1, toDate: true, phrase: `${spec.unit} to date` });
    case "previous": {
      const end = periodStart(today, spec.unit, weekStart);
      return ok({ start: shiftPeriods(end, spec.unit, -1), end, unit: spec.unit, count: 1, toDate: false, phrase: `last ${spec.unit}` });
    }
    case "month":
      return monthDraft(spec.month, spec.year, spec.fromDay, spec.toDay, today);
    case "quarter": {
      const firstMonth = (spec.quarter - 1) * 3 + 1;
      const year = spec.year ?? mostRecentYear(firstMonth, 1, today);
      const start = isoDateOf(year, firstMonth, 1);
      return ok({ start, end: addMonths(start, 3), unit: "quarter", count: 1, toDate: false });
    }
    case "year":
      return ok({ start: isoDateOf(spec.year, 1, 1), end: isoDateOf(spec.year + 1, 1, 1), unit: "year", count: 1, toDate: false });
    case "between": {
      if (dayNumber(spec.end) < dayNumber(spec.start)) {
        return err(rangeError("empty_range", `The range ends (${formatDate(spec.end)}) before it starts (${formatDate(spec.start)}): put the earlier date first.`));
      }
      const end = addDays(spec.end, 1);
      return ok({ start: spec.start, end, unit: "day", count: daysBetween(spec.start, end), toDate: false });
    }
    case "since": {
      const start = spec.start ?? (spec.month === undefined ? today : isoDateOf(spec.year ?? mostRecentYear(spec.month, 1, today), spec.month, 1));
      return ok({ start, end: tomorrow, unit: "day", count: 1, toDate: true });
    }
    default:
      return assertNever(spec, "range spec");
  }
}

/** The latest year in which month/day is on or before today. */
function mostRecentYear(month: number, day: number, today: LocalDate): number {
  const { year } = parseIsoDate(today);
  return dayNumberOf(year, month, day) <= dayNumber(today) ? year : year - 1;
}

function monthDraft(month: number, year: number | undefined, fromDay: number | undefined, toDay: number | undefined, today: LocalDate): Result<Draft, RangeError> {
  const from = fromDay ?? 1;
  const resolvedYear = year ?? mostRecentYear(month, Math.min(from, 28), today);
  const length = daysInMonth(resolvedYear, month);
  const to = toDay ?? length;
  if (from > length || to > length) {
    const bad = from > length ? from : to;
    return err(rangeError("invalid_date", `${monthAbbreviation(month)} ${resolvedYear} has ${length} days, so day ${bad} does not exist: pick a day from 1 to ${length}.`));
  }
  const start = isoDateOf(resolvedYear, month, from);
  const end = addDays(isoDateOf(resolvedYear, month, to), 1);
  const whole = from === 1 && to === length;
  return ok({ start, end, unit: whole ? "month" : "day", count: whole ? 1 : to - from + 1, toDate: false });
}

function finish(draft: Draft, today: LocalDate, timeZone: string): Result<ResolvedRange, RangeError> {
  const asked = describeSpan(draft.start, draft.end, { unit: draft.unit, count: draft.count, toDate: false });
  if (dayNumber(draft.start) > dayNumber(today)) {
    return err(
      rangeError(
        "future_range",
        `${asked} has not started yet: today is ${formatDate(today)} in ${timeZone}. Ask for a range that starts on or before today.`,
      ),
    );
  }
  const tomorrow = addDays(today, 1);
  const clipped = dayNumber(draft.end) > dayNumber(tomorrow);
  const end = clipped ? tomorrow : draft.end;
  const days = daysBetween(draft.start, end);
  const alignment = {
    unit: draft.unit,
    count: draft.unit === "day" ? days : draft.count,
    toDate: draft.toDate || clipped || (draft.unit === "day" && end === tomorrow),
  };
  const span = describeSpan(draft.start, end, alignment);
  let label = span;
  if (draft.phrase !== undefined) label = `${draft.phrase} (${span})`;
  else if (alignment.unit === "day" && alignment.toDate) label = `${span} (to date)`;
  else if (clipped) label = `${asked} to date (${span})`;
  return ok({ start: draft.start, end, days, label, alignment });
}
