/**
 * Anomalies in a metric's recent days, explained: the daily series from the query engine, the
 * seasonality-aware robust detector (anomaly-detection.ts), and for each anomalous day the members
 * of the most telling dimension that drove it (contribution analysis over each candidate dimension,
 * keeping the one whose top driver explains the largest share).
 */
import type { DbOrTrx } from "../../../db/database.ts";
import type { Clock } from "../../../lib/clock.ts";
import { err, ok, type Result } from "../../../lib/result.ts";
import type { DimensionName } from "../definitions/dimensions.ts";
import { findMetric } from "../definitions/registry.ts";
import type { MetricDefinition } from "../definitions/types.ts";
import type { MetricWorkspace } from "../query/execute.ts";
import type { MetricQueryError } from "../query/plan.ts";
import { detectAnomalies, type Anomaly, type AnomalySkipReason } from "./anomaly-detection.ts";
import { contributionsFromSeries, type SeriesContributionResult } from "./contribution-series.ts";
import { dailySeries, windowOf, type MemberSeries, type SeriesWindow } from "./metric-series.ts";

export interface AnomalyDrivers {
  readonly dimension: DimensionName;
  readonly result: SeriesContributionResult;
  /** Member key → label. */
  readonly labels: Readonly<Record<string, string>>;
}

export interface ExplainedAnomaly extends Anomaly {
  /** The members that drove it, in the most telling dimension; null for non-additive metrics. */
  readonly drivers: AnomalyDrivers | null;
}

export interface AnomalyFindings {
  readonly metric: string;
  readonly window: SeriesWindow;
  readonly evaluatedDays: number;
  readonly skippedReason: AnomalySkipReason | null;
  readonly anomalies: readonly ExplainedAnomaly[];
  readonly dimensionsExamined: readonly DimensionName[];
}

export interface AnomalySearch {
  readonly metric?: string;
  /** Recent days to evaluate (default 14). */
  readonly lookbackDays?: number;
  /** Days of history each day is judged against (default 56). */
  readonly historyDays?: number;
  /** Dimensions to look for drivers in (default: the metric's usual suspects). */
  readonly dimensions?: readonly DimensionName[];
  readonly threshold?: number;
}

export const DEFAULT_METRIC = "net_sales";
export const DEFAULT_LOOKBACK_DAYS = 14;
export const DEFAULT_HISTORY_DAYS = 56;

const SUSPECTS: readonly DimensionName[] = ["source_channel", "category", "customer_type", "state", "platform", "campaign", "source_medium"];

function additive(metric: MetricDefinition): boolean {
  return metric.aggregation === "flow" && (metric.unit === "money" || metric.unit === "count");
}

function candidateDimensions(metric: MetricDefinition, requested: readonly DimensionName[] | undefined): DimensionName[] {
  const wanted = requested ?? SUSPECTS;
  return wanted.filter((dimension) => metric.dimensions.includes(dimension));
}

function strongest(candidates: readonly AnomalyDrivers[]): AnomalyDrivers | null {
  let best: AnomalyDrivers | null = null;
  for (const candidate of candidates) {
    const top = candidate.result.contributions[0]?.share ?? 0;
    if (best === null || top > (best.result.contributions[0]?.share ?? 0)) best = candidate;
  }
  return best;
}

export async function findAnomalies(db: DbOrTrx, workspace: MetricWorkspace, clock: Clock, search: AnomalySearch = {}): Promise<Result<AnomalyFindings, MetricQueryError>> {
  const metric = findMetric(search.metric ?? DEFAULT_METRIC);
  if (!metric) return err({ code: "unknown_metric", message: `Unknown metric "${search.metric ?? ""}".` });
  const lookbackDays = search.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  const historyDays = search.historyDays ?? DEFAULT_HISTORY_DAYS;
  const window = windowOf(workspace, clock, lookbackDays + historyDays);
  const total = await dailySeries(db, workspace, clock, metric.name, window);
  if (!total.ok) return total;
  const report = detectAnomalies(total.value.total, { lookbackDays, historyDays, ...(search.threshold === undefined ? {} : { threshold: search.threshold }) });

  const dimensions = additive(metric) ? candidateDimensions(metric, search.dimensions) : [];
  const splits = new Map<DimensionName, MemberSeries>();
  if (report.anomalies.length > 0) {
    for (const dimension of dimensions) {
      const split = await dailySeries(db, workspace, clock, metric.name, window, { dimension, top: 8 });
      if (!split.ok) return split;
      splits.set(dimension, split.value);
    }
  }
  const anomalies = report.anomalies.map((anomaly): ExplainedAnomaly => {
    const candidates = [...splits].map(([dimension, split]) => ({
      dimension,
      result: contributionsFromSeries(split.members, anomaly.date, { direction: anomaly.direction, historyDays }),
      labels: Object.fromEntries(split.labels),
    }));
    return { ...anomaly, drivers: strongest(candidates) };
  });
  return ok({ metric: metric.name, window, evaluatedDays: report.evaluatedDays, skippedReason: report.skippedReason, anomalies, dimensionsExamined: dimensions });
}
