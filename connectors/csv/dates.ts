/**
 * Order dates as files write them: ISO 8601 (with or without time and offset, "2024-03-05 14:22:10
 * -0600" as Shopify writes it), and numeric D/M/Y, M/D/Y or Y/M/D with an optional time and AM/PM.
 * A time without an offset is wall-clock time in the workspace's zone; a date alone is local
 * midnight. Whether "03/04/2024" is March or April is decided once for the whole file.
 */
import { zonedTimeToUtc } from "../../lib/zoned-time.ts";
import { err, ok, type Result } from "../../lib/result.ts";

export const DATE_FORMATS = ["iso", "dmy", "mdy", "ymd"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Minutes east of UTC when the text carried an offset; undefined for wall-clock time. */
  readonly offsetMinutes: number | undefined;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const NUMERIC = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:\s*([ap])\.?\s*m\.?)?)?$/i;

type Shape =
  | { readonly kind: "iso"; readonly match: RegExpExecArray }
  | { readonly kind: "ymd"; readonly match: RegExpExecArray }
  | { readonly kind: "triple"; readonly first: number; readonly second: number; readonly match: RegExpExecArray };

function shapeOf(text: string): Shape | undefined {
  const iso = ISO.exec(text);
  if (iso) return { kind: "iso", match: iso };
  const numeric = NUMERIC.exec(text);
  if (!numeric) return undefined;
  if ((numeric[1] ?? "").length === 4) return { kind: "ymd", match: numeric };
  if ((numeric[1] ?? "").length > 2 || ![2, 4].includes((numeric[4] ?? "").length)) return undefined;
  return { kind: "triple", first: Number(numeric[1]), second: Number(numeric[3]), match: numeric };
}

interface Example {
  readonly value: string;
  readonly row: number;
}

/** Collects, over the whole file, what its dates say about day/month order. */
export class DateEvidence {
  private triples = 0;
  private yearFirst = 0;
  private dayFirst: Example | undefined;
  private monthFirst: Example | undefined;
  private ambiguous: Example | undefined;
  private previous = "";

  add(text: string, row: number): void {
    // Consecutive lines of an order repeat its date; one look is enough.
    if (text === this.previous) return;
    this.previous = text;
    const shape = shapeOf(text.trim());
    if (!shape) return; // reported with its row when the file is parsed
    if (shape.kind === "ymd") this.yearFirst++;
    if (shape.kind !== "triple") return;
    const { first, second } = shape;
    if (first > 12 && second > 12) return; // not a date either way; reported later
    this.triples++;
    if (first > 12) this.dayFirst ??= { value: text, row };
    else if (second > 12) this.monthFirst ??= { value: text, row };
    else this.ambiguous ??= { value: text, row };
  }

