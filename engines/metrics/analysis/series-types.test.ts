import { describe, expect, it } from "vitest";
import { addDays, dayNumber, validateSeries, weekdayOf } from "./series-types.ts";
import { InputError } from "../../../lib/input-error.ts";

describe("series dates", () => {
  it("computes weekdays from the date string alone", () => {
    expect(weekdayOf("2026-03-01")).toBe(0); // a Sunday
    expect(weekdayOf("2024-02-29")).toBe(4); // a Thursday
    expect(weekdayOf("1969-12-31")).toBe(3);
    expect(weekdayOf("2026-11-01")).toBe(0); // DST ends in many zones: irrelevant here
  });

  it("adds days across month, year and DST boundaries", () => {
    expect(addDays("2026-03-07", 2)).toBe("2026-03-09");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(dayNumber("1970-01-02")).toBe(1);
  });

  it("rejects bad dates, gaps, disorder and non-finite values", () => {
    expect(() => dayNumber("2026-02-30")).toThrow(InputError);
    expect(() => dayNumber("26-1-1")).toThrow(InputError);
    const ok = [
      { date: "2026-01-01", value: 1 },
      { date: "2026-01-02", value: 2 },
    ];
    expect(validateSeries(ok)).toBe(dayNumber("2026-01-01"));
    expect(() => validateSeries([ok[0]!, { date: "2026-01-03", value: 2 }])).toThrow(/contiguous/);
    expect(() => validateSeries([ok[1]!, ok[0]!])).toThrow(/contiguous/);
    expect(() => validateSeries([{ date: "2026-01-01", value: Number.NaN }])).toThrow(/finite/);
  });
});
