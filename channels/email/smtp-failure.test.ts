import { describe, expect, it } from "vitest";
import { ProviderError } from "../../lib/provider-error.ts";
import { SMTP_RATE_LIMIT_FALLBACK_MS, smtpProviderError } from "./smtp-failure.ts";

/** An error shaped like nodemailer's (NodemailerError). */
const nodemailerError = (fields: { code?: string; originalCode?: string; responseCode?: number; response?: string }) =>
  Object.assign(new Error(fields.response ?? fields.code ?? "failed"), fields);

describe("smtpProviderError", () => {
  it.each([
    [{ code: "EMESSAGE", responseCode: 421, response: "421 4.3.2 Service not available, closing channel" }, "transient", "421"],
    [{ code: "EENVELOPE", responseCode: 450, response: "450 4.2.1 Mailbox busy" }, "transient", "450"],
    [{ code: "EMESSAGE", responseCode: 452, response: "452 4.3.1 Insufficient system storage" }, "transient", "452"],
    [{ code: "EENVELOPE", responseCode: 452, response: "452 4.5.3 Too many recipients" }, "transient", "452"],
    [{ code: "ESOCKET", originalCode: "ECONNRESET" }, "transient", "ECONNRESET"],
    [{ code: "ETIMEDOUT" }, "transient", "ETIMEDOUT"],
    [{ code: "ECONNECTION" }, "transient", "ECONNECTION"],
    [{ code: "EAUTH", responseCode: 535, response: "535 5.7.8 Username and Password not accepted" }, "auth", "535"],
    [{ code: "EAUTH", responseCode: 534, response: "534 5.7.9 Application-specific password required" }, "auth", "534"],
    [{ code: "EENVELOPE", responseCode: 530, response: "530 5.7.0 Authentication Required" }, "auth", "530"],
    [{ code: "ENOAUTH" }, "auth", "ENOAUTH"],
    [{ code: "EAUTH", responseCode: 454, response: "454 4.7.0 Temporary authentication failure" }, "transient", "454"],
    [{ code: "EENVELOPE", responseCode: 550, response: "550 5.1.1 User unknown" }, "permanent", "550"],
    [{ code: "EENVELOPE", responseCode: 553, response: "553 5.1.3 Invalid address" }, "permanent", "553"],
    [{ code: "EMESSAGE", responseCode: 554, response: "554 5.7.1 Message rejected as spam" }, "permanent", "554"],
    [{ code: "EPROTOCOL", responseCode: 503, response: "503 5.5.1 Bad sequence of commands" }, "transient", "503"],
    [{ code: "EENVELOPE" }, "permanent", "EENVELOPE"],
  ] as const)("%o → %s", (fields, kind, providerCode) => {
    const error = smtpProviderError(nodemailerError(fields));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.provider).toBe("smtp");
    expect(error.failure.kind).toBe(kind);
    expect(error.providerCode).toBe(providerCode);
  });

  it("reads throttling in a 4xx reply as rate_limited", () => {
    for (const response of ["421 4.7.28 Our system has detected an unusual rate of unsolicited mail", "421 Too many concurrent connections", "450 4.7.1 Throttled, try later"]) {
      expect(smtpProviderError(nodemailerError({ code: "EMESSAGE", responseCode: Number(response.slice(0, 3)), response })).failure).toEqual({
        kind: "rate_limited",
        retryAfterMs: SMTP_RATE_LIMIT_FALLBACK_MS,
      });
    }
  });

  it("treats anything else thrown as transient and keeps a ProviderError as it is", () => {
    expect(smtpProviderError("socket hang up").failure).toEqual({ kind: "transient" });
    expect(smtpProviderError(new Error("odd")).providerCode).toBeNull();
    const original = new ProviderError("smtp", { kind: "auth" }, "x");
    expect(smtpProviderError(original)).toBe(original);
  });
});
