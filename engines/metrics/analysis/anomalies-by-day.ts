/**
 * Anomaly findings once per workspace, metric and day: they read only complete days (the window ends
 * yesterday), so the first question of the day computes them (metric-anomalies.ts: the series, the
 * detector and the driver analysis over several dimensions) and later ones read them back, until an
 * import or sync changes one of the days they read (engines/derived/cached-by-day.ts).
 */
import type { DbOrTrx } from "../../../db/database.ts";
import { addDays } from "../../../lib/calendar-date.ts";
import type { Clock } from "../../../lib/clock.ts";
import type { Result } from "../../../lib/result.ts";
import { cachedByDay } from "../../derived/cached-by-day.ts";
import type { MetricWorkspace } from "../query/execute.ts";
import type { MetricQueryError } from "../query/plan.ts";
import { anomalyFindingsSchema } from "./anomaly-findings-schema.ts";
import { DEFAULT_HISTORY_DAYS, DEFAULT_LOOKBACK_DAYS, DEFAULT_METRIC, findAnomalies, type AnomalyFindings, type AnomalySearch } from "./metric-anomalies.ts";
import { windowOf } from "./metric-series.ts";

/** Bump when the detector, the driver analysis or the findings' shape changes. */
const VERSION = "v1";

export async function findAnomaliesOncePerDay(db: DbOrTrx, workspace: MetricWorkspace, clock: Clock, search: AnomalySearch = {}): Promise<Result<AnomalyFindings, MetricQueryError>> {
  const lookbackDays = search.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  const historyDays = search.historyDays ?? DEFAULT_HISTORY_DAYS;
  const window = windowOf(workspace, clock, lookbackDays + historyDays);
  const key = ["anomalies", search.metric ?? DEFAULT_METRIC, lookbackDays, historyDays, search.threshold ?? "default", search.dimensions?.join("+") ?? "suspects", VERSION].join(":");
  return cachedByDay(db, workspace.id, {
    key,
    asOf: addDays(window.last, 1),
    windowStart: window.start,
    schema: anomalyFindingsSchema,
    compute: () => findAnomalies(db, workspace, clock, search),
  });
}
