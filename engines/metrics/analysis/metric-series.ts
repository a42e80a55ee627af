/**
 * A metric's daily series from the query engine, for the statistical analyses: the `days` complete
 * local days before today (today is still in progress), every day present, nulls as 0.
 */
import type { DbOrTrx } from "../../../db/database.ts";
import type { Clock } from "../../../lib/clock.ts";
import { addDays } from "../../../lib/calendar-date.ts";
import { err, ok, type Result } from "../../../lib/result.ts";
import type { DimensionName } from "../definitions/dimensions.ts";
import { queryMetrics, type MetricWorkspace } from "../query/execute.ts";
import type { MetricQueryError } from "../query/plan.ts";
import type { MetricQueryInput } from "../query/query-schema.ts";
import { todayIn } from "../time/utc-bounds.ts";
import type { DailySeries } from "./series-types.ts";

export interface SeriesWindow {
  /** First day (inclusive) and last day (inclusive, yesterday). */
  readonly start: string;
  readonly last: string;
}

export function windowOf(workspace: MetricWorkspace, clock: Clock, days: number): SeriesWindow {
  const last = addDays(todayIn(clock.now(), workspace.timezone), -1);
  return { start: addDays(last, -(days - 1)), last };
}

export interface MemberSeries {
  readonly total: DailySeries;
  /** Per member key (top members and "other"), with labels. */
  readonly members: ReadonlyMap<string, DailySeries>;
  readonly labels: ReadonlyMap<string, string>;
}

/** The metric per day over the window, and per member of a dimension when one is given. */
export async function dailySeries(
  db: DbOrTrx,
  workspace: MetricWorkspace,
  clock: Clock,
  metric: string,
  window: SeriesWindow,
  split: { readonly dimension: DimensionName; readonly top: number } | null = null,
  filters: MetricQueryInput["filters"] = [],
): Promise<Result<MemberSeries, MetricQueryError>> {
  const result = await queryMetrics(
    db,
    workspace,
    { metrics: [metric], range: `${window.start}..${window.last}`, grain: "day", filters, breakdown: split ? { dimension: split.dimension, top: split.top } : null },
    { clock },
  );
  if (!result.ok) return err(result.error);
  const toSeries = (points: readonly { bucket: { start: string }; values: Readonly<Record<string, { value: number | null }>> }[]): DailySeries =>
    points.map((point) => ({ date: point.bucket.start, value: point.values[metric]?.value ?? 0 }));
  const members = new Map<string, DailySeries>();
  const labels = new Map<string, string>();
  for (const row of result.value.breakdown?.rows ?? []) {
    members.set(row.member, toSeries(row.series ?? []));
    labels.set(row.member, row.label);
  }
  return ok({ total: toSeries(result.value.series ?? []), members, labels });
}
