import type { DateOnly, Json, UpdatedAt } from "./columns.ts";

/**
 * Results of analyses over complete local days (demand forecasts, anomaly findings), kept so a
 * question asked again the same day reads them instead of recomputing: db/repositories/derived-results.ts.
 * One row per workspace and key; the row answers for `as_of` only, from the days [window_start, as_of).
 */
export interface DerivedResultsTable {
  workspace_id: number;
  /** What was computed and with which settings, e.g. "inventory.demand:v1" or "anomalies:net_sales:14:56:v1". */
  key: string;
  /** The workspace-local day the result is for; its inputs end the day before. */
  as_of: DateOnly;
  /** The first local day the result read. */
  window_start: DateOnly;
  /** The workspace's generation when the computation started; a later change to past days makes it stale. */
  generation: number;
  result: Json<unknown>;
  computed_at: UpdatedAt;
}

/** Per workspace, a counter bumped whenever data of a past day changes: derived results of older generations are stale. */
export interface DerivedGenerationsTable {
  workspace_id: number;
  generation: number;
}
