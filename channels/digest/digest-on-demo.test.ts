import { expect, it } from "vitest";
import type { Language } from "../../agents/shared/language.ts";
import type { Db } from "../../db/database.ts";
import { insertProposal } from "../../db/repositories/price-proposals.ts";
import { findWorkspaceBySlug } from "../../db/repositories/workspaces.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { seedDemo } from "../../demo/index.ts";
import { composeDigestFacts } from "../../engines/digest/digest-facts.ts";
import type { KpiFact } from "../../engines/digest/types.ts";
import { composeWeeklyFacts } from "../../engines/digest/weekly-facts.ts";
import { rfmAnalysis } from "../../engines/metrics/analysis/rfm.ts";
import { queryMetrics } from "../../engines/metrics/query/execute.ts";
import type { MetricValues } from "../../engines/metrics/query/result.ts";
import { localMidnightUtc } from "../../engines/metrics/time/utc-bounds.ts";
import { fixedClock } from "../../lib/clock.ts";
import { describeDatabase } from "../../test/database.ts";
import { renderLineChartPng } from "../charts/line-chart-png.ts";
import { renderEmail } from "../email/render-email.ts";
import type { OutboundMessage } from "../outbound/outbound-message.ts";
import { toSlackMessage } from "../slack/block-kit.ts";
import { whatsappText } from "../whatsapp/message-text.ts";
import { digestFigures, renderDigest } from "./render-digest.ts";
import { renderWeekly, weeklyFigures } from "./render-weekly.ts";
import { WHATSAPP_SHORT_LIMIT } from "./whatsapp-short.ts";
import { CHANNELS, insightRow, renderContext } from "./test-support.ts";

const END = "2026-11-21";
const clock = fixedClock(`${END}T18:00:00Z`);

async function direct(db: Db, workspace: Workspace, metrics: readonly string[], start: string, last: string): Promise<MetricValues> {
  const result = await queryMetrics(db, workspace, { metrics: [...metrics], range: { kind: "between", start, end: last } }, { clock });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.totals;
}

function expectKpisMatch(kpis: readonly KpiFact[], current: MetricValues, previous: MetricValues): void {
  for (const kpi of kpis) {
    expect(kpi.value, kpi.metric).toBe(current[kpi.metric]?.value);
    expect(kpi.previous, kpi.metric).toBe(previous[kpi.metric]?.value);
  }
}

/** Everything a member sees of the message on its channel, as the channel's own formatter writes it. */
function shown(message: OutboundMessage, channel: (typeof CHANNELS)[number]): string {
  if (channel === "email") return renderEmail(message, { replying: false, renderChart: renderLineChartPng }).text;
  return channel === "slack" ? JSON.stringify(toSlackMessage(message).blocks) : whatsappText(message);
}

function expectSameFiguresEverywhere(render: (channel: (typeof CHANNELS)[number]) => OutboundMessage, figures: readonly string[]): void {
  for (const channel of CHANNELS) {
    const message = render(channel);
    const text = shown(message, channel);
    for (const figure of figures) expect(text, channel).toContain(figure);
    if (channel === "whatsapp") expect(whatsappText(message).length).toBeLessThanOrEqual(WHATSAPP_SHORT_LIMIT);
    if (channel === "email") expect(renderEmail(message, { replying: false, renderChart: renderLineChartPng }).attachments).toHaveLength(1);
  }
}

