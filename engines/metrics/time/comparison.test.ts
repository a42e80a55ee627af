import { describe, expect, it } from "vitest";
import { comparisonRange } from "./comparison.ts";
import { resolveRange } from "./resolve-range.ts";
import type { RangeSpec } from "./range-spec.ts";
import type { ResolvedRange, WorkspaceCalendar } from "./types.ts";

const TOKYO: WorkspaceCalendar = { timeZone: "Asia/Tokyo", weekStart: "monday" };

/** Resolves `spec` on the given local date (noon UTC is that date in UTC). */
function on(date: string, spec: RangeSpec): ResolvedRange {
  const result = resolveRange(spec, { timeZone: "UTC", weekStart: "monday" }, new Date(`${date}T12:00:00Z`));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const span = (range: ResolvedRange) => [range.start, range.end, range.days];

describe("previous period", () => {
  it("steps whole calendar periods back by as many periods", () => {
    expect(comparisonRange(on("2026-11-21", { kind: "month", month: 10 }), "previous")).toEqual({
      start: "2026-09-01",
      end: "2026-10-01",
      days: 30,
      label: "Sep 2026",
      alignment: { unit: "month", count: 1, toDate: false },
    });
    expect(comparisonRange(on("2026-11-21", { kind: "quarter", quarter: 3 }), "previous")).toMatchObject({ start: "2026-04-01", end: "2026-07-01", label: "Q2 2026" });
    expect(comparisonRange(on("2026-11-21", { kind: "quarter", quarter: 1 }), "previous")).toMatchObject({ start: "2025-10-01", end: "2026-01-01", label: "Q4 2025" });
    expect(comparisonRange(on("2026-11-21", { kind: "last", n: 3, unit: "month" }), "previous")).toMatchObject({ start: "2026-05-01", end: "2026-08-01", label: "May – Jul 2026" });
    expect(comparisonRange(on("2026-11-21", { kind: "year", year: 2025 }), "previous")).toMatchObject({ start: "2024-01-01", end: "2025-01-01", days: 366, label: "2024" });
  });

  it("takes the two weeks before the last two weeks", () => {
    const lastTwoWeeks = on("2026-11-21", { kind: "last", n: 2, unit: "week" });
    expect(span(lastTwoWeeks)).toEqual(["2026-11-02", "2026-11-16", 14]);
    expect(comparisonRange(lastTwoWeeks, "previous")).toEqual({
      start: "2026-10-19",
      end: "2026-11-02",
      days: 14,
      label: "Oct 19 – Nov 1, 2026",
      alignment: { unit: "week", count: 2, toDate: false },
    });
  });

  it("compares a period to date with the same part of the previous period", () => {
    expect(comparisonRange(on("2026-11-21", { kind: "this", unit: "month" }), "previous")).toEqual({
      start: "2026-10-01",
      end: "2026-10-22",
      days: 21,
      label: "Oct 1 – 21, 2026",
      alignment: { unit: "month", count: 1, toDate: true },
    });
    // Saturday Nov 21 with Monday weeks: Mon–Sat this week against Mon–Sat last week.
    expect(span(comparisonRange(on("2026-11-21", { kind: "this", unit: "week" }), "previous"))).toEqual(["2026-11-09", "2026-11-15", 6]);
    expect(span(comparisonRange(on("2026-11-21", { kind: "this", unit: "year" }), "previous"))).toEqual(["2025-01-01", "2025-11-22", 325]);
    // Quarter to date through Mar 15 → the previous quarter through Dec 15 (same month of the quarter, same day).
    expect(span(comparisonRange(on("2026-03-15", { kind: "this", unit: "quarter" }), "previous"))).toEqual(["2025-10-01", "2025-12-16", 76]);
  });

  it("clamps month to date on Mar 31 to the end of February", () => {
    const march = on("2026-03-31", { kind: "this", unit: "month" });
    expect(span(march)).toEqual(["2026-03-01", "2026-04-01", 31]);
    expect(comparisonRange(march, "previous")).toMatchObject({ start: "2026-02-01", end: "2026-03-01", days: 28, label: "Feb 1 – 28, 2026" });
    expect(span(comparisonRange(on("2024-03-31", { kind: "this", unit: "month" }), "previous"))).toEqual(["2024-02-01", "2024-03-01", 29]);
    expect(span(comparisonRange(on("2026-03-30", { kind: "this", unit: "month" }), "previous"))).toEqual(["2026-02-01", "2026-03-01", 28]);
  });

  it("takes the same number of days just before a day range", () => {
    const last30 = on("2026-11-21", { kind: "last", n: 30, unit: "day" });
    expect(comparisonRange(last30, "previous")).toEqual({
      start: "2026-09-22",
      end: "2026-10-22",
      days: 30,
      label: "Sep 22 – Oct 21, 2026",
      alignment: { unit: "day", count: 30, toDate: false },
    });
    expect(span(comparisonRange(on("2026-11-21", { kind: "between", start: "2026-10-03", end: "2026-11-02" }), "previous"))).toEqual(["2026-09-02", "2026-10-03", 31]);
    expect(comparisonRange(on("2026-11-21", { kind: "today" }), "previous")).toMatchObject({ start: "2026-11-20", end: "2026-11-21", label: "Nov 20, 2026" });
  });
});

describe("same period last year", () => {
  it("maps Feb 29 to Feb 28", () => {
    const leapDay = on("2024-03-10", { kind: "between", start: "2024-02-29", end: "2024-02-29" });
    expect(comparisonRange(leapDay, "last_year")).toEqual({
      start: "2023-02-28",
      end: "2023-03-01",
      days: 1,
      label: "Feb 28, 2023",
      alignment: { unit: "day", count: 1, toDate: false },
    });
    expect(comparisonRange(leapDay, "previous")).toMatchObject({ start: "2024-02-28", end: "2024-02-29" });
  });

  it("maps whole months, quarters and years to the same ones a year earlier", () => {
    expect(comparisonRange(on("2024-03-10", { kind: "month", month: 2 }), "last_year")).toMatchObject({ start: "2023-02-01", end: "2023-03-01", days: 28, label: "Feb 2023" });
    expect(comparisonRange(on("2026-11-21", { kind: "quarter", quarter: 3 }), "last_year")).toMatchObject({ start: "2025-07-01", end: "2025-10-01", label: "Q3 2025" });
    expect(comparisonRange(on("2026-11-21", { kind: "year", year: 2024 }), "last_year")).toMatchObject({ start: "2023-01-01", end: "2024-01-01", days: 365 });
    expect(span(comparisonRange(on("2026-11-21", { kind: "this", unit: "month" }), "last_year"))).toEqual(["2025-11-01", "2025-11-22", 21]);
  });

  it("maps weeks to 52 weeks earlier so weekdays line up", () => {
    const lastWeek = on("2026-11-21", { kind: "previous", unit: "week" });
    expect(span(lastWeek)).toEqual(["2026-11-09", "2026-11-16", 7]);
    // Mon Nov 10 – Sun Nov 16, 2025.
    expect(comparisonRange(lastWeek, "last_year")).toMatchObject({ start: "2025-11-10", end: "2025-11-17", days: 7, label: "Nov 10 – 16, 2025" });
  });

  it("keeps the dates of a day range", () => {
    const result = resolveRange({ kind: "last", n: 30, unit: "day" }, TOKYO, new Date("2026-11-21T05:30:00Z"));
    if (!result.ok) throw new Error(result.error.message);
    expect(span(comparisonRange(result.value, "last_year"))).toEqual(["2025-10-22", "2025-11-21", 30]);
  });
});
