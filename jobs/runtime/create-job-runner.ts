/**
 * The job runner for a configuration: BullMQ when a Redis URL is given, in process otherwise; and
 * runJobWorker, which runs one in a process of its own (`npm run worker`) until SIGINT/SIGTERM,
 * then closes it gracefully (jobs in flight finish; a second signal forces the stop).
 */
import { createBullmqRunner, type BullmqRunnerOptions } from "./bullmq-runner.ts";
import { createInProcessRunner, type InProcessRunnerOptions } from "./in-process-runner.ts";
import type { JobRunner, JobRuntimeDeps } from "./job-runner.ts";
import type { Logger } from "../../lib/logger.ts";

export interface JobRunnerChoice {
  readonly deps: JobRuntimeDeps;
  /** REDIS_URL (config.channels.redisUrl): null runs jobs in process. */
  readonly redisUrl: string | null;
  /** BullMQ key prefix; default "bizos". */
  readonly prefix?: string;
  /** Keep the process alive without a server (in process only; BullMQ's connections do it anyway). */
  readonly keepAlive?: boolean;
  readonly inProcess?: Omit<InProcessRunnerOptions, "deps" | "keepAlive">;
  readonly bullmq?: Omit<BullmqRunnerOptions, "deps" | "connection" | "prefix">;
}

export function createJobRunner(choice: JobRunnerChoice): { readonly runner: JobRunner; readonly mode: "bullmq" | "in-process" } {
  if (choice.redisUrl) {
    return { runner: createBullmqRunner({ ...choice.bullmq, deps: choice.deps, connection: choice.redisUrl, prefix: choice.prefix }), mode: "bullmq" };
  }
  return { runner: createInProcessRunner({ ...choice.inProcess, deps: choice.deps, keepAlive: choice.keepAlive }), mode: "in-process" };
}

/**
 * Starts the runner and resolves once a signal came and the runner closed (jobs in flight finished).
 * Holds the process open meanwhile, whichever runner it is.
 */
export async function runJobWorker(runner: JobRunner, logger: Logger, signals: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM"]): Promise<void> {
  let stopping = false;
  let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    onSignal = (signal) => {
      if (stopping) {
        logger.warn("second signal: stopping now; jobs in flight are taken over by another worker after their lease", { signal });
        void runner.close({ force: true });
        return;
      }
      stopping = true;
      resolve(signal);
    };
  });
  for (const signal of signals) process.on(signal, onSignal);
  const keepAlive = setInterval(() => undefined, 60_000);
  try {
    await runner.start();
    logger.info("job worker running", { stop: signals.join("/") });
    const signal = await stopped;
    logger.info("job worker stopping; waiting for jobs in flight", { signal });
    await runner.close();
    logger.info("job worker stopped");
  } finally {
    clearInterval(keepAlive);
    for (const signal of signals) process.off(signal, onSignal);
  }
}
