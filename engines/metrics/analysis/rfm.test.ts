import { describe, expect, it } from "vitest";
import { describeDatabase } from "../../../test/database.ts";
import { allNumbersFinite, createStore } from "../../../test/fixtures/analysis/store.ts";
import { createRfmStore, createRfmTieStore, RFM_AS_OF } from "../../../test/fixtures/analysis/rfm-store.ts";
import { InputError } from "../../../lib/input-error.ts";
import { fmScore, RFM_SEGMENTS, rfmAnalysis, rfmCustomers, rfmSegment, type RfmReport } from "./rfm.ts";
import { segmentScoreCodes } from "./rfm-segments.ts";

function segment(report: RfmReport, name: string) {
  const found = report.segments.find((candidate) => candidate.segment === name);
  if (!found) throw new Error(`no segment ${name}`);
  return found;
}

describe("RFM segment grid", () => {
  it("maps R and the rounded-up F–M average to the common segments", () => {
    expect(fmScore(4, 5)).toBe(5); // 4.5 → 5
    expect(fmScore(1, 2)).toBe(2); // 1.5 → 2
    expect(rfmSegment(5, 5, 4)).toBe("champions");
    expect(rfmSegment(1, 1, 1)).toBe("lost");
    expect(rfmSegment(2, 1, 2)).toBe("hibernating");
    expect(rfmSegment(1, 5, 5)).toBe("cannot_lose_them");
    expect(rfmSegment(5, 1, 1)).toBe("new_customers");
    expect(rfmSegment(3, 3, 3)).toBe("need_attention");
    // Every (R, F, M) triple has exactly one segment, and every segment is reachable.
    const total = RFM_SEGMENTS.reduce((sum, name) => sum + segmentScoreCodes(name).length, 0);
    expect(total).toBe(125);
    expect(RFM_SEGMENTS.every((name) => segmentScoreCodes(name).length > 0)).toBe(true);
  });
});

