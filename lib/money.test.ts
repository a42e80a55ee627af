import { describe, expect, it } from "vitest";
import { currencyMinorDigits, decimalToMinorUnits, formatMoney, isKnownCurrency, minorUnitsToDecimal } from "./money.ts";
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


describe("store decimal prices", () => {
  it("reads decimal strings and numbers into the currency's minor units", () => {
    expect(decimalToMinorUnits("399.00", "MXN")).toBe(39_900);
    expect(decimalToMinorUnits("349.5", "MXN")).toBe(34_950);
    expect(decimalToMinorUnits(379.9, "MXN")).toBe(37_990);
    expect(decimalToMinorUnits(0.29, "USD")).toBe(29);
    expect(decimalToMinorUnits("1500.0", "JPY")).toBe(1_500);
    expect(decimalToMinorUnits(15_990, "CLP")).toBe(15_990);
    expect(decimalToMinorUnits("1.250", "KWD")).toBe(1_250);
  });

  it("rejects what is not a non-negative amount in the currency", () => {
    expect(decimalToMinorUnits("12.345", "MXN")).toBeNull();
    expect(decimalToMinorUnits("1500.5", "JPY")).toBeNull();
    expect(decimalToMinorUnits("-1.00", "MXN")).toBeNull();
    expect(decimalToMinorUnits("1e3", "MXN")).toBeNull();
    expect(decimalToMinorUnits(Number.NaN, "MXN")).toBeNull();
    expect(decimalToMinorUnits("", "MXN")).toBeNull();
  });

  it("writes minor units as the decimal strings stores take", () => {
    expect(minorUnitsToDecimal(39_900, "MXN")).toBe("399.00");
    expect(minorUnitsToDecimal(5, "MXN")).toBe("0.05");
    expect(minorUnitsToDecimal(1_500, "JPY")).toBe("1500");
    expect(minorUnitsToDecimal(1_250, "KWD")).toBe("1.250");
    expect(() => minorUnitsToDecimal(-1, "MXN")).toThrow(RangeError);
    expect(() => minorUnitsToDecimal(1.5, "MXN")).toThrow(RangeError);
  });
});
