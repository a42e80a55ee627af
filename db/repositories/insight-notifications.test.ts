import { expect, it } from "vitest";
import { describeDatabase } from "../../test/database.ts";
import type { Db } from "../database.ts";
import type { InsightSeverity } from "../schema/operations.ts";
import { lastNotifiedInsight, listFeedback, recordFeedback, recordNotification, recordNotifications } from "./insight-notifications.ts";
import { createMember } from "./members.ts";
import { createWorkspace } from "./workspaces.ts";

async function insertInsight(db: Db, workspaceId: number, fingerprint: string, score: number, severity: InsightSeverity = "warning"): Promise<number> {
  const row = await db
    .insertInto("insights")
    .values({
      workspace_id: workspaceId,
      type: "stockout_risk",
      severity,
      fingerprint,
      subject: `product:${fingerprint}`,
      title: `Stockout ${fingerprint}`,
      summary: "",
      impact_cents: Math.round(score * 100),
      score,
      evidence: JSON.stringify({ title: fingerprint }),
      first_seen_at: new Date("2026-11-20T12:00:00Z"),
      last_seen_at: new Date("2026-11-21T12:00:00Z"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

describeDatabase("insight notifications repository", ({ db }) => {
  async function setUp() {
    const tienda = await createWorkspace(db(), { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City" });
    const otra = await createWorkspace(db(), { name: "Otra", slug: "otra", currency: "MXN", timezone: "America/Mexico_City" });
    const ana = await createMember(db(), { workspaceId: tienda.id, name: "Ana", role: "owner", language: "es" });
    const beto = await createMember(db(), { workspaceId: tienda.id, name: "Beto", role: "viewer", language: "es" });
    return { tienda, otra, ana, beto };
  }
  const outbox = async (workspaceId: number, memberId: number, channel: "slack" | "whatsapp", key: string) =>
    (
      await db()
        .insertInto("outbox")
        .values({ workspace_id: workspaceId, member_id: memberId, channel, recipient: channel === "slack" ? "D0ANA" : "+5215512345678", kind: "proactive", payload: JSON.stringify({}), idempotency_key: key })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;

  it("records a notification once per insight, member, kind, channel and severity", async () => {
    const { tienda, ana } = await setUp();
    const insight = await insertInsight(db(), tienda.id, "a", 10);
    const base = { workspaceId: tienda.id, insightId: insight, memberId: ana.id, kind: "alert", channel: "slack", outboxId: null, severity: "warning" } as const;
    expect(await recordNotification(db(), base)).toBe(true);
    expect(await recordNotification(db(), base)).toBe(false);
    expect(await recordNotification(db(), { ...base, channel: "whatsapp" })).toBe(true);
    // Escalated to critical: told again.
    expect(await recordNotification(db(), { ...base, severity: "critical" })).toBe(true);
    expect(await recordNotification(db(), { ...base, kind: "digest" })).toBe(true);
    expect(await db().selectFrom("insight_notifications").select("id").execute()).toHaveLength(4);
  });

  it("records the insights of one message in one call, counting only the new ones", async () => {
    const { tienda, ana } = await setUp();
    const a = await insertInsight(db(), tienda.id, "a", 10);
    const b = await insertInsight(db(), tienda.id, "b", 20);
    const message = await outbox(tienda.id, ana.id, "slack", "digest-batch");
    const record = (insightId: number) => ({ workspaceId: tienda.id, insightId, memberId: ana.id, kind: "digest", channel: "slack", outboxId: message, severity: "warning" }) as const;
    expect(await recordNotifications(db(), [])).toBe(0);
    expect(await recordNotification(db(), record(a))).toBe(true);
    expect(await recordNotifications(db(), [record(a), record(b)])).toBe(1);
    const rows = await db().selectFrom("insight_notifications").select(["insight_id", "outbox_id"]).orderBy("insight_id").execute();
    expect(rows.map((r) => [Number(r.insight_id), Number(r.outbox_id)])).toEqual([
      [a, message],
      [b, message],
    ]);
  });

  it("finds the member's last notified insight: the digest's best one, per channel, or a named one", async () => {
    const { tienda, otra, ana, beto } = await setUp();
    expect(await lastNotifiedInsight(db(), tienda.id, ana.id)).toBeNull();
    const low = await insertInsight(db(), tienda.id, "low", 5);
    const high = await insertInsight(db(), tienda.id, "high", 50);
    const mid = await insertInsight(db(), tienda.id, "mid", 20, "critical");
    const alertOutbox = await outbox(tienda.id, ana.id, "whatsapp", "alert-1");
    await recordNotification(db(), { workspaceId: tienda.id, insightId: mid, memberId: ana.id, kind: "alert", channel: "whatsapp", outboxId: alertOutbox, severity: "critical" });
    const digest = await outbox(tienda.id, ana.id, "slack", "digest-1");
    for (const insightId of [low, high, mid]) {
      await recordNotification(db(), { workspaceId: tienda.id, insightId, memberId: ana.id, kind: "digest", channel: "slack", outboxId: digest, severity: insightId === mid ? "critical" : "warning" });
    }

    const last = await lastNotifiedInsight(db(), tienda.id, ana.id);
    expect(last).toMatchObject({ notification: { kind: "digest", channel: "slack", outbox_id: digest }, insight: { id: high, title: "Stockout high" }, rank: 1, messageInsights: 3 });
    expect(last?.insight.evidence).toEqual({ title: "high" });
    expect(last?.notification.created_at).toBeInstanceOf(Date);
    const named = await lastNotifiedInsight(db(), tienda.id, ana.id, { insightId: low });
    expect(named).toMatchObject({ insight: { id: low }, rank: 3, messageInsights: 3 });
    const onWhatsApp = await lastNotifiedInsight(db(), tienda.id, ana.id, { channel: "whatsapp" });
    expect(onWhatsApp).toMatchObject({ notification: { kind: "alert", severity: "critical" }, insight: { id: mid }, rank: 1, messageInsights: 1 });
    expect(await lastNotifiedInsight(db(), tienda.id, ana.id, { channel: "email" })).toBeNull();
    expect(await lastNotifiedInsight(db(), tienda.id, beto.id)).toBeNull();
    expect(await lastNotifiedInsight(db(), otra.id, ana.id)).toBeNull();
  });

  it("records feedback and lists it per member, newest first", async () => {
    const { tienda, otra, ana, beto } = await setUp();
    const insight = await insertInsight(db(), tienda.id, "a", 10);
    const saved = await recordFeedback(db(), { workspaceId: tienda.id, memberId: ana.id, insightId: insight, insightType: "stockout_risk", subject: "product:a", verdict: "not_useful" });
    expect(saved).toMatchObject({ workspace_id: tienda.id, member_id: ana.id, insight_id: insight, insight_type: "stockout_risk", subject: "product:a", verdict: "not_useful" });
    await recordFeedback(db(), { workspaceId: tienda.id, memberId: beto.id, insightId: null, insightType: "overstock", subject: "", verdict: "useful" });
    expect((await listFeedback(db(), tienda.id)).map((row) => row.verdict)).toEqual(["useful", "not_useful"]);
    expect((await listFeedback(db(), tienda.id, { memberId: ana.id })).map((row) => row.insight_id)).toEqual([insight]);
    expect(await listFeedback(db(), otra.id)).toEqual([]);
  });
});
