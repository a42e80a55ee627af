import { describe, expect, it } from "vitest";
import { parsePreferences } from "./preferences.ts";
import { dueDigestDate, dueWeeklyStart, isQuiet, localMoment, quietHoursEnd } from "./schedule.ts";

const MX = "America/Mexico_City"; // UTC−6, no DST since 2022
const defaults = parsePreferences({});

describe("digest and weekly times", () => {
  it("are due from the member's local digest time, within the catch-up window, on their local date", () => {
    expect(localMoment(new Date("2026-11-21T14:05:00Z"), MX)).toEqual({ date: "2026-11-21", minutes: 8 * 60 + 5 });
    expect(dueDigestDate(defaults, new Date("2026-11-21T13:59:00Z"), MX)).toBeNull();
    expect(dueDigestDate(defaults, new Date("2026-11-21T14:00:00Z"), MX)).toBe("2026-11-21");
    expect(dueDigestDate(defaults, new Date("2026-11-21T19:59:00Z"), MX)).toBe("2026-11-21");
    expect(dueDigestDate(defaults, new Date("2026-11-21T20:00:00Z"), MX)).toBeNull();
    // 01:30 UTC on the 22nd is 19:30 on the 21st in Mexico City: a 19:00 digest is for the 21st.
    const evening = parsePreferences({ digest: { time: "19:00" } });
    expect(dueDigestDate(evening, new Date("2026-11-22T01:30:00Z"), MX)).toBe("2026-11-21");
    expect(dueDigestDate(parsePreferences({ digest: { enabled: false } }), new Date("2026-11-21T15:00:00Z"), MX)).toBeNull();
  });

  it("fall back to defaults for unreadable stored settings instead of silencing the member", () => {
    const broken = parsePreferences({ digest: { time: "25:99", channels: "slack" }, quietHours: { start: "x" } });
    expect(broken.digest).toEqual({ enabled: true, time: "08:00", channels: null });
    expect(broken.quietHours).toEqual({ start: "22:00", end: "07:00" });
  });

  it("put the weekly report on the week's first day, covering the week that just ended", () => {
    // 2026-11-23 is a Monday.
    expect(dueWeeklyStart(defaults, new Date("2026-11-23T14:30:00Z"), MX, "monday")).toBe("2026-11-16");
    expect(dueWeeklyStart(defaults, new Date("2026-11-24T14:30:00Z"), MX, "monday")).toBeNull();
    expect(dueWeeklyStart(defaults, new Date("2026-11-22T14:30:00Z"), MX, "sunday")).toBe("2026-11-15");
  });
});

describe("quiet hours", () => {
  it("span midnight and end at their local end time", () => {
    expect(isQuiet(defaults, new Date("2026-11-22T04:30:00Z"), MX)).toBe(true); // 22:30 local
    expect(isQuiet(defaults, new Date("2026-11-21T12:59:00Z"), MX)).toBe(true); // 06:59
    expect(isQuiet(defaults, new Date("2026-11-21T13:00:00Z"), MX)).toBe(false); // 07:00
    expect(quietHoursEnd(defaults, new Date("2026-11-22T04:30:00Z"), MX).toISOString()).toBe("2026-11-22T13:00:00.000Z");
    expect(quietHoursEnd(defaults, new Date("2026-11-22T10:00:00Z"), MX).toISOString()).toBe("2026-11-22T13:00:00.000Z");
    const now = new Date("2026-11-21T18:00:00Z");
    expect(quietHoursEnd(defaults, now, MX)).toBe(now);
    expect(isQuiet(parsePreferences({ quietHours: null }), new Date("2026-11-22T04:30:00Z"), MX)).toBe(false);
    expect(isQuiet(parsePreferences({ quietHours: { start: "13:00", end: "15:00" } }), new Date("2026-11-21T19:30:00Z"), MX)).toBe(true);
  });
});
