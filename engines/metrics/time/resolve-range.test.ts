import { describe, expect, it } from "vitest";
import { resolveRange } from "./resolve-range.ts";
import type { RangeSpec } from "./range-spec.ts";
import type { ResolvedRange, WeekStart, WorkspaceCalendar } from "./types.ts";

// 05:30 UTC on Nov 21 is 23:30 on Friday Nov 20 in Mexico City (UTC−6) and 14:30 on Saturday Nov 21 in Tokyo.
const NOW = new Date("2026-11-21T05:30:00Z");
const MEXICO: WorkspaceCalendar = { timeZone: "America/Mexico_City", weekStart: "monday" };
const TOKYO: WorkspaceCalendar = { timeZone: "Asia/Tokyo", weekStart: "monday" };

function resolved(spec: RangeSpec, calendar: WorkspaceCalendar = TOKYO, now: Date = NOW): ResolvedRange {
  const result = resolveRange(spec, calendar, now);
  if (!result.ok) throw new Error(`expected a range, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function failure(spec: RangeSpec, calendar: WorkspaceCalendar = TOKYO) {
  const result = resolveRange(spec, calendar, NOW);
  if (result.ok) throw new Error(`expected an error, got ${result.value.label}`);
  return result.error;
}

describe("today in the workspace's zone", () => {
  it("is still Nov 20 in Mexico City and already Nov 21 in Tokyo", () => {
    expect(resolved({ kind: "today" }, MEXICO)).toEqual({
      start: "2026-11-20",
      end: "2026-11-21",
      days: 1,
      label: "today (Nov 20, 2026)",
      alignment: { unit: "day", count: 1, toDate: true },
    });
    expect(resolved({ kind: "today" }, TOKYO)).toMatchObject({ start: "2026-11-21", end: "2026-11-22", label: "today (Nov 21, 2026)" });
    expect(resolved({ kind: "yesterday" }, MEXICO)).toMatchObject({ start: "2026-11-19", end: "2026-11-20", label: "yesterday (Nov 19, 2026)" });
    expect(resolved({ kind: "yesterday" }, TOKYO)).toEqual({
      start: "2026-11-20",
      end: "2026-11-21",
      days: 1,
      label: "yesterday (Nov 20, 2026)",
      alignment: { unit: "day", count: 1, toDate: false },
    });
  });

  it("ends the last n days yesterday", () => {
    expect(resolved({ kind: "last", n: 30, unit: "day" }, TOKYO)).toEqual({
      start: "2026-10-22",
      end: "2026-11-21",
      days: 30,
      label: "last 30 days (Oct 22 – Nov 20, 2026)",
      alignment: { unit: "day", count: 30, toDate: false },
    });
    expect(resolved({ kind: "last", n: 30, unit: "day" }, MEXICO)).toMatchObject({ start: "2026-10-21", end: "2026-11-20", label: "last 30 days (Oct 21 – Nov 19, 2026)" });
  });
});

describe("periods to date and previous periods", () => {
  it("runs month to date through today", () => {
    expect(resolved({ kind: "this", unit: "month" }, TOKYO)).toEqual({
      start: "2026-11-01",
      end: "2026-11-22",
      days: 21,
      label: "month to date (Nov 1 – 21, 2026)",
      alignment: { unit: "month", count: 1, toDate: true },
    });
    expect(resolved({ kind: "this", unit: "quarter" }, MEXICO)).toMatchObject({ start: "2026-10-01", end: "2026-11-21", label: "quarter to date (Oct 1 – Nov 20, 2026)" });
    expect(resolved({ kind: "this", unit: "year" }, MEXICO)).toMatchObject({ start: "2026-01-01", end: "2026-11-21", days: 324 });
  });

  // Tokyo's today is Saturday Nov 21; Mexico City's is Friday Nov 20.
  const weeks: ReadonlyArray<[WeekStart, string, [string, string], [string, string]]> = [
    ["monday", "Asia/Tokyo", ["2026-11-16", "2026-11-22"], ["2026-11-09", "2026-11-16"]],
    ["sunday", "Asia/Tokyo", ["2026-11-15", "2026-11-22"], ["2026-11-08", "2026-11-15"]],
    ["saturday", "Asia/Tokyo", ["2026-11-21", "2026-11-22"], ["2026-11-14", "2026-11-21"]],
    ["monday", "America/Mexico_City", ["2026-11-16", "2026-11-21"], ["2026-11-09", "2026-11-16"]],
    ["sunday", "America/Mexico_City", ["2026-11-15", "2026-11-21"], ["2026-11-08", "2026-11-15"]],
    ["saturday", "America/Mexico_City", ["2026-11-14", "2026-11-21"], ["2026-11-07", "2026-11-14"]],
  ];
  it.each(weeks)("starts weeks on %s (%s)", (weekStart, timeZone, thisWeek, lastWeek) => {
    const calendar = { timeZone, weekStart };
    const current = resolved({ kind: "this", unit: "week" }, calendar);
    expect([current.start, current.end]).toEqual(thisWeek);
    expect(current.alignment).toEqual({ unit: "week", count: 1, toDate: true });
    const previous = resolved({ kind: "previous", unit: "week" }, calendar);
    expect([previous.start, previous.end]).toEqual(lastWeek);
    expect(previous.days).toBe(7);
    expect(previous.alignment).toEqual({ unit: "week", count: 1, toDate: false });
  });

  it("labels weeks by their dates", () => {
    expect(resolved({ kind: "this", unit: "week" }).label).toBe("week to date (Nov 16 – 21, 2026)");
    expect(resolved({ kind: "this", unit: "week" }, { timeZone: "Asia/Tokyo", weekStart: "saturday" }).label).toBe("week to date (Nov 21, 2026)");
    expect(resolved({ kind: "previous", unit: "week" }).label).toBe("last week (Nov 9 – 15, 2026)");
  });

  it("counts the last n weeks, months, quarters and years as whole periods before the current one", () => {
    expect(resolved({ kind: "last", n: 2, unit: "week" })).toMatchObject({
      start: "2026-11-02",
      end: "2026-11-16",
      days: 14,
      label: "last 2 weeks (Nov 2 – 15, 2026)",
      alignment: { unit: "week", count: 2, toDate: false },
    });
    expect(resolved({ kind: "last", n: 3, unit: "month" })).toMatchObject({ start: "2026-08-01", end: "2026-11-01", days: 92, label: "last 3 months (Aug – Oct 2026)" });
    expect(resolved({ kind: "last", n: 2, unit: "quarter" })).toMatchObject({ start: "2026-04-01", end: "2026-10-01", label: "last 2 quarters (Q2 – Q3 2026)" });
    expect(resolved({ kind: "last", n: 12, unit: "month" })).toMatchObject({ start: "2025-11-01", end: "2026-11-01", label: "last 12 months (Nov 2025 – Oct 2026)" });
    expect(resolved({ kind: "previous", unit: "month" })).toMatchObject({ start: "2026-10-01", end: "2026-11-01", label: "last month (Oct 2026)" });
    expect(resolved({ kind: "previous", unit: "quarter" })).toMatchObject({ start: "2026-07-01", end: "2026-10-01", label: "last quarter (Q3 2026)" });
    expect(resolved({ kind: "previous", unit: "year" })).toMatchObject({ start: "2025-01-01", end: "2026-01-01", days: 365, label: "last year (2025)" });
  });

  it("takes last month from the local date, not the UTC one", () => {
    // 2026-12-01T03:00Z is still Nov 30 in Mexico City, so last month is October there.
    const now = new Date("2026-12-01T03:00:00Z");
    expect(resolved({ kind: "previous", unit: "month" }, MEXICO, now)).toMatchObject({ start: "2026-10-01", end: "2026-11-01" });
    expect(resolved({ kind: "previous", unit: "month" }, TOKYO, now)).toMatchObject({ start: "2026-11-01", end: "2026-12-01" });
  });
});

describe("named months, quarters and years", () => {
  it("picks the most recent such month that has started when no year is given", () => {
    expect(resolved({ kind: "month", month: 10 })).toEqual({
      start: "2026-10-01",
      end: "2026-11-01",
      days: 31,
      label: "Oct 2026",
      alignment: { unit: "month", count: 1, toDate: false },
    });
    // December has not come yet in November 2026: the last one was in 2025.
    expect(resolved({ kind: "month", month: 12 })).toMatchObject({ start: "2025-12-01", end: "2026-01-01", label: "Dec 2025" });
    expect(resolved({ kind: "quarter", quarter: 1 })).toMatchObject({ start: "2026-01-01", end: "2026-04-01", label: "Q1 2026" });
    expect(resolved({ kind: "month", month: 2, year: 2024 })).toMatchObject({ days: 29, label: "Feb 2024" });
    expect(resolved({ kind: "year", year: 2025 })).toMatchObject({ start: "2025-01-01", end: "2026-01-01", label: "2025" });
  });

  it("cuts the current month, quarter or year at today and says so", () => {
    expect(resolved({ kind: "month", month: 11 })).toEqual({
      start: "2026-11-01",
      end: "2026-11-22",
      days: 21,
      label: "Nov 2026 to date (Nov 1 – 21, 2026)",
      alignment: { unit: "month", count: 1, toDate: true },
    });
    expect(resolved({ kind: "quarter", quarter: 4, year: 2026 }, MEXICO)).toMatchObject({ end: "2026-11-21", label: "Q4 2026 to date (Oct 1 – Nov 20, 2026)" });
    expect(resolved({ kind: "year", year: 2026 })).toMatchObject({ start: "2026-01-01", end: "2026-11-22", alignment: { unit: "year", count: 1, toDate: true } });
  });

  it("resolves some days of a month", () => {
    expect(resolved({ kind: "month", month: 10, fromDay: 1, toDay: 15 })).toEqual({
      start: "2026-10-01",
      end: "2026-10-16",
      days: 15,
      label: "Oct 1 – 15, 2026",
      alignment: { unit: "day", count: 15, toDate: false },
    });
    // Nov 25 has not come yet on Nov 21, so "Nov 25–28" is last year's.
    expect(resolved({ kind: "month", month: 11, fromDay: 25, toDay: 28 })).toMatchObject({ start: "2025-11-25", end: "2025-11-29" });
    expect(failure({ kind: "month", month: 2, year: 2026, fromDay: 1, toDay: 30 })).toMatchObject({ code: "invalid_date", message: expect.stringContaining("Feb 2026 has 28 days") as unknown });
  });
});

describe("explicit dates", () => {
  it("includes both ends of a between range and ends it exclusively", () => {
    expect(resolved({ kind: "between", start: "2026-10-03", end: "2026-11-02" })).toEqual({
      start: "2026-10-03",
      end: "2026-11-03",
      days: 31,
      label: "Oct 3 – Nov 2, 2026",
      alignment: { unit: "day", count: 31, toDate: false },
    });
    expect(resolved({ kind: "between", start: "2025-12-28", end: "2026-01-03" }).label).toBe("Dec 28, 2025 – Jan 3, 2026");
  });

  it("runs since a date or a month through today", () => {
    expect(resolved({ kind: "since", start: "2026-09-01" })).toEqual({
      start: "2026-09-01",
      end: "2026-11-22",
      days: 82,
      label: "Sep 1 – Nov 21, 2026 (to date)",
      alignment: { unit: "day", count: 82, toDate: true },
    });
    expect(resolved({ kind: "since", month: 12 })).toMatchObject({ start: "2025-12-01", end: "2026-11-22" });
  });

  it("cuts a range that runs past today at today", () => {
    expect(resolved({ kind: "between", start: "2026-11-15", end: "2026-11-30" })).toMatchObject({
      start: "2026-11-15",
      end: "2026-11-22",
      days: 7,
      label: "Nov 15 – 21, 2026 (to date)",
      alignment: { unit: "day", count: 7, toDate: true },
    });
  });
});

describe("errors", () => {
  it("refuses a range entirely in the future, naming today", () => {
    const error = failure({ kind: "between", start: "2026-12-01", end: "2026-12-05" });
    expect(error.code).toBe("future_range");
    expect(error.message).toContain("today is Nov 21, 2026 in Asia/Tokyo");
    expect(failure({ kind: "year", year: 2027 }).code).toBe("future_range");
    expect(failure({ kind: "month", month: 12, year: 2026 }).message).toMatch(/^Dec 2026 has not started yet/);
    // Nov 21 is tomorrow in Mexico City, so a range starting then is still in the future there.
    expect(failure({ kind: "since", start: "2026-11-21" }, MEXICO).code).toBe("future_range");
    expect(resolved({ kind: "since", start: "2026-11-21" }, TOKYO).days).toBe(1);
  });

  it("refuses backwards ranges, impossible dates and malformed specs with a message that says what to fix", () => {
    expect(failure({ kind: "between", start: "2026-10-15", end: "2026-10-01" })).toEqual({
      code: "empty_range",
      message: "The range ends (Oct 1, 2026) before it starts (Oct 15, 2026): put the earlier date first.",
    });
    expect(failure({ kind: "between", start: "2026-02-30", end: "2026-03-02" })).toMatchObject({ code: "invalid_date", message: expect.stringContaining("start is not a calendar date") as unknown });
    expect(failure({ kind: "since", start: "1/9/2026" })).toMatchObject({ code: "invalid_date", message: expect.stringContaining("YYYY-MM-DD") as unknown });
    expect(failure({ kind: "month", month: 13 })).toMatchObject({ code: "invalid_spec", message: expect.stringContaining("month must be 1–12") as unknown });
    expect(failure({ kind: "last", n: 0, unit: "day" })).toMatchObject({ code: "invalid_spec", message: expect.stringContaining("n must be at least 1") as unknown });
    expect(failure({ kind: "since" }).code).toBe("invalid_spec");
  });
});
