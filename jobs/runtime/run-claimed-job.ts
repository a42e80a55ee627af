/**
 * One attempt of a claimed job, the same in both runners: run the processor with a heartbeat that
 * keeps the row's lease, then record done, failed (retry at) or dead — fenced by the claim, so a
 * worker that lost its row to another records nothing. A row claimed more often than its attempts
 * (its workers kept dying mid-job) is dead without running again.
 */
import { completeJobRun, failJobRun, heartbeatJobRun } from "../../db/repositories/job-runs.ts";
import type { JobRun } from "../../db/schema/notifications.ts";
import { judgeFailure } from "./failure-policy.ts";
import type { RegisteredJob } from "./job-registry.ts";
import type { JobRuntimeDeps } from "./job-runner.ts";

export type RunOutcome =
  | { readonly kind: "done"; readonly result: Readonly<Record<string, unknown>> }
  | { readonly kind: "retry"; readonly delayMs: number; readonly retryAt: Date; readonly error: string }
  | { readonly kind: "dead"; readonly error: string }
  /** Another worker took the row over meanwhile (this one was presumed dead): nothing was recorded. */
  | { readonly kind: "lost" };

export interface RunClaimedOptions {
  /** How often the lease is renewed while the processor runs. */
  readonly heartbeatMs: number;
  /** Aborted on a forced close: the heartbeat stops, as if the process had died. */
  readonly signal?: AbortSignal;
}

export async function runClaimedJob(deps: JobRuntimeDeps, job: RegisteredJob, run: JobRun, options: RunClaimedOptions): Promise<RunOutcome> {
  const { db, clock } = deps;
  const attempt = run.attempts;
  const logger = deps.logger.child({ queue: job.queue, key: run.job_key, attempt });

  if (attempt > job.attempts) {
    const error = `gave up: the job was interrupted ${attempt - 1} times (its worker stopped mid-job)`;
    logger.error("job dead", { error });
    return (await failJobRun(db, run, error, null, clock.now())) ? { kind: "dead", error } : { kind: "lost" };
  }

  const heartbeat = setInterval(() => {
    heartbeatJobRun(db, run, clock.now()).catch((error: unknown) => logger.warn("job heartbeat failed", { error }));
  }, options.heartbeatMs);
  heartbeat.unref();
  const stop = () => clearInterval(heartbeat);
  options.signal?.addEventListener("abort", stop, { once: true });

  let result: Record<string, unknown>;
  try {
    result = await job.run(run.payload, { attempt, key: run.job_key, logger, clock });
  } catch (error) {
    stop();
    const failure = judgeFailure(error, attempt, job, deps.random ?? Math.random);
    const now = clock.now();
    switch (failure.kind) {
      case "retry": {
        const retryAt = new Date(now.getTime() + failure.delayMs);
        if (!(await failJobRun(db, run, failure.error, retryAt, now))) return { kind: "lost" };
        logger.warn("job failed; it will be retried", { error: failure.error, retryAt: retryAt.toISOString() });
        return { kind: "retry", delayMs: failure.delayMs, retryAt, error: failure.error };
      }
      case "dead":
        if (!(await failJobRun(db, run, failure.error, null, now))) return { kind: "lost" };
        logger.error("job dead (bizos jobs failed)", { error: failure.error });
        return { kind: "dead", error: failure.error };
    }
  } finally {
    stop();
    options.signal?.removeEventListener("abort", stop);
  }
  if (!(await completeJobRun(db, run, result, clock.now()))) {
    logger.warn("job finished after another worker took it over; its result is not recorded");
    return { kind: "lost" };
  }
  logger.debug("job done", { result });
  return { kind: "done", result };
}
