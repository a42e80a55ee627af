import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { createLogger, silentLogger } from "../../lib/logger.ts";
import { startFakeSlackApi, type FakeSlackApi } from "../../test/fakes/slack-api.ts";
import type { ActionEvent, InboundHandler, InboundMessage, InboundOutcome } from "../inbound/inbound-message.ts";
import { SLACK_EVENTS_PATH, createSlackEdge, type SlackEdge, type SlackEdgeOptions } from "./slack-app.ts";
import { slackSignature } from "./verify-signature.ts";

const SECRET = "test-signing-secret";
const TOKEN = "xoxb-test-token";
const BOT_USER_ID = "U0BIZOSBOT";
const NOW = new Date("2026-11-21T15:00:00Z");

/** Records what the edge hands over; after `hold()`, every call waits until `release()`. */
class StandInHandler implements InboundHandler {
  readonly messages: InboundMessage[] = [];
  readonly actions: ActionEvent[] = [];
  readonly log: string[] = [];
  private gate: Promise<void> = Promise.resolve();
  release: () => void = () => undefined;

  hold(): void {
    this.gate = new Promise<void>((resolve) => {
      this.release = resolve;
    });
  }

  async handleMessage(message: InboundMessage): Promise<InboundOutcome> {
    this.messages.push(message);
    return this.finish();
  }

  async handleAction(action: ActionEvent): Promise<InboundOutcome> {
    this.actions.push(action);
    return this.finish();
  }

  private async finish(): Promise<InboundOutcome> {
    this.log.push("handler started");
    await this.gate;
    this.log.push("handler finished");
    return { status: "ignored", reason: "stand-in" };
  }
}

/** An Events API callback in the shape of slack_common_event_wrapper_schema.json. */
function envelope(eventId: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    token: "XXYYZZ",
    team_id: "T1H9RESGL",
    api_app_id: "A2H9RFS1A",
    event: { event_ts: event.ts, ...event },
    type: "event_callback",
    authed_users: [BOT_USER_ID],
    event_id: eventId,
    event_time: 1525215129,
  });
}

const mention = envelope("Ev0PV52K25", {
  type: "app_mention",
  user: "U061F7AUR",
  text: "<@U0BIZOSBOT> how were sales last week &amp; returns?",
  ts: "1525215129.000001",
  channel: "C0LAN2Q65",
});

/** The message example of the wrapper schema, as a DM (message.im carries channel_type "im"). */
const directMessage = (overrides: Record<string, unknown> = {}, eventId = "Ev0PV52K26") =>
  envelope(eventId, { type: "message", user: "U061F7AUR", text: "How many cats did we herd yesterday?", ts: "1525215129.000002", channel: "D0PNCRP9N", channel_type: "im", ...overrides });

function slashCommand(text: string, responseUrl: string): string {
  return new URLSearchParams({
    token: "gIkuvaNzQIHg97ATvDxqgjtO",
    team_id: "T0001",
    team_domain: "example",
    channel_id: "C2147483705",
    channel_name: "test",
    user_id: "U2147483697",
    user_name: "Steve",
    command: "/ask",
    text,
    api_app_id: "A123456",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
  }).toString();
}

const blockActions = JSON.stringify({
  type: "block_actions",
  user: { id: "U061F7AUR", username: "ana", name: "ana", team_id: "T1H9RESGL" },
  api_app_id: "A2H9RFS1A",
  token: "XXYYZZ",
  container: { type: "message", message_ts: "1700000101.000001", channel_id: "C0LAN2Q65", is_ephemeral: false, thread_ts: "1525215129.000001" },
  trigger_id: "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3",
  team: { id: "T1H9RESGL", domain: "tienda" },
  channel: { id: "C0LAN2Q65", name: "ventas" },
  message: { type: "message", user: BOT_USER_ID, bot_id: "B0BIZOSBOT", text: "¿Apruebo el descuento?", ts: "1700000101.000001", thread_ts: "1525215129.000001" },
  response_url: "https://hooks.slack.com/actions/T1H9RESGL/1/abc",
  actions: [{ action_id: "approve:4F2K", block_id: "b1", text: { type: "plain_text", text: "Aprobar", emoji: true }, value: "approve:4F2K", type: "button", action_ts: "1700000200.123456" }],
});

