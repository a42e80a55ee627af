/**
 * The whole server as `npm start` runs it, end to end with no network: signed requests from Slack,
 * Meta and a mail pipe arrive over HTTP; the gateway runs real turns with the offline model on a
 * real database; answers leave through the outbox to local fakes that honour each provider's
 * contract (test/fakes).
 */
import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterEach, beforeEach, expect, it } from "vitest";
import { OfflineChatModel } from "../agents/models/offline/chat-model.ts";
import { createConversationRuntime } from "../agents/runtime.ts";
import { createSmtpTransport } from "../channels/email/email-sender.ts";
import { slackSignature } from "../channels/slack/verify-signature.ts";
import { whatsappSignature } from "../channels/whatsapp/webhook-signature.ts";
import { loadConfig } from "../config/index.ts";
import { createMember, linkIdentity } from "../db/repositories/members.ts";
import { fixedClock } from "../lib/clock.ts";
import { createLogger, silentLogger } from "../lib/logger.ts";
import { describeDatabase } from "../test/database.ts";
import { startFakeSlackApi, type FakeSlackApi } from "../test/fakes/slack-api.ts";
import { startSmtpSink, type SmtpSink } from "../test/fakes/smtp-sink.ts";
import { startFakeWhatsAppGraph, type FakeWhatsAppGraph } from "../test/fakes/whatsapp-graph.ts";
import { FIXTURE_NOW, seedMetricsStore } from "../test/fixtures/metrics-store.ts";
import { startChannelServer, type ChannelServer } from "./channel-server.ts";

const SLACK_SECRET = "slack-signing-secret";
const SLACK_TOKEN = "xoxb-e2e";
const BOT = "U0BIZOSBOT";
const WA = { verify: "verify-me", secret: "meta-app-secret", token: "EAAG-e2e", phoneId: "106540352242922" };
const ANA = { slack: "U0ANA0001", phone: "+5215512345678", email: "ana@tienda.mx" };
const INBOUND_SECRET = "inbound-secret";

const timestamp = () => String(Math.floor(FIXTURE_NOW.getTime() / 1000));

function slackEvent(eventId: string, event: Record<string, unknown>): string {
  return JSON.stringify({ token: "x", team_id: "T1", api_app_id: "A1", type: "event_callback", event_id: eventId, event_time: 1, event: { event_ts: event.ts, ...event } });
}

function waMessage(from: string, id: string, text: string): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550783881", phone_number_id: WA.phoneId },
              contacts: [{ profile: { name: "Ana" }, wa_id: from }],
              messages: [{ from, id, timestamp: timestamp(), type: "text", text: { body: text } }],
            },
          },
        ],
      },
    ],
  });
}

function mime(input: { readonly to: string; readonly messageId: string; readonly subject: string; readonly body: string; readonly inReplyTo?: string }): string {
  return [
    "MIME-Version: 1.0",
    "Date: Fri, 20 Nov 2026 12:00:00 -0600",
    `Message-ID: ${input.messageId}`,
    ...(input.inReplyTo ? [`In-Reply-To: ${input.inReplyTo}`, `References: ${input.inReplyTo}`] : []),
    `Subject: ${input.subject}`,
    `From: Ana <${ANA.email}>`,
    `To: ${input.to}`,
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    input.body,
    "",
  ].join("\r\n");
}

