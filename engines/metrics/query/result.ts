import type { DimensionName } from "../definitions/dimensions.ts";
import type { MetricDomain, MetricUnit } from "../definitions/types.ts";
import type { FactName } from "../facts/measures.ts";
import type { FactPath } from "../facts/types.ts";
import type { Comparison, Grain, ResolvedRange, TimeBucket } from "../time/types.ts";
import type { ComparedValue } from "../values.ts";
import type { Freshness } from "./freshness.ts";

/** What each queried metric is, so answers can format and explain it. */
export interface MetricSummary {
  readonly name: string;
  readonly label: string;
  readonly domain: MetricDomain;
  readonly unit: MetricUnit;
  readonly formula: string;
  readonly higherIsBetter: boolean | null;
}

export type MetricValues = Readonly<Record<string, ComparedValue>>;

export interface SeriesPoint {
  readonly bucket: TimeBucket;
  /** The comparison range's bucket at the same position, when comparing. */
  readonly comparisonBucket: TimeBucket | null;
  readonly values: MetricValues;
}

export interface BreakdownRow {
  readonly member: string;
  readonly label: string;
  /** True for the row that sums every member beyond the top N. */
  readonly other: boolean;
  readonly values: MetricValues;
  /** The row's share of the total of the sort metric (money and count flows only). */
  readonly share: number | null;
  readonly series: readonly SeriesPoint[] | null;
}

export interface Breakdown {
  readonly dimension: DimensionName;
  readonly sortBy: string;
  readonly direction: "asc" | "desc";
  readonly top: number;
  /** Members with data in the range, before the top-N cut. */
  readonly members: number;
  readonly rows: readonly BreakdownRow[];
}

/** The answer to a metric query: every number the product says comes from here. */
export interface MetricQueryResult {
  readonly workspaceId: number;
  readonly currency: string;
  readonly timeZone: string;
  readonly range: ResolvedRange;
  readonly comparison: { readonly kind: Comparison; readonly range: ResolvedRange } | null;
  readonly grain: Grain | null;
  readonly metrics: readonly MetricSummary[];
  readonly totals: MetricValues;
  readonly series: readonly SeriesPoint[] | null;
  readonly breakdown: Breakdown | null;
  readonly freshness: readonly Freshness[];
  /** How each fact was read: from rollups, raw scans, or the sources' own daily tables. */
  readonly paths: Readonly<Partial<Record<FactName, FactPath>>>;
}
