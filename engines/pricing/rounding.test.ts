import { describe, expect, it } from "vitest";
import { isRoundedPrice, roundingFor, roundPrice } from "./rounding.ts";

describe("price rounding per currency", () => {
  it("picks the endings by currency under auto", () => {
    expect(["USD", "EUR", "GBP", "CAD", "BRL", "MXN", "ARS", "CLP", "COP", "PEN", "UYU", "JPY"].map((c) => roundingFor(c, "auto"))).toEqual([
      "99", "99", "99", "99", "90", "whole", "whole", "whole", "whole", "whole", "whole", "99",
    ]);
    expect(roundingFor("MXN", "99")).toBe("99");
  });

  it("USD .99: to the nearest …99, up when the floor asks", () => {
    expect(roundPrice(1043, "USD", "auto")).toBe(999);
    expect(roundPrice(1060, "USD", "auto")).toBe(1099);
    expect(roundPrice(1043, "USD", "auto", { minCents: 1000 })).toBe(1099);
    expect(roundPrice(1090, "USD", "auto", { maxCents: 1050 })).toBe(999);
    // Below the first allowed price.
    expect(roundPrice(40, "USD", "auto")).toBe(99);
  });

  it("BRL .90, MXN whole pesos, CLP tens, COP hundreds, JPY …99", () => {
    expect(roundPrice(4937, "BRL", "auto")).toBe(4890);
    expect(roundPrice(4941, "BRL", "auto")).toBe(4990);
    expect(roundPrice(40410, "MXN", "auto")).toBe(40400);
    expect(roundPrice(40410, "MXN", "auto", { minCents: 40410 })).toBe(40500);
    expect(roundPrice(12345, "CLP", "auto")).toBe(12340);
    expect(roundPrice(12346, "CLP", "auto")).toBe(12350);
    expect(roundPrice(49951, "COP", "auto")).toBe(50000);
    expect(roundPrice(2010, "JPY", "auto")).toBe(1999);
    expect(roundPrice(12345, "CLP", "90")).toBe(12390);
  });

  it("follows an explicit mode over the currency's default, and none leaves the price alone", () => {
    expect(roundPrice(1043, "USD", "90")).toBe(1090);
    expect(roundPrice(40437, "MXN", "99")).toBe(40399);
    expect(roundPrice(40437, "MXN", "none")).toBe(40437);
  });

  it("keeps the price (clamped) when no allowed price fits between the bounds", () => {
    expect(roundPrice(1050, "USD", "auto", { minCents: 1000, maxCents: 1090 })).toBe(1050);
    expect(roundPrice(900, "USD", "auto", { minCents: 1000, maxCents: 1090 })).toBe(1000);
  });

  it("is idempotent and never leaves the bounds", () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const currency of ["USD", "BRL", "MXN", "CLP", "COP", "JPY", "KWD"]) {
      for (let i = 0; i < 300; i++) {
        const price = 50 + Math.floor(next() * 500_000);
        const min = next() < 0.5 ? price - Math.floor(next() * 300) : null;
        const max = next() < 0.5 ? price + Math.floor(next() * 300) : null;
        const once = roundPrice(price, currency, "auto", { minCents: min, maxCents: max });
        expect(roundPrice(once, currency, "auto", { minCents: min, maxCents: max })).toBe(once);
        if (min !== null) expect(once).toBeGreaterThanOrEqual(min);
        if (max !== null) expect(once).toBeLessThanOrEqual(max);
        if (min === null && max === null) expect(isRoundedPrice(once, currency, "auto")).toBe(true);
      }
    }
  });
});
