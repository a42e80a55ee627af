import { describe, expect, it } from "vitest";
import { decimalToMinorUnits, minorUnitsToDecimal } from "./price-writer.ts";

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
