/**
 * When to try a failed delivery again and when to stop. Rate limits wait as long as the provider
 * says; other transient failures back off exponentially with jitter, so a provider recovering from
 * an outage is not hit by every queued message in the same second.
 */
export interface RetryPolicy {
  /** Attempts (sends tried) before a message is dead. */
  readonly maxAttempts: number;
  /** The first backoff; doubles with every attempt. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** No retry sooner than this, whatever Retry-After says (a "0" must not spin). */
  readonly minRetryMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 2_000, maxDelayMs: 10 * 60_000, minRetryMs: 250 };

/**
 * The wait after a transient failure of attempt `attempt` (1-based): base × 2^(attempt−1), capped,
 * then "equal jitter" (half fixed, half random), so it is never less than half the exponential step.
 */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(policy.minRetryMs, Math.round(exponential / 2 + random() * (exponential / 2)));
}
