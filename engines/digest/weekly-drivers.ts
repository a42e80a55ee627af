/**
 * What changed and why, for the weekly report: a metric (net sales) of the week and of the week
 * before, each broken down by a dimension (category, sales channel), and each member's part in the
 * change by the contribution analysis the anomaly drivers use (engines/metrics/analysis/
 * contribution.ts). The two weeks are queried apart: a member that sold the week before and nothing
 * this week (often the very cause of a drop) has no row in this week's breakdown.
 */
import type { DbOrTrx } from "../../db/database.ts";
import type { Clock } from "../../lib/clock.ts";
import { analyzeContributions } from "../metrics/analysis/contribution.ts";
import type { BreakdownRow } from "../metrics/query/result.ts";
import { querySpan, shiftSpan, type DigestWorkspaceRow } from "./kpi-queries.ts";
import type { DaySpan, DriverContribution, DriverFact } from "./types.ts";

/** Members listed per week before the rest are summed into "other" (the engine's most). */
const TOP_MEMBERS = 100;
/** Drivers a report names at most per dimension. */
export const MAX_DRIVERS = 3;

interface MemberWeeks {
  readonly member: string;
  label: string;
  other: boolean;
  current: number;
  previous: number;
}

function collect(members: Map<string, MemberWeeks>, rows: readonly BreakdownRow[], metric: string, week: "current" | "previous"): void {
  for (const row of rows) {
    const entry = members.get(row.member) ?? { member: row.member, label: row.label, other: row.other, current: 0, previous: 0 };
    entry[week] += row.values[metric]?.value ?? 0;
    members.set(row.member, entry);
  }
}

/** The drivers of `metric`'s change from the previous 7 days to `week`, by `dimension`; null when nothing moved. */
export async function weeklyDrivers(db: DbOrTrx, workspace: DigestWorkspaceRow, week: DaySpan, metric: string, dimension: string, clock: Clock): Promise<DriverFact | null> {
  const breakdown = { dimension, top: TOP_MEMBERS };
  const current = await querySpan(db, workspace, { metrics: [metric], span: week, breakdown }, clock);
  const previous = await querySpan(db, workspace, { metrics: [metric], span: shiftSpan(week, -7), breakdown, freshness: false }, clock);
  const unit = current.metrics[0]?.unit;
  if (unit === undefined) return null;
  const members = new Map<string, MemberWeeks>();
  collect(members, current.breakdown?.rows ?? [], metric, "current");
  collect(members, previous.breakdown?.rows ?? [], metric, "previous");
  if (members.size === 0) return null;
  const analysis = analyzeContributions([...members.values()].map((entry) => ({ member: entry.member, actual: entry.current, expected: entry.previous })));
  if (analysis.totalDeviation === 0) return null;
  const drivers: DriverContribution[] = analysis.contributions
    .filter((contribution) => contribution.driver)
    .slice(0, MAX_DRIVERS)
    .flatMap((contribution) => {
      const entry = members.get(contribution.member);
      if (entry === undefined) return [];
      const share = Math.round(contribution.share * 1e4) / 1e4;
      return [{ member: entry.member, label: entry.label, other: entry.other, current: entry.current, previous: entry.previous, change: contribution.deviation, share }];
    });
  return { metric, unit, dimension, direction: analysis.direction, totalChange: analysis.totalDeviation, drivers };
}
