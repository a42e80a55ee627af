import { describe, expect, it } from "vitest";
import type { Result } from "../../lib/result.ts";
import { lineMoney, type LineMoneyInput } from "./amounts.ts";
import { looksLikeRate, parseDecimal, parseMoney, parseQuantity, parseRate, separatorEvidence, SeparatorTally, toMinorUnits, type DecimalSeparator, type ExactDecimal } from "./numbers.ts";

/** The error of a failed Result, or a marker that makes the assertion fail. */
function failure(result: Result<unknown, string>): string {
  return result.ok ? "(succeeded)" : result.error;
}

function cents(text: string, decimal: DecimalSeparator = ".", digits = 2): number {
  const parsed = parseMoney(text, decimal, digits);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error}`);
  return Number(parsed.value);
}

function decimal(text: string, separator: DecimalSeparator = "."): ExactDecimal {
  const parsed = parseDecimal(text, separator);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe("money parsing", () => {
  it("reads decimal points and thousands commas, with currency symbols and codes", () => {
    expect(cents("1234.56")).toBe(123456);
    expect(cents("$1,234.56")).toBe(123456);
    expect(cents("US$ 1,234,567.8")).toBe(123456780);
    expect(cents("12.00 USD")).toBe(1200);
    expect(cents(".5")).toBe(50);
    expect(cents("42")).toBe(4200);
  });

  it("reads decimal commas and thousands dots", () => {
    expect(cents("1.234,56", ",")).toBe(123456);
    expect(cents("1234,56", ",")).toBe(123456);
    expect(cents("R$ 1.234,56", ",")).toBe(123456);
    expect(cents("1 234,56 €", ",")).toBe(123456);
    expect(cents("S/ 89,90", ",")).toBe(8990);
  });

  it("reads negatives: minus before or after the symbol, trailing minus, accounting parentheses", () => {
    expect(cents("-12.50")).toBe(-1250);
    expect(cents("$-12.50")).toBe(-1250);
    expect(cents("-$12.50")).toBe(-1250);
    expect(cents("12.50-")).toBe(-1250);
    expect(cents("(12.00)")).toBe(-1200);
    expect(cents("$(1,200.00)")).toBe(-120000);
    expect(cents("−3,5", ",")).toBe(-350);
  });

  it("rounds half away from zero to the currency's minor digits, exactly", () => {
    expect(cents("911.424")).toBe(91142);
    expect(cents("911.425")).toBe(91143);
    expect(cents("1.005")).toBe(101); // 1.005 * 100 is 100.49999… in floating point
    expect(cents("-1.005")).toBe(-101);
    expect(cents("0.0049")).toBe(0);
    expect(cents("2.5", ".", 0)).toBe(3); // CLP, no minor unit
    expect(cents("-2.5", ".", 0)).toBe(-3);
    expect(cents("1.2345", ".", 3)).toBe(1235); // KWD, three digits
    expect(cents("90071992547409.91")).toBe(9007199254740991);
  });

  it("rejects what is not a number, or not with this separator", () => {
    expect(parseMoney("abc", ".", 2).ok).toBe(false);
    expect(parseMoney("12 kg", ".", 2).ok).toBe(false);
    expect(parseMoney("12abc34", ".", 2).ok).toBe(false);
    expect(parseMoney("1,23.4", ".", 2).ok).toBe(false);
    expect(parseMoney("12,5", ".", 2).ok).toBe(false);
  });

  it("validates digit grouping", () => {
    expect(failure(parseMoney("1.2.3", ",", 2))).toContain("decimal separator");
    expect(parseMoney("1.234.567,89", ",", 2)).toEqual({ ok: true, value: 123456789n });
    expect(parseMoney("--5", ".", 2).ok).toBe(false);
    expect(parseMoney("-(5)", ".", 2).ok).toBe(false);
    expect(parseMoney("", ".", 2)).toEqual({ ok: false, error: "empty" });
  });

  it("converts exact decimals to minor units", () => {
    expect(toMinorUnits({ units: 911424n, scale: 3 }, 2)).toBe(91142n);
    expect(toMinorUnits({ units: 5n, scale: 0 }, 2)).toBe(500n);
  });
});

describe("rates and quantities", () => {
  it("reads rates as fractions or percentages, within [0, 1]", () => {
    expect(parseRate("0.2", ".")).toEqual({ ok: true, value: { units: 2n, scale: 1 } });
    expect(parseRate("20%", ".")).toEqual({ ok: true, value: { units: 20n, scale: 2 } });
    expect(parseRate("12,5 %", ",")).toEqual({ ok: true, value: { units: 125n, scale: 3 } });
    expect(parseRate("1", ".").ok).toBe(true);
    expect(parseRate("120%", ".").ok).toBe(false);
    expect(parseRate("20", ".").ok).toBe(false);
    expect(parseRate("$0.2", ".").ok).toBe(false);
  });

  it("accepts only positive whole quantities", () => {
    expect(parseQuantity("3", ".")).toEqual({ ok: true, value: 3 });
    expect(parseQuantity("3.0", ".")).toEqual({ ok: true, value: 3 });
    expect(parseQuantity("1.000", ",")).toEqual({ ok: true, value: 1000 });
    expect(parseQuantity("0", ".").ok).toBe(false);
    expect(parseQuantity("-2", ".").ok).toBe(false);
    expect(parseQuantity("2.5", ".").ok).toBe(false);
    expect(parseQuantity("dos", ".")).toEqual({ ok: false, error: "the quantity is not a number" });
  });

  it("recognises rate-like values", () => {
    for (const value of ["0", "0.2", "0,45", ".5", "1", "1.00", "15%"]) expect(looksLikeRate(value)).toBe(true);
    for (const value of ["2", "12.50", "1.5", "-0.2", "abc", ""]) expect(looksLikeRate(value)).toBe(false);
  });
});

describe("decimal separator detection", () => {
  it("reads each value's evidence", () => {
    expect(separatorEvidence("1.234,56")).toBe(",");
    expect(separatorEvidence("$1,234.56")).toBe(".");
    expect(separatorEvidence("12,5")).toBe(",");
    expect(separatorEvidence("261.96")).toBe(".");
    expect(separatorEvidence("1,234,567")).toBe(".");
    expect(separatorEvidence("1.234.567")).toBe(",");
    expect(separatorEvidence("0.125")).toBe(".");
    expect(separatorEvidence("1234.567")).toBe(".");
    expect(separatorEvidence("911.424")).toBe("ambiguous");
    expect(separatorEvidence("R$ 1.299")).toBe("ambiguous");
    expect(separatorEvidence("42")).toBeNull();
  });

  it("decides per file: decisive values win over ambiguous ones; conflicts and pure ambiguity are errors", () => {
    const superstore = new SeparatorTally();
    for (const [i, value] of ["911.424", "261.96", "14.62"].entries()) superstore.add(value, i + 1);
    expect(superstore.resolve()).toEqual({ ok: true, value: "." });

    const brazilian = new SeparatorTally();
    brazilian.add("R$ 1.299,00", 1);
    expect(brazilian.resolve()).toEqual({ ok: true, value: "," });

    const mixed = new SeparatorTally();
    mixed.add("12,50", 1);
    mixed.add("3.75", 2);
    expect(failure(mixed.resolve())).toContain("--decimal");

    const unclear = new SeparatorTally();
    unclear.add("1.500", 4);
    const result = unclear.resolve();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('"1.500" (row 4)');

    expect(new SeparatorTally().resolve()).toEqual({ ok: true, value: "." });
  });
});

describe("line money", () => {
  const line = (input: Partial<LineMoneyInput>): LineMoneyInput => ({
    quantity: 1,
    amount: null,
    unitPrice: null,
    discount: null,
    discountRate: null,
    cost: null,
    profit: null,
    ...input,
  });

  it("derives gross, discount, unit price and cost from a net amount, a rate and a profit (Superstore row 13)", () => {
    const money = lineMoney(line({ quantity: 4, amount: decimal("911.424"), discountRate: { units: 2n, scale: 1 }, profit: decimal("68.3568") }), 2);
    // gross = 911.424 / 0.8 = 1139.28; cost = 911.424 − 68.3568 = 843.0672
    expect(money).toEqual({ ok: true, value: { totalCents: 91142, discountCents: 22786, unitPriceCents: 28482, costCents: 84307 } });
  });

  it("applies a rate or a money discount to a unit price", () => {
    expect(lineMoney(line({ quantity: 3, unitPrice: decimal("19.99"), discountRate: { units: 15n, scale: 2 } }), 2)).toEqual({
      ok: true,
      value: { totalCents: 5097, discountCents: 900, unitPriceCents: 1999, costCents: null }, // 59.97 × 0.15 = 8.9955 → 9.00
    });
    expect(lineMoney(line({ quantity: 2, unitPrice: decimal("10"), discount: decimal("1.50"), cost: decimal("7") }), 2)).toEqual({
      ok: true,
      value: { totalCents: 1850, discountCents: 150, unitPriceCents: 1000, costCents: 700 },
    });
  });

  it("keeps the net amount exact when it also has a money discount", () => {
    expect(lineMoney(line({ quantity: 3, amount: decimal("10.00"), discount: decimal("2.00") }), 2)).toEqual({
      ok: true,
      value: { totalCents: 1000, discountCents: 200, unitPriceCents: 400, costCents: null },
    });
  });

  it("treats a 100% discount without a unit price as no recoverable gross", () => {
    expect(lineMoney(line({ amount: decimal("0"), discountRate: { units: 1n, scale: 0 } }), 2)).toEqual({
      ok: true,
      value: { totalCents: 0, discountCents: 0, unitPriceCents: 0, costCents: null },
    });
  });
});
