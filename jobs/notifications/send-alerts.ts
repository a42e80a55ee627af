/**
 * Real-time alerts: each urgent insight goes to the members who act on it (owners and admins;
 * analysts too for analytics and marketing findings; never viewers), on their alert channels (by
 * default the one they last wrote from), once per insight and severity — an ongoing problem is not
 * re-sent every day, but one that becomes critical is. Outside critical, quiet hours hold the alert
 * until they end (the outbox row waits until then).
 */
import { alertMessage } from "../../channels/notifications/alert-message.ts";
import { proactiveDestination } from "../../channels/outbound/proactive-destination.ts";
import { getPreferences } from "../../engines/notifications/member-preferences.ts";
import { listMembers } from "../../db/repositories/members.ts";
import type { Member, Role, Workspace } from "../../db/schema/core.ts";
import type { Insight } from "../../db/schema/operations.ts";
import { isInsightType, type InsightType } from "../../engines/insights/types.ts";
import { memberTimeZone, quietHoursEnd } from "../../engines/notifications/schedule.ts";
import { assertNever } from "../../lib/assert-never.ts";
import { enqueueInsightMessage } from "./enqueue-insight-message.ts";
import { memberReach, pickForAlerts } from "./member-reach.ts";
import type { NotificationDeps } from "./notification-deps.ts";

/** Whether a member with this role is told about this kind of insight right away. */
export function alertsRole(role: Role, type: InsightType): boolean {
  switch (role) {
    case "owner":
    case "admin":
      return true;
    case "analyst":
      return type !== "pricing_opportunity" && type !== "competitor_undercut" && type !== "sync_failed";
    case "viewer":
      return false;
    default:
      return assertNever(role, "role");
  }
}

export interface AlertOutcome {
  /** Outbox rows created now. */
  readonly sent: number;
  /** Of those, held until quiet hours end. */
  readonly held: number;
  /** Already sent for this insight and severity. */
  readonly repeats: number;
}

export async function sendAlerts(deps: NotificationDeps, workspace: Workspace, insights: readonly Insight[]): Promise<AlertOutcome> {
  const { db, clock } = deps;
  if (insights.length === 0) return { sent: 0, held: 0, repeats: 0 };
  const members = await listMembers(db, workspace.id);
  const reach = await memberReach(db, workspace.id, members.map((m) => m.id), deps.channels);
  const now = clock.now();
  const created: number[] = [];
  let held = 0;
  let repeats = 0;
  for (const insight of insights) {
    if (!isInsightType(insight.type)) continue;
    const type = insight.type;
    for (const member of members.filter((m: Member) => alertsRole(m.role, type))) {
      const preferences = await getPreferences(db, workspace.id, member.id);
      if (!preferences.alerts.enabled) continue;
      const reachable = reach.get(member.id) ?? [];
      const targets = pickForAlerts(reachable, preferences.alerts.channels);
      const timeZone = memberTimeZone(preferences, workspace.timezone);
      const notBefore = insight.severity === "critical" ? now : quietHoursEnd(preferences, now, timeZone);
      const message = alertMessage(insight, { language: member.language, currency: workspace.currency, timeZone }, deps.describe);
      for (const target of targets) {
        const destination = await proactiveDestination(db, { workspaceId: workspace.id, memberId: member.id, channel: target.channel, address: target.address }, { whatsappTransport: deps.whatsappTransport, at: now });
        const outcome = await enqueueInsightMessage(db, {
          workspaceId: workspace.id,
          memberId: member.id,
          kind: "alert",
          channel: target.channel,
          destination,
          message,
          idempotencyKey: `alert:${insight.id}:${insight.severity}:${member.id}:${target.channel}`,
          notBefore,
          insights: [insight],
        });
        if (!outcome.created) {
          repeats += 1;
          continue;
        }
        created.push(outcome.id);
        if (notBefore > now) held += 1;
      }
    }
  }
  if (created.length > 0) await deps.scheduler.schedule(created);
  deps.logger.info("alerts", { workspace: workspace.slug, insights: insights.length, sent: created.length, held, repeats });
  return { sent: created.length, held, repeats };
}
