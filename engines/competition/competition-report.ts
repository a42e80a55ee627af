/** Competitor prices for a workspace over a window: comparisons and undercuts from one read. */
import type { DbOrTrx } from "../../db/database.ts";
import { comparePrices, findUndercuts, type ProductComparison, type Undercut } from "./compare-prices.ts";
import { readObservations, type ObservationFilter } from "./competitor-sql.ts";

export interface CompetitionReport {
  /** Observations inside the window. */
  readonly observations: number;
  readonly comparisons: readonly ProductComparison[];
  readonly undercuts: readonly Undercut[];
}

export async function competitionReport(db: DbOrTrx, workspaceId: number, window: { readonly startUtc: Date; readonly endUtc: Date }, filter: ObservationFilter): Promise<CompetitionReport> {
  const observations = await readObservations(db, workspaceId, window.startUtc, window.endUtc, filter);
  return {
    observations: observations.filter((o) => !o.beforeWindow).length,
    comparisons: comparePrices(observations),
    undercuts: findUndercuts(observations),
  };
}
