import { describe, expect, it } from "vitest";
import type { Language } from "../../agents/shared/language.ts";
import { renderLineChartPng } from "../charts/line-chart-png.ts";
import { renderEmail } from "../email/render-email.ts";
import type { OutboundMessage } from "../outbound/outbound-message.ts";
import { toSlackMessage } from "../slack/block-kit.ts";
import { whatsappText } from "../whatsapp/message-text.ts";
import { templateParameter, TEMPLATE_PARAMETER_LIMIT } from "../whatsapp/template-message.ts";
import { digestFigures, digestSubject, renderDigest } from "./render-digest.ts";
import { WHATSAPP_SHORT_LIMIT } from "./whatsapp-short.ts";
import { approval, CHANNELS, insightRow, renderContext, sampleDigestFacts } from "./test-support.ts";

const LANGUAGES: readonly Language[] = ["en", "es", "pt"];
const CURRENCY: Readonly<Record<Language, string>> = { en: "USD", es: "MXN", pt: "BRL" };

/** Everything a member sees of the message on its channel, as the channel's own formatter writes it. */
function shown(message: OutboundMessage, channel: (typeof CHANNELS)[number]): string {
  switch (channel) {
    case "email": {
      const email = renderEmail(message, { replying: false, renderChart: renderLineChartPng });
      return `${email.subject}\n${email.text}`;
    }
    case "slack":
      return JSON.stringify(toSlackMessage(message).blocks);
    case "whatsapp":
      return whatsappText(message);
  }
}

