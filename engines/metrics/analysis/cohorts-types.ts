/** The shape of a cohort analysis report (see cohortAnalysis in cohorts.ts for the semantics). */
import type { Result } from "../../../lib/result.ts";

/** What one cohort did in one month of its life. */
export interface CohortAgeCell {
  /** Months since the cohort month: 0 is the month of the customers' first order. */
  readonly age: number;
  /** 'YYYY-MM' of the calendar month this cell counts (cohort month + age). */
  readonly month: string;
  /** Distinct customers of the cohort with at least one non-cancelled order in that local month. */
  readonly activeCustomers: number;
  /** activeCustomers ÷ cohort customers, 0–1; null when the cohort has no customers. */
  readonly retention: number | null;
  /** Why retention (and the per-customer figure) is null; null when they are not. */
  readonly nullReason: string | null;
  /** Net revenue of the cohort's orders placed in that month, in minor units. */
  readonly revenueCents: number;
  /** Net revenue of the cohort from age 0 through this age, in minor units. */
  readonly cumulativeRevenueCents: number;
  /** Lifetime value to date: cumulativeRevenueCents ÷ cohort customers, rounded to whole minor units; null when empty. */
  readonly cumulativeRevenuePerCustomerCents: number | null;
  /** False for the asOf month, which is still in progress (its figures will grow). */
  readonly complete: boolean;
}

/** Customers acquired in one local month and what they did afterwards. */
export interface Cohort {
  /** 'YYYY-MM': the local month of the customers' first non-cancelled order. */
  readonly month: string;
  /** Cohort size: customers whose first order fell in this month. */
  readonly customers: number;
  /** Ages 0 … min(maxAge, months from the cohort month to the asOf month), oldest age last. */
  readonly ages: readonly CohortAgeCell[];
}

/** The size-weighted average of the cohorts at one age, over cohorts whose month at that age is complete. */
export interface AverageRetentionPoint {
  readonly age: number;
  /** Non-empty cohorts with this age complete (the asOf month is never included). */
  readonly cohorts: number;
  /** Σ their sizes: the weight. */
  readonly customers: number;
  /** Σ their active customers at this age. */
  readonly activeCustomers: number;
  /** activeCustomers ÷ customers (that is, retention weighted by cohort size); null when no cohort qualifies. */
  readonly retention: number | null;
  /** Σ cumulative revenue at this age ÷ customers, rounded to whole minor units; null when no cohort qualifies. */
  readonly cumulativeRevenuePerCustomerCents: number | null;
  readonly nullReason: string | null;
}

/** One side of a ranking. */
export interface CohortRankEntry {
  readonly month: string;
  readonly customers: number;
  /** Retention (0–1) or cumulative revenue per customer in minor units, per the ranking's metric. */
  readonly value: number;
}

/** The best and worst cohort by one metric at one age, among cohorts that can be compared fairly. */
export interface CohortRanking {
  readonly metric: "retention" | "cumulative_revenue_per_customer";
  /** The age at which cohorts are compared. */
  readonly age: number;
  /** The rule in words, for the report. */
  readonly criterion: string;
  /** Months ('YYYY-MM') of the cohorts compared. */
  readonly compared: readonly string[];
  readonly best: CohortRankEntry;
  readonly worst: CohortRankEntry;
}

/** Monthly acquisition cohorts of a workspace's customers as of an instant. */
export interface CohortReport {
  readonly workspaceId: number;
  readonly timeZone: string;
  /** ISO instant the report is as of. */
  readonly asOf: string;
  /** 'YYYY-MM' of asOf in the time zone: the newest cohort, still in progress. */
  readonly asOfMonth: string;
  /** Number of cohorts listed (the most recent months, ending with asOfMonth). */
  readonly months: number;
  /** Oldest age listed. */
  readonly maxAge: number;
  /** Every month of the window, oldest first, empty ones included. */
  readonly cohorts: readonly Cohort[];
  /** Ages 0 … min(maxAge, months − 1). */
  readonly averageRetention: readonly AverageRetentionPoint[];
  /** Best and worst cohort by retention, or why no ranking is possible. */
  readonly retentionRanking: Result<CohortRanking, string>;
  /** Best and worst cohort by lifetime value to date, or why no ranking is possible. */
  readonly lifetimeValueRanking: Result<CohortRanking, string>;
  /** Customers in the listed cohorts and their net revenue over the listed ages. */
  readonly totals: { readonly customers: number; readonly revenueCents: number };
  /** Non-cancelled orders without a customer placed in the window (first cohort month's start … asOf), left out. */
  readonly excludedGuestOrders: number;
}
