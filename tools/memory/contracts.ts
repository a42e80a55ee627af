/**
 * The memory agent's tools, as the model sees them: recall what was said before (any channel, this
 * member's private chats and the workspace's shared ones), keep a fact the team states ("we never
 * discount the Classic line"), and forget one. Facts are the workspace's knowledge: the pricing tools
 * and every answer that touches their subject use them later.
 */
import { z } from "zod";
import { rangeSpecSchema } from "../../engines/metrics/time/range-spec.ts";
import type { ToolContract } from "../tool-contract.ts";

export const MEMORY_KINDS_ASKED = ["anything", "facts", "conversation"] as const;
export const RECALL_SUBJECT_KINDS = ["product", "campaign", "competitor"] as const;

export const recallMemorySchema = z.object({
  query: z
    .string()
    .trim()
    .min(1, "say what to look for")
    .max(500, "keep it under 500 characters")
    .describe("What to look for, in the person's words without the asking: 'summer sale decision', 'Meta question', 'the product we talked about'."),
  range: z
    .union([rangeSpecSchema, z.string().min(1)])
    .nullable()
    .default(null)
    .describe("When it was said, only if the person says it ('yesterday', 'last week', 'october 2026'); null for any time."),
  about: z.enum(MEMORY_KINDS_ASKED).default("anything").describe("facts: only facts the team asked to keep; conversation: only messages and tool results; anything: both."),
  subject: z
    .enum(RECALL_SUBJECT_KINDS)
    .nullable()
    .default(null)
    .describe("When the person refers to a thing by its kind ('the product we talked about', 'la campaña que comentamos'): that kind, so the answer names the products or campaigns the recalled memories mention; else null."),
  limit: z.number().int().min(1).max(10).default(5).describe("How many memories to bring back, best first (1–10)."),
});
export type RecallMemoryArgs = z.output<typeof recallMemorySchema>;

export const recallMemoryContract: ToolContract<typeof recallMemorySchema> = {
  name: "recall_memory",
  description:
    "Search earlier conversations (Slack, WhatsApp, email, web) and the facts the team asked to keep: questions asked, answers given, proposals and decisions. Returns each memory with who said it, where and when. Use it for 'what did we decide about…', 'what did I ask yesterday about…', 'the product we talked about'.",
  schema: recallMemorySchema,
};

export const rememberFactSchema = z.object({
  statement: z
    .string()
    .trim()
    .min(3, "say the fact")
    .max(500, "keep a fact under 500 characters")
    .describe("The fact as the person stated it, without 'remember that': 'we never discount the Classic line', 'our cost for SKU 123 went up to 210'."),
});
export type RememberFactArgs = z.output<typeof rememberFactSchema>;

export const rememberFactContract: ToolContract<typeof rememberFactSchema> = {
  name: "remember_fact",
  description:
    "Keep a lasting fact about the business that the person states or asks you to remember (a policy, a cost, a decision, who handles what). It is kept for the whole workspace with who said it and when; price suggestions respect 'never discount' facts. Do not call it for questions.",
  schema: rememberFactSchema,
};

export const forgetMemorySchema = z.object({
  about: z
    .string()
    .trim()
    .max(300)
    .nullable()
    .default(null)
    .describe("What to forget, in the person's words ('the Classic line', 'SKU 123'); null for 'forget that', the last fact this person stated."),
});
export type ForgetMemoryArgs = z.output<typeof forgetMemorySchema>;

export const forgetMemoryContract: ToolContract<typeof forgetMemorySchema> = {
  name: "forget_memory",
  description:
    "Forget a fact kept earlier, for good (its text and its vectors). With no 'about', forgets the last fact this person stated; with 'about', the fact that matches it (if several match, they are listed so the person can say which).",
  schema: forgetMemorySchema,
};
