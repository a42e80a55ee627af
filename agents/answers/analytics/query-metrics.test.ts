import { describe, expect, it } from "vitest";
import { answerText, composeAnswer } from "../index.ts";
import { checkNumbers } from "../number-check.ts";
import { answerContext, call, dailySeries, metricResult, METRICS, range, row, value, WEEK_BEFORE } from "../test-support.ts";
import type { AnswerContext, ToolCallRecord } from "../types.ts";

const ARGS = { metrics: ["net_sales"], range: "last week" };

function reply(record: ToolCallRecord, context: AnswerContext): string {
  const text = answerText(composeAnswer([record], context));
  expect(checkNumbers(text, [record], context), text).toEqual({ ok: true, unsupported: [] });
  return text;
}

const totals = call(
  "query_metrics",
  { ...ARGS, comparison: "previous" },
  metricResult({ metrics: [METRICS.net_sales!], totals: { net_sales: value(123_456_700, 109_900_000) }, comparison: { kind: "previous", range: WEEK_BEFORE } }),
);

describe("query_metrics answers", () => {
  it("say a total with its change in the asker's language and the store's currency", () => {
    expect(reply(totals, answerContext("es", "ARS"))).toContain("*Ventas netas* la semana pasada (1–7 nov 2026): *$ 1.234.567*, ▲ 12,3% vs la semana anterior ($ 1.099.000).");
    expect(reply(totals, answerContext("pt", "BRL"))).toContain("*Vendas líquidas* na semana passada (1–7 nov 2026): *R$ 1.234.567*, ▲ 12,3% vs a semana anterior (R$ 1.099.000).");
    expect(reply(totals, answerContext("en", "USD"))).toContain("*Net sales* last week (Nov 1–7, 2026): *$1,234,567*, ▲ 12.3% vs the previous week ($1,099,000).");
    expect(reply(totals, answerContext("es", "MXN"))).toContain("*$1,234,567*");
  });

  it("list several metrics, explain missing values and show ratio changes in points", () => {
    const record = call(
      "query_metrics",
      { metrics: ["orders", "gross_margin", "roas"], range: "last week", comparison: "previous" },
      metricResult({
        metrics: [METRICS.orders!, METRICS.gross_margin!, METRICS.roas!],
        totals: { orders: value(812, 790), gross_margin: value(null, 0.41, "no cost data for the lines in this range"), roas: value(3.456, 3.1) },
        comparison: { kind: "previous", range: WEEK_BEFORE },
      }),
    );
    const text = reply(record, answerContext("es", "ARS"));
    expect(text).toContain("La semana pasada (1–7 nov 2026):");
    expect(text).toContain("• Pedidos: *812*, ▲ 2,8% vs la semana anterior (790)");
    expect(text).toContain("• Margen bruto: sin dato (no hay costos de producto cargados para este período)");
    expect(text).toContain("• ROAS: *3,46×*");
    const margin = call("query_metrics", ARGS, metricResult({ metrics: [METRICS.gross_margin!], totals: { gross_margin: value(0.423, 0.401) }, comparison: { kind: "previous", range: WEEK_BEFORE } }));
    expect(reply(margin, answerContext("en", "USD"))).toContain("*42.3%*, ▲ 2.2 pp vs the previous week (40.1%)");
  });

  it("rank a breakdown with shares, an Other row and how many members there are", () => {
    const record = call(
      "query_metrics",
      { metrics: ["net_sales"], range: "last week", breakdown: { dimension: "source_channel", top: 2 } },
      metricResult({
        metrics: [METRICS.net_sales!],
        totals: { net_sales: value(1_000_000_00) },
        breakdown: {
          dimension: "source_channel",
          sortBy: "net_sales",
          direction: "desc",
          top: 2,
          members: 5,
          rows: [row("online_store", "online_store", { net_sales: value(600_000_00) }, 0.6), row("instagram", "instagram", { net_sales: value(250_000_00) }, 0.25), row("__other__", "Other", { net_sales: value(150_000_00) }, 0.15, true)],
        },
      }),
    );
    const text = reply(record, answerContext("es", "ARS"));
    expect(text).toContain("*Ventas netas* por canal de venta la semana pasada (1–7 nov 2026):");
    expect(text).toContain("• Tienda online: $ 600.000 (60,0%)");
    expect(text).toContain("• Otros: $ 150.000 (15,0%)");
    expect(text).toContain("Se muestran los 2 principales de 5");
    expect(text).toContain("¿Quieres ver la tendencia semanal?");
    expect(reply(record, answerContext("pt", "BRL"))).toContain("• Loja online: R$ 600.000 (60,0%)");
  });

  it("list a short trend bucket by bucket and summarise a long one", () => {
    const week = dailySeries("2026-11-01", [120_00, 95_50, 101_00, 0, 87_25, 130_00, 99_99], "net_sales");
    const short = call("query_metrics", { ...ARGS, grain: "day" }, metricResult({ metrics: [METRICS.net_sales!], totals: { net_sales: value(633_74) }, grain: "day", series: week }));
    const text = reply(short, answerContext("en", "USD"));
    expect(text).toContain("*Net sales* by day last week (Nov 1–7, 2026):");
    expect(text).toContain("• Nov 2: $95.50");
    expect(text).toContain("Total: *$633.74*.");

    const amounts = Array.from({ length: 31 }, (_, index) => 1_000_00 + ((index * 7919) % 500_00));
    const month = dailySeries("2026-10-01", amounts, "net_sales");
    const long = call("query_metrics", { metrics: ["net_sales"], range: "october 2026", grain: "day" }, metricResult({ metrics: [METRICS.net_sales!], totals: { net_sales: value(amounts.reduce((a, b) => a + b, 0)) }, range: range("2026-10-01", "2026-11-01", "month"), grain: "day", series: month }));
    const summary = reply(long, answerContext("es", "ARS"));
    expect(summary).toContain("*Ventas netas* por día el mes pasado (octubre de 2026):");
    expect(summary).toMatch(/máximo \$ [\d.]+ \(\d+ oct\), mínimo \$ [\d.]+ \(\d+ oct\)/);
  });

  it("say plainly when nothing happened, and ask nothing after it", () => {
    const empty = call("query_metrics", ARGS, metricResult({ metrics: [METRICS.net_sales!, METRICS.orders!], totals: { net_sales: value(0), orders: value(0) } }));
    const answer = composeAnswer([empty], answerContext("pt", "BRL"));
    expect(answer.text).toBe("Não houve movimento na semana passada (1–7 nov 2026): vendas líquidas R$ 0, pedidos 0.");
    expect(answer.suggestion).toBeNull();
  });

  it("turn refusals into a question with the close matches in the asker's language", () => {
    const refused: ToolCallRecord = { name: "query_metrics", args: { metrics: ["net salez"], range: "last week" }, outcome: { ok: false, tool: "query_metrics", error: { code: "not_found", message: "Unknown metric", suggestions: ["net_sales", "gross_sales"] } } };
    const answer = composeAnswer([refused], answerContext("es", "ARS"));
    expect(answer.text).toBe("No encontré eso en los datos de tu tienda.");
    expect(answer.suggestion).toBe("¿Te refieres a ventas netas o ventas brutas?");
    expect(answer.freshness).toBeNull();
  });
});

describe("the number checker on query_metrics answers", () => {
  it("fails an invented revenue figure and a changed percentage", () => {
    const context = answerContext("es", "ARS");
    const text = answerText(composeAnswer([totals], context));
    expect(checkNumbers(text.replace("$ 1.234.567", "$ 98.765"), [totals], context)).toEqual({ ok: false, unsupported: ["98.765"] });
    expect(checkNumbers(text.replace("12,3%", "15,3%"), [totals], context).unsupported).toEqual(["15,3"]);
    expect(checkNumbers(`${text}\nVas a vender R$ 10 mil más.`, [totals], context).ok).toBe(false);
  });
});
