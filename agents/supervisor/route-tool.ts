/**
 * The supervisor's one tool: hand the message to an agent. The router model calls it (or answers
 * by itself); the graph follows it and never executes it as a tool.
 */
import { tool, type StructuredToolInterface } from "@langchain/core/tools";
import { z } from "zod";
import { LANGUAGES } from "../shared/language.ts";
import { AGENTS } from "../../tools/tool-names.ts";

export const ROUTE_TOOL = "route";

export const routeSchema = z.object({
  agent: z.enum(AGENTS).describe("analytics: sales, KPIs, trends, breakdowns, cohorts, RFM, anomalies, forecasts, SaaS metrics; marketing: ad platforms and campaigns, ROAS, CPA, CAC, MER, budget; commerce_ops: inventory, stockouts, reorders, competitor prices, price suggestions and price changes; notifications: the person's own digest, alerts, weekly report and quiet hours settings, why a notification was sent to them, and their feedback on it; memory: what was said or decided before in any conversation ('what did we decide about the summer sale?', 'what did I ask yesterday about Meta?', 'the product we talked about'), a lasting fact the person states or asks to remember ('we never discount the Classic line', 'our cost for SKU 123 went up to 210'), and 'forget that'."),
  language: z.enum(LANGUAGES).describe("The language the person wrote in: en, es or pt. The answer is written in it."),
  reason: z.string().describe("A few words on why this agent."),
});
export type RouteArgs = z.output<typeof routeSchema>;

export const routeTool: StructuredToolInterface = tool(() => "routed", {
  name: ROUTE_TOOL,
  description: "Send the person's message to the agent that can answer it with data. Do not call it for greetings, help, out-of-scope requests or when you must ask a clarifying question: answer those yourself.",
  schema: routeSchema,
});
