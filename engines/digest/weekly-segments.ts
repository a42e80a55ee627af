/**
 * Customer segments worth a look in the weekly report: the RFM segments of good customers who
 * stopped buying (at risk, cannot lose them), as of the end of the week and a week earlier, so the
 * report can say whether the group is growing.
 */
import type { DbOrTrx } from "../../db/database.ts";
import { addDays } from "../../lib/calendar-date.ts";
import { rfmAnalysis, type RfmReport, type RfmSegment } from "../metrics/analysis/rfm.ts";
import { localMidnightUtc } from "../metrics/time/utc-bounds.ts";
import type { DigestWorkspaceRow } from "./kpi-queries.ts";
import type { DaySpan, SegmentFact } from "./types.ts";

/** The segments the report watches, most valuable first. */
export const WATCHED_SEGMENTS: readonly RfmSegment[] = ["cannot_lose_them", "at_risk"];

/** The last instant of the local day before `end`. */
function endOf(end: string, timeZone: string): Date {
  return new Date(localMidnightUtc(end, timeZone).getTime() - 1);
}

function summary(report: RfmReport, segment: RfmSegment) {
  return report.segments.find((candidate) => candidate.segment === segment);
}

/** The watched segments that have customers at the end of `week`. */
export async function weeklySegments(db: DbOrTrx, workspace: DigestWorkspaceRow, week: DaySpan): Promise<SegmentFact[]> {
  const scope = { workspaceId: workspace.id, timeZone: workspace.timezone };
  const now = await rfmAnalysis(db, scope, { asOf: endOf(week.end, workspace.timezone) });
  const before = await rfmAnalysis(db, scope, { asOf: endOf(addDays(week.end, -7), workspace.timezone) });
  return WATCHED_SEGMENTS.flatMap((segment) => {
    const current = summary(now, segment);
    if (current === undefined || current.customers === 0) return [];
    return [{ segment, customers: current.customers, customersWeekBefore: summary(before, segment)?.customers ?? 0, revenueCents: current.revenueCents, avgRecencyDays: current.avgRecencyDays }];
  });
}
