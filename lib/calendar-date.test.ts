import { describe, expect, it } from "vitest";
import {
  InvalidDateError,
  addDays,
  addMonths,
  addYears,
  dayNumber,
  dayNumberOf,
  daysBetween,
  daysInMonth,
  isLeapYear,
  isValidIsoDate,
  isoDateOf,
  isoFromDayNumber,
  lastWeekday,
  maxDate,
  minDate,
  nthWeekday,
  parseIsoDate,
  partsFromDayNumber,
  weekdayOf,
} from "./calendar-date.ts";

describe("day numbers", () => {
  it("counts days from 1970-01-01, across leap days and before the epoch", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1970-02-01")).toBe(31);
    expect(dayNumber("1969-12-31")).toBe(-1);
    // 30 years of 365 days plus the 7 leap days 1972…1996.
    expect(dayNumber("2000-01-01")).toBe(10957);
    expect(dayNumber("2000-03-01")).toBe(10957 + 31 + 29);
    expect(dayNumberOf(2000, 3, 1)).toBe(11017);
  });

  it("turns day numbers back into the same dates for four centuries", () => {
    for (let n = dayNumber("1900-01-01"); n <= dayNumber("2300-12-31"); n += 1) {
      const date = isoFromDayNumber(n);
      if (dayNumber(date) !== n) throw new Error(`${n} → ${date} → ${dayNumber(date)}`);
    }
    expect(isoFromDayNumber(11016)).toBe("2000-02-29");
    expect(partsFromDayNumber(-1)).toEqual({ year: 1969, month: 12, day: 31 });
  });
});

describe("validation", () => {
  it("accepts only existing YYYY-MM-DD dates", () => {
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(isValidIsoDate("2024-02-29")).toBe(true);
    expect(isValidIsoDate("2026-02-29")).toBe(false);
    expect(isValidIsoDate("2026-04-31")).toBe(false);
    expect(isValidIsoDate("2026-13-01")).toBe(false);
    expect(isValidIsoDate("2026-1-05")).toBe(false);
    expect(isValidIsoDate("06/01/2026")).toBe(false);
    expect(() => parseIsoDate("2026-02-30")).toThrow(InvalidDateError);
    expect(() => dayNumber("yesterday")).toThrow(/YYYY-MM-DD/);
    expect(isoDateOf(2026, 3, 7)).toBe("2026-03-07");
    expect(() => isoDateOf(2026, 2, 29)).toThrow(InvalidDateError);
  });

  it("knows leap years and month lengths", () => {
    expect([1900, 2000, 2024, 2026].map(isLeapYear)).toEqual([false, true, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});

describe("arithmetic", () => {
  it("adds days across month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2026-11-21", -30)).toBe("2026-10-22");
    expect(daysBetween("2026-10-22", "2026-11-21")).toBe(30);
    expect(daysBetween("2026-11-21", "2026-10-22")).toBe(-30);
  });

  it("adds months, clamping the day to the end of a shorter month", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-11-15", 2)).toBe("2027-01-15");
    expect(addMonths("2026-01-15", -13)).toBe("2024-12-15");
    expect(addYears("2024-02-29", -1)).toBe("2023-02-28");
    expect(addYears("2023-02-28", 1)).toBe("2024-02-28");
  });

  it("orders dates", () => {
    expect(minDate("2026-10-02", "2026-09-30")).toBe("2026-09-30");
    expect(maxDate("2026-10-02", "2026-09-30")).toBe("2026-10-02");
  });
});

describe("weekdays", () => {
  it("gives 0 for Sunday from a date or a day number", () => {
    // 1970-01-01 was a Thursday; 2026-11-21 is a Saturday; 2024-02-29 was a Thursday.
    expect(weekdayOf(0)).toBe(4);
    expect(weekdayOf(-1)).toBe(3);
    expect(weekdayOf("2026-11-21")).toBe(6);
    expect(weekdayOf("2026-11-22")).toBe(0);
    expect(weekdayOf("2024-02-29")).toBe(4);
  });

  it("finds the n-th and the last weekday of a month", () => {
    // Thanksgiving 2025 was Thursday Nov 27; the last Monday of May 2026 is May 25.
    expect(isoFromDayNumber(nthWeekday(2025, 11, 4, 4))).toBe("2025-11-27");
    expect(isoFromDayNumber(lastWeekday(2026, 5, 1))).toBe("2026-05-25");
  });
});
