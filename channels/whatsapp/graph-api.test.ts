import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { startFakeWhatsAppGraph, type FakeWhatsAppGraph } from "../../test/fakes/whatsapp-graph.ts";
import { createWhatsAppGraphApi, type WhatsAppOutgoingMessage } from "./graph-api.ts";

const ACCESS_TOKEN = "EAAG-test-token";
const PHONE_NUMBER_ID = "409552778964973";
const TEXT: WhatsAppOutgoingMessage = { to: "5215512345678", type: "text", text: { body: "Hola", preview_url: false } };

let graph: FakeWhatsAppGraph;

beforeEach(async () => {
  graph = await startFakeWhatsAppGraph({ accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID });
});
afterEach(async () => {
  await graph.close();
});

function api(overrides: { accessToken?: string; graphUrl?: string; fetchTimeoutMs?: number } = {}) {
  return createWhatsAppGraphApi(
    { accessToken: overrides.accessToken ?? ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID, graphUrl: overrides.graphUrl ?? graph.url, graphVersion: "v21.0" },
    { fetchTimeoutMs: overrides.fetchTimeoutMs, clock: fixedClock("2026-11-25T12:00:00Z") },
  );
}

async function failure(call: Promise<unknown>): Promise<ProviderError> {
  const error: unknown = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe("WhatsApp Graph API", () => {
  it("sends a message with the fields every Cloud API message carries and returns its wamid", async () => {
    const sent = await api().sendMessage({ ...TEXT, context: { message_id: "wamid.IN" } });
    expect(sent.messageId).toBe(graph.sent[0]!.id);
    expect(graph.sent[0]!.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "5215512345678",
      type: "text",
      text: { body: "Hola", preview_url: false },
      context: { message_id: "wamid.IN" },
    });
  });

  it("uploads media as multipart form data and returns the media id", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const id = await api().uploadMedia(png, "image/png", "chart.png");
    expect(graph.uploads).toEqual([{ id, mimeType: "image/png", filename: "chart.png", bytes: png }]);
  });

  it("maps 429 to rate_limited, using Retry-After when Meta sends one", async () => {
    graph.failNextSends("rate_limit_429");
    graph.failNextSends({ status: 429, code: 4, message: "(#4) Application request limit reached", retryAfter: "7" });
    const first = await failure(api().sendMessage(TEXT));
    expect(first.failure).toEqual({ kind: "rate_limited", retryAfterMs: 5_000 });
    expect(first.providerCode).toBe("4");
    expect((await failure(api().sendMessage(TEXT))).failure).toEqual({ kind: "rate_limited", retryAfterMs: 7_000 });
  });

  it("maps Meta's throttle codes to rate_limited even on HTTP 400", async () => {
    graph.failNextSends("throughput_130429");
    graph.failNextSends({ status: 400, code: 131056, message: "(#131056) (Business Account, Consumer Account) pair rate limit hit" });
    const throughput = await failure(api().sendMessage(TEXT));
    expect(throughput.failure).toEqual({ kind: "rate_limited", retryAfterMs: 1_000 });
    expect(throughput.providerCode).toBe("130429");
    expect((await failure(api().sendMessage(TEXT))).failure).toEqual({ kind: "rate_limited", retryAfterMs: 60_000 });
  });

  it("maps a bad access token (190) to auth", async () => {
    const error = await failure(api({ accessToken: "revoked" }).sendMessage(TEXT));
    expect(error.failure).toEqual({ kind: "auth" });
    expect(error.providerCode).toBe("190");
    expect(error.retryable).toBe(false);
  });

  it("maps 5xx and Meta's server-side codes to transient", async () => {
    graph.failNextSends("server_error_500");
    graph.failNextSends({ status: 502, code: null, message: "Bad Gateway" });
    graph.failNextSends({ status: 400, code: 2, message: "Service temporarily unavailable" });
    for (let i = 0; i < 3; i += 1) expect((await failure(api().sendMessage(TEXT))).failure).toEqual({ kind: "transient" });
  });

  it("maps an invalid parameter (100) to permanent with Meta's code", async () => {
    const error = await failure(api().sendMessage({ ...TEXT, to: "+5215512345678" }));
    expect(error.failure).toEqual({ kind: "permanent" });
    expect(error.providerCode).toBe("100");
    expect(error.message).toContain("Invalid parameter");
  });

  it("maps re-engagement (131047) to permanent with code 131047", async () => {
    graph.failNextSends("reengagement_131047");
    const error = await failure(api().sendMessage(TEXT));
    expect(error.failure).toEqual({ kind: "permanent" });
    expect(error.providerCode).toBe("131047");
  });

  it("treats a refused connection and a silent server as transient", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect((await failure(api({ graphUrl: `http://127.0.0.1:${port}` }).sendMessage(TEXT))).failure).toEqual({ kind: "transient" });

    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const address = silent.address() as AddressInfo;
      const error = await failure(api({ graphUrl: `http://127.0.0.1:${address.port}`, fetchTimeoutMs: 50 }).sendMessage(TEXT));
      expect(error.failure).toEqual({ kind: "transient" });
      expect(error.message).toContain("no answer within 50 ms");
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("refuses a success answer it cannot read, without retrying", async () => {
    const odd = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true })));
    await new Promise<void>((resolve) => odd.listen(0, "127.0.0.1", resolve));
    try {
      const address = odd.address() as AddressInfo;
      expect((await failure(api({ graphUrl: `http://127.0.0.1:${address.port}` }).sendMessage(TEXT))).failure).toEqual({ kind: "permanent" });
    } finally {
      await new Promise<void>((resolve) => odd.close(() => resolve()));
    }
  });
});
