import { describe, expect, it } from "vitest";
import type { Language } from "../../agents/shared/language.ts";
import { renderLineChartPng } from "../charts/line-chart-png.ts";
import { renderEmail } from "../email/render-email.ts";
import { toSlackMessage } from "../slack/block-kit.ts";
import { whatsappText } from "../whatsapp/message-text.ts";
import { renderWeekly, weeklyFigures, weeklySubject } from "./render-weekly.ts";
import { WHATSAPP_SHORT_LIMIT } from "./whatsapp-short.ts";
import { CHANNELS, renderContext, sampleWeeklyFacts } from "./test-support.ts";

const LANGUAGES: readonly Language[] = ["en", "es", "pt"];

describe("renderWeekly", () => {
  it("shows the same figure strings on every channel, within each channel's limits", () => {
    const facts = sampleWeeklyFacts();
    for (const language of LANGUAGES) {
      const strings = weeklyFigures(facts, { language, currency: "MXN" }).week.flatMap((figure) => [figure.value, figure.change ?? ""]);
      for (const channel of CHANNELS) {
        const message = renderWeekly(facts, renderContext(channel, language, { currency: "MXN" }));
        const text =
          channel === "email"
            ? renderEmail(message, { replying: false, renderChart: renderLineChartPng }).text
            : channel === "slack"
              ? JSON.stringify(toSlackMessage(message).blocks)
              : whatsappText(message);
        for (const figure of strings) expect(text, `${language} ${channel}`).toContain(figure);
        if (channel === "whatsapp") expect(whatsappText(message).length).toBeLessThanOrEqual(WHATSAPP_SHORT_LIMIT);
        expect(message.chart === null).toBe(channel !== "email");
      }
    }
  });

  it("tells the week's story in Spanish: drivers, segments, actions", () => {
    const facts = sampleWeeklyFacts();
    const email = renderWeekly(facts, renderContext("email", "es"));
    expect(email.subject).toBe("Informe semanal · Moda Norte · 9–15 nov");
    expect(email.text).toContain("Ventas netas *$64,837*, ▲ 77.1% vs la semana anterior (2–8 nov).");
    expect(email.text).toContain("*Qué cambió y por qué*\nLas ventas netas subieron $28,231 frente a la semana anterior.");
    expect(email.text).toContain("• Por categoría: Calzado +$16,629 (59% del cambio) y Accesorios +$4,705 (17%).");
    expect(email.text).toContain("• Por canal de venta: Tienda online +$31,045 (110% del cambio).");
    expect(email.text).toContain("• *En riesgo*: 101 clientes (98 una semana antes), $271,584 en compras del último año.");
    expect(email.text).toContain("*Acciones recomendadas*\n1. *[es] Net sales fell 40% on Nov 11*");
    expect(email.chart).toMatchObject({ title: "Ventas netas por semana", labels: ["21 sep", "28 sep", "5 oct", "12 oct", "19 oct", "26 oct", "2 nov", "9 nov"] });
    const whatsapp = renderWeekly(facts, renderContext("whatsapp", "es"));
    expect(whatsapp.text).toContain("*Por qué:* Calzado +$16,629 · Accesorios +$4,705 · Tienda online +$31,045");
    expect(whatsapp.text).toContain("*Clientes:* No podemos perderlos 20 · En riesgo 101");
  });

  it("speaks English and Portuguese, and tells a SaaS week by its MRR movements", () => {
    const facts = sampleWeeklyFacts({}, "BRL");
    expect(weeklySubject(facts, "pt")).toBe("Relatório semanal · Moda Norte · 9–15 nov");
    const pt = renderWeekly(facts, renderContext("email", "pt"));
    expect(pt.text).toContain("As vendas líquidas subiram R$ 28.231 em relação à semana anterior.");
    expect(pt.text).toContain("*Clientes que merecem atenção*");
    const saas = sampleWeeklyFacts({
      workspace: { id: 3, name: "Ledgerly", vertical: "saas", currency: "USD", timeZone: "America/New_York" },
      kpis: {
        span: { start: "2026-11-09", end: "2026-11-16" },
        comparison: { start: "2026-11-02", end: "2026-11-09" },
        kpis: [
          { metric: "mrr", label: "MRR", unit: "money", higherIsBetter: true, value: 37_061_880, previous: 36_275_114, change: 786_766, changePct: 0.021689 },
          { metric: "new_mrr", label: "New MRR", unit: "money", higherIsBetter: true, value: 656_366, previous: 287_900, change: 368_466, changePct: 1.279826 },
          { metric: "churned_mrr", label: "Churned MRR", unit: "money", higherIsBetter: false, value: 59_400, previous: 39_400, change: 20_000, changePct: 0.507614 },
        ],
      },
      drivers: [],
      segments: [],
      insights: [],
    }, "USD");
    const en = renderWeekly(saas, renderContext("slack", "en"));
    expect(en.subject).toBe("Weekly report · Ledgerly · Nov 9–15");
    expect(en.text).toContain("MRR *$370,619*, ▲ 2.2% vs the week before (Nov 2–8).");
    expect(en.text).toContain("MRR rose $7,868 from the week before.\n• New $6,564 and churned $594.");
    expect(en.text).not.toContain("Recommended actions");
  });
});
