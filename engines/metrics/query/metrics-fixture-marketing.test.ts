/**
 * Marketing (ad platforms) and web metrics on the hand-computed fixture (test/fixtures/metrics-store-data.ts).
 *
 * Ad spend per campaign-day (spend, impressions, clicks, conversions, value):
 *   Sep 10  Meta Prospecting  10000   4000   80  1  25000
 *   Oct 5   Meta Prospecting  10000   5000  100  2  50000
 *   Oct 5   Google Search     15000   2000  200  4  90000
 *   Oct 20  Meta Prospecting  20000  10000  150  3  70000
 *   Oct 31  Meta Retargeting   5000   1000   50  0      0
 *   Nov 10  Google Search     10000   1000  100  1  20000
 * October: spend 50000, impressions 18000, clicks 500, conversions 9, value 210000.
 *
 * Web sessions (sessions, users, conversions): Oct 5 google/organic 400 300 4, instagram/social
 * 200 150 2; Oct 20 google/organic 600 500 6, instagram/social 300 250 1; Nov 10 google/organic 500 400 5.
 */
import { expect, it } from "vitest";
import { describeDatabase } from "../../../test/database.ts";
import { queryBoth, queryError, rowsOf, valuesOf } from "../../../test/fixtures/metrics-query.ts";
import { seedMetricsStore } from "../../../test/fixtures/metrics-store.ts";

const OCTOBER = "october 2026";

describeDatabase("metrics fixture: marketing and web metrics", ({ db }) => {
  it("computes October's ad metrics and compares them with September's", async () => {
    const { store } = await seedMetricsStore(db());
    const result = await queryBoth(db(), store, {
      metrics: ["ad_spend", "impressions", "clicks", "ctr", "cpc", "ad_conversions", "cpa", "roas"],
      range: OCTOBER,
      comparison: "previous",
    });
    // September: spend 10000, impressions 4000, clicks 80, conversions 1, value 25000.
    expect(result.totals).toEqual({
      ad_spend: { value: 50_000, previous: { value: 10_000 }, change: 40_000, changePct: 4 },
      impressions: { value: 18_000, previous: { value: 4_000 }, change: 14_000, changePct: 3.5 },
      clicks: { value: 500, previous: { value: 80 }, change: 420, changePct: 5.25 },
      // 500 / 18000 = 0.0277777… → 0.027778; Sep 80 / 4000 = 0.02; (0.027778 − 0.02) / 0.02 = 0.3889
      ctr: { value: 0.027778, previous: { value: 0.02 }, change: 0.007778, changePct: 0.3889 },
      // 50000 / 500; Sep 10000 / 80 = 125
      cpc: { value: 100, previous: { value: 125 }, change: -25, changePct: -0.2 },
      ad_conversions: { value: 9, previous: { value: 1 }, change: 8, changePct: 8 },
      // 50000 / 9 = 5555.56 → 5556; Sep 10000 / 1; −4444 / 10000
      cpa: { value: 5_556, previous: { value: 10_000 }, change: -4_444, changePct: -0.4444 },
      // 210000 / 50000; Sep 25000 / 10000 = 2.5; 1.7 / 2.5
      roas: { value: 4.2, previous: { value: 2.5 }, change: 1.7, changePct: 0.68 },
    });
    expect(result.paths).toEqual({ ads: "daily" });
  });

  it("computes the blended metrics from store sales and all ad spend", async () => {
    const { store } = await seedMetricsStore(db());
    const result = await queryBoth(db(), store, { metrics: ["mer", "cac"], range: OCTOBER });
    expect(valuesOf(result.totals)).toEqual({
      // net sales 271000 / ad spend 50000
      mer: 5.42,
      // 50000 / 2 new customers (diego, elena)
      cac: 25_000,
    });
  });

  it("breaks ad metrics down by platform and by campaign", async () => {
    const { store, campaignIds } = await seedMetricsStore(db());
    const platforms = await queryBoth(db(), store, { metrics: ["ad_spend", "ctr", "cpc", "cpa", "roas"], range: OCTOBER, breakdown: { dimension: "platform" } });
    expect(platforms.breakdown?.rows.map((row) => [row.label, valuesOf(row.values), row.share])).toEqual([
      // meta: spend 10000 + 20000 + 5000, impressions 16000, clicks 300, conversions 5, value 120000
      // ctr 300 / 16000; cpc 35000 / 300 = 116.67; cpa 35000 / 5; roas 120000 / 35000 = 3.4285714; share 35000 / 50000
      ["meta", { ad_spend: 35_000, ctr: 0.01875, cpc: 117, cpa: 7_000, roas: 3.428571 }, 0.7],
      // google: 15000, 2000, 200, 4, 90000
      ["google", { ad_spend: 15_000, ctr: 0.1, cpc: 75, cpa: 3_750, roas: 6 }, 0.3],
    ]);

    const campaigns = await queryBoth(db(), store, { metrics: ["ad_spend"], range: OCTOBER, breakdown: { dimension: "campaign", top: 2 } });
    expect(campaigns.breakdown?.rows.map((row) => row.member).slice(0, 2)).toEqual([String(campaignIds.get("m1")), String(campaignIds.get("g1"))]);
    expect(rowsOf(campaigns, "ad_spend")).toEqual([
      ["Meta Prospecting (meta)", 30_000, 0.6], // 10000 + 20000
      ["Google Search (google)", 15_000, 0.3],
      ["Other", 5_000, 0.1], // Meta Retargeting
    ]);

    const google = await queryBoth(db(), store, { metrics: ["ad_spend", "clicks"], range: OCTOBER, filters: [{ dimension: "campaign", values: ["search"] }] });
    expect(valuesOf(google.totals)).toEqual({ ad_spend: 15_000, clicks: 200 });
  });

  it("computes web metrics, by source / medium and filtered by medium", async () => {
    const { store } = await seedMetricsStore(db());
    const totals = await queryBoth(db(), store, { metrics: ["sessions", "users", "conversion_rate"], range: OCTOBER });
    // sessions 400 + 200 + 600 + 300; users 300 + 150 + 500 + 250; 13 web orders / 1500 = 0.0086667
    expect(valuesOf(totals.totals)).toEqual({ sessions: 1_500, users: 1_200, conversion_rate: 0.008667 });
    expect(totals.paths).toEqual({ web: "daily" });

    const split = await queryBoth(db(), store, { metrics: ["sessions", "conversion_rate"], range: OCTOBER, breakdown: { dimension: "source_medium" } });
    expect(split.breakdown?.rows.map((row) => [row.label, valuesOf(row.values), row.share])).toEqual([
      ["google / organic", { sessions: 1_000, conversion_rate: 0.01 }, 0.666667], // 10 / 1000
      ["instagram / social", { sessions: 500, conversion_rate: 0.006 }, 0.333333], // 3 / 500
    ]);

    const social = await queryBoth(db(), store, { metrics: ["sessions", "users"], range: OCTOBER, filters: [{ dimension: "medium", values: ["social"] }] });
    expect(valuesOf(social.totals)).toEqual({ sessions: 500, users: 400 });
  });

  it("refuses to split blended metrics by platform", async () => {
    const { store } = await seedMetricsStore(db());
    const error = await queryError(db(), store, { metrics: ["mer"], range: OCTOBER, breakdown: { dimension: "platform" } });
    expect(error).toEqual({ code: "unsupported_dimension", message: "mer cannot be filtered or broken down by platform (it has no dimensions)." });
  });
});