  /** The format for "auto", or the reason it cannot be decided (asking for --date-format). */
  resolve(): Result<DateFormat, string> {
    if (this.triples === 0) return ok(this.yearFirst > 0 ? "ymd" : "iso");
    if (this.dayFirst && this.monthFirst) {
      return err(
        `the dates disagree on the order of day and month: "${this.dayFirst.value}" (row ${this.dayFirst.row}) puts the day first, ` +
          `"${this.monthFirst.value}" (row ${this.monthFirst.row}) the month; fix the file or choose with --date-format dmy|mdy`,
      );
    }
    if (this.dayFirst) return ok("dmy");
    if (this.monthFirst) return ok("mdy");
    const example = this.ambiguous ? `"${this.ambiguous.value}" (row ${this.ambiguous.row})` : "the dates";
    return err(
      `cannot tell whether dates like ${example} are day/month/year or month/day/year: no day in the file is above 12. ` +
        `Choose with --date-format dmy (day first) or --date-format mdy (month first)`,
    );
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fullYear(text: string): number {
  const year = Number(text);
  // Two-digit years: 00–69 → 2000s, 70–99 → 1900s (the spreadsheet convention).
  if (text.length === 2) return year < 70 ? 2000 + year : 1900 + year;
  return year;
}

function offsetOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const upper = text.toUpperCase();
  if (upper === "Z" || upper === "UTC" || upper === "GMT") return 0;
  const sign = text.startsWith("-") ? -1 : 1;
  const digits = text.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

function build(
  year: number,
  month: number,
  day: number,
  time: { hour: number; minute: number; second: number; millisecond: number },
  offsetMinutes: number | undefined,
): Result<DateParts, string> {
  if (year < 1900 || year > 2199) return err("the year is out of range");
  if (month < 1 || month > 12) return err("the month is not between 1 and 12");
  if (day < 1 || day > daysInMonth(year, month)) return err("the day does not exist in that month");
  if (time.hour > 23 || time.minute > 59 || time.second > 59) return err("the time is not valid");
  if (offsetMinutes !== undefined && Math.abs(offsetMinutes) > 18 * 60) return err("the UTC offset is not valid");
  return ok({ year, month, day, ...time, offsetMinutes });
}

/** Reads one date with a resolved format. Year-first dates are accepted under every format but "iso". */
export function parseDateParts(text: string, format: DateFormat): Result<DateParts, string> {
  const trimmed = text.trim();
  if (trimmed.length === 0) return err("the date is empty");
  const shape = shapeOf(trimmed);
  if (!shape) return err(`not a date (expected ${describeFormat(format)})`);
  const m = shape.match;
  if (shape.kind === "iso") {
    const fraction = (m[7] ?? "").padEnd(3, "0").slice(0, 3);
    const time = { hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0), millisecond: Number(fraction) };
    return build(Number(m[1]), Number(m[2]), Number(m[3]), time, offsetOf(m[8]));
  }
  if (format === "iso") return err(`not an ISO date (expected ${describeFormat(format)})`);
  let hour = Number(m[5] ?? 0);
  const meridiem = (m[8] ?? "").toLowerCase();
  if (meridiem !== "") {
    if (hour < 1 || hour > 12) return err("the time is not valid");
    hour = (hour % 12) + (meridiem === "p" ? 12 : 0);
  }
  const time = { hour, minute: Number(m[6] ?? 0), second: Number(m[7] ?? 0), millisecond: 0 };
  const a = m[1] ?? "";
  const b = Number(m[3]);
  const c = m[4] ?? "";
  if (shape.kind === "ymd") return build(Number(a), b, Number(c), time, undefined);
  switch (format) {
    case "dmy":
      return build(fullYear(c), b, Number(a), time, undefined);
    case "mdy":
      return build(fullYear(c), Number(a), b, time, undefined);
    case "ymd":
      return err(`not a year-first date (expected ${describeFormat(format)})`);
  }
}

export function describeFormat(format: DateFormat): string {
  switch (format) {
    case "iso":
      return "YYYY-MM-DD, optionally with a time and offset";
    case "dmy":
      return "day/month/year";
    case "mdy":
      return "month/day/year";
    case "ymd":
      return "year/month/day";
  }
}

/**
 * Turns date parts into instants in one time zone. Wall-clock conversions are cached per local
 * hour: zone offsets only change on (at least) hour boundaries, and Intl-based conversion costs
 * microseconds, which adds up over a million rows.
 */
export class InstantResolver {
  private readonly hourStarts = new Map<number, number>();

  constructor(private readonly timeZone: string) {}

  toDate(parts: DateParts): Date {
    const withinHour = (parts.minute * 60 + parts.second) * 1000 + parts.millisecond;
    if (parts.offsetMinutes !== undefined) {
      const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour) + withinHour;
      return new Date(wall - parts.offsetMinutes * 60000);
    }
    const key = ((parts.year * 100 + parts.month) * 100 + parts.day) * 100 + parts.hour;
    let start = this.hourStarts.get(key);
    if (start === undefined) {
      start = zonedTimeToUtc({ year: parts.year, month: parts.month, day: parts.day, hour: parts.hour }, this.timeZone).getTime();
      this.hourStarts.set(key, start);
    }
    return new Date(start + withinHour);
  }
}
