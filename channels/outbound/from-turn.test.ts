import { beforeEach, describe, expect, it } from "vitest";
import { isForecastMetricData, isQueryMetricsData } from "../../agents/answers/analytics/outcome-data.ts";
import { OfflineChatModel } from "../../agents/models/offline/chat-model.ts";
import { createConversationRuntime } from "../../agents/runtime.ts";
import type { ConversationRuntime, TurnResult } from "../../agents/turn-types.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { describeDatabase } from "../../test/database.ts";
import { FIXTURE_NOW, seedMetricsStore, type MetricsFixture } from "../../test/fixtures/metrics-store.ts";
import { renderLineChartPng } from "../charts/line-chart-png.ts";
import { decodePng } from "../charts/png-decoder.ts";
import { outboundFromTurn, splitFreshness } from "./from-turn.ts";
import { outboundMessageSchema, type OutboundMessage } from "./outbound-message.ts";

/** The data of the turn's successful outcome of a tool, checked to be what that tool writes. */
function dataOf<Data>(result: TurnResult, tool: string, isData: (data: unknown) => data is Data): Data {
  const outcome = result.data.find((candidate) => candidate.tool === tool);
  if (!outcome?.ok || !isData(outcome.data)) throw new Error(`no successful ${tool} outcome in the turn`);
  return outcome.data;
}

function expectFreshnessApart(result: TurnResult, message: OutboundMessage): void {
  expect(result.freshness).not.toBeNull();
  expect(result.answer).toContain(result.freshness);
  expect(message.freshness).toBe(result.freshness);
  expect(message.text).not.toContain(result.freshness);
  // Everything else is kept whole, the suggested question included.
  expect(message.text).toBe(result.answer.replace(`\n\n${result.freshness}`, ""));
}

function expectValidChartPng(message: OutboundMessage): void {
  const png = decodePng(renderLineChartPng(message.chart!));
  expect([png.width, png.height, png.bitDepth]).toEqual([800, 400, 8]);
}

