/**
 * What a person (or a model calling a tool) can ask for as a date range, before it is resolved
 * against a clock and a workspace calendar. Every field is described, because LLM tools expose the
 * schema as it is.
 */
import { z } from "zod";
import { isValidIsoDate } from "../../../lib/calendar-date.ts";

const isoDate = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "use the form YYYY-MM-DD")
    .refine(isValidIsoDate, "is not a calendar date")
    .describe(what);

const year = (what: string) => z.number().int().min(1900, "must be 1900 or later").max(9999, "must be at most 9999").describe(what);
const month = (what: string) => z.number().int().min(1, "must be 1–12").max(12, "must be 1–12").describe(what);
const dayOfMonth = (what: string) => z.number().int().min(1, "must be 1–31").max(31, "must be 1–31").describe(what);

const PERIOD_UNITS = ["week", "month", "quarter", "year"] as const;
const LAST_UNITS = ["day", ...PERIOD_UNITS] as const;

const periodUnit = z.enum(PERIOD_UNITS).describe("Calendar period; weeks start on the workspace's week start day.");

/**
 * A date range as asked, discriminated on `kind`. Validate tool input with it; resolveRange turns a
 * spec into dates, parseRangeText reads one from English, Spanish or Portuguese text.
 */
export const rangeSpecSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("today").describe("Today so far, in the workspace's time zone.") }),
    z.object({ kind: z.literal("yesterday").describe("The whole previous day.") }),
    z.object({
      kind: z.literal("last").describe('The n complete periods before the current one: "last 30 days" ends yesterday, "last 3 months" is the 3 whole months before this one.'),
      n: z.number().int().min(1, "must be at least 1").max(1000, "must be at most 1000").describe("How many periods, 1 or more."),
      unit: z.enum(LAST_UNITS).describe("Days, or calendar weeks/months/quarters/years."),
    }),
    z.object({
      kind: z.literal("this").describe("The current period up to and including today (week/month/quarter/year to date, e.g. MTD, YTD)."),
      unit: periodUnit,
    }),
    z.object({
      kind: z.literal("previous").describe('The whole period before the current one: "last week", "last month", "last year".'),
      unit: periodUnit,
    }),
    z
      .object({
        kind: z.literal("month").describe("A named month, optionally only some of its days."),
        month: month("Month, 1 = January … 12 = December."),
        year: year("Year; leave out for the most recent such month that has started.").optional(),
        fromDay: dayOfMonth("First day of the month to include (default 1).").optional(),
        toDay: dayOfMonth("Last day of the month to include (default: the month's last day).").optional(),
      })
      .refine((spec) => spec.fromDay === undefined || spec.toDay === undefined || spec.toDay >= spec.fromDay, {
        message: "toDay must not be before fromDay",
        path: ["toDay"],
      }),
    z.object({
      kind: z.literal("quarter").describe("A calendar quarter: Q1 = Jan–Mar … Q4 = Oct–Dec."),
      quarter: z.number().int().min(1, "must be 1–4").max(4, "must be 1–4").describe("Quarter, 1–4."),
      year: year("Year; leave out for the most recent such quarter that has started.").optional(),
    }),
    z.object({
      kind: z.literal("year").describe("A calendar year, January 1 to December 31."),
      year: year("The year, e.g. 2025."),
    }),
    z.object({
      kind: z.literal("between").describe("Explicit dates; both ends are included."),
      start: isoDate("First day included, YYYY-MM-DD."),
      end: isoDate("Last day included, YYYY-MM-DD."),
    }),
    z
      .object({
        kind: z.literal("since").describe("From a date (or the start of a month) through today. Give either start or month."),
        start: isoDate("First day included, YYYY-MM-DD.").optional(),
        month: month('Instead of start: "since September" starts on the 1st of this month (1–12).').optional(),
        year: year("With month: the month's year; leave out for the most recent such month that has started.").optional(),
      })
      .refine((spec) => (spec.start === undefined) !== (spec.month === undefined), {
        message: "since needs either start (a date) or month, not both or neither",
      })
      .refine((spec) => spec.year === undefined || spec.month !== undefined, { message: "year goes with month", path: ["year"] }),
  ])
  .describe("A date range in the workspace's calendar. Resolved ranges never reach past today.");

export type RangeSpec = z.infer<typeof rangeSpecSchema>;
export type RangeSpecKind = RangeSpec["kind"];
