import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import type { ActionEvent, InboundHandler, InboundMessage, InboundOutcome } from "../inbound/inbound-message.ts";
import type { StatusListener, WhatsAppStatusUpdate } from "./status-listener.ts";
import { createWhatsAppWebhook, type WhatsAppWebhook } from "./webhook.ts";
import { whatsappSignature } from "./webhook-signature.ts";

const APP_SECRET = "meta-app-secret";
const VERIFY_TOKEN = "my-verify-token";
/** The phone number id of most captured payloads. */
const PHONE_NUMBER_ID = "409552778964973";
const NOW = new Date("2026-11-25T12:00:00Z");

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8");

interface Harness {
  readonly url: string;
  readonly webhook: WhatsAppWebhook;
  readonly messages: InboundMessage[];
  readonly actions: ActionEvent[];
  readonly statuses: WhatsAppStatusUpdate[];
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise<void>((resolve) => server.close(() => resolve()));
});

const IGNORED: InboundOutcome = { status: "ignored", reason: "test" };

async function start(options: { phoneNumberId?: string; handleMessage?: (message: InboundMessage) => Promise<InboundOutcome> } = {}): Promise<Harness> {
  const messages: InboundMessage[] = [];
  const actions: ActionEvent[] = [];
  const statuses: WhatsAppStatusUpdate[] = [];
  const handler: InboundHandler = {
    handleMessage: (message) => {
      messages.push(message);
      return options.handleMessage ? options.handleMessage(message) : Promise.resolve(IGNORED);
    },
    handleAction: (action) => {
      actions.push(action);
      return Promise.resolve(IGNORED);
    },
  };
  const listener: StatusListener = {
    onStatus: (update) => {
      statuses.push(update);
      return Promise.resolve();
    },
  };
  const webhook = createWhatsAppWebhook({
    settings: { verifyToken: VERIFY_TOKEN, appSecret: APP_SECRET, phoneNumberId: options.phoneNumberId ?? PHONE_NUMBER_ID },
    handler,
    statuses: listener,
    clock: fixedClock(NOW),
    logger: silentLogger,
  });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => void webhook.handle(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/whatsapp/webhook`, webhook, messages, actions, statuses };
}

function post(harness: Harness, body: string, signature: string | null = whatsappSignature(APP_SECRET, body)): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== null) headers["x-hub-signature-256"] = signature;
  return fetch(harness.url, { method: "POST", headers, body });
}

describe("WhatsApp webhook verification (GET)", () => {
  it("echoes hub.challenge as text when the verify token matches", async () => {
    const harness = await start();
    const response = await fetch(`${harness.url}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toBe("1158201444");
  });

  it("refuses a wrong token or mode with 403", async () => {
    const harness = await start();
    const wrongToken = await fetch(`${harness.url}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444`);
    expect(wrongToken.status).toBe(403);
    expect(await wrongToken.text()).not.toContain("1158201444");
    expect((await fetch(`${harness.url}?hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`)).status).toBe(403);
    expect((await fetch(`${harness.url}?hub.challenge=1`)).status).toBe(403);
  });
});

