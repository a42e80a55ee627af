/** Test data for the notifications tools: a workspace with two members on their channels, and insights sent to them. */
import type { Db } from "../../db/database.ts";
import { recordNotification } from "../../db/repositories/insight-notifications.ts";
import { createMember, linkIdentity } from "../../db/repositories/members.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import type { Member, Workspace } from "../../db/schema/core.ts";
import type { NotificationKind } from "../../db/schema/notifications.ts";
import type { InsightSeverity } from "../../db/schema/operations.ts";
import { OWNER_ACCESS, type TurnAccess } from "../../engines/access/roles.ts";
import { listOnlyApprovalSink } from "../../engines/approvals/approval-requests.ts";
import { fixedClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import type { ToolDeps } from "../tool-contract.ts";
import { LexicalEmbedder } from "../../memory/embeddings/lexical-embedder.ts";

export const NOW = "2026-11-21T18:00:00Z";

/** A stockout of a top seller, as the detector stores it (engines/insights/evidence.ts). */
export const STOCKOUT_EVIDENCE = {
  productId: 42,
  title: "Remera Básica",
  currency: "MXN",
  salesRank: 2,
  outOfStock: true,
  outOfStockSince: "2026-11-19",
  onHand: 0,
  variantIds: [1, 2],
  dailyDemand: 6.5,
  daysOfStock: 0,
  projectedStockoutDate: null,
  leadTimeDays: 10,
  unitsSoldLast30Days: 195,
  priceCents: 39900,
  lostSalesPerDayCents: 259350,
  daysWithoutStock: 10,
};

export interface NotificationsWorld {
  readonly workspace: Workspace;
  /** Owner on WhatsApp and Slack. */
  readonly ana: Member;
  /** Viewer on email only. */
  readonly beto: Member;
  deps(member: Member | null, channel?: string, access?: TurnAccess): ToolDeps;
}

export async function notificationsWorld(db: Db): Promise<NotificationsWorld> {
  const workspace = await createWorkspace(db, { name: "Moda Norte", slug: "moda", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
  const ana = await createMember(db, { workspaceId: workspace.id, name: "Ana", role: "owner", language: "es" });
  const beto = await createMember(db, { workspaceId: workspace.id, name: "Beto", role: "viewer", language: "en" });
  await linkIdentity(db, { workspaceId: workspace.id, memberId: ana.id, channel: "whatsapp", address: "+5215512345678" });
  await linkIdentity(db, { workspaceId: workspace.id, memberId: ana.id, channel: "slack", address: "U0ANA1" });
  await linkIdentity(db, { workspaceId: workspace.id, memberId: beto.id, channel: "email", address: "beto@example.com" });
  return {
    workspace,
    ana,
    beto,
    deps: (member, channel = "whatsapp", access = OWNER_ACCESS) => ({
      db,
      workspace,
      access,
      actor: { memberId: member?.id ?? null, channel: member === null ? "cli" : channel },
      approvals: listOnlyApprovalSink(db),
      clock: fixedClock(NOW),
      logger: silentLogger,
      embedder: new LexicalEmbedder(),
    }),
  };
}

export interface InsightFields {
  readonly fingerprint: string;
  readonly type?: string;
  readonly severity?: InsightSeverity;
  readonly score: number;
  readonly impactCents?: number | null;
  readonly evidence?: Readonly<Record<string, unknown>>;
}

export async function insertInsight(db: Db, workspaceId: number, fields: InsightFields): Promise<number> {
  const row = await db
    .insertInto("insights")
    .values({
      workspace_id: workspaceId,
      type: fields.type ?? "stockout_risk",
      severity: fields.severity ?? "warning",
      fingerprint: fields.fingerprint,
      subject: `product:${fields.fingerprint}`,
      title: `Stockout of ${fields.fingerprint}`,
      summary: "A top seller is out of stock.",
      impact_cents: fields.impactCents === undefined ? 2593500 : fields.impactCents,
      confidence: 0.9,
      score: fields.score,
      evidence: JSON.stringify(fields.evidence ?? STOCKOUT_EVIDENCE),
      action: JSON.stringify({ kind: "question", question: { en: "What should I reorder?", es: "¿Qué debo reponer?", pt: "O que devo repor?" } }),
      first_seen_at: new Date("2026-11-19T12:00:00Z"),
      last_seen_at: new Date("2026-11-21T12:00:00Z"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sends insights to a member in one message (an outbox row), recording each notification. */
export async function sendInsights(db: Db, workspaceId: number, memberId: number, kind: NotificationKind, channel: "slack" | "whatsapp" | "email", insightIds: readonly number[], key: string): Promise<number> {
  const outbox = await db
    .insertInto("outbox")
    .values({ workspace_id: workspaceId, member_id: memberId, channel, recipient: "+5215512345678", kind: "proactive", payload: JSON.stringify({}), idempotency_key: key })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const insightId of insightIds) {
    const insight = await db.selectFrom("insights").select("severity").where("id", "=", insightId).executeTakeFirstOrThrow();
    await recordNotification(db, { workspaceId, insightId, memberId, kind, channel, outboxId: outbox.id, severity: insight.severity });
  }
  return outbox.id;
}