describe("renderDigest", () => {
  it("shows the same figure strings on every channel, in every language", () => {
    for (const language of LANGUAGES) {
      const facts = sampleDigestFacts({}, CURRENCY[language]);
      const figures = digestFigures(facts, { language, currency: CURRENCY[language] });
      const strings = [...figures.day, ...figures.weekToDate].flatMap((figure) => [figure.value, figure.change ?? ""]);
      expect(strings.filter((text) => text === "")).toEqual([]);
      for (const channel of CHANNELS) {
        const text = shown(renderDigest(facts, renderContext(channel, language)), channel);
        for (const figure of strings) expect(text, `${language} ${channel}`).toContain(figure);
      }
    }
    const es = digestFigures(sampleDigestFacts(), { language: "es", currency: "MXN" });
    expect(es.day.map((figure) => [figure.label, figure.value, figure.change])).toEqual([
      ["Ventas netas", "$4,394", "▼ 80.0%"],
      ["Pedidos", "4", "▼ 69.2%"],
      ["Ticket promedio", "$1,099", "▼ 35.0%"],
      ["Tasa de conversión", "2.6%", "▲ 0.2 pp"],
    ]);
    const pt = digestFigures(sampleDigestFacts({}, "BRL"), { language: "pt", currency: "BRL" });
    expect(pt.weekToDate[0]).toMatchObject({ label: "Vendas líquidas", value: "R$ 37.514", change: "▼ 4,6%" });
  });

  it("writes each channel's form: email with subject, KPI table and chart; Slack with fields; WhatsApp short", () => {
    const facts = sampleDigestFacts();
    const email = renderDigest(facts, renderContext("email", "es"));
    expect(email.subject).toBe("Resumen de ayer · Moda Norte · 20 nov");
    expect(email.chart).toMatchObject({ title: "Ventas netas, últimos 14 días", unit: "money", currency: "MXN", locale: "es-MX" });
    expect(email.chart!.labels).toHaveLength(14);
    expect(email.chart!.series[0]!.values[0]).toBe(10_000);
    expect(email.kpis.map((kpi) => kpi.label)).toEqual(["Ventas netas (ayer)", "Pedidos (ayer)", "Ticket promedio (ayer)", "Tasa de conversión (ayer)", "Ventas netas (semana)", "Pedidos (semana)", "Ticket promedio (semana)", "Tasa de conversión (semana)"]);
    expect(email.kpis[0]!.change).toBe("▼ 80.0% vs $21,957 (13 nov)");
    expect(email.freshness).toBe("Datos al 20 nov 2026, 23:38 (pedidos)");
    expect(email.text).toContain("*Ayer* (vie 20 nov): ventas netas *$4,394*, ▼ 80.0% vs el viernes anterior.");
    expect(email.text).toContain("*En la semana* (16–20 nov): ventas netas *$37,514*, ▼ 4.6% vs los mismos días de la semana anterior.");
    expect(email.text).toContain("1. *[es] Net sales fell 40% on Nov 11*");
    expect(email.text).toContain("→ [es] act on Net sales fell 40% on Nov 11");
    expect(email.text).toContain("*Cangurera bordada*: $499 → *$449* (4F2K, vence 22 nov 2026, 10:00). Responda *SI 4F2K* para aprobar.");
    expect(email.text).toContain("*Pregunta sugerida:* ¿Por qué bajaron las ventas ayer?");
    const rendered = renderEmail(email, { replying: false, renderChart: renderLineChartPng });
    expect(rendered.attachments).toHaveLength(1);
    expect(rendered.html).toContain('src="cid:chart@bizos"');

    const slack = renderDigest(facts, renderContext("slack", "es"));
    expect(slack.chart).toBeNull();
    expect(slack.kpis).toEqual(email.kpis);
    expect(slack.buttons.map((button) => button.id)).toEqual(["approve:4F2K", "reject:4F2K"]);
    const blocks = toSlackMessage(slack).blocks;
    expect(blocks.some((block) => block.type === "section" && "fields" in block && block.fields.length === 8)).toBe(true);

    const whatsapp = renderDigest(facts, renderContext("whatsapp", "es"));
    expect(whatsapp.chart).toBeNull();
    expect(whatsapp.text).toContain("*Ayer* (vie 20 nov vs vie 13 nov): ventas $4,394 (▼ 80.0%) · pedidos 4 (▼ 69.2%) · ticket $1,099 (▼ 35.0%) · conversión 2.6% (▲ 0.2 pp)");
    expect(whatsapp.text).toContain("1. [es] Net sales fell 40% on Nov 11");
    expect(whatsapp.text).toContain("Responda *SI 4F2K* para aprobar.");
    expect(whatsappText(whatsapp).length).toBeLessThanOrEqual(WHATSAPP_SHORT_LIMIT);
  });

  it("keeps the WhatsApp short form within its limit with long insights and many approvals, headline figures first", () => {
    const long = "Sales of the whole Calzado category fell far below what the last eight weeks of the same weekday predicted, driven by two products";
    const facts = sampleDigestFacts({
      insights: [1, 2, 3].map((id) => ({ insight: insightRow(id, `${long} (${id})`), action: null })),
      pendingApprovals: ["A1B2", "C3D4", "E5F6", "G7H8", "J9K1"].map((code) => approval(code, `Tenis Urbano Blanco Edición Especial ${code}`)),
    });
    for (const language of LANGUAGES) {
      const message = renderDigest(facts, renderContext("whatsapp", language, { currency: "MXN" }));
      const text = whatsappText(message);
      expect(text.length, language).toBeLessThanOrEqual(WHATSAPP_SHORT_LIMIT);
      const figures = digestFigures(facts, { language, currency: "MXN" });
      for (const figure of [...figures.day, ...figures.weekToDate]) expect(text).toContain(figure.value);
      // Outside the 24-hour window the whole text travels as one template parameter, uncut.
      const parameter = templateParameter(text);
      expect(parameter.length).toBeLessThanOrEqual(TEMPLATE_PARAMETER_LIMIT);
      expect(parameter.endsWith("…")).toBe(false);
      expect(message.buttons).toEqual([]);
    }
  });

  it("names approvals without the reply that approves them for a member who cannot approve", () => {
    const message = renderDigest(sampleDigestFacts(), renderContext("whatsapp", "en", { currency: "MXN", canApprove: false }));
    expect(message.text).toContain("*Cangurera bordada*: MX$499 → *MX$449* (4F2K).");
    expect(message.text).not.toContain("YES 4F2K");
    expect(message.buttons).toEqual([]);
  });

  it("speaks each language", () => {
    const facts = sampleDigestFacts({ weekComplete: true, weekToDate: { ...sampleDigestFacts().weekToDate, span: { start: "2026-11-14", end: "2026-11-21" }, comparison: { start: "2026-11-07", end: "2026-11-14" } } });
    const en = renderDigest(facts, renderContext("email", "en", { currency: "MXN" }));
    expect(digestSubject(facts, "en")).toBe("Yesterday's summary · Moda Norte · Nov 20");
    expect(en.text).toContain("*Yesterday* (Fri, Nov 20): net sales *MX$4,394*, ▼ 80.0% vs the previous Friday.");
    expect(en.text).toContain("*Last week* (Nov 14–20): net sales *MX$37,514*, ▼ 4.6% vs the week before.");
    expect(en.text).toContain("Reply *YES 4F2K* to approve.");
    expect(en.text).toContain("*Try asking:* Why did sales drop yesterday?");
    const pt = renderDigest(sampleDigestFacts({}, "BRL"), renderContext("email", "pt"));
    expect(pt.subject).toBe("Resumo de ontem · Moda Norte · 20 nov");
    expect(pt.text).toContain("*Ontem* (sex 20 nov): vendas líquidas *R$ 4.394*, ▼ 80,0% vs a sexta-feira anterior.");
    expect(pt.text).toContain("*Na semana* (16–20 nov)");
    expect(pt.text).toContain("Responda *SIM 4F2K* para aprovar.");
    expect(pt.text).toContain("*Pergunta sugerida:* Por que as vendas caíram ontem?");
    expect(pt.kpis[0]!.label).toBe("Vendas líquidas (ontem)");
  });

  it("says there is no data yet when a period has no KPIs", () => {
    const facts = sampleDigestFacts({ day: { ...sampleDigestFacts().day, kpis: [] }, insights: [], pendingApprovals: [] });
    const message = renderDigest(facts, renderContext("slack", "es"));
    expect(message.text).toContain("*Ayer* (vie 20 nov): sin datos todavía.");
    expect(message.text).not.toContain("Lo más importante");
    expect(message.buttons).toEqual([]);
  });
});