describe("WhatsApp webhook messages (POST)", () => {
  it("hands a signed text message to the gateway as an InboundMessage and answers 200", async () => {
    const harness = await start();
    const response = await post(harness, fixture("text-message"));
    expect(response.status).toBe(200);
    await harness.webhook.idle();
    const wamid = "wamid.nBgN6TUyN2k5NzAzM5kzNhUCABI8FDNFQjAxQkE5REI4NEUzQ5Y5QTNgAA==";
    expect(harness.messages).toEqual([
      {
        channel: "whatsapp",
        eventId: wamid,
        sender: "+1111111111111",
        text: "hi everyone!",
        threadKey: "+1111111111111",
        conversationId: null,
        destination: { channel: "whatsapp", to: "+1111111111111", transport: "cloud", replyToMessageId: wamid },
        receivedAt: new Date(1672947578 * 1000),
      },
    ]);
  });

  it("reads Meta's own reference example", async () => {
    const harness = await start({ phoneNumberId: "106540352242922" });
    expect((await post(harness, fixture("meta-docs-text-message"))).status).toBe(200);
    await harness.webhook.idle();
    expect(harness.messages.map((message) => [message.sender, message.text])).toEqual([["+16505551234", "Does it come in another color?"]]);
  });

  it("refuses a bad or missing signature with 401 and runs nothing", async () => {
    const harness = await start();
    const body = fixture("text-message");
    const wrongSecret = await post(harness, body, whatsappSignature("another-secret", body));
    const otherBody = await post(harness, body, whatsappSignature(APP_SECRET, `${body} `));
    const truncated = await post(harness, body, whatsappSignature(APP_SECRET, body).slice(0, -2));
    const missing = await post(harness, body, null);
    expect([wrongSecret.status, otherBody.status, truncated.status, missing.status]).toEqual([401, 401, 401, 401]);
    await harness.webhook.idle();
    expect(harness.messages).toEqual([]);
  });

  it("answers 200 before the gateway has finished with the message", async () => {
    let finished = false;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Should the webhook wait for the gateway, the test fails after a second instead of hanging.
    const fallback = setTimeout(() => release(), 1000);
    const harness = await start({
      handleMessage: async () => {
        await gate;
        finished = true;
        return IGNORED;
      },
    });
    const response = await post(harness, fixture("text-message"));
    expect(response.status).toBe(200);
    expect(finished).toBe(false);
    release();
    clearTimeout(fallback);
    await harness.webhook.idle();
    expect(finished).toBe(true);
  });

  it("turns a reply-button click into an ActionEvent", async () => {
    const harness = await start();
    await post(harness, fixture("interactive-button-reply"));
    await harness.webhook.idle();
    const wamid = "wamid.HBgNNTUyMTU1MTIzNDU2NzgVAgASGBQzQUIzNEY5NzRDQjVBNjUwQzc3MQA=";
    expect(harness.actions).toEqual([
      {
        channel: "whatsapp",
        eventId: wamid,
        sender: "+1111111111111",
        actionId: "approve:4F2K",
        value: "Approve",
        threadKey: "+1111111111111",
        destination: { channel: "whatsapp", to: "+1111111111111", transport: "cloud", replyToMessageId: wamid },
        receivedAt: new Date(1673030000 * 1000),
      },
    ]);
    expect(harness.messages).toEqual([]);
  });

  it("turns a template quick-reply button into an ActionEvent with its payload", async () => {
    const harness = await start();
    await post(harness, fixture("template-button-reply"));
    await harness.webhook.idle();
    expect(harness.actions.map((action) => [action.actionId, action.value, action.sender])).toEqual([["SIM", "SIM", "+1111111111111"]]);
  });

  it("passes other message types on with empty text, but not reactions", async () => {
    const harness = await start();
    await post(harness, fixture("image-message"));
    await post(harness, fixture("unsupported-message"));
    await post(harness, fixture("reaction-message"));
    await harness.webhook.idle();
    expect(harness.messages.map((message) => [message.eventId, message.text])).toEqual([
      ["wamid.HBgODE0NDQwANNTTBGRjkUyNzkzNhUCABIYFDNF5NzAzMDkQjBEQ3NjdBA==", ""],
      ["wamid.nBgN6TUyN2k5NzAzM5kzNhUCABI8FDNFQjAxQkE5REI4NEUzQ5Y5QTNgAA==", ""],
    ]);
  });

  it("ignores other webhook fields and other phone numbers of the account", async () => {
    const harness = await start();
    expect((await post(harness, fixture("template-status-update"))).status).toBe(200);
    expect((await post(harness, fixture("meta-docs-text-message"))).status).toBe(200);
    expect((await post(harness, "not json")).status).toBe(200);
    await harness.webhook.idle();
    expect(harness.messages).toEqual([]);
    expect(harness.statuses).toEqual([]);
  });

  it("keeps going after the gateway fails on one message", async () => {
    const payload = JSON.parse(fixture("text-message")) as { entry: { changes: { value: { messages: Record<string, unknown>[] } }[] }[] };
    const messages = payload.entry[0]!.changes[0]!.value.messages;
    messages.push({ ...messages[0], id: "wamid.SECOND", text: { body: "second" } });
    const harness = await start({
      handleMessage: (message) => (message.text === "hi everyone!" ? Promise.reject(new Error("database down")) : Promise.resolve(IGNORED)),
    });
    expect((await post(harness, JSON.stringify(payload))).status).toBe(200);
    await harness.webhook.idle();
    expect(harness.messages.map((message) => message.eventId)).toEqual(["wamid.nBgN6TUyN2k5NzAzM5kzNhUCABI8FDNFQjAxQkE5REI4NEUzQ5Y5QTNgAA==", "wamid.SECOND"]);
  });

  it("answers 405 to other methods", async () => {
    const harness = await start();
    const response = await fetch(harness.url, { method: "PUT" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
  });
});

describe("WhatsApp webhook statuses", () => {
  it("reports sent, delivered and read statuses", async () => {
    const harness = await start();
    for (const name of ["status-sent", "status-delivered", "status-read"]) await post(harness, fixture(name));
    await harness.webhook.idle();
    const wamid = "wamid.nBgN6TUyN2k5NzAzM5kzNhUCABI8FDNFQjAxQkE5REI4NEUzQ5Y5QTNgAA==";
    const at = new Date(1673020317 * 1000);
    expect(harness.statuses).toEqual([
      { providerMessageId: wamid, status: "sent", recipient: "+1111111111111", errorCode: null, errorTitle: null, at },
      { providerMessageId: wamid, status: "delivered", recipient: "+1111111111111", errorCode: null, errorTitle: null, at },
      { providerMessageId: wamid, status: "read", recipient: "+1111111111111", errorCode: null, errorTitle: null, at },
    ]);
  });

  it("reports a failed message with Meta's error code (131047: the 24-hour window closed)", async () => {
    const harness = await start({ phoneNumberId: "109999999999999" });
    await post(harness, fixture("status-failed-reengagement"));
    await harness.webhook.idle();
    expect(harness.statuses).toEqual([
      {
        providerMessageId: "wamid.HBgNN5NzAzMDkTUyNzkzNhUEjA1MjUwNCAUIyNEYUQ0OTVGNTY0MwA=",
        status: "failed",
        recipient: "+5511111111111",
        errorCode: 131047,
        errorTitle: "Re-engagement message",
        at: new Date(1682651887 * 1000),
      },
    ]);
  });
});
