/**
 * query_metrics: the metrics engine's query as a tool. Bad queries come back as typed errors with
 * close matches (metric names, dimensions, members) so the model can retry or ask the person.
 */
import type { z } from "zod";
import { assertNever } from "../../lib/assert-never.ts";
import { findMetric } from "../../engines/metrics/definitions/registry.ts";
import { isDimensionName, listDimensions } from "../../engines/metrics/definitions/dimensions.ts";
import { queryMetrics } from "../../engines/metrics/query/execute.ts";
import type { MetricQueryError } from "../../engines/metrics/query/plan.ts";
import type { MetricQueryResult } from "../../engines/metrics/query/result.ts";
import type { DbOrTrx } from "../../db/database.ts";
import type { ToolFactory } from "../tool-contract.ts";
import { toolData, toolError, type ToolOutcome } from "../tool-outcome.ts";
import { closestMetricNames, closestNames } from "./metric-facts.ts";
import { closestMembers, unknownMemberOf } from "./member-suggestions.ts";
import { queryMetricsContract } from "./query-metrics-contract.ts";

export type QueryMetricsArgs = z.output<typeof queryMetricsContract.schema>;
/** The engine's result as is: totals, series, breakdown, freshness. */
export type QueryMetricsData = MetricQueryResult;

const TOOL = queryMetricsContract.name;

async function errorOutcome(db: DbOrTrx, workspaceId: number, args: QueryMetricsArgs, error: MetricQueryError): Promise<ToolOutcome<never>> {
  switch (error.code) {
    case "unknown_metric": {
      const unknown = args.metrics.find((name) => findMetric(name) === undefined);
      if (unknown === undefined) return toolError(TOOL, "invalid_request", error.message, args.metrics);
      return toolError(TOOL, "not_found", error.message, closestMetricNames(unknown));
    }
    case "unknown_dimension": {
      const names = listDimensions().map((dimension) => dimension.name);
      const wanted = [...args.filters.map((filter) => filter.dimension), ...(args.breakdown ? [args.breakdown.dimension] : [])].find((name) => !isDimensionName(name)) ?? "";
      const close = closestNames(wanted, names);
      return toolError(TOOL, "not_found", error.message, close.length > 0 ? close : names);
    }
    case "unsupported_dimension": {
      const allowed = args.metrics.map((name) => findMetric(name)).find((metric) => metric !== undefined)?.dimensions ?? [];
      return toolError(TOOL, "invalid_request", error.message, allowed.filter((name) => name !== "attr.*"));
    }
    case "invalid_range":
      return toolError(TOOL, "invalid_request", error.message);
    case "unknown_member": {
      const member = unknownMemberOf(error.message);
      const close = member ? await closestMembers(db, workspaceId, member.dimension, member.value) : [];
      return toolError(TOOL, "not_found", error.message, close);
    }
    default:
      return assertNever(error.code, "metric query error");
  }
}

export const createQueryMetricsTool: ToolFactory<typeof queryMetricsContract.schema, QueryMetricsData> = (deps) => async (args) => {
  const result = await queryMetrics(deps.db, deps.workspace, args, { clock: deps.clock });
  if (!result.ok) {
    deps.logger.debug("query_metrics refused", { code: result.error.code });
    return errorOutcome(deps.db, deps.workspace.id, args, result.error);
  }
  const freshness = result.value.freshness;
  if (freshness.length > 0 && freshness.every((entry) => entry.latestData === null)) {
    const sources = freshness.map((entry) => entry.source).join(", ");
    return toolError(TOOL, "no_data", `The workspace has no ${sources} data yet, so ${args.metrics.join(", ")} cannot be computed.`);
  }
  return toolData(TOOL, result.value, freshness);
};
