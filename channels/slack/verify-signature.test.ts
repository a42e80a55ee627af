import { describe, expect, it } from "vitest";
import { slackSignature, verifySlackSignature } from "./verify-signature.ts";

// The worked example from Slack's "Verifying requests from Slack" guide.
const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const TIMESTAMP = "1531420618";
const BODY =
  "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
const SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
const AT = new Date(Number(TIMESTAMP) * 1000);

const check = (overrides: Partial<Parameters<typeof verifySlackSignature>[0]>) =>
  verifySlackSignature({ signingSecret: SECRET, timestampHeader: TIMESTAMP, signatureHeader: SIGNATURE, rawBody: BODY, now: AT, ...overrides });

describe("verifySlackSignature", () => {
  it("computes Slack's documented signature and accepts it", () => {
    expect(slackSignature(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE);
    expect(check({})).toEqual({ ok: true });
    expect(check({ rawBody: Buffer.from(BODY, "utf8"), now: new Date(AT.getTime() + 4 * 60_000) })).toEqual({ ok: true });
  });

  it("refuses a signature made with another secret or over another body", () => {
    expect(check({ signingSecret: "another-secret" })).toEqual({ ok: false, reason: "bad_signature" });
    expect(check({ rawBody: `${BODY}&text=extra` })).toEqual({ ok: false, reason: "bad_signature" });
    expect(check({ signatureHeader: "v0=short" })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a timestamp more than five minutes away from now, either way (replays)", () => {
    expect(check({ now: new Date(AT.getTime() + 5 * 60_000 + 1000) })).toEqual({ ok: false, reason: "stale_timestamp" });
    expect(check({ now: new Date(AT.getTime() - 5 * 60_000 - 1000) })).toEqual({ ok: false, reason: "stale_timestamp" });
    expect(check({ timestampHeader: "yesterday" })).toEqual({ ok: false, reason: "stale_timestamp" });
  });

  it("refuses a request without the headers", () => {
    expect(check({ timestampHeader: null })).toEqual({ ok: false, reason: "missing_headers" });
    expect(check({ signatureHeader: undefined })).toEqual({ ok: false, reason: "missing_headers" });
    expect(check({ signatureHeader: "  " })).toEqual({ ok: false, reason: "missing_headers" });
  });
});
