import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { WhatsAppCloudSettings } from "../../config/channels-schema.ts";
import { fixedClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { startFakeWhatsAppGraph, type FakeWhatsAppGraph } from "../../test/fakes/whatsapp-graph.ts";
import type { Delivery } from "../outbound/channel-sender.ts";
import { textMessage, type ChartSpec, type OutboundMessage } from "../outbound/outbound-message.ts";
import type { WhatsAppDestination } from "../outbound/recipients.ts";
import { createWhatsAppCloudSender } from "./cloud-sender.ts";
import { createWhatsAppGraphApi } from "./graph-api.ts";

const NOW = new Date("2026-11-25T12:00:00Z");
const HOUR_MS = 60 * 60 * 1000;
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
const TEMPLATE = { name: "business_update", language: null };

const CHART: ChartSpec = {
  title: "Net sales by week",
  labels: ["Nov 3", "Nov 10", "Nov 17"],
  series: [{ name: "Net sales", values: [1200, 1350, 1500] }],
  unit: "money",
  currency: "MXN",
  locale: "es-MX",
};

let graph: FakeWhatsAppGraph;
let rendered: ChartSpec[];

beforeEach(async () => {
  graph = await startFakeWhatsAppGraph({ accessToken: "token", phoneNumberId: "1234567890" });
  rendered = [];
});
afterEach(async () => {
  await graph.close();
});

function sender(template: WhatsAppCloudSettings["template"] = null, renderChart?: (spec: ChartSpec) => Buffer) {
  const settings = { accessToken: "token", phoneNumberId: "1234567890", graphUrl: graph.url, graphVersion: "v21.0" };
  return createWhatsAppCloudSender({
    api: createWhatsAppGraphApi(settings),
    settings: { template },
    renderChart:
      renderChart ??
      ((spec) => {
        rendered.push(spec);
        return PNG;
      }),
    clock: fixedClock(NOW),
    logger: silentLogger,
  });
}

function delivery(message: OutboundMessage, overrides: Partial<Delivery<WhatsAppDestination>> = {}): Delivery<WhatsAppDestination> {
  return {
    outboxId: 7,
    destination: { channel: "whatsapp", to: "+5215512345678", transport: "cloud", replyToMessageId: "wamid.INBOUND" },
    message,
    kind: "reply",
    lastInboundAt: new Date(NOW.getTime() - 5 * 60 * 1000),
    memberLanguage: "es",
    ...overrides,
  };
}

const proactive = (message: OutboundMessage, lastInboundAt: Date | null) =>
  delivery(message, { kind: "proactive", lastInboundAt, memberLanguage: message.language, destination: { channel: "whatsapp", to: "+5215512345678", transport: "cloud", replyToMessageId: null } });

describe("WhatsApp Cloud sender, inside the 24-hour window", () => {
  it("sends a short reply as one text message quoting the inbound message, freshness below", async () => {
    const message = { ...textMessage("*Ventas netas*: MX$1,193,346 ▲ 85.1%", "es"), freshness: "Datos al 25 nov, 11:00" };
    const outcome = await sender().send(delivery(message));
    expect(graph.sent.map((sent) => sent.body)).toEqual([
      {
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: "5215512345678",
        type: "text",
        text: { body: "*Ventas netas*: MX$1,193,346 ▲ 85.1%\n\n_Datos al 25 nov, 11:00_", preview_url: false },
        context: { message_id: "wamid.INBOUND" },
      },
    ]);
    expect(outcome).toEqual({ status: "sent", providerMessageId: graph.sent[0]!.id });
  });

  it("does not repeat a freshness line the text already has", async () => {
    await sender().send(delivery({ ...textMessage("Ventas: MX$10\nDatos al 25 nov", "es"), freshness: "Datos al 25 nov" }));
    expect(graph.sent[0]!.body).toMatchObject({ text: { body: "Ventas: MX$10\nDatos al 25 nov" } });
  });

  it("splits a reply over 4,096 characters into several messages at sentence ends, quoting only the first", async () => {
    const sentences = Array.from({ length: 150 }, (_, i) => `La tienda ${i} vendió MX$${1000 + i} esta semana.`);
    const outcome = await sender().send(delivery(textMessage(sentences.join(" "), "es")));
    const bodies = graph.sent.map((sent) => (sent.body.type === "text" ? sent.body.text.body : ""));
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies) {
      expect(body.length).toBeLessThanOrEqual(4096);
      expect(body).toMatch(/^La tienda \d+ .*semana\.$/s);
    }
    expect(bodies.join(" ")).toBe(sentences.join(" "));
    expect(graph.sent.map((sent) => sent.body.context?.message_id ?? null)).toEqual(["wamid.INBOUND", ...bodies.slice(1).map(() => null)]);
    expect(outcome).toEqual({ status: "sent", providerMessageId: graph.sent[0]!.id });
  });

  it("sends buttons as an interactive message", async () => {
    const message = { ...textMessage("¿Apruebo la campaña de *Black Friday* por MX$2,000?", "es"), buttons: [{ id: "approve:4F2K", title: "Aprobar" }, { id: "reject:4F2K", title: "Rechazar" }] };
    await sender().send(delivery(message));
    expect(graph.sent.map((sent) => sent.body)).toEqual([
      {
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: "5215512345678",
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: "¿Apruebo la campaña de *Black Friday* por MX$2,000?" },
          action: {
            buttons: [
              { type: "reply", reply: { id: "approve:4F2K", title: "Aprobar" } },
              { type: "reply", reply: { id: "reject:4F2K", title: "Rechazar" } },
            ],
          },
        },
        context: { message_id: "wamid.INBOUND" },
      },
    ]);
  });

  it("sends the leading text as plain messages when it is too long for an interactive body", async () => {
    const text = Array.from({ length: 40 }, (_, i) => `Campaña ${i}: gasto MX$${500 + i}, ventas atribuidas MX$${900 + i}.`).join("\n");
    const message = { ...textMessage(text, "es"), buttons: [{ id: "approve:1", title: "Aprobar" }] };
    await sender().send(delivery(message));
    const types = graph.sent.map((sent) => sent.body.type);
    expect(types.at(-1)).toBe("interactive");
    expect(types.slice(0, -1).every((type) => type === "text")).toBe(true);
    expect(types.length).toBeGreaterThan(1);
    const last = graph.sent.at(-1)!.body;
    if (last.type !== "interactive") throw new Error("expected an interactive message last");
    expect(last.interactive.body.text.length).toBeLessThanOrEqual(1024);
    const all = graph.sent.map((sent) => (sent.body.type === "text" ? sent.body.text.body : sent.body.type === "interactive" ? sent.body.interactive.body.text : ""));
    expect(all.join("\n").split(/\s+/)).toEqual(text.split(/\s+/));
  });

  it("uploads the chart and sends it as an image captioned with its title, after the text", async () => {
    const outcome = await sender().send(delivery({ ...textMessage("Ventas por semana: subieron 25%.", "es"), chart: CHART }));
    expect(rendered).toEqual([CHART]);
    expect(graph.uploads).toHaveLength(1);
    expect(graph.uploads[0]).toMatchObject({ mimeType: "image/png", bytes: PNG });
    expect(graph.sent.map((sent) => sent.body.type)).toEqual(["text", "image"]);
    expect(graph.sent[1]!.body).toMatchObject({ type: "image", image: { id: graph.uploads[0]!.id, caption: "Net sales by week" } });
    expect(graph.sent[1]!.body.context).toBeUndefined();
    expect(outcome).toEqual({ status: "sent", providerMessageId: graph.sent[0]!.id });
  });

  it("puts the chart before the buttons so they close the conversation", async () => {
    await sender().send(delivery({ ...textMessage("¿Subo el presupuesto?", "es"), chart: CHART, buttons: [{ id: "yes", title: "Sí" }] }));
    expect(graph.sent.map((sent) => sent.body.type)).toEqual(["image", "interactive"]);
    expect(graph.sent[0]!.body.context).toEqual({ message_id: "wamid.INBOUND" });
  });

  it("sends the text without the chart when the chart cannot be drawn", async () => {
    const broken = sender(null, () => {
      throw new Error("no font");
    });
    await broken.send(delivery({ ...textMessage("Ventas: MX$10.", "es"), chart: CHART }));
    expect(graph.uploads).toEqual([]);
    expect(graph.sent.map((sent) => sent.body.type)).toEqual(["text"]);
  });

  it("sends a proactive message free-form while the person wrote less than 24 hours ago", async () => {
    await sender(TEMPLATE).send(proactive(textMessage("Resumen semanal listo.", "es"), new Date(NOW.getTime() - 23 * HOUR_MS)));
    expect(graph.sent.map((sent) => sent.body.type)).toEqual(["text"]);
  });
});

