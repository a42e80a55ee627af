/**
 * Reading what a statement claims, offline, in English, Spanish and Portuguese: refusals to
 * discount, costs with their amounts in minor units whatever the separators, decisions, and notes;
 * plus the look-alikes that must not be read as those ("don't forget the discount", "sales were good").
 */
import { describe, expect, it } from "vitest";
import { classifyClaim } from "./classify-claim.ts";
import { normaliseAmount, readCostAmount } from "./cost-amount.ts";

const kind = (statement: string) => classifyClaim(statement, "MXN").kind;

describe("classifyClaim", () => {
  it("reads a refusal to discount in en/es/pt, accents and case folded", () => {
    for (const statement of [
      "we never discount the Classic line",
      "We NEVER discount the Classic line.",
      "don't put the Classic tees on sale",
      "No more discounts on Classic",
      "The Classic line: no discounts, ever",
      "Classic is full price only",
      "no hacemos descuentos en la línea Classic",
      "NO HACEMOS DESCUENTOS EN LA LINEA CLASSIC",
      "nunca rebajamos la línea Clásica",
      "dejamos de hacer descuentos en Classic",
      "nunca damos desconto na linha Classic",
      "não fazemos promoção da linha Classic",
      "linha Classic sem desconto",
    ]) {
      expect(kind(statement), statement).toBe("no_discount");
    }
  });

  it("reads a cost with its amount in the workspace's minor units", () => {
    expect(classifyClaim("our cost for SKU 123 went up to 210", "MXN")).toEqual({ kind: "cost", costCents: 21000, currency: "MXN" });
    expect(classifyClaim("nuestro costo del SKU 123 subió a 210", "MXN")).toEqual({ kind: "cost", costCents: 21000, currency: "MXN" });
    expect(classifyClaim("o custo do SKU 123 subiu para R$ 210,50", "BRL")).toEqual({ kind: "cost", costCents: 21050, currency: "BRL" });
    expect(classifyClaim("cost of sku PLA-001-CH is now $1,234.50", "USD")).toEqual({ kind: "cost", costCents: 123450, currency: "USD" });
    expect(classifyClaim("El costo de la Playera Classic subió a 1.234,50 pesos", "MXN")).toEqual({ kind: "cost", costCents: 123450, currency: "MXN" });
    // The amount, not the percentage, the old cost or the year.
    expect(classifyClaim("our cost went up 10% from 180 to 210 in 2026", "MXN")).toEqual({ kind: "cost", costCents: 21000, currency: "MXN" });
    // A currency without minor units keeps the number as it is.
    expect(classifyClaim("our cost for the mug is 1,500", "JPY")).toEqual({ kind: "cost", costCents: 1500, currency: "JPY" });
  });

  it("reads a cost word without an amount as something else", () => {
    expect(kind("o custo subiu")).toBe("note");
    expect(kind("we decided the cost of SKU 123 is too high")).toBe("decision");
  });

  it("reads decisions in en/es/pt", () => {
    for (const statement of [
      "we decided to end the summer sale on Sunday",
      "We agreed to pause Meta ads",
      "let's move the launch to Friday",
      "from now on shipping is free over 999",
      "decidimos terminar la campaña de verano el domingo",
      "vamos a cerrar la promo el lunes",
      "decidimos encerrar a promoção de verão no domingo",
      "combinamos frete grátis acima de 300",
      "vamos encerrar a campanha amanhã",
    ]) {
      expect(kind(statement), statement).toBe("decision");
    }
  });

  it("keeps everything else as a note, including look-alikes", () => {
    for (const statement of [
      "Ana handles the supplier calls",
      "No, the discount on Classic ends Sunday",
      "don't forget the 20% discount on Classic",
      "Sales were good this week",
      "no sábado teremos desconto na linha Classic",
      "Acme undercuts us on every tee",
    ]) {
      expect(kind(statement), statement).toBe("note");
    }
  });

  it("prefers the most specific claim", () => {
    expect(kind("we decided to never discount the Classic line")).toBe("no_discount");
    expect(kind("let's record that our cost for SKU 9 is 80")).toBe("cost");
  });
});

describe("cost amounts", () => {
  it("reads both decimal conventions and thousands groups", () => {
    expect(normaliseAmount("1.234,50")).toBe("1234.50");
    expect(normaliseAmount("1,234.50")).toBe("1234.50");
    expect(normaliseAmount("210,5")).toBe("210.5");
    expect(normaliseAmount("1.234")).toBe("1234");
    expect(normaliseAmount("1,234,567")).toBe("1234567");
    expect(normaliseAmount("1,23,4")).toBeNull();
  });

  it("skips SKUs, codes, percentages, quantities and dates", () => {
    expect(readCostAmount("SKU 123 costs 95.50 per 10 units", "MXN")).toBe(9550);
    expect(readCostAmount("PLA-001 cost 40 on 12/03", "MXN")).toBe(4000);
    expect(readCostAmount("cost up 10%", "MXN")).toBeNull();
    // More decimals than the currency has is not an amount we can store.
    expect(readCostAmount("cost is 1.23456", "MXN")).toBeNull();
  });
});
