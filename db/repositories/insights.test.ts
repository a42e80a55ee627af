import { expect, it } from "vitest";
import { describeDatabase } from "../../test/database.ts";
import { feedbackPenalty, findInsight, listRankedInsights, upsertInsights, type InsightToStore } from "./insights.ts";
import { createMember } from "./members.ts";
import { createWorkspace } from "./workspaces.ts";

function candidate(fingerprint: string, overrides: Partial<InsightToStore> = {}): InsightToStore {
  const [type = "stockout_risk", , id = "1"] = fingerprint.split(":");
  return {
    type,
    severity: "warning",
    fingerprint,
    subject: `product:${id}`,
    impactCents: 10_000,
    confidence: 0.8,
    score: 2,
    title: `title ${fingerprint}`,
    summary: "summary",
    evidence: { productId: Number(id) },
    action: { kind: "question", question: { en: "q?", es: "¿q?", pt: "q?" } },
    ...overrides,
  };
}

describeDatabase("insights repository", ({ db }) => {
  it("inserts new fingerprints, updates seen ones once per local day, resolves the ones gone and reopens them", async () => {
    // Mexico City is UTC−6: 2026-11-21T05:00Z is still Nov 20 there.
    const ws = await createWorkspace(db(), { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City" });
    const other = await createWorkspace(db(), { name: "Otra", slug: "otra", currency: "MXN", timezone: "America/Mexico_City" });
    const first = await upsertInsights(db(), ws.id, [candidate("stockout_risk:product:1"), candidate("overstock:product:2", { score: 1 })], new Date("2026-11-20T18:00:00Z"));
    expect(first).toMatchObject({ inserted: 2, updated: 0, resolved: 0 });
    expect(first.insights.map((i) => i.fingerprint)).toEqual(["stockout_risk:product:1", "overstock:product:2"]);
    await upsertInsights(db(), other.id, [candidate("stockout_risk:product:1")], new Date("2026-11-20T18:00:00Z"));

    // Same local day (Nov 20 in Mexico City): numbers change, occurrences do not.
    const sameDay = await upsertInsights(db(), ws.id, [candidate("stockout_risk:product:1", { impactCents: 20_000, severity: "critical", score: 5 })], new Date("2026-11-21T05:00:00Z"), { types: ["stockout_risk"] });
    expect(sameDay).toMatchObject({ inserted: 0, updated: 1, resolved: 0 });
    expect(sameDay.insights[0]).toMatchObject({ impact_cents: 20_000, severity: "critical", score: 5, occurrences: 1, status: "open" });
    // overstock did not run: it stays open.
    const stillOpen = await listRankedInsights(db(), ws.id, { limit: 10 });
    expect(stillOpen.map((i) => i.fingerprint)).toEqual(["stockout_risk:product:1", "overstock:product:2"]);

    // Next day: one more occurrence; overstock ran and did not find product 2 → resolved.
    const nextDay = await upsertInsights(db(), ws.id, [candidate("stockout_risk:product:1")], new Date("2026-11-21T18:00:00Z"), { types: ["stockout_risk", "overstock"] });
    expect(nextDay).toMatchObject({ inserted: 0, updated: 1, resolved: 1 });
    expect(nextDay.insights[0]!.occurrences).toBe(2);
    expect((await listRankedInsights(db(), ws.id, { limit: 10 })).map((i) => i.fingerprint)).toEqual(["stockout_risk:product:1"]);

    // Found again later: reopened, same row.
    const again = await upsertInsights(db(), ws.id, [candidate("overstock:product:2")], new Date("2026-11-23T18:00:00Z"), { types: ["overstock"] });
    expect(again).toMatchObject({ inserted: 0, updated: 1, resolved: 0 });
    expect(again.insights[0]).toMatchObject({ id: first.insights[1]!.id, status: "open", occurrences: 2 });

    // Scoped to the workspace.
    const id = first.insights[0]!.id;
    expect((await findInsight(db(), ws.id, id))?.fingerprint).toBe("stockout_risk:product:1");
    expect(await findInsight(db(), other.id, id)).toBeUndefined();
    expect(await listRankedInsights(db(), other.id, { limit: 10 })).toHaveLength(1);
  });

  it("lowers what a member found not useful, for that member only", async () => {
    const ws = await createWorkspace(db(), { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City" });
    const ana = await createMember(db(), { workspaceId: ws.id, name: "Ana", role: "owner", language: "es" });
    const bruno = await createMember(db(), { workspaceId: ws.id, name: "Bruno", role: "admin", language: "es" });
    const stored = await upsertInsights(
      db(),
      ws.id,
      [candidate("stockout_risk:product:1", { score: 5 }), candidate("stockout_risk:product:3", { score: 4 }), candidate("overstock:product:2", { score: 3 })],
      new Date("2026-11-20T18:00:00Z"),
    );
    const stockout = stored.insights.find((i) => i.fingerprint === "stockout_risk:product:1")!;
    await db().insertInto("insight_feedback").values({ workspace_id: ws.id, member_id: ana.id, insight_id: stockout.id, insight_type: "stockout_risk", subject: "product:1", verdict: "not_useful" }).execute();

    const forAna = await listRankedInsights(db(), ws.id, { memberId: ana.id, limit: 10 });
    // product:1 × 0.2 = 1; product:3, same type × 0.7 = 2.8; overstock untouched = 3.
    expect(forAna.map((i) => [i.fingerprint, i.rankScore])).toEqual([
      ["overstock:product:2", 3],
      ["stockout_risk:product:3", 2.8],
      ["stockout_risk:product:1", 1],
    ]);
    const forBruno = await listRankedInsights(db(), ws.id, { memberId: bruno.id, limit: 2 });
    expect(forBruno.map((i) => i.fingerprint)).toEqual(["stockout_risk:product:1", "stockout_risk:product:3"]);
    expect((await listRankedInsights(db(), ws.id, { memberId: ana.id, limit: 10, types: ["overstock"] })).map((i) => i.fingerprint)).toEqual(["overstock:product:2"]);
  });
});

it("feedbackPenalty: the latest verdict on the subject counts; other subjects of the type lower lightly", () => {
  const at = (iso: string) => new Date(iso);
  const insight = { type: "competitor_undercut", subject: "product:7" };
  expect(feedbackPenalty(insight, [])).toBe(1);
  expect(feedbackPenalty(insight, [{ insight_type: "competitor_undercut", subject: "product:7", verdict: "not_useful", created_at: at("2026-11-01") }])).toBe(0.2);
  expect(
    feedbackPenalty(insight, [
      { insight_type: "competitor_undercut", subject: "product:7", verdict: "not_useful", created_at: at("2026-11-01") },
      { insight_type: "competitor_undercut", subject: "product:7", verdict: "useful", created_at: at("2026-11-02") },
    ]),
  ).toBe(1);
  expect(feedbackPenalty(insight, [{ insight_type: "competitor_undercut", subject: "product:9", verdict: "not_useful", created_at: at("2026-11-01") }])).toBe(0.7);
  expect(feedbackPenalty(insight, [{ insight_type: "overstock", subject: "product:7", verdict: "not_useful", created_at: at("2026-11-01") }])).toBe(1);
});
