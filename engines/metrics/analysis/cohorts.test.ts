import { expect, it } from "vitest";
import { describeDatabase } from "../../../test/database.ts";
import { COHORT_AS_OF, COHORT_TIME_ZONE, createCohortStore } from "../../../test/fixtures/analysis/cohort-store.ts";
import { allNumbersFinite, createStore } from "../../../test/fixtures/analysis/store.ts";
import { InputError } from "../../../lib/input-error.ts";
import { cohortAnalysis, type CohortReport } from "./cohorts.ts";

/** [age, active, retention, revenue, cumulative per customer, complete] per age, for compact asserts. */
function table(report: CohortReport, month: string) {
  const cohort = report.cohorts.find((candidate) => candidate.month === month);
  if (!cohort) throw new Error(`no cohort ${month}`);
  return {
    customers: cohort.customers,
    ages: cohort.ages.map((cell) => [cell.age, cell.activeCustomers, cell.retention, cell.revenueCents, cell.cumulativeRevenuePerCustomerCents, cell.complete]),
  };
}

describeDatabase("cohortAnalysis", ({ db }) => {
  it("computes sizes, retention, revenue and LTV per cohort and age (hand-computed fixture)", async () => {
    const store = await createCohortStore(db());
    const report = await cohortAnalysis(db(), store, { asOf: COHORT_AS_OF, months: 4, maxAge: 3 });

    expect(report.asOfMonth).toBe("2026-04");
    expect(report.cohorts.map((cohort) => cohort.month)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);

    // Jan: A, B (Jan 31 23:30 local = Feb 1 05:30 UTC, still January locally) and H → 3 customers.
    // age 0 Jan: A 10000 + B (20000 − 2000) + H 1000 = 29000; 29000 / 3 = 9666.67 → 9667
    // age 1 Feb: A 5000 → 1 active, 1/3; cumulative 34000 / 3 = 11333.33 → 11333
    // age 2 Mar: B 4000 − 1000 refund = 3000 → 1/3; cumulative 37000 / 3 = 12333.33 → 12333
    // age 3 Apr: A 3000 (the Apr 20 order is after asOf) → 1/3; 40000 / 3 = 13333.33 → 13333, in progress
    expect(table(report, "2026-01")).toEqual({
      customers: 3,
      ages: [
        [0, 3, 1, 29_000, 9_667, true],
        [1, 1, 1 / 3, 5_000, 11_333, true],
        [2, 1, 1 / 3, 3_000, 12_333, true],
        [3, 1, 1 / 3, 3_000, 13_333, false],
      ],
    });
    // Feb: C (their Jan order is cancelled, so Feb is their first) and D → 2 customers.
    // age 0: C 8000 + D (6000 − 6000 refund) = 8000 → 8000 / 2 = 4000
    // age 1 Mar: C 2000 → 1/2; (8000 + 2000) / 2 = 5000.  age 2 Apr: nobody → 0, still 5000.
    expect(table(report, "2026-02")).toEqual({
      customers: 2,
      ages: [
        [0, 2, 1, 8_000, 4_000, true],
        [1, 1, 0.5, 2_000, 5_000, true],
        [2, 0, 0, 0, 5_000, false],
      ],
    });
    // Mar: E only (I's only order is cancelled). Apr: E 1000 — its refund on Apr 20 is after asOf.
    expect(table(report, "2026-03")).toEqual({
      customers: 1,
      ages: [
        [0, 1, 1, 7_000, 7_000, true],
        [1, 1, 1, 1_000, 8_000, false],
      ],
    });
    // Apr: G; F (first order Dec 2025) is in no listed cohort though they ordered in Feb.
    expect(table(report, "2026-04")).toEqual({ customers: 1, ages: [[0, 1, 1, 5_000, 5_000, false]] });
    expect(report.totals).toEqual({ customers: 7, revenueCents: 40_000 + 10_000 + 8_000 + 5_000 });

    // Guests from Jan 1 through asOf: Jan 15 and Mar 20 (Feb 10 is cancelled; Dec 20 is before, Apr 25 after).
    expect(report.excludedGuestOrders).toBe(2);
  });

  it("averages complete months weighted by size and ranks cohorts", async () => {
    const store = await createCohortStore(db());
    const report = await cohortAnalysis(db(), store, { asOf: COHORT_AS_OF, months: 4, maxAge: 3 });

    // age 0: Jan 3 + Feb 2 + Mar 1 = 6 customers, all active; (29000 + 8000 + 7000) / 6 = 7333.33 → 7333
    // age 1: Jan (1 of 3) + Feb (1 of 2) = 2 / 5 = 0.4; (34000 + 10000) / 5 = 8800 (Mar's age 1 is April: in progress)
    // age 2: Jan only, 1 / 3; 37000 / 3 → 12333.  age 3: Jan's is April, in progress → nothing.
    expect(report.averageRetention.map((point) => [point.age, point.cohorts, point.customers, point.retention, point.cumulativeRevenuePerCustomerCents])).toEqual([
      [0, 3, 6, 1, 7_333],
      [1, 2, 5, 0.4, 8_800],
      [2, 1, 3, 1 / 3, 12_333],
      [3, 0, 0, null, null],
    ]);
    expect(report.averageRetention[3]?.nullReason).toMatch(/complete/);

    // Month 3: no cohort has it complete; month 2: only Jan → falls back to month 1 (Jan, Feb).
    // Retention at month 1: Feb 0.5 beats Jan 1/3.
    expect(report.retentionRanking).toMatchObject({
      ok: true,
      value: { metric: "retention", age: 1, compared: ["2026-01", "2026-02"], best: { month: "2026-02", value: 0.5 }, worst: { month: "2026-01", value: 1 / 3 } },
    });
    // LTV at the oldest complete age both reach: Feb's last complete is 1 → Jan 11333 vs Feb 5000.
    expect(report.lifetimeValueRanking).toMatchObject({
      ok: true,
      value: { age: 1, best: { month: "2026-01", value: 11_333, customers: 3 }, worst: { month: "2026-02", value: 5_000 } },
    });
  });

  it("lists empty cohorts with null retention and ranks at month 3 when cohorts are old enough", async () => {
    const store = await createCohortStore(db());
    const six = await cohortAnalysis(db(), store, { asOf: COHORT_AS_OF, months: 6 });
    // Nov 2025 is empty; Dec 2025 is F: Dec 4000, Jan 0, Feb 2500, Mar 0, Apr 0 (ages 0–4).
    const november = six.cohorts[0];
    expect(november).toMatchObject({ month: "2025-11", customers: 0 });
    expect(november?.ages[0]).toMatchObject({ activeCustomers: 0, retention: null, cumulativeRevenuePerCustomerCents: null, nullReason: "the cohort has no customers" });
    expect(november?.ages).toHaveLength(6);
    expect(table(six, "2025-12").ages.map((cell) => [cell[0], cell[1], cell[3], cell[4]])).toEqual([
      [0, 1, 4_000, 4_000],
      [1, 0, 0, 4_000],
      [2, 1, 2_500, 6_500],
      [3, 0, 0, 6_500],
      [4, 0, 0, 6_500],
    ]);
    // The Dec 20 guest order is inside this longer window: 3 guests.
    expect(six.excludedGuestOrders).toBe(3);
    expect(allNumbersFinite(six)).toBe(true);

    // As of May 20 with six cohorts (Dec–May), Dec and Jan have month 3 complete.
    // Dec: F had no March order → 0; Jan: A ordered in April → 1/3.
    // LTV through month 3 (Jan's last complete): Dec 6500; Jan 29000 + 5000 + 3000 + (3000 + 9000) = 49000 / 3 → 16333.
    const may = await cohortAnalysis(db(), store, { asOf: new Date("2026-05-20T12:00:00-06:00"), months: 6 });
    expect(may.retentionRanking).toMatchObject({ ok: true, value: { age: 3, best: { month: "2026-01", value: 1 / 3 }, worst: { month: "2025-12", value: 0 } } });
    expect(may.lifetimeValueRanking).toMatchObject({ ok: true, value: { age: 3, best: { month: "2026-01", value: 16_333 }, worst: { month: "2025-12", value: 6_500 } } });
    // By May 20 E's April refund (Apr 20) has happened: E's April revenue is 1000 − 1000 = 0.
    expect(table(may, "2026-03").ages[1]).toEqual([1, 1, 1, 0, 7_000, true]);
  });

  it("caps ages at maxAge", async () => {
    const store = await createCohortStore(db());
    const report = await cohortAnalysis(db(), store, { asOf: COHORT_AS_OF, months: 4, maxAge: 1 });
    expect(report.cohorts.map((cohort) => cohort.ages.length)).toEqual([2, 2, 2, 1]);
    expect(report.totals.revenueCents).toBe(34_000 + 10_000 + 8_000 + 5_000);
  });

  it("returns empty cohorts and explained rankings for an empty workspace, without NaN", async () => {
    const store = await createStore(db(), { slug: "empty", customers: [], orders: [] });
    const report = await cohortAnalysis(db(), store, { asOf: COHORT_AS_OF });
    expect(report.cohorts).toHaveLength(12);
    expect(report.cohorts[0]?.month).toBe("2025-05");
    expect(report.cohorts.every((cohort) => cohort.customers === 0)).toBe(true);
    expect(report.retentionRanking.ok).toBe(false);
    expect(report.lifetimeValueRanking.ok).toBe(false);
    expect(report.totals).toEqual({ customers: 0, revenueCents: 0 });
    expect(report.excludedGuestOrders).toBe(0);
    expect(allNumbersFinite(report)).toBe(true);
  });

  it("rejects bad options", async () => {
    await expect(cohortAnalysis(db(), { workspaceId: 1, timeZone: COHORT_TIME_ZONE }, { asOf: COHORT_AS_OF, months: 0 })).rejects.toThrow(InputError);
    await expect(cohortAnalysis(db(), { workspaceId: 1, timeZone: "Mars/Olympus" }, { asOf: COHORT_AS_OF })).rejects.toThrow(InputError);
  });
});