describeDatabase("outboundFromTurn on real turns", ({ db, handle }) => {
  let fixture: MetricsFixture;
  let runtime: ConversationRuntime;
  const ask = (text: string, workspace: Workspace = fixture.store) => runtime.runTurn({ workspace, text, thread: null, now: FIXTURE_NOW });
  const message = (result: TurnResult, workspace: Workspace = fixture.store) => outboundMessageSchema.parse(outboundFromTurn(result, { currency: workspace.currency }));

  beforeEach(async () => {
    fixture = await seedMetricsStore(db());
    runtime = await createConversationRuntime({ db: db(), pool: handle().pool, models: { modelFor: () => new OfflineChatModel() } });
  });

  it("gives a totals question KPI fields that say what the text says, with the freshness apart", async () => {
    const result = await ask("pedidos, ticket promedio y ventas netas del mes pasado vs el anterior");
    const sent = message(result);
    expect(sent.language).toBe("es");
    expect(sent.kpis.map((field) => field.label)).toEqual(["Pedidos", "Ticket promedio", "Ventas netas"]);
    for (const field of sent.kpis) {
      expect(sent.text).toContain(`*${field.value}*`);
      expect(field.change).toMatch(/^[▲▼] /);
      expect(sent.text).toContain(field.change);
    }
    expect(sent.kpis[2]).toEqual({ label: "Ventas netas", value: "$2,710", change: "▲ 502.2% vs el mes anterior ($450)" });
    expect(sent.chart).toBeNull();
    expect(sent.buttons).toEqual([]);
    expectFreshnessApart(result, sent);

    const english = await ask("how much did we sell last week vs the week before?");
    const sentEnglish = message(english);
    expect(sentEnglish.language).toBe("en");
    expect(sentEnglish.kpis).toEqual([{ label: "Net sales", value: "MX$550", change: "▲ 83.3% vs the previous week (MX$300)" }]);
    expect(sentEnglish.text).toContain("*MX$550*");
  });

  it("gives marketing totals as KPI fields in Portuguese", async () => {
    const result = await ask("qual foi o ROAS em outubro comparado com o mês anterior?");
    const sent = message(result);
    expect(sent.language).toBe("pt");
    expect(sent.kpis.map((field) => field.label)).toEqual(["Investimento em anúncios", "Conversões de anúncios", "CPA", "ROAS", "MER", "CAC"]);
    for (const field of sent.kpis) expect(sent.text).toContain(field.value);
    expect(sent.kpis[0]!.change).toMatch(/^▲ [\d,]+% vs setembro de 2026$/);
    expectFreshnessApart(result, sent);
  });

  it("charts a by-week question: one label per bucket, the series in major units, a valid PNG", async () => {
    const result = await ask("ventas por semana de los últimos 2 meses");
    const data = dataOf(result, "query_metrics", isQueryMetricsData);
    const sent = message(result);
    const chart = sent.chart!;
    expect(chart.title).toBe("Ventas netas por semana");
    expect(chart.labels).toHaveLength(data.series!.length);
    expect(chart.labels.slice(0, 3)).toEqual(["1 sep", "7 sep", "14 sep"]);
    expect(chart.series).toHaveLength(1);
    expect(chart.series[0]!.values).toEqual(data.series!.map((point) => point.values["net_sales"]!.value! / 100));
    expect([chart.unit, chart.currency, chart.locale]).toEqual(["money", "MXN", "es-MX"]);
    expect(sent.kpis).toEqual([]);
    expectFreshnessApart(result, sent);
    expectValidChartPng(sent);
  });

  it("charts the comparison period as a second line", async () => {
    const result = await ask("ventas netas y pedidos por semana en octubre vs el período anterior");
    const data = dataOf(result, "query_metrics", isQueryMetricsData);
    const chart = message(result).chart!;
    expect(chart.series.map((series) => series.name)).toEqual(["Ventas netas", "Período anterior"]);
    expect(chart.series[1]!.values).toEqual(data.series!.map((point) => point.values["net_sales"]!.previous!.value! / 100));
    expectValidChartPng(message(result));
  });

  it("keeps money whole for a currency without minor units", async () => {
    const result = await ask("sales by week in the last 2 months", fixture.tokyo);
    const data = dataOf(result, "query_metrics", isQueryMetricsData);
    const chart = message(result, fixture.tokyo).chart!;
    expect(data.currency).toBe("JPY");
    expect(chart.series[0]!.values).toEqual(data.series!.map((point) => point.values["net_sales"]!.value));
    expect(chart.series[0]!.values.some((value) => value !== null && value > 0)).toBe(true);
    expect([chart.currency, chart.locale, chart.labels[0]]).toEqual(["JPY", "en", "Sep 1"]);
  });

  it("charts a forecast with its interval", async () => {
    const result = await ask("forecast revenue next 4 weeks");
    const data = dataOf(result, "forecast_metric", isForecastMetricData);
    const sent = message(result);
    const chart = sent.chart!;
    expect(chart.title).toBe("Net sales forecast by day");
    expect(chart.labels).toHaveLength(data.forecast.points.length);
    expect(chart.series.map((series) => series.name)).toEqual(["Net sales", "Low (80%)", "High (80%)"]);
    expect(chart.series[0]!.values).toEqual(data.forecast.points.map((point) => Math.round(Math.max(0, point.value)) / 100));
    expect(chart.series[2]!.values).toEqual(data.forecast.points.map((point) => Math.round(Math.max(0, point.upper)) / 100));
    expect(sent.kpis).toEqual([]);
    expectValidChartPng(sent);
  });

  it("sends a greeting as plain text in its language, with the subject it is given", async () => {
    const result = await ask("hola");
    const sent = outboundFromTurn(result, { currency: "MXN", subject: "Re: hola" });
    expect(sent).toEqual({ text: result.answer, language: "es", subject: "Re: hola", kpis: [], freshness: null, chart: null, buttons: [] });
    expect(outboundFromTurn(result, { currency: "MXN" }).subject).toBeNull();
  });
});

describe("splitFreshness", () => {
  const line = "Data as of Nov 20, 2026 9:00 AM (orders)";

  it("takes the line's paragraph out and keeps the rest, the suggestion included", () => {
    expect(splitFreshness(`Net sales: *MX$550*.\n\n${line}\n\nWant to see it by channel?`, line)).toEqual({ text: "Net sales: *MX$550*.\n\nWant to see it by channel?", freshness: line });
    expect(splitFreshness(`Net sales: *MX$550*.\n\n${line}`, line)).toEqual({ text: "Net sales: *MX$550*.", freshness: line });
  });

  it("takes the line out of a sentence a model wrote around it", () => {
    expect(splitFreshness(`Net sales were MX$550. ${line}`, line)).toEqual({ text: "Net sales were MX$550.", freshness: line });
  });

  it("keeps a text that is nothing but the line, and passes a line the text lacks", () => {
    expect(splitFreshness(line, line)).toEqual({ text: line, freshness: null });
    expect(splitFreshness("Hi!", line)).toEqual({ text: "Hi!", freshness: line });
    expect(splitFreshness("Hi!", null)).toEqual({ text: "Hi!", freshness: null });
  });
});
