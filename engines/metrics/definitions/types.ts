import type { MeasureRef } from "../facts/measures.ts";
import type { Grain } from "../time/types.ts";
import type { MetricValue } from "../values.ts";
import type { DimensionName } from "./dimensions.ts";

export const METRIC_DOMAINS = ["ecommerce", "saas", "marketing", "web"] as const;
export type MetricDomain = (typeof METRIC_DOMAINS)[number];

/**
 * money: integer minor units of the workspace currency; count; ratio: a fraction shown as a
 * percentage; multiple: a ratio shown as "3.2×" (ROAS).
 */
export const METRIC_UNITS = ["money", "count", "ratio", "multiple"] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** How the query reads the data: at order grain unless a line dimension (product…) is involved. */
export interface MeasureContext {
  readonly lineGrain: boolean;
}

/** Measure values by reference, for the slice (bucket, member) being computed. */
export type MeasureReader = (ref: MeasureRef) => number;

/** One governed business metric. */
export interface MetricDefinition {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly domain: MetricDomain;
  readonly unit: MetricUnit;
  /** The formula in words, for people and for the model's explanations. */
  readonly formula: string;
  /** Dimensions it can be filtered and broken down by ("attr.*" means any custom attribute). */
  readonly dimensions: readonly (DimensionName | "attr.*")[];
  readonly defaultGrain: Grain;
  /** null when neither direction is good or bad in itself (ad spend). */
  readonly higherIsBetter: boolean | null;
  /** flow: summed over the range; state: a level at the end of the range (MRR). */
  readonly aggregation: "flow" | "state";
  /** Other names people use, in English, Spanish and Portuguese (lower case). */
  readonly aliases: readonly string[];
  readonly measures: (context: MeasureContext) => readonly MeasureRef[];
  readonly compute: (read: MeasureReader, context: MeasureContext) => MetricValue;
}
