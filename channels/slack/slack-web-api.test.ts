import { createServer } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProviderError } from "../../lib/provider-error.ts";
import { startFakeSlackApi, type FakeSlackApi } from "../../test/fakes/slack-api.ts";
import { createSlackWebApi, failureForSlackError, type SlackWebApi } from "./slack-web-api.ts";

const TOKEN = "xoxb-test-token";

async function providerError(work: Promise<unknown>): Promise<ProviderError> {
  const error: unknown = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe("Slack Web API client", () => {
  let fake: FakeSlackApi;
  let api: SlackWebApi;

  beforeEach(async () => {
    fake = await startFakeSlackApi({ botToken: TOKEN, botUserId: "U0BIZOSBOT", botId: "B0BIZOSBOT" });
    api = createSlackWebApi({ apiUrl: fake.apiUrl, botToken: TOKEN });
  });
  afterEach(async () => {
    await fake.close();
  });

  it("identifies the bot with auth.test, sending the token as a Bearer header", async () => {
    expect(await api.authTest()).toEqual({ userId: "U0BIZOSBOT", botId: "B0BIZOSBOT", teamId: "T0FAKETEAM" });
    expect(fake.callsTo("auth.test")[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("posts a message as JSON and returns its ts and channel", async () => {
    const posted = await api.postMessage({ channel: "C0LAN2Q65", thread_ts: "1525215129.000001", text: "hi", blocks: [{ type: "section", text: { type: "mrkdwn", text: "*hi*" } }] });
    const call = fake.callsTo("chat.postMessage")[0];
    expect(call?.headers["content-type"]).toContain("application/json");
    expect(call?.body).toEqual({ channel: "C0LAN2Q65", thread_ts: "1525215129.000001", text: "hi", blocks: [{ type: "section", text: { type: "mrkdwn", text: "*hi*" } }] });
    expect(posted).toEqual({ channel: "C0LAN2Q65", ts: expect.stringMatching(/^\d+\.\d+$/) as unknown });
  });

  it("leaves thread_ts out for a new message", async () => {
    await api.postMessage({ channel: "C0LAN2Q65", thread_ts: null, text: "hi" });
    expect(fake.callsTo("chat.postMessage")[0]?.body).toEqual({ channel: "C0LAN2Q65", text: "hi" });
  });

  it("maps HTTP 429 to rate_limited with Retry-After in milliseconds", async () => {
    fake.failNext("chat.postMessage", { kind: "rate_limited", retryAfterSeconds: 7 });
    const error = await providerError(api.postMessage({ channel: "C0LAN2Q65", text: "hi" }));
    expect(error.failure).toEqual({ kind: "rate_limited", retryAfterMs: 7000 });
    expect(error.providerCode).toBe("ratelimited");
    expect(error.retryable).toBe(true);
    // The script covered one call only.
    await expect(api.postMessage({ channel: "C0LAN2Q65", text: "hi" })).resolves.toMatchObject({ channel: "C0LAN2Q65" });
  });

  it("maps credential errors to auth", async () => {
    const wrongToken = createSlackWebApi({ apiUrl: fake.apiUrl, botToken: "xoxb-revoked" });
    const error = await providerError(wrongToken.postMessage({ channel: "C0LAN2Q65", text: "hi" }));
    expect(error.failure).toEqual({ kind: "auth" });
    expect(error.providerCode).toBe("invalid_auth");
    expect(error.message).not.toContain("xoxb-revoked");
    for (const code of ["not_authed", "token_revoked", "account_inactive", "missing_scope"]) expect(failureForSlackError(code, null)).toEqual({ kind: "auth" });
  });

  it("maps refused requests to permanent with Slack's error code", async () => {
    fake.failNext("chat.postMessage", { kind: "error", error: "channel_not_found" });
    const error = await providerError(api.postMessage({ channel: "C0LAN2Q65", text: "hi" }));
    expect(error.failure).toEqual({ kind: "permanent" });
    expect(error.providerCode).toBe("channel_not_found");
    expect(error.retryable).toBe(false);
    for (const code of ["msg_too_long", "invalid_blocks", "not_in_channel"]) expect(failureForSlackError(code, null)).toEqual({ kind: "permanent" });
  });

  it("maps Slack's own outages to transient", async () => {
    fake.failNext("chat.postMessage", { kind: "http", status: 503 });
    expect((await providerError(api.postMessage({ channel: "C0LAN2Q65", text: "hi" }))).failure).toEqual({ kind: "transient" });
    fake.failNext("chat.postMessage", { kind: "error", error: "internal_error" });
    const internal = await providerError(api.postMessage({ channel: "C0LAN2Q65", text: "hi" }));
    expect(internal.failure).toEqual({ kind: "transient" });
    expect(internal.providerCode).toBe("internal_error");
    for (const code of ["fatal_error", "service_unavailable"]) expect(failureForSlackError(code, null)).toEqual({ kind: "transient" });
    expect(failureForSlackError("ratelimited", "3")).toEqual({ kind: "rate_limited", retryAfterMs: 3000 });
  });

  it("maps an unreachable Slack and a timeout to transient", async () => {
    const down = await startFakeSlackApi({ botToken: TOKEN });
    await down.close();
    const unreachable = createSlackWebApi({ apiUrl: down.apiUrl, botToken: TOKEN });
    const refused = await providerError(unreachable.authTest());
    expect(refused.failure).toEqual({ kind: "transient" });
    expect(refused.message).toContain("ECONNREFUSED");

    // A server that accepts the request and never answers.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    try {
      const slow = createSlackWebApi({ apiUrl: `http://127.0.0.1:${port}/api/`, botToken: TOKEN, fetchTimeoutMs: 50 });
      const timedOut = await providerError(slow.authTest());
      expect(timedOut.failure).toEqual({ kind: "transient" });
      expect(timedOut.message).toContain("timed out after 50 ms");
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("uploads a file in three steps: upload URL, bytes, completion in the thread", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const { fileId } = await api.uploadFile({ channelId: "C0LAN2Q65", threadTs: "1525215129.000001", filename: "sales.png", title: "Net sales by week", png });
    expect(fake.calls.map((call) => call.method)).toEqual(["files.getUploadURLExternal", "upload", "files.completeUploadExternal"]);
    expect(fake.callsTo("files.getUploadURLExternal")[0]?.body).toEqual({ filename: "sales.png", length: String(png.length), alt_txt: "Net sales by week" });
    expect(fake.uploaded(fileId)).toEqual(png);
    expect(fake.callsTo("upload")[0]?.headers.authorization).toBeUndefined();
    expect(fake.callsTo("files.completeUploadExternal")[0]?.body).toEqual({ files: [{ id: fileId, title: "Net sales by week" }], channel_id: "C0LAN2Q65", thread_ts: "1525215129.000001" });
  });

  it("fails an upload whose bytes are refused, without completing it", async () => {
    fake.failNext("upload", { kind: "http", status: 413 });
    const error = await providerError(api.uploadFile({ channelId: "C0LAN2Q65", threadTs: null, filename: "a.png", title: "A", png: Buffer.from([1]) }));
    expect(error.failure).toEqual({ kind: "permanent" });
    expect(fake.callsTo("files.completeUploadExternal")).toHaveLength(0);
  });

  it("posts to a response_url without the token and reads its plain 'ok'", async () => {
    await api.postToResponseUrl(fake.responseUrl("hook1"), { response_type: "in_channel", replace_original: false, text: "hi" });
    const call = fake.callsTo("response_url")[0];
    expect(call?.body).toEqual({ response_type: "in_channel", replace_original: false, text: "hi" });
    expect(call?.headers.authorization).toBeUndefined();
  });

  it("maps an expired response_url to permanent", async () => {
    fake.failNext("response_url", { kind: "error", error: "expired_url", status: 404 });
    const error = await providerError(api.postToResponseUrl(fake.responseUrl(), { response_type: "in_channel", replace_original: false, text: "hi" }));
    expect(error.failure).toEqual({ kind: "permanent" });
    expect(error.providerCode).toBe("expired_url");
  });
});
