/**
 * `bizos jobs`: what the background jobs (digests, reports, insight detection, syncs) are doing —
 * counts per queue and the last runs (`status`), what is failing or gave up (`failed`) — and a
 * person's decision to run dead jobs again (`retry`). Retrying moves rows back to queued: with
 * REDIS_URL set it also wakes a BullMQ worker, otherwise the server's in-process runner picks them
 * up on its next poll. Nothing runs a job from here.
 */
import type { Command } from "commander";
import { findJobRunsByKeys, jobStatusReport, listFailedJobRuns, retryJobRuns, type JobRunListing, type JobStatusReport } from "../../db/repositories/job-runs.ts";
import { JOB_RUN_STATUSES, type JobRun } from "../../db/schema/notifications.ts";
import { InputError } from "../../lib/input-error.ts";
import { requeueOnBullmq } from "../../jobs/runtime/bullmq-jobs.ts";
import { withAppContext } from "../app-context.ts";
import { integerOption } from "../options.ts";
import { renderTable } from "../table.ts";
import { requireWorkspace } from "../workspace-lookup.ts";

function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

function minute(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace("T", " ")}Z`;
}

/** 420 ms, 1.2 s, 3m 05s. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1_000);
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, "0")}s`;
}

/** A job's result as one line: its fields as name=value. */
export function summarizeResult(result: Readonly<Record<string, unknown>> | null): string {
  if (result === null) return "—";
  const parts = Object.entries(result).map(([name, value]) => `${name}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  return parts.length === 0 ? "(nothing)" : parts.join(", ");
}

function tookOf(run: JobRun): string {
  if (run.status === "running") return "running";
  if (run.started_at === null || run.finished_at === null) return "—";
  return formatDuration(run.finished_at.getTime() - run.started_at.getTime());
}

function outcomeOf(run: JobRun): string {
  if (run.status === "done") return shorten(summarizeResult(run.result), 60);
  if (run.last_error !== null && run.status !== "running") return shorten(run.last_error, 60);
  return "—";
}

/** Counts per queue, then each queue's last runs. */
export function renderJobStatus(report: JobStatusReport): string {
  const counts = renderTable(
    ["queue", ...JOB_RUN_STATUSES],
    report.queues.map((queue) => [queue.queue, ...JOB_RUN_STATUSES.map((status) => String(queue.counts[status]))]),
  );
  const sections = [counts];
  for (const queue of report.queues) {
    const runs = report.recent.filter((run) => run.queue === queue.queue);
    if (runs.length === 0) continue;
    sections.push(
      `\nLast runs of ${queue.queue}:\n${renderTable(
        ["key", "workspace", "status", "attempts", "started", "took", "result"],
        runs.map((run) => [run.job_key, run.workspace_slug, run.status, String(run.attempts), run.started_at ? minute(run.started_at) : "—", tookOf(run), outcomeOf(run)]),
      )}`,
    );
  }
  return sections.join("\n");
}

export function renderFailedJobs(rows: readonly JobRunListing[]): string {
  return renderTable(
    ["key", "queue", "workspace", "status", "attempts", "last error", "next attempt"],
    rows.map((row) => [
      row.job_key,
      row.queue,
      row.workspace_slug,
      row.status,
      String(row.attempts),
      row.last_error === null ? "—" : shorten(row.last_error, 70),
      row.status === "failed" ? minute(row.run_after) : "—",
    ]),
  );
}

const PICKED_UP_IN_PROCESS = "The running server (npm start) runs them on its next poll, within seconds; nothing runs from here.";
const PICKED_UP_BULLMQ = "Added to the BullMQ queues (REDIS_URL): a running worker takes them now; nothing runs from here.";

interface WorkspaceOption {
  workspace?: string;
}

export function registerJobsCommands(program: Command): void {
  const jobs = program.command("jobs").description("Background jobs (digests, reports, insights, syncs): status, failures, retries");

  jobs
    .command("status")
    .description("Jobs per queue (queued, running, done, failed, dead) and each queue's last runs")
    .option("-w, --workspace <slug>", "only this workspace's jobs")
    .option("--recent <n>", "last runs to show per queue", integerOption("recent", 0, 1_000), 5)
    .option("--json", "print the report as JSON")
    .addHelpText("after", "\nExamples:\n  npx bizos jobs status\n  npx bizos jobs status --workspace demo --recent 10")
    .action((options: WorkspaceOption & { recent: number; json?: boolean }) =>
      withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = options.workspace ? await requireWorkspace(database.db, options.workspace) : undefined;
        const report = await jobStatusReport(database.db, { workspaceId: workspace?.id, recentPerQueue: options.recent });
        if (options.json) return out(JSON.stringify(report, null, 2));
        if (report.queues.length === 0) return out(`No jobs yet${workspace ? ` in ${workspace.slug}` : ""}.`);
        out(renderJobStatus(report));
      }),
    );

  jobs
    .command("failed")
    .description("Jobs that gave up (dead) and jobs failing (waiting to be retried), with their last error")
    .option("-w, --workspace <slug>", "only this workspace's jobs")
    .option("--limit <n>", "how many to show", integerOption("limit", 1, 10_000), 50)
    .option("--json", "print the rows as JSON, errors in full")
    .addHelpText("after", "\nExamples:\n  npx bizos jobs failed\n  npx bizos jobs retry digest:12:2026-11-21      then it runs again")
    .action((options: WorkspaceOption & { limit: number; json?: boolean }) =>
      withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = options.workspace ? await requireWorkspace(database.db, options.workspace) : undefined;
        const rows = await listFailedJobRuns(database.db, { workspaceId: workspace?.id, limit: options.limit });
        if (options.json) return out(JSON.stringify(rows, null, 2));
        if (rows.length === 0) return out(`No failed jobs${workspace ? ` in ${workspace.slug}` : ""}.`);
        out(renderFailedJobs(rows));
        const dead = rows.filter((row) => row.status === "dead").length;
        out(`\n${dead} dead, ${rows.length - dead} failing (retried by themselves). Fix the cause, then: npx bizos jobs retry <key…> | --all-dead`);
      }),
    );

  jobs
    .command("retry")
    .description("Move dead (or failing) jobs back to queued with a fresh set of attempts")
    .argument("[keys...]", "job keys from `bizos jobs failed`")
    .option("--all-dead", "every dead job (of --workspace, when given)")
    .option("-w, --workspace <slug>", "only this workspace's jobs")
    .addHelpText("after", `\n${PICKED_UP_IN_PROCESS}\n\nExamples:\n  npx bizos jobs retry digest:12:2026-11-21\n  npx bizos jobs retry --all-dead --workspace demo`)
    .action((keys: string[], options: WorkspaceOption & { allDead?: boolean }) => {
      if (keys.length === 0 && !options.allDead) throw new InputError("Name the jobs to retry (keys from `npx bizos jobs failed`), or pass --all-dead.");
      if (keys.length > 0 && options.allDead) throw new InputError("Give keys or --all-dead, not both.");
      return withAppContext({ migrate: true }, async ({ config, logger, clock, database, out }) => {
        const workspace = options.workspace ? await requireWorkspace(database.db, options.workspace) : undefined;
        const named = [...new Set(keys)];
        const known = await findJobRunsByKeys(database.db, named, workspace?.id);
        const unknown = named.filter((key) => !known.some((run) => run.job_key === key));
        const where = workspace ? ` in ${workspace.slug}` : "";
        if (named.length > 0 && unknown.length === named.length) {
          throw new InputError(`No job with key${unknown.length === 1 ? "" : "s"} ${unknown.join(", ")}${where}. See: npx bizos jobs failed`);
        }
        const moved = await retryJobRuns(database.db, options.allDead ? { allDead: true, workspaceId: workspace?.id } : { keys: named, workspaceId: workspace?.id }, clock.now());
        if (moved.length === 0) out(options.allDead ? `No dead jobs${where}: nothing to retry.` : "None of these jobs is dead or failing: nothing to retry.");
        else {
          out(`Moved ${moved.length} job${moved.length === 1 ? "" : "s"} back to queued: ${moved.map((run) => run.job_key).join(", ")}.`);
          const redisUrl = config.channels.redisUrl;
          if (redisUrl) {
            const woken = await requeueOnBullmq({ connection: redisUrl }, moved, clock.now(), logger);
            out(woken === moved.length ? PICKED_UP_BULLMQ : `Redis did not take ${moved.length - woken} of them; a worker's sweep picks them up within a minute.`);
          } else out(PICKED_UP_IN_PROCESS);
        }
        const untouched = known.filter((run) => !moved.some((m) => m.id === run.id));
        if (untouched.length > 0) out(`Not dead or failing, left alone: ${untouched.map((run) => `${run.job_key} (${run.status})`).join(", ")}.`);
        if (unknown.length > 0) out(`No job with key${unknown.length === 1 ? "" : "s"} ${unknown.join(", ")}${where}.`);
      });
    });
}
