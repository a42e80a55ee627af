import { describe, expect, it } from "vitest";
import { freshnessLine, freshnessOfCalls } from "./freshness-line.ts";
import { checkNumbers } from "./number-check.ts";
import { ADS_FRESHNESS, answerContext, call, ORDERS_FRESHNESS } from "./test-support.ts";

describe("the freshness line", () => {
  const calls = [call("query_metrics", {}, {}, [ORDERS_FRESHNESS]), call("query_metrics", {}, {}, [ADS_FRESHNESS, { ...ORDERS_FRESHNESS, latestData: "2026-11-10T18:00:00Z" }])];

  it("says each source once, in the workspace time zone and the asker's language", () => {
    const entries = freshnessOfCalls(calls);
    expect(entries).toEqual([ORDERS_FRESHNESS, ADS_FRESHNESS]);
    expect(freshnessLine(entries, answerContext("es", "ARS"))).toBe("Datos al 10 nov 2026, 14:05 (pedidos); anuncios hasta el 9 nov");
    expect(freshnessLine(entries, answerContext("en", "USD"))).toBe("Data as of Nov 10, 2026 2:05 PM (orders); ads through Nov 9");
    expect(freshnessLine(entries, answerContext("pt", "BRL", { timeZone: "America/Sao_Paulo" }))).toBe("Dados até 10 nov 2026, 14:05 (pedidos); anúncios até 9 nov");
  });

  it("puts known sources first, names missing ones, and is absent without sources", () => {
    const line = freshnessLine([{ source: "ads", latestData: null, lastLoadedAt: null }, ORDERS_FRESHNESS], answerContext("en", "USD"));
    expect(line).toBe("Data as of Nov 10, 2026 2:05 PM (orders); no ads data");
    expect(freshnessLine([], answerContext("en", "USD"))).toBeNull();
    expect(freshnessOfCalls([{ name: "query_metrics", args: {}, outcome: { ok: false, tool: "query_metrics", error: { code: "no_data", message: "none" } } }])).toEqual([]);
  });

  it("only states times the outcomes contain", () => {
    const context = answerContext("en", "USD");
    const line = freshnessLine(freshnessOfCalls(calls), context) ?? "";
    expect(checkNumbers(line, calls, context).ok).toBe(true);
    expect(checkNumbers(line.replace("2:05", "2:47"), calls, context).ok).toBe(false);
  });
});
