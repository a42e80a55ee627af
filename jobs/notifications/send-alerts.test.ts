import { expect, it } from "vitest";
import { createMember, linkIdentity } from "../../db/repositories/members.ts";
import type { Insight } from "../../db/schema/operations.ts";
import { updatePreferences } from "../../engines/notifications/member-preferences.ts";
import { fixedClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { describeDatabase } from "../../test/database.ts";
import { seedMetricsStore } from "../../test/fixtures/metrics-store.ts";
import { sendAlerts } from "./send-alerts.ts";

describeDatabase("real-time alerts", ({ db }) => {
  it("hold non-critical alerts through quiet hours, send critical ones at once, to the right people, once per severity", async () => {
    const { store } = await seedMetricsStore(db()); // America/Mexico_City, UTC−6
    const ana = await createMember(db(), { workspaceId: store.id, name: "Ana", role: "owner", language: "es" });
    const vic = await createMember(db(), { workspaceId: store.id, name: "Vic", role: "viewer", language: "en" });
    const leo = await createMember(db(), { workspaceId: store.id, name: "Leo", role: "analyst", language: "pt" });
    await linkIdentity(db(), { workspaceId: store.id, memberId: ana.id, channel: "whatsapp", address: "+5215512345678" });
    await linkIdentity(db(), { workspaceId: store.id, memberId: ana.id, channel: "slack", address: "U0ANA0001" });
    await linkIdentity(db(), { workspaceId: store.id, memberId: vic.id, channel: "slack", address: "U0VIC0001" });
    await linkIdentity(db(), { workspaceId: store.id, memberId: leo.id, channel: "email", address: "leo@loja.br" });
    // Ana wants alerts only in Slack.
    await updatePreferences(db(), store.id, ana.id, { alerts: { channels: ["slack"] } });

    const insert = (type: string, severity: Insight["severity"]) =>
      db()
        .insertInto("insights")
        .values({ workspace_id: store.id, type, severity, fingerprint: `${type}:x`, subject: "product:1", title: type, summary: type, impact_cents: 100_000, evidence: "{}", first_seen_at: new Date(), last_seen_at: new Date() })
        .returningAll()
        .executeTakeFirstOrThrow();
    const undercut = await insert("competitor_undercut", "warning");
    const drop = await insert("metric_anomaly", "critical");

    // 22:30 in Mexico City: quiet hours (22:00–07:00) by default.
    const now = new Date("2026-11-21T04:30:00Z");
    const scheduled: number[] = [];
    const deps = {
      db: db(),
      clock: fixedClock(now),
      logger: silentLogger,
      scheduler: { schedule: (ids: readonly number[]) => Promise.resolve(void scheduled.push(...ids)) },
      channels: new Set(["slack", "whatsapp", "email"] as const),
      whatsappTransport: "cloud" as const,
      describe: () => ({ title: "t", explanation: "e", action: "a" }),
    };
    const first = await sendAlerts(deps, store, [undercut, drop]);
    const rows = await db().selectFrom("outbox").select(["idempotency_key", "member_id", "channel", "next_attempt_at"]).where("idempotency_key", "like", "alert:%").orderBy("idempotency_key").execute();
    // Ana (owner) gets both in Slack; Leo (analyst) only the sales drop, by email; the viewer nothing.
    expect(rows.map((r) => [r.member_id, r.channel, r.idempotency_key.split(":")[2]])).toEqual(
      expect.arrayContaining([
        [ana.id, "slack", "warning"],
        [ana.id, "slack", "critical"],
        [leo.id, "email", "critical"],
      ]),
    );
    expect(rows).toHaveLength(3);
    // The critical ones go now; the warning waits for 07:00 in Mexico City (13:00 UTC).
    for (const row of rows) {
      const expected = row.idempotency_key.includes(":critical:") ? now : new Date("2026-11-21T13:00:00Z");
      expect(row.next_attempt_at.toISOString()).toBe(expected.toISOString());
    }
    expect(first).toEqual({ sent: 3, held: 1, repeats: 0 });
    expect(scheduled).toHaveLength(3);

    // The next detection finds the same problems: nothing is sent again.
    expect(await sendAlerts(deps, store, [undercut, drop])).toEqual({ sent: 0, held: 0, repeats: 3 });
  });
});
