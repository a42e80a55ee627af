/**
 * SaaS metrics on the hand-computed fixture's New York workspace (test/fixtures/metrics-saas-data.ts).
 *
 * Before Oct 1: S4 +5000 (Jul) −5000 (Sep 10), S1 +1000, S2 +5000, S3 +1000, S0 +1000 −1000 (March)
 *   → MRR 7000 from S1 1000, S2 5000, S3 1000; 3 active subscriptions.
 * October: new S5 10000 + S7 1000 = 11000 · expansion S1 4000 · contraction S2 4000 · churn S3 1000 ·
 *   reactivation S4 5000 → MRR 7000 + 15000 = 22000 from S1 5000, S2 1000, S4 5000, S5 10000, S7 1000;
 *   5 subscriptions of 4 customers (acme has two). Trials ended: S5 (converted) Oct 4, S6 (not) Oct 15.
 * Before Sep 1: S4 5000, S1 1000, S2 5000 → MRR 11000, 3 subscriptions. September: new S3 1000,
 *   churn S4 5000 → MRR 7000 from acme, globex, initech.
 * November 1–20: new S8 1000 and S9 5000 → MRR 28000, 7 subscriptions of 6 customers.
 */
import { expect, it } from "vitest";
import { describeDatabase } from "../../../test/database.ts";
import { allNumbersFinite } from "../../../test/fixtures/analysis/store.ts";
import { queryBoth, seriesOf } from "../../../test/fixtures/metrics-query.ts";
import { seedMetricsStore } from "../../../test/fixtures/metrics-store.ts";

const OCTOBER = "october 2026";

