/**
 * Summaries over built cohorts: the size-weighted average curve and the best/worst rankings. Only
 * complete months count (the asOf month is still in progress), and empty cohorts never compete.
 */
import { err, ok, type Result } from "../../../lib/result.ts";
import type { AverageRetentionPoint, Cohort, CohortRankEntry, CohortRanking } from "./cohorts-types.ts";
import { roundCents } from "./order-revenue.ts";

/** Cohorts are ranked on retention at this age when enough of them have it complete. */
export const PREFERRED_RANKING_AGE = 3;
/** A ranking needs at least this many cohorts. */
export const MIN_RANKED_COHORTS = 2;

function completeCell(cohort: Cohort, age: number) {
  const cell = cohort.ages[age];
  return cell?.complete ? cell : undefined;
}

/** Size-weighted average at each age 0 … lastAge over non-empty cohorts with that age complete. */
export function averageRetentionCurve(cohorts: readonly Cohort[], lastAge: number): AverageRetentionPoint[] {
  const points: AverageRetentionPoint[] = [];
  for (let age = 0; age <= lastAge; age++) {
    let count = 0;
    let customers = 0;
    let active = 0;
    let cumulative = 0;
    for (const cohort of cohorts) {
      const cell = completeCell(cohort, age);
      if (!cell || cohort.customers === 0) continue;
      count += 1;
      customers += cohort.customers;
      active += cell.activeCustomers;
      cumulative += cell.cumulativeRevenueCents;
    }
    points.push({
      age,
      cohorts: count,
      customers,
      activeCustomers: active,
      retention: customers > 0 ? active / customers : null,
      cumulativeRevenuePerCustomerCents: customers > 0 ? roundCents(cumulative / customers) : null,
      nullReason: customers > 0 ? null : `no cohort with customers has month ${age} complete yet`,
    });
  }
  return points;
}

interface Candidate {
  readonly cohort: Cohort;
  /** Exact value compared (unrounded). */
  readonly score: number;
  /** Value reported. */
  readonly value: number;
}

/** Higher score first; ties go to the larger cohort, then the older month. */
function pick(candidates: readonly Candidate[], best: boolean): CohortRankEntry {
  const sorted = [...candidates].sort(
    (a, b) => (best ? b.score - a.score : a.score - b.score) || b.cohort.customers - a.cohort.customers || a.cohort.month.localeCompare(b.cohort.month),
  );
  const first = sorted[0];
  if (!first) throw new Error("pick() needs candidates");
  return { month: first.cohort.month, customers: first.cohort.customers, value: first.value };
}

/** Non-empty cohorts whose month at `age` is complete. */
function eligibleAt(cohorts: readonly Cohort[], age: number): Cohort[] {
  return cohorts.filter((cohort) => cohort.customers > 0 && completeCell(cohort, age) !== undefined);
}

/** The ranking age: PREFERRED_RANKING_AGE (capped at maxAge) or, failing that, the oldest age ≥ 1 with enough cohorts. */
function rankingAge(cohorts: readonly Cohort[], maxAge: number): number | undefined {
  for (let age = Math.min(PREFERRED_RANKING_AGE, maxAge); age >= 1; age--) {
    if (eligibleAt(cohorts, age).length >= MIN_RANKED_COHORTS) return age;
  }
  return undefined;
}

const NOT_ENOUGH = `fewer than ${MIN_RANKED_COHORTS} cohorts with customers have a complete month 1 to compare`;

/**
 * Best and worst cohort by retention at month 3 (or, when fewer than two non-empty cohorts are that
 * old, the oldest month from 2 down to 1 that at least two have complete).
 */
export function rankByRetention(cohorts: readonly Cohort[], maxAge: number): Result<CohortRanking, string> {
  const age = rankingAge(cohorts, maxAge);
  if (age === undefined) return err(maxAge < 1 ? "maxAge is 0: retention after the first month is not computed" : NOT_ENOUGH);
  const compared = eligibleAt(cohorts, age);
  const candidates = compared.map((cohort) => {
    const retention = completeCell(cohort, age)?.retention ?? 0;
    return { cohort, score: retention, value: retention };
  });
  return ok({
    metric: "retention",
    age,
    criterion: `retention in month ${age} after the first order, among the ${compared.length} cohorts with customers whose month ${age} is complete; ties go to the larger cohort`,
    compared: compared.map((cohort) => cohort.month),
    best: pick(candidates, true),
    worst: pick(candidates, false),
  });
}

/**
 * Best and worst cohort by lifetime value to date (cumulative net revenue per customer), comparing
 * the same cohorts as the retention ranking at the oldest complete age all of them reach.
 */
export function rankByLifetimeValue(cohorts: readonly Cohort[], maxAge: number): Result<CohortRanking, string> {
  const retentionAge = rankingAge(cohorts, maxAge);
  if (retentionAge === undefined) return err(maxAge < 1 ? "maxAge is 0: lifetime value after the first month is not computed" : NOT_ENOUGH);
  const compared = eligibleAt(cohorts, retentionAge);
  const lastComplete = (cohort: Cohort) => cohort.ages.filter((cell) => cell.complete).length - 1;
  const age = Math.min(...compared.map(lastComplete));
  const candidates = compared.map((cohort) => {
    const cumulative = completeCell(cohort, age)?.cumulativeRevenueCents ?? 0;
    return { cohort, score: cumulative / cohort.customers, value: roundCents(cumulative / cohort.customers) };
  });
  return ok({
    metric: "cumulative_revenue_per_customer",
    age,
    criterion: `cumulative net revenue per customer through month ${age} (the oldest complete month all compared cohorts reach), among the ${compared.length} cohorts with customers whose month ${retentionAge} is complete; ties go to the larger cohort`,
    compared: compared.map((cohort) => cohort.month),
    best: pick(candidates, true),
    worst: pick(candidates, false),
  });
}
