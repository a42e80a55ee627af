/**
 * The metric query contract, as a zod schema the agents' tools expose to models and the CLI
 * parses flags into. Every field is described for the model.
 */
import { z } from "zod";
import { rangeSpecSchema } from "../time/range-spec.ts";
import { COMPARISONS, GRAINS } from "../time/types.ts";
import { FILTER_OPERATORS } from "../facts/types.ts";

export const MAX_METRICS_PER_QUERY = 8;
export const DEFAULT_TOP = 10;

export const metricFilterSchema = z.object({
  dimension: z.string().describe("Dimension to filter on: source_channel, country, state, city, customer_type, product, variant, category, platform, campaign, source, medium, source_medium, or attr.<key> for a custom order attribute."),
  operator: z.enum(FILTER_OPERATORS).default("in").describe("in: keep only these members; not_in: drop them."),
  values: z.array(z.string().min(1)).min(1).describe("Members to match: names as people say them (a product title, a channel, a country code) or ids."),
});

export const breakdownSchema = z.object({
  dimension: z.string().describe("Dimension to split the result by (same names as filters)."),
  top: z.number().int().min(1).max(100).default(DEFAULT_TOP).describe("How many members to list; the rest are summed into an 'other' row."),
  sortBy: z.string().optional().describe("Metric to rank members by; defaults to the first metric."),
  direction: z.enum(["desc", "asc"]).default("desc").describe("desc lists the largest first (top sellers); asc the smallest first."),
});

export const metricQuerySchema = z.object({
  metrics: z.array(z.string().min(1)).min(1).max(MAX_METRICS_PER_QUERY).describe("Metric names, e.g. net_sales, orders, aov, roas, mrr (see the metric catalog)."),
  range: z.union([rangeSpecSchema, z.string().min(1)]).describe("The time range: a structured range, or text such as 'last 30 days', 'yesterday', 'october 2026', 'mtd', '2026-10-01..2026-10-15'."),
  grain: z.enum(GRAINS).nullable().default(null).describe("Split the range into day, week, month, quarter or year buckets for a trend; null for totals only."),
  filters: z.array(metricFilterSchema).default([]).describe("Restrict the data to some members of some dimensions."),
  breakdown: breakdownSchema.nullable().default(null).describe("Split the totals by a dimension's members (top N + other)."),
  comparison: z.enum(COMPARISONS).nullable().default(null).describe("Compare with the previous period of the same length, or the same period last year."),
});

export type MetricQueryInput = z.input<typeof metricQuerySchema>;
export type MetricQuery = z.output<typeof metricQuerySchema>;
