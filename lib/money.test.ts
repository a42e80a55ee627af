import { describe, expect, it } from "vitest";
import { currencyMinorDigits, formatMoney, isKnownCurrency } from "./money.ts";
import { offsetMinutesAt, localDate, zonedTimeToUtc } from "./zoned-time.ts";

describe("money", () => {
  it("knows each currency's minor units", () => {
    expect([currencyMinorDigits("MXN"), currencyMinorDigits("CLP"), currencyMinorDigits("KWD")]).toEqual([2, 0, 3]);
    expect(isKnownCurrency("BRL")).toBe(true);
    expect(isKnownCurrency("ZZZ")).toBe(false);
  });

  it("formats money the way it is written where the business is", () => {
    expect(formatMoney(123456, "MXN", "es")).toBe("$1,234.56");
    expect(formatMoney(123456, "BRL", "pt")).toBe("R$\u00a01.234,56");
    expect(formatMoney(123456, "USD", "en")).toBe("$1,234.56");
    expect(formatMoney(1500, "CLP", "es")).toMatch(/^\$1\.500$/);
  });
});

describe("zoned time", () => {
  it("converts wall-clock times to instants across DST gaps and repeats", () => {
    // 02:30 does not exist on 2026-03-08 in New York: moved forward by the gap (03:30 EDT).
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
    // 01:30 happens twice on 2026-11-01: the first (EDT) is taken.
    expect(zonedTimeToUtc({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
    // 23:30 on the last day of January in Mexico City is already February in UTC.
    const lateNight = zonedTimeToUtc({ year: 2026, month: 1, day: 31, hour: 23, minute: 30 }, "America/Mexico_City");
    expect(lateNight.toISOString()).toBe("2026-02-01T05:30:00.000Z");
    expect(localDate(lateNight, "America/Mexico_City")).toBe("2026-01-31");
    // East of UTC: midnight in Kolkata is the previous evening in UTC.
    expect(zonedTimeToUtc({ year: 2026, month: 6, day: 1 }, "Asia/Kolkata").toISOString()).toBe("2026-05-31T18:30:00.000Z");
    expect(offsetMinutesAt(Date.UTC(2026, 6, 1), "America/Sao_Paulo")).toBe(-180);
  });
});
