/**
 * The proactive jobs and their keys: insight detection per workspace and local day
 * (insights:{workspace}:{date}, and insights:{workspace}:{date}:sync:{syncRun} after each data
 * sync), the daily digest per member and day (digest:{member}:{date}) and
 * the weekly report per member and week (weekly:{member}:{weekStart}); and the planner tick that
 * enqueues them when they are due. A key that is done never runs again, so a repeat of the day's
 * plan sends nothing new.
 */
import { z } from "zod";
import { isValidIsoDate } from "../../lib/calendar-date.ts";
import { detectAndAlert } from "../insights/detect-and-alert.ts";
import { defineJob } from "../runtime/job-definition.ts";
import type { JobRunner } from "../runtime/job-runner.ts";
import type { NotificationDeps } from "./notification-deps.ts";
import { planNotifications } from "./plan-notifications.ts";
import { DIGEST_QUEUE, INSIGHTS_QUEUE, PLAN_TICK, WEEKLY_QUEUE } from "./queues.ts";
import { sendDigest, sendWeeklyReport } from "./send-digest.ts";

/** How often the planner looks for due detections, digests and reports. */
export const DEFAULT_PLAN_EVERY_MS = 60_000;

const isoDate = z.string().refine(isValidIsoDate, "must be a YYYY-MM-DD date");
const id = z.number().int().positive();

export const detectionPayloadSchema = z.object({
  workspaceId: id,
  date: isoDate,
  reason: z.enum(["daily", "sync", "manual"]),
  /** The sync run that started it (reason "sync"): one detection per sync, however many a day. */
  syncRunId: id.optional(),
});
export const digestPayloadSchema = z.object({ workspaceId: id, memberId: id, date: isoDate });
export type DetectionPayload = z.infer<typeof detectionPayloadSchema>;
export type DigestPayload = z.infer<typeof digestPayloadSchema>;

export function detectionKey(payload: DetectionPayload): string {
  if (payload.reason === "daily") return `insights:${payload.workspaceId}:${payload.date}`;
  const key = `insights:${payload.workspaceId}:${payload.date}:${payload.reason}`;
  return payload.reason === "sync" && payload.syncRunId !== undefined ? `${key}:${payload.syncRunId}` : key;
}

/** Registers the jobs and the planner tick on a runner (the server's or a worker's). */
export function registerNotificationJobs(runner: JobRunner, deps: NotificationDeps, planEveryMs: number = DEFAULT_PLAN_EVERY_MS): void {
  const detection = defineJob<DetectionPayload>({
    queue: INSIGHTS_QUEUE,
    payload: detectionPayloadSchema,
    keyOf: detectionKey,
    workspaceOf: (p) => p.workspaceId,
    attempts: 3,
    process: async (p) => ({ ...(await detectAndAlert(deps, p.workspaceId)) }),
  });
  const digest = defineJob<DigestPayload>({
    queue: DIGEST_QUEUE,
    payload: digestPayloadSchema,
    keyOf: (p) => `digest:${p.memberId}:${p.date}`,
    workspaceOf: (p) => p.workspaceId,
    process: async (p) => ({ ...(await sendDigest(deps, p)) }),
  });
  const weekly = defineJob<DigestPayload>({
    queue: WEEKLY_QUEUE,
    payload: digestPayloadSchema,
    keyOf: (p) => `weekly:${p.memberId}:${p.date}`,
    workspaceOf: (p) => p.workspaceId,
    process: async (p) => ({ ...(await sendWeeklyReport(deps, p)) }),
  });
  runner.register(detection);
  runner.register(digest);
  runner.register(weekly);
  // The first tick comes one interval after start, so a process that is started and stopped at once
  // (a deploy, a health check) does not begin a detection it must then wait for.
  let started = false;
  runner.every(PLAN_TICK, planEveryMs, async () => {
    if (!started) {
      started = true;
      return;
    }
    await planNotifications({ db: deps.db, clock: deps.clock, logger: deps.logger, enqueue: (queue, payload) => runner.enqueue(queue, payload) });
  });
}
