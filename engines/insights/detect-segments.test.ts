import { expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { addDays } from "../../lib/calendar-date.ts";
import { fixedClock } from "../../lib/clock.ts";
import { describeDatabase } from "../../test/database.ts";
import { detectInsights } from "./detect-insights.ts";
import { HORIZON_DAYS, PERIOD_DAYS } from "./detect-segments.ts";
import { segmentShiftEvidence } from "./evidence.ts";

const TODAY = "2026-11-21";
const clock = fixedClock(`${TODAY}T18:00:00Z`);
const AS_OF = addDays(TODAY, -1);
const PREVIOUS_AS_OF = addDays(TODAY, -PERIOD_DAYS - 1);

/**
 * 100 customers in five value tiers of 20: a tier-t customer places t orders of t × MXN 100, so
 * frequency and monetary quintiles are exactly the tiers (FM = t). Recency quintiles follow the
 * groups' last orders: before PREVIOUS_AS_OF (Oct 21) the oldest 20 are tier 1a + 3a (April), then
 * tier 5 (August), the lapsing tier 4 (Oct 15), tier 2 (Oct 17), tier 1b + 3b (Oct 19–20). After
 * it, tier 5 buys once more (Nov 10), jumping to the top and pushing everyone else down one
 * quintile — so the lapsing tier 4 drops from R3 (loyal) to R2 (at risk). When the tier also buys
 * after Oct 21 (the control), it stays near the top and no watched segment moves.
 */
interface Group {
  readonly key: string;
  readonly customers: number;
  readonly tier: number;
  readonly dates: readonly string[];
}

const GROUPS: readonly Group[] = [
  { key: "t1a", customers: 10, tier: 1, dates: ["2026-04-01"] },
  { key: "t3a", customers: 10, tier: 3, dates: ["2026-03-01", "2026-03-15", "2026-04-01"] },
  { key: "t5", customers: 20, tier: 5, dates: ["2026-04-10", "2026-05-10", "2026-06-10", "2026-07-10", "2026-08-10"] },
  { key: "t4", customers: 20, tier: 4, dates: ["2026-07-15", "2026-08-15", "2026-09-15", "2026-10-15"] },
  { key: "t2", customers: 20, tier: 2, dates: ["2026-09-17", "2026-10-17"] },
  { key: "t1b", customers: 10, tier: 1, dates: ["2026-10-19"] },
  { key: "t3b", customers: 10, tier: 3, dates: ["2026-08-20", "2026-09-20", "2026-10-20"] },
];
const orderCents = (tier: number) => tier * 10_000;
/** What a group's customers spent on their planted orders up to and including `asOf`. */
const spent = (group: Group, asOf: string) => group.dates.filter((d) => d <= asOf).length * orderCents(group.tier) * group.customers;

async function store(db: Db, slug: string, after: Readonly<Record<string, readonly string[]>>): Promise<Workspace> {
  const workspace = await createWorkspace(db, { name: slug, slug, currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
  for (const group of GROUPS) {
    const customers = await db
      .insertInto("customers")
      .values(Array.from({ length: group.customers }, (_, i) => ({ workspace_id: workspace.id, source: "test", external_id: `${group.key}-${i}`, name: `${group.key} ${i}` })))
      .returning("id")
      .execute();
    const dates = [...group.dates, ...(after[group.key] ?? [])];
    await db
      .insertInto("orders")
      .values(
        customers.flatMap(({ id }, i) =>
          dates.map((date, k) => ({
            workspace_id: workspace.id,
            source: "test",
            external_id: `${group.key}-${i}-${k}`,
            customer_id: id,
            placed_at: `${date}T12:00:00-06:00`,
            status: "paid" as const,
            currency: "MXN",
            subtotal_cents: orderCents(group.tier),
            discount_cents: 0,
            shipping_cents: 0,
            tax_cents: 0,
            total_cents: orderCents(group.tier),
          })),
        ),
      )
      .execute();
  }
  return workspace;
}

async function shifts(db: Db, workspace: Workspace) {
  const result = await detectInsights(db, workspace, clock, { detectors: ["segments"] });
  expect(result.failures).toEqual([]);
  expect(result.types).toEqual(["segment_shift"]);
  return result.candidates;
}

const group = (key: string) => GROUPS.find((g) => g.key === key)!;

describeDatabase("segment_shift detection", ({ db }) => {
  it("finds loyal customers slipping into at risk when they stop buying, with the planted counts and revenue", async () => {
    const extra = { t5: ["2026-11-10"] };
    const workspace = await store(db(), "lapsing", extra);
    const found = await shifts(db(), workspace);
    expect(found.map((c) => c.fingerprint).sort()).toEqual(["segment_shift:at_risk:growing", "segment_shift:loyal:shrinking"]);
    const lapsing = group("t4");

    // At risk (R 1–2, FM 3–4): tier 3a before; tier 3a and the lapsing tier 4 now.
    const atRisk = found.find((c) => c.fingerprint === "segment_shift:at_risk:growing")!;
    const previous = group("t3a").customers;
    const now = previous + lapsing.customers;
    const revenue = spent(group("t3a"), AS_OF) + spent(lapsing, AS_OF);
    expect(segmentShiftEvidence.parse(atRisk.evidence)).toMatchObject({
      segment: "at_risk",
      currency: "MXN",
      customers: now,
      previousCustomers: previous,
      revenueCents: revenue,
      changePct: (now - previous) / previous,
      asOf: AS_OF,
      previousAsOf: PREVIOUS_AS_OF,
    });
    expect(atRisk.impactCents).toBe(Math.round(lapsing.customers * (revenue / now) * (HORIZON_DAYS / 365)));
    expect(atRisk).toMatchObject({ type: "segment_shift", subject: "segment:at_risk", severity: "warning", urgent: false });
    expect(atRisk.action).toMatchObject({ kind: "question", question: { en: "Who are my at-risk customers?", es: "¿Quiénes son mis clientes en riesgo?", pt: "Quem são meus clientes em risco?" } });

    // Loyal (R 3–4, FM 4–5): the lapsing tier before, nobody now.
    const loyal = found.find((c) => c.fingerprint === "segment_shift:loyal:shrinking")!;
    const loyalRevenue = spent(lapsing, PREVIOUS_AS_OF);
    expect(loyal.evidence).toMatchObject({ customers: 0, previousCustomers: lapsing.customers, revenueCents: 0, previousRevenueCents: loyalRevenue, changePct: -1 });
    expect(loyal.impactCents).toBe(Math.round(lapsing.customers * (loyalRevenue / lapsing.customers) * (HORIZON_DAYS / 365)));
  });

  it("finds nothing when the same customers keep buying", async () => {
    const workspace = await store(db(), "loyal", { t5: ["2026-11-10"], t4: ["2026-11-12"] });
    expect(await shifts(db(), workspace)).toEqual([]);
  });
});
