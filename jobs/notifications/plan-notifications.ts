/**
 * The planner tick (every minute): for each workspace, the day's insight detection as soon as its
 * local day starts; then, once that detection has run, each member's digest when their digest time
 * comes (in their time zone) and the weekly report on the week's first day. Everything is enqueued
 * under its idempotency key, so planning again — the next minute, another worker, after a restart —
 * adds nothing that exists, and a job that is done is never run again.
 */
import type { Db } from "../../db/database.ts";
import { findJobRun } from "../../db/repositories/job-runs.ts";
import { listPreferences } from "../../engines/notifications/member-preferences.ts";
import { listMembers } from "../../db/repositories/members.ts";
import { listWorkspaces } from "../../db/repositories/workspaces.ts";
import { DEFAULT_PREFERENCES } from "../../engines/notifications/preferences.ts";
import { dueDigestDate, dueWeeklyStart, localMoment, memberTimeZone } from "../../engines/notifications/schedule.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { EnqueueResult } from "../runtime/job-runner.ts";
import type { JobPayload } from "../runtime/job-definition.ts";
import { DIGEST_QUEUE, INSIGHTS_QUEUE, WEEKLY_QUEUE } from "./queues.ts";

export interface PlanDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  enqueue(queue: string, payload: JobPayload): Promise<EnqueueResult>;
}

export interface PlanOutcome {
  readonly detections: number;
  readonly digests: number;
  readonly weeklies: number;
}

/** Detection must have finished (or given up) before the day's digests, so they carry today's insights. */
const DETECTION_SETTLED = new Set(["done", "dead"]);

export async function planNotifications(deps: PlanDeps): Promise<PlanOutcome> {
  const { db, clock } = deps;
  const now = clock.now();
  let detections = 0;
  let digests = 0;
  let weeklies = 0;
  for (const workspace of await listWorkspaces(db)) {
    const today = localMoment(now, workspace.timezone).date;
    const detection = await deps.enqueue(INSIGHTS_QUEUE, { workspaceId: workspace.id, date: today, reason: "daily" });
    if (detection.created) detections += 1;
    if (!DETECTION_SETTLED.has(detection.status)) {
      const run = await findJobRun(db, workspace.id, detection.key);
      if (!run || !DETECTION_SETTLED.has(run.status)) continue;
    }
    const preferences = await listPreferences(db, workspace.id);
    for (const member of await listMembers(db, workspace.id)) {
      const mine = preferences.get(member.id) ?? DEFAULT_PREFERENCES;
      const timeZone = memberTimeZone(mine, workspace.timezone);
      const digestDate = dueDigestDate(mine, now, timeZone);
      if (digestDate !== null && (await deps.enqueue(DIGEST_QUEUE, { workspaceId: workspace.id, memberId: member.id, date: digestDate })).created) digests += 1;
      const weekStart = dueWeeklyStart(mine, now, timeZone, workspace.week_start);
      if (weekStart !== null && (await deps.enqueue(WEEKLY_QUEUE, { workspaceId: workspace.id, memberId: member.id, date: weekStart })).created) weeklies += 1;
    }
  }
  if (detections + digests + weeklies > 0) deps.logger.info("planned", { detections, digests, weeklies });
  return { detections, digests, weeklies };
}
