/** cohort_analysis: monthly acquisition cohorts (retention and LTV to date) as a tool. */
import type { z } from "zod";
import { cohortAnalysis, type CohortReport } from "../../engines/metrics/analysis/cohorts.ts";
import { freshnessOf } from "../../engines/metrics/query/freshness.ts";
import type { ToolFactory } from "../tool-contract.ts";
import { toolData, toolError } from "../tool-outcome.ts";
import { cohortAnalysisContract } from "./analysis-contracts.ts";

export type CohortAnalysisArgs = z.output<typeof cohortAnalysisContract.schema>;
/** The engine's report: cohorts oldest first, average retention curve, best/worst rankings, totals. */
export type CohortAnalysisData = CohortReport;

const TOOL = cohortAnalysisContract.name;

export const createCohortAnalysisTool: ToolFactory<typeof cohortAnalysisContract.schema, CohortAnalysisData> = (deps) => async (args) => {
  const freshness = await freshnessOf(deps.db, deps.workspace.id, ["orders"]);
  if (freshness.every((entry) => entry.latestData === null)) return toolError(TOOL, "no_data", "The workspace has no orders yet, so there are no customer cohorts.");
  const report = await cohortAnalysis(deps.db, { workspaceId: deps.workspace.id, timeZone: deps.workspace.timezone }, { asOf: deps.clock.now(), months: args.months, maxAge: args.maxAge });
  return toolData(TOOL, report, freshness);
};
