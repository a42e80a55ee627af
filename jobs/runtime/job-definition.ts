/**
 * What a job is, for the job runtime: a queue name, a zod payload, the idempotency key and workspace
 * of a payload, an attempt budget, and the processor. Processors are pure of runners: whichever
 * runner runs them (in process or BullMQ), they get the payload and a context, return what they
 * did (counts, for `bizos jobs status`), and throw to fail — PermanentJobError (or a ProviderError
 * of kind auth/permanent) when retrying cannot help.
 */
import type { z } from "zod";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";

export interface JobContext {
  /** 1 for the first attempt; counts every claim, a run cut short by a crash included. */
  readonly attempt: number;
  /** The job's idempotency key. */
  readonly key: string;
  readonly logger: Logger;
  readonly clock: Clock;
}

/** A job's payload must be a JSON object: it is stored as the job_runs row's jsonb payload. */
export type JobPayload = Readonly<Record<string, unknown>>;

export interface JobDefinitionInput<P extends JobPayload> {
  /** The queue (also the BullMQ queue name): letters, digits, '-', '_' and '.'. */
  readonly queue: string;
  readonly payload: z.ZodType<P>;
  /** The idempotency key (digest:{member}:{date}): a key that is done is never run again. */
  keyOf(payload: P): string;
  workspaceOf(payload: P): number;
  /** Attempts before the job is dead; default 5. */
  readonly attempts?: number;
  /** The first retry's wait; doubles with each attempt, with jitter; default 5 s. */
  readonly backoffMs?: number;
  /** The longest wait between attempts; default 15 min. */
  readonly maxBackoffMs?: number;
  process(payload: P, ctx: JobContext): Promise<Record<string, unknown>>;
}

export interface JobDefinition<P extends JobPayload = JobPayload> extends JobDefinitionInput<P> {
  readonly attempts: number;
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
}

export const DEFAULT_JOB_ATTEMPTS = 5;
export const DEFAULT_JOB_BACKOFF_MS = 5_000;
export const DEFAULT_JOB_MAX_BACKOFF_MS = 15 * 60_000;
const QUEUE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** Retrying will not help (bad input, a missing record): the job is dead at once, for a person to look at. */
export class PermanentJobError extends Error {
  override readonly name = "PermanentJobError";
}

/** Checks the names and budget and fills in the defaults. */
export function defineJob<P extends JobPayload>(input: JobDefinitionInput<P>): JobDefinition<P> {
  if (!QUEUE_NAME.test(input.queue)) throw new Error(`job queue "${input.queue}" must be letters, digits, '-', '_' or '.' (BullMQ refuses ':')`);
  const attempts = input.attempts ?? DEFAULT_JOB_ATTEMPTS;
  const backoffMs = input.backoffMs ?? DEFAULT_JOB_BACKOFF_MS;
  const maxBackoffMs = input.maxBackoffMs ?? DEFAULT_JOB_MAX_BACKOFF_MS;
  if (!Number.isInteger(attempts) || attempts < 1) throw new Error(`job ${input.queue}: attempts must be a whole number ≥ 1`);
  if (!(backoffMs >= 0) || !(maxBackoffMs >= backoffMs)) throw new Error(`job ${input.queue}: backoffMs must be ≥ 0 and ≤ maxBackoffMs`);
  return { ...input, attempts, backoffMs, maxBackoffMs };
}
