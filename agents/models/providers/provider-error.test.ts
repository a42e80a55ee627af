import { describe, expect, it } from "vitest";
import { ModelProviderError, retryAfterMsFrom, toModelProviderError } from "./provider-error.ts";

const headers = (values: Record<string, string>) => new Headers(values);

describe("retryAfterMsFrom", () => {
  it("reads retry-after-ms, retry-after seconds and retry-after dates", () => {
    expect(retryAfterMsFrom(headers({ "retry-after-ms": "250.4", "retry-after": "9" }))).toBe(250);
    expect(retryAfterMsFrom(headers({ "retry-after": "12" }))).toBe(12_000);
    const now = Date.parse("2026-11-20T12:00:00Z");
    expect(retryAfterMsFrom(headers({ "retry-after": "Fri, 20 Nov 2026 12:00:30 GMT" }), now)).toBe(30_000);
    expect(retryAfterMsFrom(headers({ "retry-after": "soon" }))).toBeNull();
    expect(retryAfterMsFrom(undefined)).toBeNull();
  });
});

describe("toModelProviderError", () => {
  const context = { model: "gpt-4.1-mini", baseURL: "https://api.openai.com/v1" };

  it("classifies SDK-shaped errors by status", () => {
    const error = (status: number) => Object.assign(new Error(`${status} failed`), { status, headers: headers({}) });
    expect(toModelProviderError("openai", error(500), context)).toMatchObject({ kind: "server", retryable: true });
    expect(toModelProviderError("openai", error(503), context)).toMatchObject({ kind: "overloaded" });
    const notFound = toModelProviderError("openai", error(404), context);
    expect(notFound).toMatchObject({ kind: "bad_request", retryable: false });
    expect(String(notFound)).toContain('model "gpt-4.1-mini"');
    expect(toModelProviderError("openai", error(403), context)).toMatchObject({ kind: "auth" });
  });

  it("keeps aborts and unrelated errors as they are, and names connection failures", () => {
    const abort = Object.assign(new Error("aborted"), { name: "AbortError" });
    expect(toModelProviderError("anthropic", abort, context)).toBe(abort);
    const bug = new TypeError("x is not a function");
    expect(toModelProviderError("anthropic", bug, context)).toBe(bug);
    const connection = toModelProviderError("openai", new Error("Connection error."), context);
    expect(connection).toBeInstanceOf(ModelProviderError);
    expect(connection).toMatchObject({ kind: "connection", status: null, retryable: true });
  });
});