describe("Slack edge", () => {
  let fake: FakeSlackApi;
  let handler: StandInHandler;
  let edge: SlackEdge;
  let server: Server;
  let url: string;

  async function mount(overrides: Partial<SlackEdgeOptions> = {}): Promise<void> {
    edge = createSlackEdge({
      settings: { signingSecret: SECRET, botToken: TOKEN, apiUrl: fake.apiUrl },
      handler,
      clock: fixedClock(NOW),
      logger: silentLogger,
      botUserId: BOT_USER_ID,
      botId: "B0BIZOSBOT",
      ...overrides,
    });
    // Stands in for the server that owns /slack/events: reads the raw body and hands it over.
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => void edge.handle(req, res, Buffer.concat(chunks)));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SLACK_EVENTS_PATH}`;
  }

  function post(body: string, options: { contentType?: string; at?: Date; secret?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const timestamp = String(Math.floor((options.at ?? NOW).getTime() / 1000));
    return fetch(url, {
      method: "POST",
      headers: {
        "content-type": options.contentType ?? "application/json",
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": slackSignature(options.secret ?? SECRET, timestamp, body),
        ...options.headers,
      },
      body,
    });
  }

  const form = "application/x-www-form-urlencoded";

  beforeEach(async () => {
    fake = await startFakeSlackApi({ botToken: TOKEN, botUserId: BOT_USER_ID });
    handler = new StandInHandler();
  });
  afterEach(async () => {
    handler.release();
    await edge.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await fake.close();
  });

  it("answers Slack's url_verification handshake with the challenge", async () => {
    await mount();
    const response = await post(JSON.stringify({ token: "Jhj5dZrVaK7ZwHHjRyZWjbDl", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });

  it("hands a mention to the gateway once, without the mention, keyed by its thread", async () => {
    await mount();
    const response = await post(mention);
    expect(response.status).toBe(200);
    await edge.idle();
    expect(handler.messages).toEqual([
      {
        channel: "slack",
        eventId: "Ev0PV52K25",
        sender: "U061F7AUR",
        text: "how were sales last week & returns?",
        threadKey: "C0LAN2Q65:1525215129.000001",
        conversationId: null,
        destination: { channel: "slack", channelId: "C0LAN2Q65", threadTs: "1525215129.000001", responseUrl: null },
        receivedAt: NOW,
      },
    ]);
    // Building the edge and handling the event needed no call to Slack.
    expect(fake.calls).toHaveLength(0);
  });

  it("answers Slack before the gateway finishes", { timeout: 15_000 }, async () => {
    await mount();
    handler.hold();
    // Were the edge waiting for the handler, this response would never come (the handler is released after it).
    const response = await post(mention);
    handler.log.push(`response ${response.status}`);
    handler.release();
    await edge.idle();
    expect(handler.log.indexOf("response 200")).toBeGreaterThanOrEqual(0);
    expect(handler.log.indexOf("response 200")).toBeLessThan(handler.log.indexOf("handler finished"));
    expect(handler.messages).toHaveLength(1);
  });

  it("passes a retried event with the same event id and still acks it", async () => {
    await mount();
    expect((await post(mention)).status).toBe(200);
    const retry = await post(mention, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    expect(retry.status).toBe(200);
    await edge.idle();
    expect(handler.messages.map((message) => message.eventId)).toEqual(["Ev0PV52K25", "Ev0PV52K25"]);
  });

  it("refuses a bad signature, a stale timestamp and a missing signature with 401, running nothing", async () => {
    await mount();
    expect((await post(mention, { secret: "not-the-secret" })).status).toBe(401);
    expect((await post(mention, { at: new Date(NOW.getTime() - 6 * 60_000) })).status).toBe(401);
    const unsigned = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: mention });
    expect(unsigned.status).toBe(401);
    await edge.idle();
    expect(handler.messages).toHaveLength(0);
  });

  it("acks /ask at once in the asker's language and hands the question over with its response_url", async () => {
    await mount();
    const responseUrl = fake.responseUrl("T0001-5678");
    const response = await post(slashCommand("¿cuánto vendimos la semana pasada?", responseUrl), { contentType: form });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ response_type: "ephemeral", text: "Un momento…" });
    await edge.idle();
    expect(handler.messages).toEqual([
      {
        channel: "slack",
        eventId: "13345224609.738474920.8088930838d88f008e0",
        sender: "U2147483697",
        text: "¿cuánto vendimos la semana pasada?",
        threadKey: "C2147483705:ask:U2147483697",
        conversationId: null,
        destination: { channel: "slack", channelId: "C2147483705", threadTs: null, responseUrl },
        receivedAt: NOW,
      },
    ]);
  });

  it("answers a bare /ask with how to use it and asks the gateway nothing", async () => {
    await mount();
    const response = await post(slashCommand("   ", fake.responseUrl()), { contentType: form });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ response_type: "ephemeral", text: expect.stringContaining("/ask") as unknown });
    await edge.idle();
    expect(handler.messages).toHaveLength(0);
  });

  it("turns a button click into an action in the message's thread", async () => {
    await mount();
    const response = await post(new URLSearchParams({ payload: blockActions }).toString(), { contentType: form });
    expect(response.status).toBe(200);
    await edge.idle();
    expect(handler.actions).toEqual([
      {
        channel: "slack",
        eventId: "1700000101.000001:1700000200.123456",
        sender: "U061F7AUR",
        actionId: "approve:4F2K",
        value: "approve:4F2K",
        threadKey: "C0LAN2Q65:1525215129.000001",
        destination: { channel: "slack", channelId: "C0LAN2Q65", threadTs: "1525215129.000001", responseUrl: null },
        receivedAt: NOW,
      },
    ]);
  });

  it("hands over a person's DM and ignores bot posts, edits and the app's own messages", async () => {
    await mount();
    expect((await post(directMessage())).status).toBe(200);
    const ignored = [
      directMessage({ subtype: "bot_message", bot_id: "B0OTHERBOT", user: undefined }, "Ev1"),
      directMessage({ subtype: "message_changed", hidden: true, user: undefined, message: { type: "message", user: "U061F7AUR", text: "edited", ts: "1525215129.000002" } }, "Ev2"),
      directMessage({ user: BOT_USER_ID, bot_id: "B0BIZOSBOT", text: "Net sales were…" }, "Ev3"),
      directMessage({ user: "U0OTHER", bot_id: "B0OTHERBOT" }, "Ev4"),
    ];
    for (const body of ignored) expect((await post(body)).status).toBe(200);
    await edge.idle();
    expect(handler.messages).toHaveLength(1);
    expect(handler.messages[0]).toMatchObject({
      eventId: "Ev0PV52K26",
      sender: "U061F7AUR",
      text: "How many cats did we herd yesterday?",
      // A top-level DM is answered in the DM itself and keeps the DM's context, like a WhatsApp chat.
      threadKey: "D0PNCRP9N:dm",
      destination: { channel: "slack", channelId: "D0PNCRP9N", threadTs: null, responseUrl: null },
    });
  });

  it("keeps DM threads: a reply in a thread continues that thread", async () => {
    await mount();
    await post(directMessage({ ts: "1525215200.000001", thread_ts: "1525215129.000002", text: "and the week before?" }, "Ev9"));
    await edge.idle();
    expect(handler.messages[0]).toMatchObject({ threadKey: "D0PNCRP9N:1525215129.000002", destination: { threadTs: "1525215129.000002" } });
  });

  it("learns the bot's id from auth.test at start when it is not given", async () => {
    await mount({ botUserId: undefined, botId: undefined });
    expect(fake.calls).toHaveLength(0);
    await edge.start();
    expect(fake.callsTo("auth.test")).toHaveLength(1);
    await post(mention);
    await edge.idle();
    expect(handler.messages[0]?.text).toBe("how were sales last week & returns?");
    expect(fake.callsTo("auth.test")).toHaveLength(1);
  });

  it("fails start with a bad token", async () => {
    await mount({ botUserId: undefined, botId: undefined, settings: { signingSecret: SECRET, botToken: "xoxb-wrong", apiUrl: fake.apiUrl } });
    await expect(edge.start()).rejects.toMatchObject({ failure: { kind: "auth" }, providerCode: "invalid_auth" });
  });

  it("logs a gateway failure instead of losing it, after acking Slack", async () => {
    const lines: string[] = [];
    const failing: InboundHandler = {
      handleMessage: () => Promise.reject(new Error("database is down")),
      handleAction: () => {
        throw new Error("thrown before any promise");
      },
    };
    await mount({ handler: failing, logger: createLogger({ level: "debug", format: "json", write: (line) => lines.push(line) }) });
    expect((await post(mention)).status).toBe(200);
    expect((await post(new URLSearchParams({ payload: blockActions }).toString(), { contentType: form })).status).toBe(200);
    await edge.idle();
    const failures = lines.filter((line) => line.includes("slack inbound handling failed"));
    expect(failures).toHaveLength(2);
    expect(failures.join("\n")).toContain("database is down");
    expect(failures.join("\n")).toContain("thrown before any promise");
  });

  it("answers Slack's ssl_check and requests nobody listens to without running anything", async () => {
    await mount();
    expect((await post("ssl_check=1&token=XXYYZZ", { contentType: form })).status).toBe(200);
    const reaction = envelope("Ev7", { type: "reaction_added", user: "U024BE7LH", reaction: "thumbsup", item: { type: "message", channel: "C0G9QF9GZ", ts: "1360782400.498405" }, ts: "1360782804.083113" });
    expect((await post(reaction)).status).toBe(200);
    await edge.idle();
    expect(handler.messages).toHaveLength(0);
  });
});
