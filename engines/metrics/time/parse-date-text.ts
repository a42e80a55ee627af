/**
 * Single dates and months inside range phrases ("2026-10-01", "1 de octubre de 2026", "oct 1 2026",
 * "setembro", "15"), and how the two ends of a "from … to …" phrase complete each other.
 */
import { daysInMonth, isoDateOf } from "../../../lib/calendar-date.ts";
import { err, ok, type Result } from "../../../lib/result.ts";
import { monthAbbreviation } from "./labels.ts";
import { rangeError, type RangeError } from "./range-error.ts";
import type { RangeSpec } from "./range-spec.ts";
import { MONTH_WORDS, alternation, lookup } from "./range-vocabulary.ts";

/** What one end of a phrase names; a year, a month or a day may be missing. */
export interface DateRef {
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
}

const MONTH = `(${alternation(MONTH_WORDS)})`;
const DAY = "(?:(?:el|o) )?(?:dia )?(\\d{1,2})(?:st|nd|rd|th|er|o)?";
const YEAR = "(\\d{4})";

const DATE_FORMS: ReadonlyArray<{ readonly pattern: RegExp; readonly read: (m: RegExpExecArray) => DateRef }> = [
  { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) },
  { pattern: /^(\d{4})-(\d{1,2})$/, read: (m) => ({ year: Number(m[1]), month: Number(m[2]) }) },
  {
    pattern: new RegExp(`^${DAY} (?:de )?${MONTH}(?: (?:de |del )?${YEAR})?$`),
    read: (m) => ({ day: Number(m[1]), month: lookup(MONTH_WORDS, m[2]), ...yearOf(m[3]) }),
  },
  {
    pattern: new RegExp(`^${MONTH} (\\d{1,2})(?:st|nd|rd|th)?(?: ${YEAR})?$`),
    read: (m) => ({ month: lookup(MONTH_WORDS, m[1]), day: Number(m[2]), ...yearOf(m[3]) }),
  },
  {
    pattern: new RegExp(`^(?:(?:el |o )?mes de |(?:the )?month of )?${MONTH}(?: (?:de |del |of )?${YEAR})?$`),
    read: (m) => ({ month: lookup(MONTH_WORDS, m[1]), ...yearOf(m[2]) }),
  },
  { pattern: new RegExp(`^${DAY}$`), read: (m) => ({ day: Number(m[1]) }) },
];

function yearOf(text: string | undefined): { year?: number } {
  return text === undefined ? {} : { year: Number(text) };
}

/** The date or month a piece of normalized text names, or undefined. */
export function parseDateRef(text: string): DateRef | undefined {
  for (const form of DATE_FORMS) {
    const match = form.pattern.exec(text);
    if (match) return form.read(match);
  }
  return undefined;
}

/** A whole 'YYYY-MM-DD' date from a ref that has all three parts, or an invalid_date error. */
export function completeDate(ref: DateRef, text: string): Result<string, RangeError> | undefined {
  if (ref.year === undefined || ref.month === undefined || ref.day === undefined) return undefined;
  return calendarDate(ref.year, ref.month, ref.day, text);
}

function calendarDate(year: number, month: number, day: number, text: string): Result<string, RangeError> {
  if (month < 1 || month > 12) return err(rangeError("invalid_date", `"${text}" has month ${month}: months are 1–12.`));
  const length = daysInMonth(year, month);
  if (day < 1 || day > length) return err(rangeError("invalid_date", `"${text}": ${monthAbbreviation(month)} ${year} has no day ${day} (it has ${length} days).`));
  return ok(isoDateOf(year, month, day));
}

const missingYear = (text: string) =>
  rangeError("ambiguous_text", `"${text}" needs a year: write it like "2025-12-28 to 2026-01-03" or "28 dic 2025 al 3 ene 2026".`);

/**
 * The range from `left` to `right`, both included. The left end borrows what it leaves out from the
 * right ("del 1 al 15 de octubre de 2026"), going back a year when it would otherwise come after it
 * ("28 dic al 3 ene 2026"); the right end borrows a missing year from the left. Days in one month
 * with no year at all become a month spec with days, so the year is picked at resolve time.
 */
export function combineEnds(left: DateRef, right: DateRef, text: string): Result<RangeSpec, RangeError> | undefined {
  if (right.month === undefined) return undefined;
  const leftMonth = left.month ?? right.month;
  if (left.month === undefined && left.day === undefined) return undefined;
  const leftDay = left.day ?? 1;
  if (left.year === undefined && right.year === undefined) {
    if (leftMonth !== right.month) return err(missingYear(text));
    return ok({ kind: "month", month: leftMonth, ...(left.day === undefined ? {} : { fromDay: left.day }), ...(right.day === undefined ? {} : { toDay: right.day }) });
  }
  if (leftMonth < 1 || leftMonth > 12 || right.month < 1 || right.month > 12) return err(rangeError("invalid_date", `"${text}" has a month outside 1–12.`));
  const rightDayOrEnd = right.day ?? 31;
  const leftAfterRight = leftMonth * 100 + leftDay > right.month * 100 + rightDayOrEnd;
  const leftYear = left.year ?? (right.year ?? 0) - (leftAfterRight ? 1 : 0);
  const rightYear = right.year ?? leftYear + (leftAfterRight ? 1 : 0);
  const start = calendarDate(leftYear, leftMonth, leftDay, text);
  if (!start.ok) return start;
  const end = calendarDate(rightYear, right.month, right.day ?? daysInMonth(rightYear, right.month), text);
  if (!end.ok) return end;
  return ok({ kind: "between", start: start.value, end: end.value });
}
