import { expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { listRankedInsights, upsertInsights } from "../../db/repositories/insights.ts";
import { listMembers } from "../../db/repositories/members.ts";
import { findWorkspaceBySlug } from "../../db/repositories/workspaces.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { seedDemo, type CompetitorUndercutEvent, type ConversionDropEvent, type DemoManifest, type StockoutEvent } from "../../demo/index.ts";
import { fixedClock } from "../../lib/clock.ts";
import { describeDatabase } from "../../test/database.ts";
import { detectInsights } from "./detect-insights.ts";
import { competitorUndercutEvidence, metricAnomalyEvidence, stockoutRiskEvidence } from "./evidence.ts";

const END = "2026-11-21";
const clock = fixedClock(`${END}T18:00:00Z`);
const nextDay = fixedClock("2026-11-22T18:00:00Z");

function planted(manifest: DemoManifest, slug: string) {
  const events = manifest.planted.filter((e) => e.workspace === slug);
  return {
    drop: events.find((e): e is ConversionDropEvent => e.kind === "conversion_drop")!,
    stockout: events.find((e): e is StockoutEvent => e.kind === "stockout")!,
    undercut: events.find((e): e is CompetitorUndercutEvent => e.kind === "competitor_undercut")!,
  };
}

async function workspace(db: Db, slug: string): Promise<Workspace> {
  const found = await findWorkspaceBySlug(db, slug);
  if (!found) throw new Error(`no workspace ${slug}`);
  return found;
}

describeDatabase("insight detection on the demo", ({ db }) => {
  it("finds the planted events first with the manifest's numbers, updates them the next day, and heeds feedback per member", { timeout: 600_000 }, async () => {
    const manifest = await seedDemo(db(), { orders: 2000, seed: 7, end: END });

    for (const [slug, language] of [["demo", "es"], ["demo-br", "pt"]] as const) {
      const ws = await workspace(db(), slug);
      const { drop, stockout, undercut } = planted(manifest, slug);
      const result = await detectInsights(db(), ws, clock);
      expect(result.failures).toEqual([]);
      // Scored, highest first: the three planted events are the top 3, and all three are alert-worthy.
      const top = result.candidates.slice(0, 3);
      expect(new Set(top.map((c) => c.fingerprint))).toEqual(
        new Set(["metric_anomaly:conversion_rate:down", `stockout_risk:product:${stockout.productId}`, `competitor_undercut:product:${undercut.productId}:${undercut.competitor.toLowerCase()}`]),
      );
      expect(top.every((c) => c.urgent && c.severity === "critical" && c.impactCents !== null && c.impactCents > 0)).toBe(true);
      expect(result.candidates[3]!.score).toBeLessThan(top[2]!.score);

      const conversion = metricAnomalyEvidence.parse(top.find((c) => c.type === "metric_anomaly")!.evidence);
      expect(conversion).toMatchObject({ date: drop.date, direction: "down", conversion: { sessions: drop.sessions, webConversions: drop.conversions } });
      expect(conversion.actual).toBeLessThanOrEqual(drop.orders);
      const out = stockoutRiskEvidence.parse(top.find((c) => c.type === "stockout_risk")!.evidence);
      expect(out).toMatchObject({ productId: stockout.productId, title: stockout.title, outOfStock: true, outOfStockSince: stockout.date, onHand: 0 });
      expect([...out.variantIds].sort()).toEqual([...stockout.variantIds].sort());
      const cut = competitorUndercutEvidence.parse(top.find((c) => c.type === "competitor_undercut")!.evidence);
      expect(cut).toMatchObject({
        productId: undercut.productId,
        competitor: undercut.competitor,
        date: undercut.date,
        ourPriceCents: undercut.ourPriceCents,
        previousPriceCents: undercut.previousCompetitorPriceCents,
        priceCents: undercut.competitorPriceCents,
        stillBelow: true,
        salesRank: 1,
      });

      const stored = await upsertInsights(db(), ws.id, result.candidates, clock.now(), { types: result.types });
      expect(stored.inserted).toBe(result.candidates.length);
      expect(stored.insights.slice(0, 3).map((i) => i.fingerprint)).toEqual(top.map((c) => c.fingerprint));
      expect(ws.locale).toBe(language);
    }

    // The next day: the same ongoing problems are updated, not duplicated.
    const demo = await workspace(db(), "demo");
    const before = await db().selectFrom("insights").select(["id", "fingerprint"]).where("workspace_id", "=", demo.id).execute();
    const again = await detectInsights(db(), demo, nextDay);
    const second = await upsertInsights(db(), demo.id, again.candidates, nextDay.now(), { types: again.types });
    expect(second.inserted).toBe(0);
    const rows = await db().selectFrom("insights").selectAll().where("workspace_id", "=", demo.id).execute();
    expect(rows).toHaveLength(before.length);
    const { stockout } = planted(manifest, "demo");
    const stockoutRow = rows.find((r) => r.fingerprint === `stockout_risk:product:${stockout.productId}`)!;
    expect(stockoutRow).toMatchObject({ occurrences: 2, status: "open", first_seen_at: clock.now(), last_seen_at: nextDay.now() });
    expect(rows.find((r) => r.fingerprint === "metric_anomaly:conversion_rate:down")!.occurrences).toBe(2);

    // Two weeks on, the competitor is still below us: the undercut stays the same open insight, more
    // certain by now, instead of being resolved once its start leaves the last 7 days.
    const { undercut } = planted(manifest, "demo");
    const later = await detectInsights(db(), demo, fixedClock("2026-12-05T18:00:00Z"), { detectors: ["competitors"] });
    const ongoing = later.candidates.find((c) => c.fingerprint === `competitor_undercut:product:${undercut.productId}:${undercut.competitor.toLowerCase()}`);
    expect(ongoing).toMatchObject({ confidence: 0.9, evidence: { date: undercut.date, stillBelow: true } });

    // "Not useful" from one member lowers the stockout for them only.
    const [owner, admin] = await listMembers(db(), demo.id);
    await db().insertInto("insight_feedback").values({ workspace_id: demo.id, member_id: owner!.id, insight_id: stockoutRow.id, insight_type: "stockout_risk", subject: stockoutRow.subject, verdict: "not_useful" }).execute();
    const forOwner = await listRankedInsights(db(), demo.id, { memberId: owner!.id, limit: 3 });
    const forAdmin = await listRankedInsights(db(), demo.id, { memberId: admin!.id, limit: 3 });
    expect(forOwner.map((i) => i.id)).not.toContain(stockoutRow.id);
    expect(forAdmin.map((i) => i.id)).toContain(stockoutRow.id);

    // SaaS: churn risk and expansion from the subscriptions.
    const saas = await workspace(db(), "demo-saas");
    const saasResult = await detectInsights(db(), saas, clock);
    expect(saasResult.failures).toEqual([]);
    expect(saasResult.candidates.map((c) => c.type).sort()).toEqual(["churn_risk", "expansion"]);
    const churn = saasResult.candidates.find((c) => c.type === "churn_risk")!;
    expect(churn.impactCents).toBeGreaterThan(0);
    expect(saasResult.candidates.find((c) => c.type === "expansion")!.evidence).toMatchObject({ currency: "USD", windowDays: 30 });

    // A connector whose last sync failed: sync_failed, urgent.
    const connector = await db()
      .insertInto("connectors")
      .values({ workspace_id: saas.id, provider: "stripe", account: "acct_demo", status: "error", last_error: "401 Unauthorized: the API key was revoked", last_sync_at: new Date("2026-11-20T06:00:00Z") })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db().insertInto("sync_runs").values([
      { workspace_id: saas.id, connector_id: connector.id, status: "succeeded", started_at: new Date("2026-11-20T06:00:00Z"), finished_at: new Date("2026-11-20T06:01:00Z"), rows_read: 10, rows_written: 10 },
      { workspace_id: saas.id, connector_id: connector.id, status: "failed", started_at: new Date("2026-11-21T06:00:00Z"), finished_at: new Date("2026-11-21T06:00:05Z"), rows_read: 0, rows_written: 0, error: "401 Unauthorized" },
      { workspace_id: saas.id, connector_id: connector.id, status: "failed", started_at: new Date("2026-11-21T12:00:00Z"), finished_at: new Date("2026-11-21T12:00:05Z"), rows_read: 0, rows_written: 0, error: "401 Unauthorized" },
    ]).execute();
    const sync = await detectInsights(db(), saas, clock, { detectors: ["sync"] });
    expect(sync.types).toEqual(["sync_failed"]);
    expect(sync.candidates).toHaveLength(1);
    expect(sync.candidates[0]).toMatchObject({ type: "sync_failed", urgent: true, severity: "critical", fingerprint: `sync_failed:connector:${connector.id}`, evidence: { provider: "stripe", failedRuns: 2, lastError: "401 Unauthorized: the API key was revoked" } });
  });
});
