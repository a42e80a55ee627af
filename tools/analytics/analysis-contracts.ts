/** Contracts of the analytics agent's analyses: cohorts, RFM, anomalies and forecasts. */
import { z } from "zod";
import type { ToolContract } from "../tool-contract.ts";

export const cohortAnalysisSchema = z.object({
  months: z.number().int().min(1).max(24).default(12).describe("How many monthly acquisition cohorts to show, ending with the current month."),
  maxAge: z.number().int().min(1).max(24).default(12).describe("Oldest age to compute, in months since each cohort's first order."),
});
export const cohortAnalysisContract = {
  name: "cohort_analysis",
  description: "Monthly acquisition cohorts: retention and cumulative revenue per customer (LTV) by months since the first order, with the best and worst cohorts.",
  schema: cohortAnalysisSchema,
} as const satisfies ToolContract<typeof cohortAnalysisSchema>;

export const rfmSegmentsSchema = z.object({
  lookbackDays: z.number().int().min(30).max(1095).default(365).describe("Days of order history to score customers on, ending today."),
  segment: z.string().nullable().default(null).describe("One segment to focus on (champions, loyal, at_risk, hibernating, …), or null for all."),
});
export const rfmSegmentsContract = {
  name: "rfm_segments",
  description: "RFM customer segmentation (recency, frequency, monetary quintiles): named segments such as champions, loyal, at risk and hibernating, with customers and revenue each.",
  schema: rfmSegmentsSchema,
} as const satisfies ToolContract<typeof rfmSegmentsSchema>;

export const explainAnomaliesSchema = z.object({
  metric: z.string().default("net_sales").describe("The metric whose daily series to check, e.g. net_sales, orders, conversion_rate, roas."),
  lookbackDays: z.number().int().min(1).max(90).default(14).describe("Recent days to check for unusual values, ending yesterday or today."),
});
export const explainAnomaliesContract = {
  name: "explain_anomalies",
  description: "Find unusual days in a metric (against a day-of-week and trend-aware baseline) and explain them: direction, size, confidence and the members (channel, category, campaign…) that drove each one.",
  schema: explainAnomaliesSchema,
} as const satisfies ToolContract<typeof explainAnomaliesSchema>;

export const forecastMetricSchema = z.object({
  metric: z.string().default("net_sales").describe("A daily money or count metric to forecast, e.g. net_sales, orders, units."),
  horizonDays: z.number().int().min(1).max(90).default(30).describe("How many days ahead to forecast, starting tomorrow."),
});
export const forecastMetricContract = {
  name: "forecast_metric",
  description: "Forecast a metric for the coming days with a seasonal model: the expected total and an 80% prediction interval.",
  schema: forecastMetricSchema,
} as const satisfies ToolContract<typeof forecastMetricSchema>;
