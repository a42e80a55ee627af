import { describe, expect, it } from "vitest";
import { ProviderError } from "../../lib/provider-error.ts";
import { judgeFailure } from "./failure-policy.ts";
import { defineJob, PermanentJobError } from "./job-definition.ts";
import { testPayloadSchema } from "./runtime-test-kit.ts";

const policy = { attempts: 5, backoffMs: 1_000, maxBackoffMs: 60_000 };
const half = () => 0.5;

describe("what a failed job does next", () => {
  it("is dead at once for a PermanentJobError or a provider's auth or permanent failure", () => {
    expect(judgeFailure(new PermanentJobError("member is gone"), 1, policy, half)).toEqual({ kind: "dead", error: "member is gone" });
    expect(judgeFailure(new ProviderError("slack", { kind: "auth" }, "invalid_auth"), 1, policy, half)).toEqual({ kind: "dead", error: "slack: invalid_auth" });
    expect(judgeFailure(new ProviderError("whatsapp", { kind: "permanent" }, "bad number"), 2, policy, half).kind).toBe("dead");
  });

  it("waits as long as a rate limit says (at least 250 ms), and backs off exponentially with jitter otherwise", () => {
    expect(judgeFailure(new ProviderError("slack", { kind: "rate_limited", retryAfterMs: 30_000 }, "slow down"), 1, policy, half)).toEqual({ kind: "retry", delayMs: 30_000, error: "slack: slow down" });
    expect(judgeFailure(new ProviderError("slack", { kind: "rate_limited", retryAfterMs: 0 }, "slow down"), 1, policy, half)).toMatchObject({ delayMs: 250 });
    // Equal jitter: half the step fixed, half random (0.5 here), the step doubling per attempt and capped.
    const delays = [1, 2, 3, 4].map((attempt) => judgeFailure(new Error("503"), attempt, policy, half));
    expect(delays.map((failure) => (failure.kind === "retry" ? failure.delayMs : -1))).toEqual([750, 1_500, 3_000, 6_000]);
    expect(judgeFailure(new Error("503"), 4, { ...policy, maxBackoffMs: 2_000 }, () => 0)).toMatchObject({ delayMs: 1_000 });
    expect(judgeFailure(new ProviderError("shopify", { kind: "transient" }, "timeout"), 1, policy, () => 1)).toMatchObject({ kind: "retry", delayMs: 1_000 });
  });

  it("is dead once the attempts are spent, saying so", () => {
    expect(judgeFailure(new Error("503"), 5, policy, half)).toEqual({ kind: "dead", error: "gave up after 5 attempts: 503" });
    expect(judgeFailure("not an Error", 1, { ...policy, attempts: 1 }, half)).toEqual({ kind: "dead", error: "gave up after 1 attempt: not an Error" });
  });
});

describe("defineJob", () => {
  const base = { payload: testPayloadSchema, keyOf: () => "k", workspaceOf: () => 1, process: () => Promise.resolve({}) };
  it("fills in the defaults and refuses names BullMQ would refuse and impossible budgets", () => {
    expect(defineJob({ ...base, queue: "digest" })).toMatchObject({ attempts: 5, backoffMs: 5_000, maxBackoffMs: 900_000 });
    expect(() => defineJob({ ...base, queue: "digest:daily" })).toThrow("must be letters, digits");
    expect(() => defineJob({ ...base, queue: "digest", attempts: 0 })).toThrow("attempts must be a whole number ≥ 1");
    expect(() => defineJob({ ...base, queue: "digest", backoffMs: 10, maxBackoffMs: 1 })).toThrow("backoffMs");
  });
});
