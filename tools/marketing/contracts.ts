/** Contracts of the marketing agent's tools. */
import { z } from "zod";
import { COMPARISONS } from "../../engines/metrics/time/types.ts";
import type { ToolContract } from "../tool-contract.ts";

export const marketingPerformanceSchema = z.object({
  range: z.string().min(1).default("last 30 days").describe("The time range as text: 'last 30 days', 'last month', 'october 2026', '2026-10-01..2026-10-15'."),
  by: z.enum(["platform", "campaign"]).default("platform").describe("Compare ad platforms (meta, google, tiktok…) or individual campaigns."),
  platforms: z.array(z.string().min(1)).default([]).describe("Only these platforms (names as people say them: Meta, Facebook, Google Ads…); empty for all."),
  campaigns: z.array(z.string().min(1)).default([]).describe("Only these campaigns (names or ids, matched loosely); empty for all."),
  comparison: z.enum(COMPARISONS).nullable().default(null).describe("Compare with the previous period or the same period last year."),
  top: z.number().int().min(1).max(50).default(10).describe("How many platforms or campaigns to list, ranked by spend."),
});
export const marketingPerformanceContract = {
  name: "marketing_performance",
  description:
    "Ad performance by platform or campaign: spend, impressions, clicks, CTR, CPC, conversions, CPA, platform ROAS, plus blended MER (store revenue ÷ all spend) and CAC (spend ÷ new customers) for the whole range.",
  schema: marketingPerformanceSchema,
} as const satisfies ToolContract<typeof marketingPerformanceSchema>;

export const budgetReallocationSchema = z.object({
  range: z.string().min(1).default("last 30 days").describe("The period whose results the suggestion is based on."),
  by: z.enum(["platform", "campaign"]).default("campaign").describe("Move budget between platforms or between campaigns."),
  shiftPercent: z.number().min(5).max(50).default(20).describe("At most this share of the weakest spenders' budget is moved."),
});
export const budgetReallocationContract = {
  name: "budget_reallocation",
  description:
    "Suggest moving ad budget from the least to the most efficient platforms or campaigns (by ROAS/CPA over the range), with the expected change in conversions and revenue. A suggestion only: nothing is changed.",
  schema: budgetReallocationSchema,
} as const satisfies ToolContract<typeof budgetReallocationSchema>;
