import { describe, expect, it } from "vitest";
import { textMessage, type ChartSpec, type OutboundMessage } from "../outbound/outbound-message.ts";
import { CHART_CID, emailSubject, renderEmail } from "./render-email.ts";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

const chart: ChartSpec = {
  title: "Ventas netas por semana",
  labels: ["31 oct", "7 nov", "14 nov", "21 nov"],
  series: [{ name: "Ventas netas", values: [610_000, 644_500, 644_700, 1_193_346] }],
  unit: "money",
  currency: "MXN",
  locale: "es-MX",
};

const digest: OutboundMessage = {
  text: "*Resumen semanal* de Tienda Ana\n\nLas *ventas netas* subieron 85.1% frente a la semana anterior.\nEl pedido promedio bajó un poco.",
  language: "es",
  subject: "Resumen semanal · 15–21 nov",
  kpis: [
    { label: "Ventas netas", value: "MX$1,193,346", change: "▲ 85.1% vs la semana anterior" },
    { label: "Pedidos", value: "812", change: null },
  ],
  freshness: "Datos al 21 nov, 10:00 (Shopify)",
  chart,
  buttons: [],
};

const noChart = () => {
  throw new Error("no chart expected");
};

describe("renderEmail", () => {
  it("writes the text part without markup, then the KPIs, then the freshness line", () => {
    const email = renderEmail(digest, { replying: false, renderChart: () => PNG });
    expect(email.text).toBe(
      "Resumen semanal de Tienda Ana\n\nLas ventas netas subieron 85.1% frente a la semana anterior.\nEl pedido promedio bajó un poco.\n\n" +
        "Ventas netas: MX$1,193,346 (▲ 85.1% vs la semana anterior)\nPedidos: 812\n\n" +
        "Datos al 21 nov, 10:00 (Shopify)\n",
    );
  });

  it("writes the HTML part with paragraphs, <strong>, a KPI table, the chart by cid and a muted footer", () => {
    const email = renderEmail(digest, { replying: false, renderChart: () => PNG });
    expect(email.html).toContain('<html lang="es">');
    expect(email.html).toContain("<strong>Resumen semanal</strong> de Tienda Ana</p>");
    expect(email.html).toContain("subieron 85.1% frente a la semana anterior.<br>\nEl pedido promedio");
    expect(email.html).toMatch(/<table role="presentation"[^>]*>\n<tr><td[^>]*>Ventas netas<\/td><td[^>]*>MX\$1,193,346<\/td><td[^>]*>▲ 85.1% vs la semana anterior<\/td><\/tr>/);
    expect(email.html).toContain(`<img src="cid:${CHART_CID}" alt="Ventas netas por semana"`);
    expect(email.html).toMatch(/<p style="[^"]*color:#6b7280[^"]*">Datos al 21 nov, 10:00 \(Shopify\)<\/p>/);
    expect(email.attachments).toEqual([{ filename: "chart.png", content: PNG, contentType: "image/png", cid: CHART_CID, contentDisposition: "inline" }]);
  });

  it("escapes everything the message says, in the text, KPIs, footer, chart title and subject", () => {
    const hostile: OutboundMessage = {
      ...textMessage('Product <script>alert("x")</script> & *<b>co</b>*', "en", "<Sales> & 'more'"),
      kpis: [{ label: "<i>Label</i>", value: "1 < 2", change: '"up"' }],
      freshness: "as of <now>",
      chart: { ...chart, title: 'a" onerror="alert(1)' },
    };
    const { html } = renderEmail(hostile, { replying: false, renderChart: () => PNG });
    expect(html).not.toMatch(/<script|<b>|<i>|<now>|<Sales>|" onerror=/);
    expect(html).toContain("Product &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <strong>&lt;b&gt;co&lt;/b&gt;</strong>");
    expect(html).toContain("<title>&lt;Sales&gt; &amp; &#39;more&#39;</title>");
    expect(html).toContain('alt="a&quot; onerror=&quot;alert(1)"');
  });

  it("leaves lone asterisks alone and adds no image or attachment without a chart", () => {
    const email = renderEmail(textMessage("2 * 3 = 6 and * is a wildcard", "en"), { replying: false, renderChart: noChart });
    expect(email.text).toBe("2 * 3 = 6 and * is a wildcard\n");
    expect(email.html).not.toContain("<strong>");
    expect(email.html).not.toContain("<img");
    expect(email.attachments).toEqual([]);
  });
});

describe("emailSubject", () => {
  it("uses the message's subject, or else its first line without markup", () => {
    expect(emailSubject({ subject: "Weekly digest", text: "ignored" }, false)).toBe("Weekly digest");
    expect(emailSubject({ subject: null, text: "\n*Net sales* were MX$1,193,346 this week.\nMore below." }, false)).toBe("Net sales were MX$1,193,346 this week.");
    expect(emailSubject({ subject: "  ", text: "Stock report" }, false)).toBe("Stock report");
  });

  it("cuts a long first line at a word, near 78 characters, with an ellipsis", () => {
    const subject = emailSubject({ subject: null, text: "Net sales this week were MX$1,193,346, up 85.1% against the previous week, driven by the Buen Fin campaign" }, false);
    expect(subject.length).toBeLessThanOrEqual(78);
    expect(subject).toBe("Net sales this week were MX$1,193,346, up 85.1% against the previous week…");
  });

  it("starts a reply with 'Re: ' once", () => {
    expect(emailSubject({ subject: "Weekly digest", text: "x" }, true)).toBe("Re: Weekly digest");
    expect(emailSubject({ subject: "RE: Weekly digest", text: "x" }, true)).toBe("RE: Weekly digest");
    expect(emailSubject({ subject: "Res: Resumo semanal", text: "x" }, true)).toBe("Res: Resumo semanal");
    expect(emailSubject({ subject: null, text: "Las ventas subieron" }, true)).toBe("Re: Las ventas subieron");
  });
});
