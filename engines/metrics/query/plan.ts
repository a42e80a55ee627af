/**
 * Validates a metric query against the catalog and the workspace, and plans it: the metrics, the
 * resolved ranges, the grain (line or order) the commerce facts are read at, and the measures each
 * fact must provide.
 */
import type { DbOrTrx } from "../../../db/database.ts";
import { err, ok, type Result } from "../../../lib/result.ts";
import { isAttributeDimension, isDimensionName, isLineDimension, type DimensionName } from "../definitions/dimensions.ts";
import { findMetric, METRICS } from "../definitions/registry.ts";
import type { MeasureContext, MetricDefinition } from "../definitions/types.ts";
import { splitMeasure, type FactName } from "../facts/measures.ts";
import type { MetricScope, ResolvedFilter } from "../facts/types.ts";
import { comparisonRange } from "../time/comparison.ts";
import { parseRangeText } from "../time/parse-range-text.ts";
import { resolveRange } from "../time/resolve-range.ts";
import type { Comparison, Grain, ResolvedRange } from "../time/types.ts";
import { resolveMemberKeys } from "./members.ts";
import type { MetricQuery } from "./query-schema.ts";

export const METRIC_QUERY_ERROR_CODES = ["unknown_metric", "unknown_dimension", "unsupported_dimension", "invalid_range", "unknown_member"] as const;
export type MetricQueryErrorCode = (typeof METRIC_QUERY_ERROR_CODES)[number];

/** A query that cannot run as asked; the message says what to change. */
export interface MetricQueryError {
  readonly code: MetricQueryErrorCode;
  readonly message: string;
}

export interface PlannedBreakdown {
  readonly dimension: DimensionName;
  readonly top: number;
  readonly sortBy: MetricDefinition;
  readonly direction: "asc" | "desc";
}

export interface QueryPlan {
  readonly scope: MetricScope;
  readonly metrics: readonly MetricDefinition[];
  readonly range: ResolvedRange;
  readonly comparison: { readonly kind: Comparison; readonly range: ResolvedRange } | null;
  readonly grain: Grain | null;
  readonly filters: readonly ResolvedFilter[];
  readonly breakdown: PlannedBreakdown | null;
  readonly context: MeasureContext;
  /** Measure names per fact, in a stable order. */
  readonly measures: ReadonlyMap<FactName, readonly string[]>;
}

function failure(code: MetricQueryErrorCode, message: string): Result<never, MetricQueryError> {
  return err({ code, message });
}

function allows(metric: MetricDefinition, dimension: DimensionName): boolean {
  return metric.dimensions.includes(dimension) || (isAttributeDimension(dimension) && metric.dimensions.includes("attr.*"));
}

function lookupMetric(name: string): MetricDefinition | string {
  const metric = findMetric(name);
  if (metric) return metric;
  const close = METRICS.filter((candidate) => candidate.name.includes(name.toLowerCase().replace(/\s+/g, "_")) || name.toLowerCase().includes(candidate.name)).map((m) => m.name);
  return `Unknown metric "${name}".${close.length > 0 ? ` Did you mean ${close.slice(0, 3).join(", ")}?` : ""} Run \`bizos metrics --list\` for the catalog.`;
}

function resolveQueryRange(query: MetricQuery, scope: MetricScope, now: Date): Result<ResolvedRange, MetricQueryError> {
  const spec = typeof query.range === "string" ? parseRangeText(query.range) : ok(query.range);
  if (!spec.ok) return failure("invalid_range", spec.error.message);
  const resolved = resolveRange(spec.value, { timeZone: scope.timeZone, weekStart: scope.weekStart }, now);
  return resolved.ok ? resolved : failure("invalid_range", resolved.error.message);
}

export async function planQuery(db: DbOrTrx, scope: MetricScope, query: MetricQuery, now: Date): Promise<Result<QueryPlan, MetricQueryError>> {
  const metrics: MetricDefinition[] = [];
  for (const name of query.metrics) {
    const found = lookupMetric(name);
    if (typeof found === "string") return failure("unknown_metric", found);
    if (!metrics.includes(found)) metrics.push(found);
  }

  const touched: DimensionName[] = [];
  for (const name of [...query.filters.map((filter) => filter.dimension), ...(query.breakdown ? [query.breakdown.dimension] : [])]) {
    if (!isDimensionName(name)) return failure("unknown_dimension", `Unknown dimension "${name}". Use one of the catalog's dimensions, or attr.<key> for a custom attribute.`);
    touched.push(name);
  }
  for (const dimension of touched) {
    const refusing = metrics.filter((metric) => !allows(metric, dimension));
    if (refusing.length > 0) {
      const names = refusing.map((metric) => metric.name).join(", ");
      const allowed = refusing[0]!.dimensions.length === 0 ? "it has no dimensions" : `it allows ${refusing[0]!.dimensions.join(", ")}`;
      return failure("unsupported_dimension", `${names} cannot be filtered or broken down by ${dimension} (${allowed}).`);
    }
  }

  const range = resolveQueryRange(query, scope, now);
  if (!range.ok) return range;

  const filters: ResolvedFilter[] = [];
  for (const filter of query.filters) {
    const dimension = touched[filters.length]!;
    const resolved = await resolveMemberKeys(db, scope.workspaceId, dimension, filter.values);
    if ("unknown" in resolved) return failure("unknown_member", `No ${dimension} matches "${resolved.unknown.value}".`);
    filters.push({ dimension, operator: filter.operator, values: resolved.keys });
  }

  let breakdown: PlannedBreakdown | null = null;
  if (query.breakdown) {
    const sortName = query.breakdown.sortBy ?? metrics[0]!.name;
    const sortBy = metrics.find((metric) => metric.name === sortName || metric === findMetric(sortName));
    if (!sortBy) return failure("unknown_metric", `sortBy "${sortName}" must be one of the queried metrics (${metrics.map((m) => m.name).join(", ")}).`);
    breakdown = { dimension: touched[touched.length - 1]!, top: query.breakdown.top, sortBy, direction: query.breakdown.direction };
  }

  const context: MeasureContext = { lineGrain: touched.some(isLineDimension) };
  const measures = new Map<FactName, string[]>();
  for (const metric of metrics) {
    for (const ref of metric.measures(context)) {
      const { fact, measure } = splitMeasure(ref);
      const list = measures.get(fact) ?? [];
      if (!list.includes(measure)) list.push(measure);
      measures.set(fact, list);
    }
  }

  return ok({
    scope,
    metrics,
    range: range.value,
    comparison: query.comparison ? { kind: query.comparison, range: comparisonRange(range.value, query.comparison) } : null,
    grain: query.grain,
    filters,
    breakdown,
    context,
    measures,
  });
}
