/**
 * The daily digest and the weekly report for one member: the facts from the engines, rendered for
 * each channel the member gets them on, each put in the outbox under its own key
 * (digest:{member}:{date}:{channel}). Running it again — a retry, a worker that died halfway, a
 * repeat of the day's run — adds only what is missing, so each channel gets it exactly once.
 */
import { renderDigest } from "../../channels/digest/render-digest.ts";
import { renderWeekly } from "../../channels/digest/render-weekly.ts";
import type { DigestChannel } from "../../channels/digest/digest-parts.ts";
import type { OutboundMessage } from "../../channels/outbound/outbound-message.ts";
import { proactiveDestination } from "../../channels/outbound/proactive-destination.ts";
import type { Destination } from "../../channels/outbound/recipients.ts";
import { listRankedInsights } from "../../db/repositories/insights.ts";
import { getPreferences } from "../../engines/notifications/member-preferences.ts";
import { listMembers } from "../../db/repositories/members.ts";
import { findWorkspaceById } from "../../db/repositories/workspaces.ts";
import { inTransaction } from "../../db/database.ts";
import type { IdentityChannel, Member, Workspace } from "../../db/schema/core.ts";
import type { Insight } from "../../db/schema/operations.ts";
import type { NotificationKind } from "../../db/schema/notifications.ts";
import { canApprove } from "../../engines/access/roles.ts";
import { composeDigestFacts } from "../../engines/digest/digest-facts.ts";
import { MAX_DIGEST_INSIGHTS } from "../../engines/digest/types.ts";
import { composeWeeklyFacts } from "../../engines/digest/weekly-facts.ts";
import { memberTimeZone } from "../../engines/notifications/schedule.ts";
import type { NotificationPreferences } from "../../engines/notifications/preferences.ts";
import type { IsoDate } from "../../lib/calendar-date.ts";
import { PermanentJobError } from "../runtime/job-definition.ts";
import { enqueueInsightMessage } from "./enqueue-insight-message.ts";
import { memberReach, pick, type Reach } from "./member-reach.ts";
import type { NotificationDeps } from "./notification-deps.ts";

export interface DigestRequest {
  readonly workspaceId: number;
  readonly memberId: number;
  /** Digest: the member's local day it is for (it reports the day before). Weekly: the first day of the week reported. */
  readonly date: IsoDate;
}

export type DigestOutcome =
  | { readonly status: "sent"; readonly channels: readonly DigestChannel[]; readonly created: number; readonly insights: number }
  | { readonly status: "skipped"; readonly reason: "digest_off" | "weekly_off" | "unreachable" };

interface Recipient {
  readonly workspace: Workspace;
  readonly member: Member;
  readonly preferences: NotificationPreferences;
  readonly timeZone: string;
}

async function recipient(deps: NotificationDeps, request: DigestRequest): Promise<Recipient> {
  const workspace = await findWorkspaceById(deps.db, request.workspaceId);
  if (!workspace) throw new PermanentJobError(`workspace ${request.workspaceId} no longer exists`);
  const member = (await listMembers(deps.db, workspace.id)).find((m) => m.id === request.memberId);
  if (!member) throw new PermanentJobError(`member ${request.memberId} is not in workspace ${workspace.slug}`);
  const preferences = await getPreferences(deps.db, workspace.id, member.id);
  return { workspace, member, preferences, timeZone: memberTimeZone(preferences, workspace.timezone) };
}

type Target = Reach;

async function targetsOf(deps: NotificationDeps, to: Recipient, channels: readonly IdentityChannel[] | null): Promise<Target[]> {
  return pick((await memberReach(deps.db, to.workspace.id, [to.member.id], deps.channels)).get(to.member.id) ?? [], channels);
}

const outboxKey = (kind: NotificationKind, memberId: number, date: IsoDate, channel: IdentityChannel) => `${kind}:${memberId}:${date}:${channel}`;

/** True when every target already has its message in the outbox (a repeat): nothing to compose. */
async function alreadyQueued(deps: NotificationDeps, to: Recipient, kind: NotificationKind, date: IsoDate, targets: readonly Target[]): Promise<boolean> {
  const keys = targets.map((target) => outboxKey(kind, to.member.id, date, target.channel));
  const found = await deps.db.selectFrom("outbox").select("idempotency_key").where("workspace_id", "=", to.workspace.id).where("idempotency_key", "in", keys).execute();
  return found.length === keys.length;
}