describe("WhatsApp Cloud sender, outside the 24-hour window", () => {
  const digest = {
    ...textMessage("*Resumen semanal*\n\nVentas netas:\tMX$1,193,346\n- Pedidos: 512\n- Ticket medio: MX$2,331      ▲ 3%", "es"),
    freshness: "Datos al 25 nov",
    buttons: [{ id: "details", title: "Ver detalle" }],
  };

  it("sends the template with the text flattened into its one parameter", async () => {
    const outcome = await sender(TEMPLATE).send(proactive(digest, new Date(NOW.getTime() - 25 * HOUR_MS)));
    expect(graph.sent.map((sent) => sent.body)).toEqual([
      {
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: "5215512345678",
        type: "template",
        template: {
          name: "business_update",
          language: { code: "es_MX" },
          components: [
            {
              type: "body",
              parameters: [{ type: "text", text: "*Resumen semanal* · Ventas netas: MX$1,193,346 · Pedidos: 512 · Ticket medio: MX$2,331 ▲ 3% · _Datos al 25 nov_" }],
            },
          ],
        },
      },
    ]);
    expect(outcome).toEqual({ status: "sent", providerMessageId: graph.sent[0]!.id });
  });

  it("counts exactly 24 hours as outside, and a person who never wrote too", async () => {
    await sender(TEMPLATE).send(proactive(textMessage("Hola.", "pt"), new Date(NOW.getTime() - 24 * HOUR_MS)));
    await sender({ name: "business_update", language: "en_GB" }).send(proactive(textMessage("Hello.", "en"), null));
    expect(graph.sent.map((sent) => (sent.body.type === "template" ? sent.body.template.language.code : sent.body.type))).toEqual(["pt_BR", "en_GB"]);
  });

  it("cuts a long text to the 1,024-character parameter with an ellipsis", async () => {
    const long = Array.from({ length: 200 }, (_, i) => `Producto ${i} vendió ${i * 3} unidades.`).join("\n");
    await sender(TEMPLATE).send(proactive(textMessage(long, "es"), null));
    const body = graph.sent[0]!.body;
    if (body.type !== "template") throw new Error("expected a template");
    const parameter = body.template.components![0]!.parameters[0]!.text;
    expect(parameter.length).toBeLessThanOrEqual(1024);
    expect(parameter.endsWith("…")).toBe(true);
    expect(parameter.startsWith("Producto 0 vendió 0 unidades. Producto 1 vendió 3 unidades.")).toBe(true);
  });

  it("holds the message when no template is configured", async () => {
    const outcome = await sender(null).send(proactive(digest, new Date(NOW.getTime() - 30 * HOUR_MS)));
    expect(outcome.status).toBe("held");
    expect(outcome.status === "held" && outcome.reason).toContain("WHATSAPP_TEMPLATE");
    expect(graph.sendAttempts).toBe(0);
  });

  it("falls back to the template when a free-form send is refused with 131047", async () => {
    graph.failNextSends("reengagement_131047");
    const outcome = await sender(TEMPLATE).send(delivery(textMessage("Tu reporte está listo.", "es")));
    expect(graph.sendAttempts).toBe(2);
    expect(graph.sent.map((sent) => sent.body.type)).toEqual(["template"]);
    expect(outcome).toEqual({ status: "sent", providerMessageId: graph.sent[0]!.id });
  });

  it("holds after a 131047 refusal when there is no template", async () => {
    graph.failNextSends("reengagement_131047");
    const outcome = await sender(null).send(delivery(textMessage("Tu reporte está listo.", "es")));
    expect(outcome.status).toBe("held");
    expect(graph.sent).toEqual([]);
  });

  it("lets other failures through as ProviderError", async () => {
    graph.failNextSends("throughput_130429");
    const error: unknown = await sender(TEMPLATE)
      .send(delivery(textMessage("Hola.", "es")))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error instanceof ProviderError && error.failure.kind).toBe("rate_limited");
  });

  it("refuses a whatsapp-web destination", async () => {
    const web = delivery(textMessage("Hola.", "es"), { destination: { channel: "whatsapp", to: "+5215512345678", transport: "web", replyToMessageId: null } });
    await expect(sender().send(web)).rejects.toThrow(/"web" destination/);
  });
});
