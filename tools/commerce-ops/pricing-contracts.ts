/**
 * Contracts of the commerce-ops pricing tools. The model can ask for suggestions and create
 * proposals (a price change, or the undo of an applied one); no tool approves or applies anything:
 * approval arrives only as a person's reply on a channel (engines/approvals), and applying is a job.
 */
import { z } from "zod";
import type { ToolContract } from "../tool-contract.ts";

const products = z.array(z.string().min(1)).default([]).describe("Only these products or SKUs (titles as people say them, SKUs or ids, matched loosely); empty for all.");
const category = z.string().min(1).nullable().default(null).describe("Only products of this category, or null for all.");

export const priceSuggestionsSchema = z.object({
  view: z.enum(["all", "overpriced", "underpriced"]).default("all").describe(
    "all: every product whose rules call for a change; overpriced: only price cuts (where we are above the market); underpriced: only increases (room to raise).",
  ),
  products,
  category,
  top: z.number().int().min(1).max(50).default(10).describe("How many suggestions to list, best first (largest expected gain)."),
});
export const priceSuggestionsContract = {
  name: "price_suggestions",
  description:
    "Ranked price suggestions from the pricing engine and the workspace's rules: current price, competitor prices, suggested price, the rule that produced it, margin before and after, expected units and revenue (elasticity with its confidence), and a short code per suggestion to propose it.",
  schema: priceSuggestionsSchema,
} as const satisfies ToolContract<typeof priceSuggestionsSchema>;

export const proposePriceChangeSchema = z.object({
  product: z.string().min(1).nullable().default(null).describe("The product or SKU to change, as the person named it; null when a suggestion is named instead."),
  priceCents: z.number().int().min(1).nullable().default(null).describe("The new price in minor units (399 pesos → 39900); null when changePct or a suggestion gives it."),
  changePct: z.number().min(-90).max(500).nullable().default(null).describe("A relative change in percent (−10 lowers by 10%); null when priceCents or a suggestion gives it."),
  suggestion: z.string().min(1).nullable().default(null).describe("The code of a suggestion from price_suggestions (e.g. 'K7QD'), or null."),
  rank: z.number().int().min(1).max(50).nullable().default(null).describe("The position of a suggestion in a price_suggestions list ('apply suggestion 3'), or null; read against `from`."),
  from: priceSuggestionsSchema.nullable().default(null).describe("The price_suggestions arguments of the list `rank` refers to; null for the default list."),
});
export const proposePriceChangeContract = {
  name: "propose_price_change",
  description:
    "Proposes a price change (never applies it): checks it against the pricing rules (floor, ceiling, MAP, maximum change per day, cool-down), records it with a short code and sends an approval request to the workspace's approvers on their channels. The change is applied only after an approver replies yes.",
  schema: proposePriceChangeSchema,
} as const satisfies ToolContract<typeof proposePriceChangeSchema>;

export const undoPriceChangeSchema = z.object({
  code: z.string().min(1).describe("The code of the applied price change to undo, e.g. '4F2K'."),
});
export const undoPriceChangeContract = {
  name: "undo_price_change",
  description:
    "Proposes restoring the price an applied change replaced. Applied after approval when the workspace requires approval for undos, otherwise at once for an approver.",
  schema: undoPriceChangeSchema,
} as const satisfies ToolContract<typeof undoPriceChangeSchema>;

export const priceChangesSchema = z.object({
  status: z.enum(["pending", "applied", "all"]).default("pending").describe("pending: waiting for approval; applied: applied (undoable); all: every recent proposal."),
  products,
  top: z.number().int().min(1).max(50).default(10).describe("How many to list, newest first."),
});
export const priceChangesContract = {
  name: "price_changes",
  description: "Price-change proposals and their state (pending approval, approved, applied, rejected, expired, failed, rolled back), with who decided and when.",
  schema: priceChangesSchema,
} as const satisfies ToolContract<typeof priceChangesSchema>;
