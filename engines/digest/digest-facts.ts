/**
 * The daily digest's facts for one workspace and local day: yesterday's KPIs against the same
 * weekday a week earlier, the week to date against the same days of the previous week, the main
 * metric's last 14 days for a chart, the top insights, the pending approvals, one suggested
 * question and the data's freshness. Three metric queries (freshness read once); every figure comes from the engine.
 * The figures are the same for every member of a workspace on a day: composeDigestMetrics makes them
 * once, and composeDigestFacts takes them back for each member.
 */
import type { DbOrTrx } from "../../db/database.ts";
import { listPendingProposals, type ProposalView } from "../../db/repositories/price-proposals.ts";
import type { Insight } from "../../db/schema/operations.ts";
import { addDays, type IsoDate } from "../../lib/calendar-date.ts";
import type { Clock } from "../../lib/clock.ts";
import { periodStart } from "../metrics/time/periods.ts";
import { insightFacts, pendingApproval } from "./insight-facts.ts";
import { digestWorkspace, freshnessFor, kpiMetricsFor, mainMetricFor, periodKpis, querySpan, seriesFact, shiftSpan, spanEndingOn, type DigestWorkspaceRow } from "./kpi-queries.ts";
import { suggestedQuestion } from "./suggested-question.ts";
import type { DigestFacts } from "./types.ts";

/** Days the digest's chart shows, ending yesterday (two whole weeks, so weekdays line up). */
export const DIGEST_SERIES_DAYS = 14;

/** The member-independent part of a digest: the same for every member of a workspace on a day. */
export type DigestMetrics = Pick<DigestFacts, "day" | "weekToDate" | "weekComplete" | "series" | "freshness">;

export interface DigestMetricsOptions {
  readonly workspace: DigestWorkspaceRow;
  /** The member's local day the digest is for; it reports the day before. */
  readonly date: IsoDate;
  readonly clock: Clock;
}

export interface DigestFactsOptions extends DigestMetricsOptions {
  /** The top ranked insights, chosen by the caller; the first three are kept. */
  readonly insights: readonly Insight[];
  /** Pending proposals already read (one read for several members); read here when absent. */
  readonly pendingApprovals?: readonly ProposalView[];
  /** The figures already composed for this workspace and date (one composition for several members). */
  readonly metrics?: DigestMetrics;
}

/** The digest's figures: three metric queries, every number from the engine. */
export async function composeDigestMetrics(db: DbOrTrx, options: DigestMetricsOptions): Promise<DigestMetrics> {
  const { workspace, date, clock } = options;
  const yesterday = addDays(date, -1);
  const metrics = kpiMetricsFor(workspace.vertical);

  // One daily query over two weeks: the chart, yesterday (the last day) and the same weekday a week earlier.
  const fortnight = spanEndingOn(yesterday, DIGEST_SERIES_DAYS);
  const daily = await querySpan(db, workspace, { metrics, span: fortnight, grain: "day" }, clock);
  const points = daily.series ?? [];
  const dayPoint = points.find((point) => point.bucket.start === yesterday);
  const weekEarlier = addDays(yesterday, -7);
  const weekEarlierPoint = points.find((point) => point.bucket.start === weekEarlier);
  const daySpan = spanEndingOn(yesterday, 1);
  const day = periodKpis(daily.metrics, daySpan, dayPoint?.values ?? {}, shiftSpan(daySpan, -7), weekEarlierPoint?.values ?? {});

  // The week that holds yesterday, through yesterday, against the same days a week earlier.
  const weekStart = periodStart(yesterday, "week", workspace.week_start);
  const toDate = { start: weekStart, end: date };
  const before = shiftSpan(toDate, -7);
  // Freshness does not depend on the span: the daily query read it for these metrics' sources.
  const current = await querySpan(db, workspace, { metrics, span: toDate, freshness: false }, clock);
  const previous = await querySpan(db, workspace, { metrics, span: before, freshness: false }, clock);
  const weekToDate = periodKpis(current.metrics, toDate, current.totals, before, previous.totals);

  const shown = new Set([...day.kpis, ...weekToDate.kpis].map((kpi) => kpi.metric));
  return {
    day,
    weekToDate,
    weekComplete: addDays(weekStart, 7) === date,
    series: seriesFact(daily, mainMetricFor(workspace.vertical), "day"),
    freshness: freshnessFor([daily, current, previous], shown),
  };
}

export async function composeDigestFacts(db: DbOrTrx, options: DigestFactsOptions): Promise<DigestFacts> {
  const { workspace, date, clock } = options;
  const figures = options.metrics ?? (await composeDigestMetrics(db, options));
  const insights = insightFacts(options.insights);
  const proposals = options.pendingApprovals ?? (await listPendingProposals(db, workspace.id, clock.now()));
  const main = mainMetricFor(workspace.vertical);
  return {
    kind: "daily",
    workspace: digestWorkspace(workspace),
    date,
    yesterday: addDays(date, -1),
    day: figures.day,
    weekToDate: figures.weekToDate,
    weekComplete: figures.weekComplete,
    series: figures.series,
    insights,
    pendingApprovals: proposals.map((proposal) => pendingApproval(proposal, workspace.currency)),
    suggestedQuestion: suggestedQuestion(insights, figures.day.kpis.find((kpi) => kpi.metric === main), "yesterday"),
    freshness: figures.freshness,
  };
}
