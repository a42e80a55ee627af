/** Short English labels for dates, spans and calendar periods: "Nov 20, 2026", "Oct 22 – Nov 20, 2026", "Q3 2026". */
import { addDays, dayNumber, parseIsoDate } from "../../../lib/calendar-date.ts";
import { assertNever } from "../../../lib/assert-never.ts";
import { quarterOfMonth } from "./periods.ts";
import type { LocalDate, RangeAlignment } from "./types.ts";

const MONTH_ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "Oct" for month 10. */
export function monthAbbreviation(month: number): string {
  const name = MONTH_ABBREVIATIONS[month - 1];
  if (name === undefined) throw new Error(`month ${month} is not 1–12`);
  return name;
}

/** "Nov 20, 2026", or "Nov 20" without the year. */
export function formatDate(date: LocalDate, withYear = true): string {
  const { year, month, day } = parseIsoDate(date);
  return withYear ? `${monthAbbreviation(month)} ${day}, ${year}` : `${monthAbbreviation(month)} ${day}`;
}

/**
 * The days from `start` to the exclusive `end`, naming the year once where it can: "Nov 20, 2026",
 * "Nov 1 – 21, 2026", "Oct 22 – Nov 20, 2026", "Dec 22, 2025 – Jan 20, 2026".
 */
export function formatSpan(start: LocalDate, end: LocalDate): string {
  const last = addDays(end, -1);
  if (dayNumber(last) <= dayNumber(start)) return formatDate(start);
  const a = parseIsoDate(start);
  const b = parseIsoDate(last);
  if (a.year !== b.year) return `${formatDate(start)} – ${formatDate(last)}`;
  if (a.month !== b.month) return `${formatDate(start, false)} – ${formatDate(last)}`;
  return `${formatDate(start, false)} – ${b.day}, ${b.year}`;
}

/** "Oct 2026" for the month containing `date`. */
export function monthLabel(date: LocalDate): string {
  const { year, month } = parseIsoDate(date);
  return `${monthAbbreviation(month)} ${year}`;
}

/** "Q4 2026" for the quarter containing `date`. */
export function quarterLabel(date: LocalDate): string {
  const { year, month } = parseIsoDate(date);
  return `Q${quarterOfMonth(month)} ${year}`;
}

/** "2026" for the year containing `date`. */
export function yearLabel(date: LocalDate): string {
  return String(parseIsoDate(date).year);
}

/** "Aug – Oct 2026" or "Nov 2025 – Jan 2026": a first and last label that share a trailing year once. */
function joinPeriods(first: string, last: string): string {
  if (first === last) return first;
  const firstYear = first.slice(-4);
  if (firstYear === last.slice(-4) && /^\S+ \d{4}$/.test(first)) return `${first.slice(0, -5)} – ${last}`;
  return `${first} – ${last}`;
}

/**
 * What a range covers, with no reference to today: whole months, quarters and years by name ("Oct
 * 2026", "Aug – Oct 2026", "Q3 2026", "2025"), everything else (days, weeks, to-date spans) as dates.
 */
export function describeSpan(start: LocalDate, end: LocalDate, alignment: RangeAlignment): string {
  if (alignment.toDate) return formatSpan(start, end);
  const last = addDays(end, -1);
  switch (alignment.unit) {
    case "month":
      return joinPeriods(monthLabel(start), monthLabel(last));
    case "quarter":
      return joinPeriods(quarterLabel(start), quarterLabel(last));
    case "year":
      return joinPeriods(yearLabel(start), yearLabel(last));
    case "day":
    case "week":
      return formatSpan(start, end);
    default:
      return assertNever(alignment.unit, "alignment unit");
  }
}