async function deliver(
  deps: NotificationDeps,
  to: Recipient,
  kind: NotificationKind,
  date: IsoDate,
  targets: readonly Target[],
  insights: readonly Insight[],
  render: (channel: DigestChannel) => OutboundMessage,
): Promise<DigestOutcome> {
  const { db, clock } = deps;
  const { workspace, member } = to;
  const now = clock.now();
  const messages: { readonly target: Target; readonly destination: Destination; readonly message: OutboundMessage }[] = [];
  for (const target of targets) {
    const destination = await proactiveDestination(db, { workspaceId: workspace.id, memberId: member.id, channel: target.channel, address: target.address }, { whatsappTransport: deps.whatsappTransport, at: now });
    messages.push({ target, destination, message: render(target.channel) });
  }
  // Every channel's message in one transaction, then handed to delivery together: a crash before
  // the commit leaves nothing (the retry composes again), one after it loses nothing (the rows are
  // there and the delivery sweep finds any not handed over) and repeats nothing (their keys).
  const rows = await inTransaction(db, async (trx) => {
    const out: { readonly id: number; readonly created: boolean }[] = [];
    for (const { target, destination, message } of messages) {
      out.push(
        await enqueueInsightMessage(trx, {
          workspaceId: workspace.id,
          memberId: member.id,
          kind,
          channel: target.channel,
          destination,
          message,
          idempotencyKey: outboxKey(kind, member.id, date, target.channel),
          notBefore: now,
          insights,
        }),
      );
    }
    return out;
  });
  const created = rows.filter((row) => row.created).map((row) => row.id);
  if (created.length > 0) await deps.scheduler.schedule(created);
  return { status: "sent", channels: targets.map((t) => t.channel), created: created.length, insights: insights.length };
}

function renderContext(deps: NotificationDeps, to: Recipient, channel: DigestChannel) {
  const { workspace, member, timeZone } = to;
  return {
    channel,
    language: member.language,
    currency: workspace.currency,
    timeZone,
    canApprove: canApprove(member.role),
    describeInsight: (insight: Insight, language: Member["language"]) => deps.describe(insight, { language, currency: workspace.currency, timeZone }),
  };
}

/** Composes and enqueues one member's daily digest for `date` on each of their digest channels. */
export async function sendDigest(deps: NotificationDeps, request: DigestRequest): Promise<DigestOutcome> {
  const to = await recipient(deps, request);
  if (!to.preferences.digest.enabled) return { status: "skipped", reason: "digest_off" };
  const targets = await targetsOf(deps, to, to.preferences.digest.channels);
  if (targets.length === 0) return { status: "skipped", reason: "unreachable" };
  if (await alreadyQueued(deps, to, "digest", request.date, targets)) return { status: "sent", channels: targets.map((t) => t.channel), created: 0, insights: 0 };
  const insights = await listRankedInsights(deps.db, to.workspace.id, { memberId: to.member.id, limit: MAX_DIGEST_INSIGHTS });
  const metrics = await deps.digestMetrics?.get(deps.db, to.workspace, request.date, deps.clock);
  const facts = await composeDigestFacts(deps.db, { workspace: to.workspace, date: request.date, clock: deps.clock, insights, ...(metrics ? { metrics } : {}) });
  const shown = facts.insights.map((fact) => fact.insight);
  return deliver(deps, to, "digest", request.date, targets, shown, (channel) => renderDigest(facts, renderContext(deps, to, channel)));
}

/** Composes and enqueues one member's weekly report for the week starting `date`, on their digest channels. */
export async function sendWeeklyReport(deps: NotificationDeps, request: DigestRequest): Promise<DigestOutcome> {
  const to = await recipient(deps, request);
  if (!to.preferences.weekly.enabled) return { status: "skipped", reason: "weekly_off" };
  const targets = await targetsOf(deps, to, to.preferences.digest.channels);
  if (targets.length === 0) return { status: "skipped", reason: "unreachable" };
  if (await alreadyQueued(deps, to, "weekly", request.date, targets)) return { status: "sent", channels: targets.map((t) => t.channel), created: 0, insights: 0 };
  const insights = await listRankedInsights(deps.db, to.workspace.id, { memberId: to.member.id, limit: MAX_DIGEST_INSIGHTS });
  const facts = await composeWeeklyFacts(deps.db, { workspace: to.workspace, weekStart: request.date, clock: deps.clock, insights });
  const shown = facts.insights.map((fact) => fact.insight);
  return deliver(deps, to, "weekly", request.date, targets, shown, (channel) => renderWeekly(facts, renderContext(deps, to, channel)));
}