describeDatabase("the daily digest and the weekly report on the demo", ({ db }) => {
  it("compose the engine's figures and render the same ones on every channel, in es, pt and en", { timeout: 600_000 }, async () => {
    await seedDemo(db(), { orders: 2000, seed: 7, end: END });
    const demo = (await findWorkspaceBySlug(db(), "demo"))!;
    const br = (await findWorkspaceBySlug(db(), "demo-br"))!;
    const saas = (await findWorkspaceBySlug(db(), "demo-saas"))!;

    // One live proposal and one that expired yesterday: only the live one waits.
    const variant = (await db().selectFrom("variants as v").innerJoin("products as p", "p.id", "v.product_id").select(["v.id", "v.product_id", "p.title"]).where("v.workspace_id", "=", demo.id).orderBy("v.id").executeTakeFirst())!;
    const proposal = { workspace_id: demo.id, product_id: variant.product_id, variant_id: variant.id, current_price_cents: 49_900, proposed_price_cents: 44_900, status: "pending_approval" as const, currency: "MXN" };
    await insertProposal(db(), { ...proposal, code: "K7P2", expires_at: new Date("2026-11-22T16:00:00Z"), idempotency_key: "digest-test-live" });
    await insertProposal(db(), { ...proposal, code: "X9M4", expires_at: new Date("2026-11-20T16:00:00Z"), idempotency_key: "digest-test-expired" });
    const question = { en: "Why did sales drop on Nov 11?", es: "¿Por qué bajaron las ventas el 11 de nov?", pt: "Por que as vendas caíram em 11 de nov?" };
    const insights = [insightRow(1, "Net sales fell on Nov 11", { kind: "question", question }), insightRow(2, "A competitor undercuts a top seller"), insightRow(3, "A top seller runs out soon"), insightRow(4, "A fourth one")];

    // Moda Norte (MXN, es, weeks from Monday): yesterday against the Friday before, Mon–Fri against the Mon–Fri before.
    const facts = await composeDigestFacts(db(), { workspace: demo, date: END, clock, insights });
    expect(facts.day.kpis.map((kpi) => kpi.metric)).toEqual(["net_sales", "orders", "aov", "conversion_rate"]);
    expectKpisMatch(facts.day.kpis, await direct(db(), demo, ["net_sales", "orders", "aov", "conversion_rate"], "2026-11-20", "2026-11-20"), await direct(db(), demo, ["net_sales", "orders", "aov", "conversion_rate"], "2026-11-13", "2026-11-13"));
    const netSales = facts.day.kpis[0]!;
    expect(Number.isInteger(netSales.value)).toBe(true);
    expect(netSales.value).toBeGreaterThan(0);
    expect(facts.weekToDate.span).toEqual({ start: "2026-11-16", end: "2026-11-21" });
    expect(facts.weekToDate.comparison).toEqual({ start: "2026-11-09", end: "2026-11-14" });
    expectKpisMatch(facts.weekToDate.kpis, await direct(db(), demo, ["net_sales", "orders", "aov", "conversion_rate"], "2026-11-16", "2026-11-20"), await direct(db(), demo, ["net_sales", "orders", "aov", "conversion_rate"], "2026-11-09", "2026-11-13"));
    // Week to date is the sum of its days.
    const points = facts.series!.points;
    expect(points.map((point) => point.date)).toEqual(["07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"].map((day) => `2026-11-${day}`));
    expect(points[13]!.value).toBe(netSales.value);
    expect(points[6]!.value).toBe(netSales.previous);
    expect(points.slice(9).reduce((sum, point) => sum + point.value!, 0)).toBe(facts.weekToDate.kpis[0]!.value);
    expect(facts.weekComplete).toBe(false);
    expect(facts.insights.map((fact) => fact.insight.id)).toEqual([1, 2, 3]);
    expect(facts.suggestedQuestion).toEqual(question);
    expect(facts.pendingApprovals).toEqual([
      { code: "K7P2", kind: "change", product: variant.title, variant: expect.any(String) as unknown, currentPriceCents: 49_900, proposedPriceCents: 44_900, currency: "MXN", expiresAt: "2026-11-22T16:00:00.000Z" },
    ]);
    expect(facts.freshness.map((entry) => entry.source)).toEqual(["orders", "web"]);
    // Another member of the workspace: the same figures, composed once; their own insights.
    const other = await composeDigestFacts(db(), { workspace: demo, date: END, clock, insights: [], metrics: facts });
    expect(other.day).toBe(facts.day);
    expect(other.insights).toEqual([]);
    expect(other.suggestedQuestion.es).toBe(netSales.change! < 0 ? "¿Por qué bajaron las ventas ayer?" : "¿Qué productos se vendieron más ayer?");

    const es = digestFigures(facts, { language: "es", currency: "MXN" });
    const esStrings = [...es.day, ...es.weekToDate].flatMap((figure) => [figure.value, figure.change ?? ""]);
    expectSameFiguresEverywhere((channel) => renderDigest(facts, renderContext(channel, "es", { currency: "MXN", timeZone: demo.timezone })), esStrings);
    const email = renderDigest(facts, renderContext("email", "es", { currency: "MXN", timeZone: demo.timezone }));
    expect(email.subject).toBe("Resumen de ayer · Moda Norte · 20 nov");
    expect(email.chart!.series[0]!.values).toHaveLength(14);
    expect(email.text).toContain(`*${variant.title}*: $499 → *$449* (K7P2, vence 22 nov 2026, 10:00). Responda *SI K7P2* para aprobar.`);
    expect(email.text).not.toContain("X9M4");
    expect(renderDigest(facts, renderContext("whatsapp", "es", { currency: "MXN" })).text).toContain("Responda *SI K7P2* para aprobar.");

    // Flor de Ipê (BRL, pt, weeks from Sunday).
    const brFacts = await composeDigestFacts(db(), { workspace: br, date: END, clock, insights: [] });
    expect(brFacts.weekToDate.span).toEqual({ start: "2026-11-15", end: "2026-11-21" });
    expectKpisMatch(brFacts.weekToDate.kpis, await direct(db(), br, ["net_sales", "orders", "aov", "conversion_rate"], "2026-11-15", "2026-11-20"), await direct(db(), br, ["net_sales", "orders", "aov", "conversion_rate"], "2026-11-08", "2026-11-13"));
    expect(brFacts.pendingApprovals).toEqual([]);
    const pt = digestFigures(brFacts, { language: "pt", currency: "BRL" });
    expectSameFiguresEverywhere((channel) => renderDigest(brFacts, renderContext(channel, "pt", { timeZone: br.timezone })), [...pt.day, ...pt.weekToDate].flatMap((figure) => [figure.value, figure.change ?? ""]));
    const ptEmail = renderDigest(brFacts, renderContext("email", "pt", { timeZone: br.timezone }));
    expect(ptEmail.subject).toBe("Resumo de ontem · Flor de Ipê Cosméticos · 20 nov");
    expect(ptEmail.text).toContain("*Ontem* (sex 20 nov): vendas líquidas *R$");

    // Ledgerly (USD, en, SaaS): MRR and its movements.
    const saasFacts = await composeDigestFacts(db(), { workspace: saas, date: END, clock, insights: [] });
    const saasMetrics = ["mrr", "new_mrr", "expansion_mrr", "churned_mrr", "active_subscriptions"];
    expect(saasFacts.day.kpis.map((kpi) => kpi.metric)).toEqual(saasMetrics);
    expectKpisMatch(saasFacts.day.kpis, await direct(db(), saas, saasMetrics, "2026-11-20", "2026-11-20"), await direct(db(), saas, saasMetrics, "2026-11-13", "2026-11-13"));
    expect(saasFacts.freshness.map((entry) => entry.source)).toEqual(["subscriptions"]);
    expect(saasFacts.suggestedQuestion.en).toBe("How did MRR change this month?");
    const en = digestFigures(saasFacts, { language: "en", currency: "USD" });
    expectSameFiguresEverywhere((channel) => renderDigest(saasFacts, renderContext(channel, "en", { timeZone: saas.timezone })), [...en.day, ...en.weekToDate].flatMap((figure) => [figure.value, figure.change ?? ""]));
    expect(renderDigest(saasFacts, renderContext("slack", "en", { timeZone: saas.timezone })).text).toContain("*Yesterday* (Fri, Nov 20): MRR *$");

    // The weekly report for Nov 9–15: the week against the one before, drivers that add up, RFM segments, eight weeks.
    const weekly = await composeWeeklyFacts(db(), { workspace: demo, weekStart: "2026-11-09", clock, insights });
    expectKpisMatch(weekly.kpis.kpis, await direct(db(), demo, ["net_sales", "orders", "aov", "conversion_rate"], "2026-11-09", "2026-11-15"), await direct(db(), demo, ["net_sales", "orders", "aov", "conversion_rate"], "2026-11-02", "2026-11-08"));
    const weekSales = weekly.kpis.kpis[0]!;
    expect(weekly.drivers.map((driver) => driver.dimension)).toEqual(["category", "source_channel"]);
    for (const driver of weekly.drivers) {
      expect(driver.totalChange).toBe(weekSales.change);
      expect(driver.drivers.length).toBeGreaterThan(0);
      for (const member of driver.drivers) expect(member.change).toBe(member.current - member.previous);
    }
    const rfm = await rfmAnalysis(db(), { workspaceId: demo.id, timeZone: demo.timezone }, { asOf: new Date(localMidnightUtc("2026-11-16", demo.timezone).getTime() - 1) });
    const atRisk = weekly.segments.find((segment) => segment.segment === "at_risk")!;
    expect(atRisk.customers).toBe(rfm.segments.find((segment) => segment.segment === "at_risk")!.customers);
    expect(weekly.series!.points).toHaveLength(8);
    expect(weekly.series!.points[7]).toEqual({ date: "2026-11-09", value: weekSales.value });
    expect(weekly.actions.map((action) => action.insightId)).toEqual([1, 2, 3]);
    for (const language of ["es", "en"] as const satisfies readonly Language[]) {
      const strings = weeklyFigures(weekly, { language, currency: "MXN" }).week.flatMap((figure) => [figure.value, figure.change ?? ""]);
      expectSameFiguresEverywhere((channel) => renderWeekly(weekly, renderContext(channel, language, { currency: "MXN", timeZone: demo.timezone })), strings);
    }
    expect(renderWeekly(weekly, renderContext("email", "es", { currency: "MXN" })).subject).toBe("Informe semanal · Moda Norte · 9–15 nov");

    const saasWeekly = await composeWeeklyFacts(db(), { workspace: saas, weekStart: "2026-11-09", clock, insights: [] });
    expect(saasWeekly.drivers).toEqual([]);
    expect(saasWeekly.segments).toEqual([]);
    expect(saasWeekly.series!.points[7]!.value).toBe(saasWeekly.kpis.kpis[0]!.value);
  });
});
