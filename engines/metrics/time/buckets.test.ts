import { describe, expect, it } from "vitest";
import { bucketKey, bucketStart, bucketsOf } from "./buckets.ts";
import type { WeekStart } from "./types.ts";

const OCTOBER = { start: "2026-10-01", end: "2026-11-01" }; // Oct 1, 2026 is a Thursday.

describe("bucket starts and keys", () => {
  it("starts a week on the workspace's week start", () => {
    // Thursday Oct 8, 2026.
    expect(bucketStart("2026-10-08", "week", "monday")).toBe("2026-10-05");
    expect(bucketStart("2026-10-08", "week", "sunday")).toBe("2026-10-04");
    expect(bucketStart("2026-10-08", "week", "saturday")).toBe("2026-10-03");
    // A week start day is its own bucket start.
    expect(bucketStart("2026-10-05", "week", "monday")).toBe("2026-10-05");
    expect(bucketStart("2026-10-03", "week", "saturday")).toBe("2026-10-03");
    expect(bucketStart("2026-11-21", "quarter", "monday")).toBe("2026-10-01");
    expect(bucketStart("2026-11-21", "year", "monday")).toBe("2026-01-01");
  });

  it("keys buckets by day, week start, month, quarter and year", () => {
    expect(bucketKey("2026-10-05", "day", "monday")).toBe("2026-10-05");
    expect(bucketKey("2026-10-08", "week", "monday")).toBe("2026-10-05");
    expect(bucketKey("2027-01-01", "week", "monday")).toBe("2026-12-28");
    expect(bucketKey("2026-10-08", "month", "monday")).toBe("2026-10");
    expect(bucketKey("2026-11-21", "quarter", "monday")).toBe("2026-Q4");
    expect(bucketKey("2026-03-31", "quarter", "monday")).toBe("2026-Q1");
    expect(bucketKey("2026-11-21", "year", "monday")).toBe("2026");
  });
});

describe("buckets of a range", () => {
  const weekly: ReadonlyArray<[WeekStart, string[], boolean[]]> = [
    // Monday weeks: Sep 28 (cut to Oct 1–4) … Oct 26 (cut to Oct 26–31).
    ["monday", ["2026-10-01", "2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26"], [true, false, false, false, true]],
    // Sunday weeks: Sep 27 (cut) … Oct 25, which ends on Oct 31 exactly.
    ["sunday", ["2026-10-01", "2026-10-04", "2026-10-11", "2026-10-18", "2026-10-25"], [true, false, false, false, false]],
    // Saturday weeks: Sep 26 (cut) … Oct 31, a single day of its week.
    ["saturday", ["2026-10-01", "2026-10-03", "2026-10-10", "2026-10-17", "2026-10-24", "2026-10-31"], [true, false, false, false, false, true]],
  ];

  it.each(weekly)("clips %s weeks of October at both edges", (weekStart, starts, partial) => {
    const buckets = bucketsOf(OCTOBER, "week", weekStart);
    expect(buckets.map((b) => b.start)).toEqual(starts);
    expect(buckets.map((b) => b.partial)).toEqual(partial);
    expect(buckets.at(-1)?.end).toBe("2026-11-01");
    // Buckets tile the range: each starts where the previous ended.
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.start).toBe(buckets[i - 1]!.end);
  });

  it("keys and labels a clipped week by its own start", () => {
    expect(bucketsOf(OCTOBER, "week", "monday")[0]).toEqual({ start: "2026-10-01", end: "2026-10-05", key: "2026-09-28", label: "week of Sep 28", partial: true });
    expect(bucketsOf(OCTOBER, "week", "monday")[1]).toEqual({ start: "2026-10-05", end: "2026-10-12", key: "2026-10-05", label: "week of Oct 5", partial: false });
  });

  it("makes month, quarter and year buckets with partial ends", () => {
    const quarterToDate = { start: "2026-10-01", end: "2026-11-22" };
    expect(bucketsOf(quarterToDate, "month", "monday")).toEqual([
      { start: "2026-10-01", end: "2026-11-01", key: "2026-10", label: "Oct 2026", partial: false },
      { start: "2026-11-01", end: "2026-11-22", key: "2026-11", label: "Nov 2026", partial: true },
    ]);
    expect(bucketsOf(quarterToDate, "quarter", "monday")).toEqual([{ start: "2026-10-01", end: "2026-11-22", key: "2026-Q4", label: "Q4 2026", partial: true }]);
    expect(bucketsOf({ start: "2025-07-01", end: "2026-07-01" }, "year", "monday")).toEqual([
      { start: "2025-07-01", end: "2026-01-01", key: "2025", label: "2025", partial: true },
      { start: "2026-01-01", end: "2026-07-01", key: "2026", label: "2026", partial: true },
    ]);
  });

  it("makes one whole bucket per day, adding the year when the days cross one", () => {
    expect(bucketsOf({ start: "2026-10-05", end: "2026-10-07" }, "day", "monday")).toEqual([
      { start: "2026-10-05", end: "2026-10-06", key: "2026-10-05", label: "Oct 5", partial: false },
      { start: "2026-10-06", end: "2026-10-07", key: "2026-10-06", label: "Oct 6", partial: false },
    ]);
    expect(bucketsOf({ start: "2025-12-31", end: "2026-01-02" }, "day", "monday").map((b) => b.label)).toEqual(["Dec 31, 2025", "Jan 1, 2026"]);
    expect(bucketsOf({ start: "2026-01-01", end: "2026-01-08" }, "week", "monday").map((b) => b.label)).toEqual(["week of Dec 29, 2025", "week of Jan 5, 2026"]);
  });

  it("returns no buckets for an empty range", () => {
    expect(bucketsOf({ start: "2026-10-05", end: "2026-10-05" }, "day", "monday")).toEqual([]);
  });
});
