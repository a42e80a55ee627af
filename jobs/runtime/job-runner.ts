/**
 * The one interface of both job runners (in process without Redis, BullMQ with it) and what they
 * share: dependencies, enqueue options, the outcome events. The job_runs row is the record in
 * both; a runner only decides where and when processors run.
 */
import type { Db } from "../../db/database.ts";
import type { JobRunStatus } from "../../db/schema/notifications.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { JobDefinition, JobPayload } from "./job-definition.ts";
import type { RunOutcome } from "./run-claimed-job.ts";

export interface JobRuntimeDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  /** For backoff jitter; Math.random by default. */
  readonly random?: () => number;
}

export interface EnqueueOptions {
  /** Not before this instant (a digest at the member's local 08:00); default now. */
  readonly runAfter?: Date;
}

export interface EnqueueResult {
  readonly key: string;
  /** False when the key was already recorded: nothing new runs (a done key never runs again). */
  readonly created: boolean;
  /** The row's status after the call. */
  readonly status: JobRunStatus;
}

export interface CloseOptions {
  /**
   * Stop at once without waiting for jobs in flight (BullMQ's close(true)): their rows stay running
   * until the lease runs out and another worker takes them. For a crash-like stop; default false.
   */
  readonly force?: boolean;
}

/** One attempt's end, for metrics and tests. */
export interface JobOutcomeEvent {
  readonly queue: string;
  readonly key: string;
  readonly workspaceId: number;
  readonly attempt: number;
  readonly outcome: RunOutcome;
}

export interface JobRunner {
  /** Adds a job this runner runs (before start(), or after). */
  register<P extends JobPayload>(definition: JobDefinition<P>): void;
  /** Records the job (payload checked by its schema) and has it run when due; the same key again adds nothing. */
  enqueue(queue: string, payload: JobPayload, options?: EnqueueOptions): Promise<EnqueueResult>;
  /**
   * Runs fn every everyMs (first run right after start): in process, on a timer; with BullMQ, once per
   * interval across every worker sharing the Redis (a job scheduler named `name`).
   */
  every(name: string, everyMs: number, fn: () => Promise<void>): void;
  /** Starts taking jobs (and ticks). */
  start(): Promise<void>;
  /** Resolves when this runner has nothing to do right now (nothing running, nothing due waiting). */
  idle(): Promise<void>;
  /** Stops taking jobs and ticks and waits for the jobs in flight (unless force). */
  close(options?: CloseOptions): Promise<void>;
}

/** Defaults both runners share. */
export const DEFAULT_LEASE_MS = 5 * 60_000;

/** runner.enqueue with the payload typed by the job's definition (checked again by its schema). */
export function enqueueJob<P extends JobPayload>(runner: Pick<JobRunner, "enqueue">, definition: JobDefinition<P>, payload: P, options?: EnqueueOptions): Promise<EnqueueResult> {
  return runner.enqueue(definition.queue, payload, options);
}