describeDatabase("metrics fixture: SaaS metrics", ({ db }) => {
  it("computes October's MRR movements and compares them with September's", async () => {
    const { saas } = await seedMetricsStore(db());
    const result = await queryBoth(db(), saas, {
      metrics: ["mrr", "arr", "new_mrr", "expansion_mrr", "contraction_mrr", "churned_mrr", "reactivation_mrr", "net_new_mrr"],
      range: OCTOBER,
      comparison: "previous",
    });
    expect(result.currency).toBe("USD");
    expect(result.comparison?.range).toMatchObject({ start: "2026-09-01", end: "2026-10-01" });
    // No contraction or churn in September: 0, not −0 (toEqual tells them apart; −0 shows as "-$0.00").
    const noPct = { changePct: null, changeReason: "the previous value was 0" };
    expect(result.totals).toEqual({
      // 22000 vs 7000: +15000, 15000 / 7000 = 2.1428571
      mrr: { value: 22_000, previous: { value: 7_000 }, change: 15_000, changePct: 2.142857 },
      // × 12
      arr: { value: 264_000, previous: { value: 84_000 }, change: 180_000, changePct: 2.142857 },
      // 11000 vs September's S3 1000
      new_mrr: { value: 11_000, previous: { value: 1_000 }, change: 10_000, changePct: 10 },
      expansion_mrr: { value: 4_000, previous: { value: 0 }, change: 4_000, ...noPct },
      contraction_mrr: { value: 4_000, previous: { value: 0 }, change: 4_000, ...noPct },
      // S3 1000 vs S4 5000
      churned_mrr: { value: 1_000, previous: { value: 5_000 }, change: -4_000, changePct: -0.8 },
      reactivation_mrr: { value: 5_000, previous: { value: 0 }, change: 5_000, ...noPct },
      // 11000 + 4000 + 5000 − 4000 − 1000 vs 1000 − 5000; 19000 / |−4000|
      net_new_mrr: { value: 15_000, previous: { value: -4_000 }, change: 19_000, changePct: 4.75 },
    });
  });

  it("computes October's levels and rates and compares them with September's", async () => {
    const { saas } = await seedMetricsStore(db());
    const result = await queryBoth(db(), saas, {
      metrics: ["active_subscriptions", "customer_churn_rate", "revenue_churn_rate", "arpa", "trial_conversion"],
      range: OCTOBER,
      comparison: "previous",
    });
    expect(result.totals).toEqual({
      // 3 + 2 new + 1 reactivated − 1 churned vs September's 3 + 1 − 1
      active_subscriptions: { value: 5, previous: { value: 3 }, change: 2, changePct: 0.666667 },
      // 1 churned / 3 at the start, both months
      customer_churn_rate: { value: 0.333333, previous: { value: 0.333333 }, change: 0, changePct: 0 },
      // (1000 + 4000) / 7000 = 0.7142857 vs 5000 / 11000 = 0.4545454; 0.259741 / 0.454545 = 0.5714308
      revenue_churn_rate: { value: 0.714286, previous: { value: 0.454545 }, change: 0.259741, changePct: 0.571431 },
      // 22000 / 4 customers vs 7000 / 3 = 2333.33; 3167 / 2333 = 1.3574796
      arpa: { value: 5_500, previous: { value: 2_333 }, change: 3_167, changePct: 1.35748 },
      // 1 of 2 trials ended in October converted; none ended in September
      trial_conversion: {
        value: 0.5,
        previous: { value: null, reason: "no trials ended in the range" },
        change: null,
        changePct: null,
        changeReason: "no previous value",
      },
    });
  });

  it("gives monthly levels and flows, the current month a partial bucket to date", async () => {
    const { saas } = await seedMetricsStore(db());
    const result = await queryBoth(db(), saas, { metrics: ["mrr", "arpa", "active_subscriptions", "new_mrr"], range: "since 2026-09-01", grain: "month" });
    expect(result.series?.map((point) => [point.bucket.key, point.bucket.start, point.bucket.end, point.bucket.partial])).toEqual([
      ["2026-09", "2026-09-01", "2026-10-01", false],
      ["2026-10", "2026-10-01", "2026-11-01", false],
      // today is Nov 20 in New York: the bucket runs to Nov 21 (exclusive)
      ["2026-11", "2026-11-01", "2026-11-21", true],
    ]);
    expect(seriesOf(result, "mrr")).toEqual([["2026-09-01", 7_000], ["2026-10-01", 22_000], ["2026-11-01", 28_000]]);
    // 7000 / 3; 22000 / 4; 28000 / 6 = 4666.67
    expect(seriesOf(result, "arpa")).toEqual([["2026-09-01", 2_333], ["2026-10-01", 5_500], ["2026-11-01", 4_667]]);
    expect(seriesOf(result, "active_subscriptions")).toEqual([["2026-09-01", 3], ["2026-10-01", 5], ["2026-11-01", 7]]);
    expect(seriesOf(result, "new_mrr")).toEqual([["2026-09-01", 1_000], ["2026-10-01", 11_000], ["2026-11-01", 6_000]]);
    // Levels are taken at the end of the range, flows summed over it: 1000 + 11000 + 6000.
    expect(result.totals).toEqual({ mrr: { value: 28_000 }, arpa: { value: 4_667 }, active_subscriptions: { value: 7 }, new_mrr: { value: 18_000 } });
  });

  it("returns zero levels and null rates with reasons for a range before any subscription", async () => {
    const { saas } = await seedMetricsStore(db());
    // June: S0 came and went in March; S4 starts on Jul 1.
    const result = await queryBoth(db(), saas, {
      metrics: ["mrr", "arr", "net_new_mrr", "active_subscriptions", "customer_churn_rate", "revenue_churn_rate", "arpa", "trial_conversion"],
      range: "2026-06-01..2026-06-30",
    });
    expect(result.totals).toEqual({
      mrr: { value: 0 },
      arr: { value: 0 },
      net_new_mrr: { value: 0 },
      active_subscriptions: { value: 0 },
      customer_churn_rate: { value: null, reason: "no active subscriptions at the start of the range" },
      revenue_churn_rate: { value: null, reason: "no MRR at the start of the range" },
      arpa: { value: null, reason: "no paying accounts at the end of the range" },
      trial_conversion: { value: null, reason: "no trials ended in the range" },
    });
    expect(allNumbersFinite(result)).toBe(true);
  });
});
