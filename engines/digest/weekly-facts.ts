/**
 * The weekly report's facts for one workspace and the week just ended: the week's KPIs against the
 * previous week, what changed and why (the net-sales change by category and by sales channel),
 * customer segments worth a look (RFM), the recommended actions of the top insights, the main
 * metric by week over eight weeks for a chart, a suggested question and the data's freshness.
 */
import type { DbOrTrx } from "../../db/database.ts";
import type { Insight } from "../../db/schema/operations.ts";
import { addDays, type IsoDate } from "../../lib/calendar-date.ts";
import type { Clock } from "../../lib/clock.ts";
import { metricByName } from "../metrics/definitions/registry.ts";
import type { MetricValues } from "../metrics/query/result.ts";
import { actionFacts, insightFacts } from "./insight-facts.ts";
import { digestWorkspace, freshnessFor, kpiMetricsFor, mainMetricFor, periodKpis, querySpan, seriesFact, shiftSpan, type DigestWorkspaceRow } from "./kpi-queries.ts";
import { suggestedQuestion } from "./suggested-question.ts";
import type { DriverFact, SeriesFact, WeeklyFacts } from "./types.ts";
import { weeklyDrivers } from "./weekly-drivers.ts";
import { weeklySegments } from "./weekly-segments.ts";

/** Weeks the report's chart shows, ending with the reported one. */
export const WEEKLY_SERIES_WEEKS = 8;
/** Dimensions the report explains the net-sales change by. */
export const DRIVER_DIMENSIONS = ["category", "source_channel"] as const;

export interface WeeklyFactsOptions {
  readonly workspace: DigestWorkspaceRow;
  /** The first day of the week just ended (the workspace's week start, e.g. a Monday). */
  readonly weekStart: IsoDate;
  readonly clock: Clock;
  /** The top ranked insights, chosen by the caller; the first three are kept. */
  readonly insights: readonly Insight[];
}

/**
 * Daily points folded into 7-day weeks from the first: flows (net sales) are summed, levels (MRR)
 * are the week's last day. Exact integers, from the engine's daily values.
 */
function weeklySeries(daily: SeriesFact | null): SeriesFact | null {
  if (daily === null) return null;
  const level = metricByName(daily.metric)?.aggregation === "state";
  const points = [];
  for (let first = 0; first + 7 <= daily.points.length; first += 7) {
    const days = daily.points.slice(first, first + 7);
    const known = days.flatMap((point) => (point.value === null ? [] : [point.value]));
    const value = known.length === 0 ? null : level ? (days[days.length - 1]!.value ?? null) : known.reduce((sum, v) => sum + v, 0);
    points.push({ date: days[0]!.date, value });
  }
  return points.length < 2 ? null : { ...daily, grain: "week", points };
}

function previousValues(totals: MetricValues): MetricValues {
  return Object.fromEntries(Object.entries(totals).map(([name, value]) => [name, value.previous ?? { value: null }]));
}

export async function composeWeeklyFacts(db: DbOrTrx, options: WeeklyFactsOptions): Promise<WeeklyFacts> {
  const { workspace, weekStart, clock } = options;
  const week = { start: weekStart, end: addDays(weekStart, 7) };
  const metrics = kpiMetricsFor(workspace.vertical);
  const main = mainMetricFor(workspace.vertical);

  // Seven days against the seven before: the engine's "previous" of a day span is the same length just before.
  const totals = await querySpan(db, workspace, { metrics, span: week, comparison: "previous" }, clock);
  const kpis = periodKpis(totals.metrics, week, totals.totals, shiftSpan(week, -7), previousValues(totals.totals));

  const history = { start: addDays(week.end, -7 * WEEKLY_SERIES_WEEKS), end: week.end };
  const daily = await querySpan(db, workspace, { metrics: [main], span: history, grain: "day" }, clock);

  const sells = workspace.vertical !== "saas";
  const drivers: DriverFact[] = [];
  if (sells) {
    for (const dimension of DRIVER_DIMENSIONS) {
      const fact = await weeklyDrivers(db, workspace, week, "net_sales", dimension, clock);
      if (fact !== null && fact.drivers.length > 0) drivers.push(fact);
    }
  }
  const segments = sells ? await weeklySegments(db, workspace, week) : [];

  const insights = insightFacts(options.insights);
  const shown = new Set(kpis.kpis.map((kpi) => kpi.metric));
  return {
    kind: "weekly",
    workspace: digestWorkspace(workspace),
    week,
    kpis,
    drivers,
    segments,
    insights,
    actions: actionFacts(insights),
    series: weeklySeries(seriesFact(daily, main, "day")),
    suggestedQuestion: suggestedQuestion(insights, kpis.kpis.find((kpi) => kpi.metric === main), "last_week"),
    freshness: freshnessFor([totals, daily], shown),
  };
}
