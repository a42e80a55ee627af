/** Contracts of the commerce-ops agent's tools. Price-change proposals arrive with the approvals issue. */
import { z } from "zod";
import type { ToolContract } from "../tool-contract.ts";

const products = z.array(z.string().min(1)).default([]).describe("Only these products or SKUs (titles as people say them, SKUs or ids, matched loosely); empty for all.");
const category = z.string().min(1).nullable().default(null).describe("Only products of this category, or null for all.");
const top = z.number().int().min(1).max(50).default(10).describe("How many products to list.");

export const inventoryStatusSchema = z.object({
  view: z.enum(["stockout_risk", "days_of_stock", "overstock"]).default("stockout_risk").describe(
    "stockout_risk: products likely to run out within the horizon; days_of_stock: stock on hand and how long it lasts; overstock: stock far beyond demand.",
  ),
  horizonDays: z.number().int().min(1).max(120).default(14).describe("Look this many days ahead (e.g. 7 for 'next week')."),
  products,
  category,
  top,
});
export const inventoryStatusContract = {
  name: "inventory_status",
  description:
    "Inventory by product/SKU: on hand, daily demand forecast, days of stock, stockout risk within a horizon or the lead time, and overstock.",
  schema: inventoryStatusSchema,
} as const satisfies ToolContract<typeof inventoryStatusSchema>;

export const reorderSuggestionsSchema = z.object({
  products,
  category,
  leadTimeDays: z.number().int().min(1).max(180).nullable().default(null).describe("Supplier lead time in days; null uses each product's own (or the workspace default)."),
  top,
});
export const reorderSuggestionsContract = {
  name: "reorder_suggestions",
  description: "What to reorder and how much: reorder point and quantity per SKU from forecast demand, its variability and the lead time (safety stock included).",
  schema: reorderSuggestionsSchema,
} as const satisfies ToolContract<typeof reorderSuggestionsSchema>;

export const competitorPricesSchema = z.object({
  view: z.enum(["compare", "undercut"]).default("compare").describe("compare: our price against competitors'; undercut: products where a competitor went below us in the range."),
  range: z.string().min(1).default("last 7 days").describe("Competitor observations to consider, as text ('last 7 days', 'this week')."),
  products,
  category,
  competitors: z.array(z.string().min(1)).default([]).describe("Only these competitors (names, matched loosely); empty for all."),
  top,
});
export const competitorPricesContract = {
  name: "competitor_prices",
  description: "Competitor price comparison: our current price against each competitor's latest in-stock price, the gap in money and percent, and who undercut us in the range.",
  schema: competitorPricesSchema,
} as const satisfies ToolContract<typeof competitorPricesSchema>;
