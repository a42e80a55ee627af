import { describe, expect, it } from "vitest";
import { todayIn, utcBounds } from "./utc-bounds.ts";

const HOUR = 3_600_000;
const hours = (bounds: { startUtc: Date; endUtc: Date }) => (bounds.endUtc.getTime() - bounds.startUtc.getTime()) / HOUR;

describe("today in a zone", () => {
  it("reads the local date of an instant", () => {
    const now = new Date("2026-11-21T05:30:00Z");
    expect(todayIn(now, "America/Mexico_City")).toBe("2026-11-20");
    expect(todayIn(now, "Asia/Tokyo")).toBe("2026-11-21");
    expect(todayIn(now, "UTC")).toBe("2026-11-21");
  });
});

describe("UTC bounds of local days", () => {
  it("puts Mexico City's midnight at 06:00 UTC", () => {
    expect(utcBounds({ start: "2026-11-20", end: "2026-11-21" }, "America/Mexico_City")).toEqual({
      startUtc: new Date("2026-11-20T06:00:00Z"),
      endUtc: new Date("2026-11-21T06:00:00Z"),
    });
  });

  it("makes New York's spring-forward day 23 hours and its fall-back day 25", () => {
    const spring = utcBounds({ start: "2026-03-08", end: "2026-03-09" }, "America/New_York");
    expect(spring).toEqual({ startUtc: new Date("2026-03-08T05:00:00Z"), endUtc: new Date("2026-03-09T04:00:00Z") });
    expect(hours(spring)).toBe(23);
    const fall = utcBounds({ start: "2026-11-01", end: "2026-11-02" }, "America/New_York");
    expect(fall).toEqual({ startUtc: new Date("2026-11-01T04:00:00Z"), endUtc: new Date("2026-11-02T05:00:00Z") });
    expect(hours(fall)).toBe(25);
    // A whole March: 31 days less the skipped hour.
    expect(hours(utcBounds({ start: "2026-03-01", end: "2026-04-01" }, "America/New_York"))).toBe(31 * 24 - 1);
  });

  it("keeps São Paulo's days at 24 hours (no DST since 2019)", () => {
    const day = utcBounds({ start: "2026-11-01", end: "2026-11-02" }, "America/Sao_Paulo");
    expect(day.startUtc).toEqual(new Date("2026-11-01T03:00:00Z"));
    expect(hours(day)).toBe(24);
    expect(hours(utcBounds({ start: "2026-10-01", end: "2026-11-01" }, "America/Sao_Paulo"))).toBe(31 * 24);
  });
});
