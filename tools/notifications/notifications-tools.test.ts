import { expect, it } from "vitest";
import { listFeedback } from "../../db/repositories/insight-notifications.ts";
import { getPreferences } from "../../engines/notifications/member-preferences.ts";
import { accessFor } from "../../engines/access/roles.ts";
import { describeDatabase } from "../../test/database.ts";
import { toolsByName } from "../index.ts";
import type { ToolOutcome } from "../tool-outcome.ts";
import { explainNotificationSchema, insightFeedbackSchema, NO_MEMBER, notificationPreferencesSchema } from "./contracts.ts";
import { createExplainNotificationTool } from "./explain-notification.ts";
import { createInsightFeedbackTool } from "./insight-feedback.ts";
import { nextDigestAt } from "./next-digest.ts";
import { createNotificationPreferencesTool } from "./notification-preferences.ts";
import { insertInsight, notificationsWorld, sendInsights } from "./test-support.ts";

function data<T>(outcome: ToolOutcome<T>): T {
  if (!outcome.ok) throw new Error(`tool failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}
const errorOf = (outcome: ToolOutcome) => (outcome.ok ? null : outcome.error);

it("finds the next digest in the member's time zone: today's when still ahead, else tomorrow's", () => {
  // 18:00Z is 12:00 in Mexico City.
  expect(nextDigestAt(new Date("2026-11-21T18:00:00Z"), "08:00", "America/Mexico_City")).toEqual({ at: "2026-11-22T14:00:00.000Z", date: "2026-11-22", time: "08:00" });
  expect(nextDigestAt(new Date("2026-11-21T18:00:00Z"), "19:00", "America/Mexico_City")).toEqual({ at: "2026-11-22T01:00:00.000Z", date: "2026-11-21", time: "19:00" });
  expect(nextDigestAt(new Date("2026-11-21T18:00:00Z"), "07:30", "Europe/Madrid")).toEqual({ at: "2026-11-22T06:30:00.000Z", date: "2026-11-22", time: "07:30" });
});

describeDatabase("notifications tools", ({ db }) => {
  it("show and change only the asker's own settings, with where each goes and the next digest", async () => {
    const world = await notificationsWorld(db());
    const asAna = createNotificationPreferencesTool(world.deps(world.ana));

    const shown = data(await asAna(notificationPreferencesSchema.parse({})));
    expect(shown).toMatchObject({ memberName: "Ana", requested: [], changed: [], linked: ["whatsapp", "slack"], digestChannels: ["whatsapp", "slack"], alertChannels: ["whatsapp"], timeZone: "America/Mexico_City" });
    expect(shown.nextDigest).toEqual({ at: "2026-11-22T14:00:00.000Z", date: "2026-11-22", time: "08:00" });

    // "stop the WhatsApp digest"
    const stopped = data(await asAna(notificationPreferencesSchema.parse({ digest: { channels: { mode: "remove", channels: ["whatsapp"] } } })));
    expect(stopped).toMatchObject({ requested: ["digest.channels"], changed: ["digest.channels"], digestChannels: ["slack"] });
    expect(stopped.preferences.digest.channels).toEqual(["slack", "email"]);
    // Again: already so.
    expect(data(await asAna(notificationPreferencesSchema.parse({ digest: { channels: { mode: "remove", channels: ["whatsapp"] } } }))).changed).toEqual([]);

    // "send me alerts only in Slack", "mándame el resumen a las 7", quiet hours, weekly off.
    const changed = data(
      await asAna(
        notificationPreferencesSchema.parse({ alerts: { channels: { mode: "only", channels: ["slack"] } }, digest: { time: "07:00" }, weekly: { enabled: false }, quietHours: { enabled: true, start: "23:00" } }),
      ),
    );
    expect(changed.changed).toEqual(["digest.time", "alerts.channels", "weekly.enabled", "quietHours"]);
    expect(changed).toMatchObject({ alertChannels: ["slack"], preferences: { alerts: { enabled: true, channels: ["slack"] }, weekly: { enabled: false }, quietHours: { start: "23:00", end: "07:00" } } });
    expect(changed.nextDigest).toEqual({ at: "2026-11-22T13:00:00.000Z", date: "2026-11-22", time: "07:00" });

    // Off, then a time turns it back on ("send me the digest at 7pm").
    const off = data(await asAna(notificationPreferencesSchema.parse({ digest: { enabled: false } })));
    expect(off.nextDigest).toBeNull();
    const back = data(await asAna(notificationPreferencesSchema.parse({ digest: { time: "19:00" } })));
    expect(back).toMatchObject({ requested: ["digest.time", "digest.enabled"], preferences: { digest: { enabled: true, time: "19:00" } } });
    expect(back.nextDigest?.date).toBe("2026-11-21");
    const quietOff = data(await asAna(notificationPreferencesSchema.parse({ quietHours: { enabled: false } })));
    expect(quietOff.preferences.quietHours).toBeNull();

    // Stored for Ana only.
    expect((await getPreferences(db(), world.workspace.id, world.ana.id)).digest).toEqual({ enabled: true, time: "19:00", channels: ["slack", "email"] });
    expect((await getPreferences(db(), world.workspace.id, world.beto.id)).digest.time).toBe("08:00");
  });

  it("lets viewers change their own settings through the guarded tools, and tells the terminal it has no member", async () => {
    const world = await notificationsWorld(db());
    const viewer = toolsByName(world.deps(world.beto, "email", accessFor("viewer", {})));
    const outcome: unknown = JSON.parse(String(await viewer.notification_preferences.invoke({ alerts: { enabled: false } })));
    expect(outcome).toMatchObject({ ok: true, tool: "notification_preferences", data: { memberName: "Beto", changed: ["alerts.enabled"], digestChannels: ["email"], alertChannels: ["email"] } });
    expect((await getPreferences(db(), world.workspace.id, world.beto.id)).alerts.enabled).toBe(false);

    const terminal = world.deps(null);
    for (const outcome of [
      await createNotificationPreferencesTool(terminal)(notificationPreferencesSchema.parse({})),
      await createExplainNotificationTool(terminal)(explainNotificationSchema.parse({})),
      await createInsightFeedbackTool(terminal)(insightFeedbackSchema.parse({ verdict: "not_useful" })),
    ]) {
      expect(errorOf(outcome)).toEqual({ code: "invalid_request", message: NO_MEMBER });
    }
  });

  it("explains the last insight sent to the asker: the digest's best one on this channel, or a critical alert", async () => {
    const world = await notificationsWorld(db());
    const explain = (channel: string, insightId: number | null = null) => createExplainNotificationTool(world.deps(world.ana, channel))(explainNotificationSchema.parse({ insightId }));
    expect(errorOf(await explain("whatsapp"))?.code).toBe("no_data");

    const top = await insertInsight(db(), world.workspace.id, { fingerprint: "remera", score: 90 });
    const second = await insertInsight(db(), world.workspace.id, { fingerprint: "buzo", score: 40, type: "overstock", evidence: { note: "unreadable for its type" } });
    const alert = await insertInsight(db(), world.workspace.id, { fingerprint: "sync", score: 10, severity: "critical", type: "sync_failed", impactCents: null });
    await sendInsights(db(), world.workspace.id, world.ana.id, "digest", "whatsapp", [second, top], "digest:ana:2026-11-21:whatsapp");
    await sendInsights(db(), world.workspace.id, world.ana.id, "alert", "slack", [alert], "alert:sync:ana:slack");

    const onWhatsApp = data(await explain("whatsapp"));
    expect(onWhatsApp).toMatchObject({ insight: { id: top, type: "stockout_risk", impactCents: 2593500, evidence: { title: "Remera Básica" } }, sent: { kind: "digest", channel: "whatsapp" }, because: { kind: "digest", rank: 1, of: 2 }, feedback: null });
    expect(data(await explain("whatsapp", second)).because).toEqual({ kind: "digest", rank: 2, of: 2 });
    // On Slack, or from the terminal-less web channel (any channel): the latest, the critical alert.
    expect(data(await explain("slack"))).toMatchObject({ insight: { id: alert }, because: { kind: "alert", critical: true } });
    expect(data(await explain("web")).insight.id).toBe(alert);
    expect(errorOf(await explain("whatsapp", 99999))?.code).toBe("not_found");
    // Beto was sent nothing.
    expect(errorOf(await createExplainNotificationTool(world.deps(world.beto, "email"))(explainNotificationSchema.parse({})))?.code).toBe("no_data");
  });

  it("records feedback on the last notified insight, or the one named, with its type and subject", async () => {
    const world = await notificationsWorld(db());
    const insight = await insertInsight(db(), world.workspace.id, { fingerprint: "remera", score: 90 });
    const other = await insertInsight(db(), world.workspace.id, { fingerprint: "gorra", score: 20 });
    const feedback = createInsightFeedbackTool(world.deps(world.ana, "whatsapp"));
    expect(errorOf(await feedback(insightFeedbackSchema.parse({ verdict: "not_useful" })))?.code).toBe("no_data");
    await sendInsights(db(), world.workspace.id, world.ana.id, "digest", "whatsapp", [insight, other], "digest:ana:2026-11-21:whatsapp");

    expect(data(await feedback(insightFeedbackSchema.parse({ verdict: "not_useful" })))).toMatchObject({ verdict: "not_useful", insight: { id: insight, subject: "product:remera" } });
    expect(data(await feedback(insightFeedbackSchema.parse({ verdict: "useful", insightId: other }))).insight.id).toBe(other);
    const saved = await listFeedback(db(), world.workspace.id, { memberId: world.ana.id });
    expect(saved.map((row) => [row.insight_id, row.insight_type, row.subject, row.verdict])).toEqual([
      [other, "stockout_risk", "product:gorra", "useful"],
      [insight, "stockout_risk", "product:remera", "not_useful"],
    ]);
    // The explanation now carries the verdict.
    expect(data(await createExplainNotificationTool(world.deps(world.ana, "whatsapp"))(explainNotificationSchema.parse({}))).feedback).toBe("not_useful");
  });
});
