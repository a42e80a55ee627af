/**
 * Monthly acquisition cohorts: customers grouped by the local month of their first order, and what
 * each group bought in the months that followed (retention and lifetime value to date).
 */
import type { DbOrTrx } from "../../../db/database.ts";
import { averageRetentionCurve, rankByLifetimeValue, rankByRetention } from "./cohorts-ranking.ts";
import { cohortMonthKey, queryCohortCells, queryCohortContext, type CohortCellRow } from "./cohorts-sql.ts";
import type { Cohort, CohortAgeCell, CohortReport } from "./cohorts-types.ts";
import { assertAnalysisInput, assertIntegerOption, roundCents, type AnalysisScope } from "./order-revenue.ts";

export type * from "./cohorts-types.ts";

export interface CohortOptions {
  /** Everything at or before this instant counts: orders placed and refunds refunded. */
  readonly asOf: Date;
  /** How many cohorts to list: the most recent local months, ending with asOf's month. Default 12 (1–240). */
  readonly months?: number;
  /** Oldest age (months since the first order) to compute. Default 12 (0–240). */
  readonly maxAge?: number;
}

const EMPTY_COHORT = "the cohort has no customers";

function buildCohort(monthIndex: number, asOfMonth: number, maxAge: number, cells: ReadonlyMap<number, CohortCellRow>): Cohort {
  // Every customer of a cohort orders in its month 0 by definition, so size = month-0 actives.
  const size = cells.get(0)?.activeCustomers ?? 0;
  const lastAge = Math.min(maxAge, asOfMonth - monthIndex);
  const ages: CohortAgeCell[] = [];
  let cumulative = 0;
  for (let age = 0; age <= lastAge; age++) {
    const cell = cells.get(age);
    const active = cell?.activeCustomers ?? 0;
    const revenue = cell?.revenueCents ?? 0;
    cumulative += revenue;
    ages.push({
      age,
      month: cohortMonthKey(monthIndex + age),
      activeCustomers: active,
      retention: size > 0 ? active / size : null,
      nullReason: size > 0 ? null : EMPTY_COHORT,
      revenueCents: revenue,
      cumulativeRevenueCents: cumulative,
      cumulativeRevenuePerCustomerCents: size > 0 ? roundCents(cumulative / size) : null,
      complete: monthIndex + age < asOfMonth,
    });
  }
  return { month: cohortMonthKey(monthIndex), customers: size, ages };
}

/**
 * Monthly acquisition cohorts as of `asOf`, in the scope's time zone.
 *
 * - Revenue is net revenue (order-revenue.ts): cancelled orders never count, refunds at or before
 *   asOf reduce the month the order was placed in. Guest orders (no customer) are left out and counted.
 * - A customer's first order is their earliest non-cancelled order placed at or before asOf (from
 *   orders, not customers.first_order_at); their cohort is its local month. Customers first seen
 *   before the first listed month are in no listed cohort, even when they order inside the window.
 * - Age k is the local month cohort + k; ages run 0 … min(maxAge, months to asOf's month). The asOf
 *   month is marked complete: false; averages and rankings use complete months only.
 * - Money is integer minor units; per-customer figures are rounded to whole minor units (halves up).
 *
 * Grouped in the database (cohorts-sql.ts): one aggregate over the workspace's orders finds first
 * orders, then the window's orders are grouped by (cohort, month), so O(cohorts × ages) rows return.
 */
export async function cohortAnalysis(db: DbOrTrx, scope: AnalysisScope, options: CohortOptions): Promise<CohortReport> {
  const months = options.months ?? 12;
  const maxAge = options.maxAge ?? 12;
  assertAnalysisInput(scope, options.asOf);
  assertIntegerOption("months", months, 1, 240);
  assertIntegerOption("maxAge", maxAge, 0, 240);

  const context = await queryCohortContext(db, scope, options.asOf, months);
  const firstCohortMonth = context.asOfMonth - (months - 1);
  const rows = await queryCohortCells(db, scope, { asOf: options.asOf, windowStart: context.windowStart, maxAge });

  const byCohort = new Map<number, Map<number, CohortCellRow>>();
  for (const row of rows) {
    let cells = byCohort.get(row.cohortMonth);
    if (!cells) byCohort.set(row.cohortMonth, (cells = new Map<number, CohortCellRow>()));
    cells.set(row.age, row);
  }
  const cohorts: Cohort[] = [];
  for (let index = firstCohortMonth; index <= context.asOfMonth; index++) {
    cohorts.push(buildCohort(index, context.asOfMonth, maxAge, byCohort.get(index) ?? new Map<number, CohortCellRow>()));
  }

  return {
    workspaceId: scope.workspaceId,
    timeZone: scope.timeZone,
    asOf: options.asOf.toISOString(),
    asOfMonth: cohortMonthKey(context.asOfMonth),
    months,
    maxAge,
    cohorts,
    averageRetention: averageRetentionCurve(cohorts, Math.min(maxAge, months - 1)),
    retentionRanking: rankByRetention(cohorts, maxAge),
    lifetimeValueRanking: rankByLifetimeValue(cohorts, maxAge),
    totals: {
      customers: cohorts.reduce((sum, cohort) => sum + cohort.customers, 0),
      revenueCents: cohorts.reduce((sum, cohort) => sum + (cohort.ages.at(-1)?.cumulativeRevenueCents ?? 0), 0),
    },
    excludedGuestOrders: context.excludedGuestOrders,
  };
}