describeDatabase("npm start's server, end to end", ({ db, handle }) => {
  let slack: FakeSlackApi;
  let graph: FakeWhatsAppGraph;
  let sink: SmtpSink;
  let server: ChannelServer;

  const post = (path: string, body: string, headers: Record<string, string>) => fetch(`${server.url}${path}`, { method: "POST", body, headers });
  const signedSlack = (body: string, contentType = "application/json", extra: Record<string, string> = {}) =>
    post("/slack/events", body, { "content-type": contentType, "x-slack-request-timestamp": timestamp(), "x-slack-signature": slackSignature(SLACK_SECRET, timestamp(), body), ...extra });
  const signedWhatsApp = (body: string) => post("/whatsapp/webhook", body, { "content-type": "application/json", "x-hub-signature-256": whatsappSignature(WA.secret, body) });

  beforeEach(async () => {
    const fixture = await seedMetricsStore(db());
    const ana = await createMember(db(), { workspaceId: fixture.store.id, name: "Ana", role: "owner", language: "es" });
    for (const [channel, address] of [["slack", ANA.slack], ["whatsapp", ANA.phone], ["email", ANA.email]] as const) {
      await linkIdentity(db(), { workspaceId: fixture.store.id, memberId: ana.id, channel, address });
    }
    slack = await startFakeSlackApi({ botToken: SLACK_TOKEN, botUserId: BOT });
    graph = await startFakeWhatsAppGraph({ accessToken: WA.token, phoneNumberId: WA.phoneId });
    sink = await startSmtpSink();
    const config = loadConfig({
      PORT: "0",
      // The proactive jobs have their own end-to-end test (app/notifications.test.ts).
      JOBS_IN_SERVER: "false",
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_API_URL: slack.apiUrl,
      WHATSAPP_VERIFY_TOKEN: WA.verify,
      WHATSAPP_APP_SECRET: WA.secret,
      WHATSAPP_ACCESS_TOKEN: WA.token,
      WHATSAPP_PHONE_NUMBER_ID: WA.phoneId,
      WHATSAPP_GRAPH_URL: graph.url,
      SMTP_HOST: sink.host,
      SMTP_PORT: String(sink.port),
      EMAIL_FROM: "bot@tienda.mx",
      EMAIL_REPLY_ADDRESS: "reply@tienda.mx",
      EMAIL_INBOUND_SECRET: INBOUND_SECRET,
    });
    const runtime = await createConversationRuntime({ db: db(), pool: handle().pool, models: { modelFor: () => new OfflineChatModel() } });
    server = await startChannelServer({
      config,
      db: db(),
      runtime,
      secretKey: randomBytes(32),
      clock: fixedClock(FIXTURE_NOW),
      logger: process.env.E2E_DEBUG ? createLogger({ level: "debug", format: "pretty" }) : silentLogger,
      smtpTransport: createSmtpTransport({ ...config.channels.email!.smtp }),
      slackBotUserId: BOT,
    });
  });

  afterEach(async () => {
    await server.close();
    await Promise.all([slack.close(), graph.close(), sink.close()]);
  });

  it("answers a signed Slack mention once, in its thread, with the freshness as context; Slack's retry gets no second answer", async () => {
    const body = slackEvent("Ev001", { type: "app_mention", user: ANA.slack, text: `<@${BOT}> ¿cuánto vendimos la semana pasada?`, ts: "1700000000.000100", channel: "C0VENTAS" });
    expect((await signedSlack(body)).status).toBe(200);
    await server.idle();
    expect((await signedSlack(body, "application/json", { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" })).status).toBe(200);
    await server.idle();
    const posts = slack.callsTo("chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({ channel: "C0VENTAS", thread_ts: "1700000000.000100" });
    const blocks = JSON.stringify(posts[0]!.body.blocks);
    expect(blocks).toContain('"type":"context"');
    expect(blocks).toMatch(/Datos al/);
    const outbox = await db().selectFrom("outbox").select(["status", "attempts", "provider_message_id"]).execute();
    expect(outbox.map((row) => [row.status, row.attempts, typeof row.provider_message_id])).toEqual([["sent", 1, "string"]]);
  });

  it("refuses a bad or stale Slack signature with 401 and runs nothing", async () => {
    const body = slackEvent("Ev002", { type: "app_mention", user: ANA.slack, text: `<@${BOT}> ventas`, ts: "1700000000.000200", channel: "C0VENTAS" });
    const forged = await post("/slack/events", body, { "content-type": "application/json", "x-slack-request-timestamp": timestamp(), "x-slack-signature": slackSignature("wrong", timestamp(), body) });
    expect(forged.status).toBe(401);
    const old = String(Number(timestamp()) - 6 * 60);
    const stale = await post("/slack/events", body, { "content-type": "application/json", "x-slack-request-timestamp": old, "x-slack-signature": slackSignature(SLACK_SECRET, old, body) });
    expect(stale.status).toBe(401);
    await server.idle();
    expect(slack.calls.filter((call) => call.method !== "auth.test")).toEqual([]);
    expect(await db().selectFrom("inbound_events").selectAll().execute()).toEqual([]);
  });

  it("acknowledges /ask at once and answers through its response_url; a trend question brings a PNG chart", async () => {
    const form = new URLSearchParams({
      team_id: "T1",
      channel_id: "C0VENTAS",
      user_id: ANA.slack,
      command: "/ask",
      text: "ventas por semana de los últimos 2 meses",
      response_url: slack.responseUrl("ask-1"),
      trigger_id: "1337.42.abcdef",
    }).toString();
    const ack = await signedSlack(form, "application/x-www-form-urlencoded");
    expect(ack.status).toBe(200);
    expect(await ack.text()).toContain("Un momento");
    await server.idle();
    const answers = slack.callsTo("response_url");
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body).toMatchObject({ response_type: "in_channel" });
    expect(JSON.stringify(answers[0]!.body)).toContain("Ventas netas");
    const completed = slack.callsTo("files.completeUploadExternal");
    expect(completed).toHaveLength(1);
    expect(completed[0]!.body).toMatchObject({ channel_id: "C0VENTAS" });
  });

  it("routes a Slack button click to the handler registered for it", async () => {
    const clicks: string[] = [];
    server.actions.register("ping:", ({ action, member }) => {
      clicks.push(`${action.actionId}:${member.name}`);
      return Promise.resolve(null);
    });
    const payload = JSON.stringify({
      type: "block_actions",
      user: { id: ANA.slack, username: "ana", team_id: "T1" },
      api_app_id: "A1",
      token: "x",
      container: { type: "message", message_ts: "1700000101.000001", channel_id: "C0VENTAS", is_ephemeral: false },
      trigger_id: "1.2.3",
      channel: { id: "C0VENTAS", name: "ventas" },
      message: { type: "message", user: BOT, text: "?", ts: "1700000101.000001" },
      actions: [{ action_id: "ping:1", block_id: "b", value: "ping:1", type: "button", action_ts: "1700000200.1" }],
    });
    expect((await signedSlack(`payload=${encodeURIComponent(payload)}`, "application/x-www-form-urlencoded")).status).toBe(200);
    await server.idle();
    expect(clicks).toEqual(["ping:1:Ana"]);
  });

  it("does the WhatsApp handshake, answers a signed message through the Graph API, and refuses a bad signature", async () => {
    const verify = await fetch(`${server.url}/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=${WA.verify}&hub.challenge=1158201444`);
    expect([verify.status, await verify.text()]).toEqual([200, "1158201444"]);
    const wrong = await fetch(`${server.url}/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`);
    expect(wrong.status).toBe(403);

    const body = waMessage(ANA.phone.slice(1), "wamid.HBgLMTU1NTA3ODM4ODEVAgASGBQzQTk", "¿cuántos pedidos tuvimos la semana pasada?");
    expect((await signedWhatsApp(body)).status).toBe(200);
    await server.idle();
    expect(graph.sent).toHaveLength(1);
    expect(graph.sent[0]!.body).toMatchObject({ to: ANA.phone.slice(1), type: "text" });
    const text = JSON.stringify(graph.sent[0]!.body);
    expect(text).toMatch(/pedidos/i);
    expect(text).toContain("Datos al");

    const forged = await post("/whatsapp/webhook", body, { "content-type": "application/json", "x-hub-signature-256": whatsappSignature("not-the-secret", body) });
    expect(forged.status).toBe(401);
    await server.idle();
    expect(graph.sendAttempts).toBe(1);
  });

  it("tells an unknown WhatsApp sender, politely and in their language, that it does not know them", async () => {
    await signedWhatsApp(waMessage("5511987654321", "wamid.unknown1", "oi, quanto vendemos ontem?"));
    await server.idle();
    expect(graph.sent).toHaveLength(1);
    const text = JSON.stringify(graph.sent[0]!.body);
    expect(text).toContain("Ainda não reconheço");
    expect(await db().selectFrom("messages").selectAll().execute()).toEqual([]);
  });

  it("answers an email by email in the same thread, and a reply to that answer continues the conversation", async () => {
    const first = mime({ to: "reply@tienda.mx", messageId: "<q1@mail.tienda.mx>", subject: "ventas", body: "¿Cuánto vendimos la semana pasada?" });
    const accepted = await post("/email/inbound", first, { "content-type": "message/rfc822", authorization: `Bearer ${INBOUND_SECRET}` });
    expect(accepted.status).toBe(202);
    await server.idle();
    expect(sink.received).toHaveLength(1);
    const answer = sink.received[0]!.mail;
    expect(answer.subject).toBe("Re: ventas");
    expect(answer.inReplyTo).toBe("<q1@mail.tienda.mx>");
    expect(answer.text).toContain("Ventas netas");
    const replyTo = answer.replyTo?.value[0]?.address ?? "";
    expect(replyTo).toMatch(/^reply\+[a-z0-9]+@tienda\.mx$/);

    const quoted = `¿Y la semana anterior?\n\nOn Fri, Nov 20, 2026 at 12:01 PM <bot@tienda.mx> wrote:\n> ${answer.text?.split("\n")[0] ?? ""}`;
    const second = mime({ to: replyTo, messageId: "<q2@mail.tienda.mx>", subject: "Re: ventas", body: quoted, inReplyTo: answer.messageId });
    expect((await post("/email/inbound", second, { "content-type": "message/rfc822", authorization: `Bearer ${INBOUND_SECRET}` })).status).toBe(202);
    await server.idle();
    expect(sink.received).toHaveLength(2);
    expect(await db().selectFrom("conversations").select(["channel", "thread_key"]).execute()).toEqual([{ channel: "email", thread_key: "email:<q1@mail.tienda.mx>" }]);
    const asked = await db().selectFrom("messages").select("content").where("role", "=", "user").orderBy("id").execute();
    expect(asked.map((row) => row.content)).toEqual(["¿Cuánto vendimos la semana pasada?", "¿Y la semana anterior?"]);

    const unauthorised = await post("/email/inbound", first, { "content-type": "message/rfc822", authorization: "Bearer wrong" });
    expect(unauthorised.status).toBe(401);
  });

  it("reports its channels at /healthz and keeps the web chat to this machine", async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({
      ok: true,
      channels: { slack: true, whatsappCloud: true, whatsappWeb: "off", email: true, emailInbound: true },
      delivery: "in-process",
      // JOBS_IN_SERVER=false here: detection, digests and reports are left to separate workers.
      jobs: "separate worker",
    });
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    // fetch may not set Host; a tunnel forwards the public host name, as this request does.
    const viaTunnel = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${server.url}/api/workspaces`, { headers: { host: "bizos.example.com" } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      request.end();
    });
    expect(viaTunnel).toBe(404);
  });
});
