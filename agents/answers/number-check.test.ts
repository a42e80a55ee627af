import { describe, expect, it } from "vitest";
import { checkNumbers, readingsOf } from "./number-check.ts";
import { answerContext, call } from "./test-support.ts";

const data = { totals: { net_sales: { value: 123_456_789 }, orders: { value: 1234 }, conversion: { value: 0.0345 }, roas: { value: 3.456 } }, range: { start: "2026-11-01", end: "2026-11-08" }, note: "cost known for 62% of sales" };
const record = call("query_metrics", { metrics: ["net_sales"], range: "last week", breakdown: { top: 5 } }, data);
const es = answerContext("es", "ARS");
const en = answerContext("en", "USD");

describe("the number checker", () => {
  it("reads separators both ways when they are ambiguous", () => {
    expect(readingsOf("1.234").map((reading) => reading.value)).toEqual([1234, 1.234]);
    expect(readingsOf("1.234.567,89").map((reading) => reading.value)).toEqual([1234567.89]);
    expect(readingsOf("1,234,567").map((reading) => reading.value)).toEqual([1234567]);
    expect(readingsOf("12,3").map((reading) => reading.value)).toEqual([12.3]);
  });

  it("accepts money in major units at the precision shown, ratios as percentages, multiples and counts", () => {
    expect(checkNumbers("Vendiste $ 1.234.567,89 ($ 1.234.568 redondeado, o $ 1,2 M).", [record], es)).toEqual({ ok: true, unsupported: [] });
    expect(checkNumbers("Net sales $1,234,568; 1,234 orders; conversion 3.5%; ROAS 3.46x; top 5.", [record], en)).toEqual({ ok: true, unsupported: [] });
    expect(checkNumbers("Cost known for 62% of sales.", [record], en).ok).toBe(true);
  });

  it("accepts the parts of dates and ranges the data holds, and list markers", () => {
    expect(checkNumbers("1. Del 1 al 7 de noviembre de 2026 (2026-11-01, 07/11/2026).\n2. Otra línea", [record], es)).toEqual({ ok: true, unsupported: [] });
    expect(checkNumbers("Del 1 al 9 de noviembre", [record], es).unsupported).toEqual(["9"]);
  });

  it("rejects invented figures", () => {
    expect(checkNumbers("Vendiste $ 98.765 la semana pasada.", [record], es)).toEqual({ ok: false, unsupported: ["98.765"] });
    expect(checkNumbers("Net sales $1,250,000.", [record], en).unsupported).toEqual(["1,250,000"]);
    expect(checkNumbers("Conversion 4.1%.", [record], en).ok).toBe(false);
    expect(checkNumbers("R$ 10 mil a mais", [record], answerContext("pt", "BRL")).unsupported).toEqual(["10 mil"]);
  });
});