describeDatabase("rfmAnalysis", ({ db }) => {
  it("scores each customer by quintile and sums segments (hand-computed fixture)", async () => {
    const store = await createRfmStore(db());
    const report = await rfmAnalysis(db(), store, { asOf: RFM_AS_OF });

    expect(report.asOfDate).toBe("2026-04-15");
    expect(report.windowStart).toBe("2025-04-16"); // 365 local days: 2025-04-16 … 2026-04-15
    // Five customers, one per bucket of ntile(5) on each dimension (worst first):
    //   R by recency  300 (c2) → 1, 120 (c3) → 2, 40 (c5) → 3, 10 (c4) → 4, 2 (c1) → 5
    //   F by orders     1 (c4) → 1, 2 (c5) → 2, 3 (c3) → 3, 4 (c2) → 4, 5 (c1) → 5
    //   M by net     3000 (c4) → 1, 8000 (c5) → 2, 30000 (c3) → 3, 45000 (c1: 50000 − 5000 refund) → 4, 80000 (c2) → 5
    // FM = ⌈(F + M) / 2⌉: c1 ⌈4.5⌉ = 5, c2 ⌈4.5⌉ = 5, c3 3, c4 1, c5 2. Segments from the grid:
    //   c1 R5 FM5 champions · c2 R1 FM5 cannot lose them · c3 R2 FM3 at risk · c4 R4 FM1 promising · c5 R3 FM2 about to sleep
    expect(report.totals).toEqual({ customers: 5, orders: 15, revenueCents: 166_000 }); // 45000 + 80000 + 30000 + 3000 + 8000
    expect(report.excludedGuestOrders).toBe(1);

    expect(segment(report, "champions")).toMatchObject({ customers: 1, customerShare: 0.2, revenueCents: 45_000, avgRecencyDays: 2, avgFrequency: 5, avgMonetaryCents: 45_000 });
    expect(segment(report, "champions").revenueShare).toBeCloseTo(45_000 / 166_000, 12);
    expect(segment(report, "cannot_lose_them")).toMatchObject({ customers: 1, revenueCents: 80_000, avgRecencyDays: 300, avgFrequency: 4 });
    expect(segment(report, "at_risk")).toMatchObject({ customers: 1, revenueCents: 30_000, avgRecencyDays: 120, avgFrequency: 3 });
    expect(segment(report, "promising")).toMatchObject({ customers: 1, revenueCents: 3_000, avgRecencyDays: 10, avgFrequency: 1 });
    expect(segment(report, "about_to_sleep")).toMatchObject({ customers: 1, revenueCents: 8_000, avgRecencyDays: 40, avgFrequency: 2 });
    expect(report.segments.map((summary) => summary.segment)).toEqual([...RFM_SEGMENTS]);
    for (const name of ["loyal", "potential_loyalists", "new_customers", "need_attention", "hibernating", "lost"]) {
      expect(segment(report, name)).toMatchObject({ customers: 0, customerShare: 0, revenueCents: 0, revenueShare: 0, avgRecencyDays: null, avgMonetaryCents: null });
    }

    // One customer per score: each band is a single value.
    expect(report.thresholds.recencyDays.map((band) => [band.score, band.min, band.max])).toEqual([
      [1, 300, 300],
      [2, 120, 120],
      [3, 40, 40],
      [4, 10, 10],
      [5, 2, 2],
    ]);
    expect(report.thresholds.frequency.map((band) => band.min)).toEqual([1, 2, 3, 4, 5]);
    expect(report.thresholds.monetaryCents.map((band) => band.max)).toEqual([3_000, 8_000, 30_000, 45_000, 80_000]);
  });

  it("lists a segment's customers with their figures and scores", async () => {
    const store = await createRfmStore(db());
    const atRisk = await rfmCustomers(db(), store, { asOf: RFM_AS_OF, segment: "at_risk" });
    expect(atRisk).toEqual([
      {
        customerId: store.customerIds.get("c3"),
        name: "Rosa Risk",
        email: "rosa@example.mx",
        segment: "at_risk",
        lastOrderDate: "2025-12-16", // 120 days before 2026-04-15; the cancelled order yesterday does not count
        recencyDays: 120,
        frequency: 3,
        monetaryCents: 30_000,
        scores: { r: 2, f: 3, m: 3, fm: 3 },
      },
    ]);
    const champions = await rfmCustomers(db(), store, { asOf: RFM_AS_OF, segment: "champions", limit: 5 });
    expect(champions.map((customer) => [customer.name, customer.lastOrderDate, customer.scores])).toEqual([["Camila Champion", "2026-04-13", { r: 5, f: 5, m: 4, fm: 5 }]]);
    expect(await rfmCustomers(db(), store, { asOf: RFM_AS_OF, segment: "lost" })).toEqual([]);
  });

  it("gives equal values equal scores: the lowest bucket the tie reaches", async () => {
    const store = await createRfmTieStore(db());
    const report = await rfmAnalysis(db(), store, { asOf: RFM_AS_OF });
    // Sorted worst first, t1–t3 (1 order, 1000, 10 days ago) take ntile buckets 1, 2, 3 → all score 1;
    // t4–t5 (2 orders, 4000, 5 days ago) take buckets 4, 5 → both score 4. Scores 2, 3 and 5 are empty.
    // t1–t3: R1 FM1 → lost; t4–t5: R4 FM4 → loyal.
    expect(segment(report, "lost")).toMatchObject({ customers: 3, revenueCents: 3_000, avgRecencyDays: 10 });
    expect(segment(report, "loyal")).toMatchObject({ customers: 2, revenueCents: 8_000, avgRecencyDays: 5, avgFrequency: 2 });
    expect(report.thresholds.frequency).toEqual([
      { score: 1, customers: 3, min: 1, max: 1 },
      { score: 2, customers: 0, min: null, max: null },
      { score: 3, customers: 0, min: null, max: null },
      { score: 4, customers: 2, min: 2, max: 2 },
      { score: 5, customers: 0, min: null, max: null },
    ]);
    const loyal = await rfmCustomers(db(), store, { asOf: RFM_AS_OF, segment: "loyal" });
    expect(loyal.map((customer) => customer.scores)).toEqual([
      { r: 4, f: 4, m: 4, fm: 4 },
      { r: 4, f: 4, m: 4, fm: 4 },
    ]);
  });

  it("narrows the window with lookbackDays", async () => {
    const store = await createRfmStore(db());
    // 100 local days: only c1 (2, 20, 50, 80 → 4 orders, 35000) and c4 (10) and c5 (40, 45) remain.
    const report = await rfmAnalysis(db(), store, { asOf: RFM_AS_OF, lookbackDays: 100 });
    expect(report.windowStart).toBe("2026-01-06");
    expect(report.totals).toEqual({ customers: 3, orders: 4 + 1 + 2, revenueCents: 35_000 + 3_000 + 8_000 });
  });

  it("returns every segment with zeros and no NaN for an empty workspace", async () => {
    const store = await createStore(db(), { slug: "empty", customers: [], orders: [] });
    const report = await rfmAnalysis(db(), store, { asOf: RFM_AS_OF });
    expect(report.segments).toHaveLength(11);
    expect(report.segments.every((summary) => summary.customers === 0 && summary.revenueCents === 0 && summary.customerShare === null)).toBe(true);
    expect(report.totals).toEqual({ customers: 0, orders: 0, revenueCents: 0 });
    expect(report.thresholds.recencyDays.every((band) => band.customers === 0 && band.min === null)).toBe(true);
    expect(report.excludedGuestOrders).toBe(0);
    expect(allNumbersFinite(report)).toBe(true);
    expect(await rfmCustomers(db(), store, { asOf: RFM_AS_OF, segment: "at_risk" })).toEqual([]);
  });

  it("rejects bad options", async () => {
    const scope = { workspaceId: 1, timeZone: "America/Mexico_City" };
    await expect(rfmAnalysis(db(), scope, { asOf: RFM_AS_OF, lookbackDays: 0 })).rejects.toThrow(InputError);
    await expect(rfmCustomers(db(), scope, { asOf: RFM_AS_OF, segment: "at_risk", limit: 0 })).rejects.toThrow(InputError);
  });
});
