import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../lib/logger.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { startFakeSlackApi, type FakeSlackApi } from "../../test/fakes/slack-api.ts";
import type { Delivery } from "../outbound/channel-sender.ts";
import type { ChartSpec, OutboundMessage } from "../outbound/outbound-message.ts";
import type { SlackDestination } from "../outbound/recipients.ts";
import { chartFilename, createSlackSender } from "./slack-sender.ts";
import { createSlackWebApi } from "./slack-web-api.ts";

const TOKEN = "xoxb-test-token";
/** The 8-byte PNG signature and a little more: the sender only passes bytes along. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const chart: ChartSpec = {
  title: "Net sales by week",
  labels: ["Nov 3", "Nov 10", "Nov 17"],
  series: [{ name: "Net sales", values: [640_000, 650_000, 1_193_346] }],
  unit: "money",
  currency: "MXN",
  locale: "es-MX",
};

const message: OutboundMessage = {
  text: "*Ventas netas* la semana pasada: MX$1,193,346.",
  language: "es",
  subject: null,
  kpis: [{ label: "Ventas netas", value: "MX$1,193,346", change: "▲ 85.1% vs la semana anterior" }],
  freshness: "Datos al 21 nov, 09:00",
  chart: null,
  buttons: [],
};

const inThread: SlackDestination = { channel: "slack", channelId: "C0LAN2Q65", threadTs: "1525215129.000001", responseUrl: null };

function delivery(destination: SlackDestination, overrides: Partial<OutboundMessage> = {}): Delivery<SlackDestination> {
  return { outboxId: 41, destination, message: { ...message, ...overrides }, kind: "reply", lastInboundAt: null, memberLanguage: "es" };
}

async function providerError(work: Promise<unknown>): Promise<ProviderError> {
  const error: unknown = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe("Slack sender", () => {
  let fake: FakeSlackApi;
  let rendered: ChartSpec[];
  let logLines: string[];
  const sender = (token = TOKEN, apiUrl = fake.apiUrl) =>
    createSlackSender({
      api: createSlackWebApi({ apiUrl, botToken: token }),
      renderChart: (spec) => {
        rendered.push(spec);
        return PNG;
      },
      logger: createLogger({ level: "debug", format: "json", write: (line) => logLines.push(line) }),
    });

  beforeEach(async () => {
    fake = await startFakeSlackApi({ botToken: TOKEN });
    rendered = [];
    logLines = [];
  });
  afterEach(async () => {
    await fake.close();
  });

  it("posts the answer in the asker's thread as Block Kit and returns its ts", async () => {
    const outcome = await sender().send(delivery(inThread));
    const calls = fake.callsTo("chat.postMessage");
    expect(calls).toHaveLength(1);
    const body = calls[0]!.body;
    expect(body).toMatchObject({ channel: "C0LAN2Q65", thread_ts: "1525215129.000001", text: "Ventas netas la semana pasada: MX$1,193,346." });
    expect(body.blocks).toEqual([
      { type: "section", text: { type: "mrkdwn", text: "*Ventas netas* la semana pasada: MX$1,193,346." } },
      { type: "section", fields: [{ type: "mrkdwn", text: "*Ventas netas*\nMX$1,193,346\n▲ 85.1% vs la semana anterior" }] },
      { type: "context", elements: [{ type: "mrkdwn", text: "Datos al 21 nov, 09:00" }] },
    ]);
    expect(outcome).toEqual({ status: "sent", providerMessageId: expect.stringMatching(/^\d+\.\d+$/) as unknown });
    expect(fake.calls.map((call) => call.method)).toEqual(["chat.postMessage"]);
  });

  it("reaches a member by user id through the DM conversations.open gives (digests, alerts, approval requests)", async () => {
    await sender().send(delivery({ channel: "slack", channelId: "U0ANA0001", threadTs: null, responseUrl: null }));
    expect(fake.calls.map((call) => call.method)).toEqual(["conversations.open", "chat.postMessage"]);
    expect(fake.callsTo("conversations.open")[0]?.body).toMatchObject({ users: "U0ANA0001" });
    expect(fake.callsTo("chat.postMessage")[0]?.body).toMatchObject({ channel: "D0ANA0001" });
  });

  it("follows the answer with the chart PNG in the same thread through the three upload calls", async () => {
    const outcome = await sender().send(delivery(inThread, { chart }));
    expect(rendered).toEqual([chart]);
    expect(fake.calls.map((call) => call.method)).toEqual(["chat.postMessage", "files.getUploadURLExternal", "upload", "files.completeUploadExternal"]);
    expect(fake.callsTo("files.getUploadURLExternal")[0]?.body).toMatchObject({ filename: "net-sales-by-week.png", length: String(PNG.length) });
    expect(fake.callsTo("upload")[0]?.raw).toEqual(PNG);
    const complete = fake.callsTo("files.completeUploadExternal")[0]?.body;
    expect(complete).toMatchObject({ channel_id: "C0LAN2Q65", thread_ts: "1525215129.000001", files: [{ title: "Net sales by week" }] });
    expect(outcome.status).toBe("sent");
  });

  it("answers a slash command through its response_url, in the channel, and uploads the chart there", async () => {
    const responseUrl = fake.responseUrl("T0FAKETEAM-1-abc");
    const outcome = await sender().send(delivery({ channel: "slack", channelId: "C2147483705", threadTs: null, responseUrl }, { chart }));
    expect(fake.callsTo("chat.postMessage")).toHaveLength(0);
    const posted = fake.callsTo("response_url");
    expect(posted).toHaveLength(1);
    expect(posted[0]?.target).toBe("T0FAKETEAM-1-abc");
    expect(posted[0]?.body).toMatchObject({ response_type: "in_channel", replace_original: false, text: "Ventas netas la semana pasada: MX$1,193,346." });
    expect(posted[0]?.body.blocks).toHaveLength(3);
    const complete = fake.callsTo("files.completeUploadExternal")[0]?.body;
    expect(complete).toMatchObject({ channel_id: "C2147483705" });
    expect(complete).not.toHaveProperty("thread_ts");
    expect(outcome).toEqual({ status: "sent", providerMessageId: null });
  });

  it("still reports the answer as sent when only the chart fails, and logs why", async () => {
    fake.failNext("files.completeUploadExternal", { kind: "error", error: "not_in_channel" });
    const outcome = await sender().send(delivery(inThread, { chart }));
    expect(outcome.status).toBe("sent");
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(logLines.some((line) => line.includes("chart upload failed") && line.includes("not_in_channel"))).toBe(true);
  });

  it("throws rate_limited with Retry-After from a 429", async () => {
    fake.failNext("chat.postMessage", { kind: "rate_limited", retryAfterSeconds: 30 });
    const error = await providerError(sender().send(delivery(inThread)));
    expect(error.failure).toEqual({ kind: "rate_limited", retryAfterMs: 30_000 });
  });

  it("throws auth for a bad token", async () => {
    const error = await providerError(sender("xoxb-wrong").send(delivery(inThread)));
    expect(error.failure).toEqual({ kind: "auth" });
    expect(error.providerCode).toBe("invalid_auth");
  });

  it("throws permanent with Slack's code for a channel it cannot post in", async () => {
    const error = await providerError(sender().send(delivery({ ...inThread, channelId: "not-a-channel" })));
    expect(error.failure).toEqual({ kind: "permanent" });
    expect(error.providerCode).toBe("channel_not_found");
  });

  it("throws transient when Slack cannot be reached", async () => {
    const down = await startFakeSlackApi({ botToken: TOKEN });
    await down.close();
    const error = await providerError(sender(TOKEN, down.apiUrl).send(delivery(inThread)));
    expect(error.failure).toEqual({ kind: "transient" });
  });

  it("names chart files from their titles", () => {
    expect(chartFilename("Ventas netas por semana (MXN)")).toBe("ventas-netas-por-semana-mxn.png");
    expect(chartFilename("Pedidos à vista: São Paulo")).toBe("pedidos-a-vista-sao-paulo.png");
    expect(chartFilename("売上")).toBe("chart.png");
  });
});
