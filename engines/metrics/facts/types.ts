import type { DbOrTrx } from "../../../db/database.ts";
import type { DimensionName } from "../definitions/dimensions.ts";
import type { Grain, LocalDate, WeekStart } from "../time/types.ts";

/** The workspace a query runs for, with the calendar its days are counted in. */
export interface MetricScope {
  readonly workspaceId: number;
  readonly timeZone: string;
  readonly weekStart: WeekStart;
}

export const FILTER_OPERATORS = ["in", "not_in"] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** A filter on member keys (product ids, channel names…), already resolved. */
export interface ResolvedFilter {
  readonly dimension: DimensionName;
  readonly operator: FilterOperator;
  readonly values: readonly string[];
}

/** The member key of the rows folded into "other" in a top-N breakdown. */
export const OTHER_MEMBER = "\u001fother";

/** Which aggregation levels to return. */
export interface Levels {
  readonly total: boolean;
  readonly bucket: boolean;
  readonly member: boolean;
  readonly bucketMember: boolean;
}

export interface FactRequest {
  readonly scope: MetricScope;
  readonly start: LocalDate;
  /** Exclusive. */
  readonly end: LocalDate;
  /** Bucket grain, when bucket levels are asked for. */
  readonly grain: Grain | null;
  /** Breakdown dimension, when member levels are asked for. */
  readonly breakdown: DimensionName | null;
  /** Members to keep by name; the rest become OTHER_MEMBER. null keeps every member. */
  readonly keepMembers: readonly string[] | null;
  readonly filters: readonly ResolvedFilter[];
  /** Measure names of this fact (without the fact prefix). */
  readonly measures: readonly string[];
  readonly levels: Levels;
  /** Force a raw scan even when a rollup could answer (benchmarks, property tests). */
  readonly forceRaw: boolean;
}

/** One aggregated row: bucket (its period start) and member are null at levels that do not split by them. */
export interface FactRow {
  readonly bucket: LocalDate | null;
  readonly member: string | null;
  readonly values: Readonly<Record<string, number>>;
}

export type FactPath = "rollup" | "raw" | "rollup+raw" | "daily";

export interface FactResult {
  readonly rows: readonly FactRow[];
  readonly path: FactPath;
}

export interface FactSource {
  readonly name: string;
  /** Dimensions this fact can filter and split by. */
  supports(dimension: DimensionName): boolean;
  load(db: DbOrTrx, request: FactRequest): Promise<FactResult>;
}
