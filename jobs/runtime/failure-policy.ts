/**
 * What a failed job does next: dead at once when retrying cannot help (PermanentJobError, a
 * provider's auth or permanent failure, a payload that no longer parses), dead when its attempts
 * are spent, otherwise retried — after the provider's Retry-After for a rate limit, else after an
 * exponential backoff with jitter (so a recovering provider is not hit by every job at once).
 */
import { ProviderError } from "../../lib/provider-error.ts";
import { backoffDelayMs } from "../delivery/retry-policy.ts";
import { PermanentJobError, type JobDefinition, type JobPayload } from "./job-definition.ts";

export type JobFailure = { readonly kind: "retry"; readonly delayMs: number; readonly error: string } | { readonly kind: "dead"; readonly error: string };

/** A rate limit's "retry after 0" must not spin. */
const MIN_RATE_LIMIT_WAIT_MS = 250;
const MAX_ERROR_LENGTH = 2_000;

export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length <= MAX_ERROR_LENGTH ? text : `${text.slice(0, MAX_ERROR_LENGTH - 1)}…`;
}

/** True when no retry can help: the job should be dead now. */
export function isPermanentFailure(error: unknown): boolean {
  if (error instanceof PermanentJobError) return true;
  if (error instanceof ProviderError) return error.failure.kind === "auth" || error.failure.kind === "permanent";
  return false;
}

/** The decision after attempt `attempt` (1-based) of `definition` threw `error`. */
export function judgeFailure(error: unknown, attempt: number, definition: Pick<JobDefinition<JobPayload>, "attempts" | "backoffMs" | "maxBackoffMs">, random: () => number): JobFailure {
  const message = errorText(error);
  if (isPermanentFailure(error)) return { kind: "dead", error: message };
  if (attempt >= definition.attempts) return { kind: "dead", error: `gave up after ${attempt} attempt${attempt === 1 ? "" : "s"}: ${message}` };
  if (error instanceof ProviderError && error.failure.kind === "rate_limited") {
    return { kind: "retry", delayMs: Math.max(MIN_RATE_LIMIT_WAIT_MS, error.failure.retryAfterMs), error: message };
  }
  const delayMs = backoffDelayMs(attempt, { maxAttempts: definition.attempts, baseDelayMs: definition.backoffMs, maxDelayMs: definition.maxBackoffMs, minRetryMs: 0 }, random);
  return { kind: "retry", delayMs, error: message };
}
